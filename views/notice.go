package views

// tell confirms what the user just did and where it went ("Saved relation #5 … in the
// dossiers of Donald Trump and Iraq"), in the window's status bar, so that an editor that
// closes on success does not leave them guessing whether anything was filed.
func (u *UI) tell(text string) {
	u.notice = text
	if u.onNotice != nil {
		u.onNotice(text)
	}
}
