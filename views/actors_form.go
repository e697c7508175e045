package views

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// actorForm is the dialog that creates or edits one actor.
type actorForm struct {
	s       *actorsScreen
	actor   app.Actor // what was opened: its ID says create (0) or update
	onSaved func(app.Actor)
	// onExisting, when set, is offered as "Use it" for an actor that already has the typed
	// name (the picker uses it); otherwise the form offers to open that actor's dossier.
	onExisting func(app.Actor)

	name        *keyEntry
	kind        *keySelect
	description *keyEntry
	aliases     *keyEntry
	tags        *keyEntry
	notes       *keyEntry
	problem     *widget.Label
	save        *widget.Button
	cancel      *widget.Button
	dlg         *dialog.CustomDialog
	// warning is the "already exists" dialog while it is open.
	warning *dialog.CustomDialog
}

// editActor opens the actor form (a new actor when a.ID == 0, prefilled from a), and
// calls onSaved with the stored actor.
func (s *actorsScreen) editActor(a app.Actor, onSaved func(app.Actor)) {
	s.openActorForm(a, onSaved, nil)
}

// openActorForm is editActor with a choice of what to do with an existing namesake.
func (s *actorsScreen) openActorForm(a app.Actor, onSaved, onExisting func(app.Actor)) *actorForm {
	f := &actorForm{s: s, actor: a, onSaved: onSaved, onExisting: onExisting}
	f.build()
	s.form = f
	s.u.showKeyed(f.dlg, dialogKeys{cancel: f.cancelEdit, save: func() {
		if !f.save.Disabled() { // not twice while a save is under way
			f.submit()
		}
	}})
	s.u.win.Canvas().Focus(f.name)
	return f
}

func (f *actorForm) build() {
	a := f.actor
	f.name = f.s.u.newKeyEntry()
	f.name.SetText(a.Name)
	f.name.SetPlaceHolder("The usual full name, e.g. Nouri al-Maliki")
	f.name.OnSubmitted = func(string) { f.submit() }

	var labels []string
	for _, k := range app.ActorKinds {
		labels = append(labels, k.Label())
	}
	f.kind = f.s.u.newKeySelect(labels, nil)
	kind := a.Kind
	if kind == "" {
		kind = app.Person
	}
	f.kind.SetSelected(kind.Label())

	f.description = f.s.u.newKeyEntry()
	f.description.SetText(a.Description)
	f.description.SetPlaceHolder("Who this is, e.g. former prime minister of Iraq")
	f.description.OnSubmitted = func(string) { f.submit() }

	f.aliases = f.s.u.newKeyMultiLineEntry()
	f.aliases.SetText(strings.Join(a.Aliases, "\n"))
	f.aliases.SetPlaceHolder("Other names, one per line, e.g. Maliki")
	f.aliases.SetMinRowsVisible(3)

	f.tags = f.s.u.newKeyEntry()
	f.tags.SetText(strings.Join(a.Tags, ", "))
	f.tags.SetPlaceHolder("Your keywords, e.g. iraq, elections")
	f.tags.OnSubmitted = func(string) { f.submit() }

	f.notes = f.s.u.newKeyMultiLineEntry()
	f.notes.SetText(a.Notes)
	f.notes.SetPlaceHolder("Anything worth remembering about this actor")
	f.notes.SetMinRowsVisible(3)

	form := widget.NewForm(
		&widget.FormItem{Text: "Name", Widget: f.name},
		&widget.FormItem{Text: "Kind", Widget: f.kind},
		&widget.FormItem{Text: "Description", Widget: f.description, HintText: "One line that says who this is"},
		&widget.FormItem{Text: "Aliases", Widget: f.aliases, HintText: "Other names, one per line; articles are searched for these too"},
		&widget.FormItem{Text: "Tags", Widget: f.tags, HintText: "Separated by commas"},
		&widget.FormItem{Text: "Notes", Widget: f.notes},
	)
	f.problem = widget.NewLabel("")
	f.problem.Importance = widget.DangerImportance
	f.problem.Wrapping = fyne.TextWrapWord
	f.problem.Hide()

	title := "New actor"
	saveText := "Add actor"
	if a.ID != 0 {
		title = "Edit “" + a.Name + "”"
		saveText = "Save"
	}
	f.save = &widget.Button{Text: saveText, Icon: theme.ConfirmIcon(), Importance: widget.HighImportance, OnTapped: f.submit}
	f.cancel = &widget.Button{Text: "Cancel", Icon: theme.CancelIcon(), OnTapped: f.cancelEdit}
	f.dlg = dialog.NewCustomWithoutButtons(title, container.NewVBox(f.problem, form), f.s.u.win)
	f.dlg.SetButtons([]fyne.CanvasObject{f.cancel, f.save})
	f.dlg.Resize(fyne.NewSize(actorDialogWidth(f.s.u.win, 600), 0))
}

// cancelEdit closes the form (Cancel, Esc), asking first when something typed would be lost.
func (f *actorForm) cancelEdit() {
	if !f.dirty() {
		f.close()
		return
	}
	f.s.u.confirmDiscard(f.close)
}

// dirty reports whether the form holds changes that closing it would lose.
func (f *actorForm) dirty() bool {
	a, o := f.typed(), f.actor
	if o.Kind == "" {
		o.Kind = app.Person
	}
	a.Normalize()
	o.Normalize()
	return a.Name != o.Name || a.Kind != o.Kind || a.Description != o.Description || a.Notes != o.Notes ||
		strings.Join(a.Aliases, "\n") != strings.Join(o.Aliases, "\n") || strings.Join(a.Tags, ",") != strings.Join(o.Tags, ",")
}

func (f *actorForm) close() {
	f.dlg.Hide()
	if f.s.form == f {
		f.s.form = nil
	}
}

// typed returns the actor as the form holds it.
func (f *actorForm) typed() app.Actor {
	a := f.actor
	a.Name = f.name.Text
	a.Kind = kindFromLabel(f.kind.Selected)
	a.Description = f.description.Text
	a.Aliases = strings.Split(f.aliases.Text, "\n")
	a.Tags = app.SplitTags(f.tags.Text)
	a.Notes = f.notes.Text
	return a
}

// showProblem puts err's message above the fields and leaves everything typed in place.
func (f *actorForm) showProblem(err error) {
	f.save.Enable()
	f.problem.SetText(app.ErrorMessage(err))
	f.problem.Show()
	f.dlg.Refresh()
}

// submit validates what was typed, warns when a new actor's name is already taken, and
// saves.
func (f *actorForm) submit() {
	a := f.typed()
	a.Normalize()
	if err := a.Validate(); err != nil {
		f.showProblem(err)
		f.s.u.win.Canvas().Focus(f.name)
		return
	}
	if f.problem.Visible() {
		f.problem.Hide()
		f.dlg.Refresh() // give the space back
	}
	f.save.Disable() // one save at a time
	st := f.s.u.store
	f.s.u.async(func(ctx context.Context) {
		if a.ID == 0 {
			existing, err := st.FindActor(ctx, a.Name)
			switch {
			case err == nil:
				fyne.Do(func() { f.warnExisting(a, existing) })
				return
			case app.IsCode(err, app.EAMBIGUOUS):
				fyne.Do(func() { f.warnAmbiguous(a, err) })
				return
			case !app.IsCode(err, app.ENOTFOUND):
				fyne.Do(func() { f.showProblem(err) })
				return
			}
			// An alias another actor goes by would file a twin just as a name would.
			clashes, err := st.ActorNameClashes(ctx, a.Aliases, 0)
			if err != nil {
				fyne.Do(func() { f.showProblem(err) })
				return
			}
			if len(clashes) > 0 {
				fyne.Do(func() { f.warnAliases(a, clashes) })
				return
			}
		}
		f.store(ctx, st, a)
	})
}

// store writes the actor; it runs off the UI goroutine.
func (f *actorForm) store(ctx context.Context, st Store, a app.Actor) {
	var saved app.Actor
	var err error
	if a.ID == 0 {
		saved, err = st.CreateActor(ctx, a)
	} else {
		saved, err = st.UpdateActor(ctx, a)
	}
	fyne.Do(func() {
		if err != nil {
			f.showProblem(err)
			return
		}
		f.close()
		f.s.reload()
		if f.onSaved != nil {
			f.onSaved(saved)
		}
	})
}

// warnExisting tells the user a new actor's name is already someone's name or alias and
// lets them open that actor instead, or add the new one anyway (two people can share a name).
func (f *actorForm) warnExisting(a, existing app.Actor) {
	who := existing.Kind.Label()
	if existing.Description != "" {
		who += ", " + existing.Description
	}
	text := fmt.Sprintf("An actor called “%s” already exists (%s).", a.Name, who)
	if app.Fold(existing.Name) != app.Fold(a.Name) {
		text = fmt.Sprintf("“%s” is already a name of “%s” (%s).", a.Name, existing.Name, who)
	}
	label, question, use := "Open it", "Open the existing actor, or add a new one with the same name?", f.onExisting
	if use == nil {
		use = func(a app.Actor) { f.s.u.openDossier(a.ID) }
	} else {
		label, question = "Use it", "Use the existing actor, or add a new one with the same name?"
	}
	open := &widget.Button{Text: label, Icon: theme.NavigateNextIcon(), Importance: widget.HighImportance, OnTapped: func() {
		f.warning.Hide()
		f.close()
		use(existing)
	}}
	f.showWarning(a, text+"\n\n"+question, open)
}

// warnAliases names the actors that already go by one of the new actor's aliases.
func (f *actorForm) warnAliases(a app.Actor, clashes []app.NameClash) {
	text := "Another actor already goes by a name you gave:\n"
	for _, c := range clashes {
		text += "\n• " + c.String()
	}
	f.showWarning(a, text+"\n\nAdd “"+a.Name+"” anyway, with these names too?")
}

func (f *actorForm) warnAmbiguous(a app.Actor, err error) {
	text := fmt.Sprintf("Several actors are already called “%s”:\n", a.Name)
	var e *app.Error
	if errors.As(err, &e) {
		for _, c := range e.Candidates {
			text += "\n• " + c
		}
	}
	f.showWarning(a, text+"\n\nAdd one more with the same name?")
}

// showWarning shows text over the form with Back (to the form), Add anyway and any
// further buttons.
func (f *actorForm) showWarning(a app.Actor, text string, more ...fyne.CanvasObject) {
	f.save.Enable()
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	back := &widget.Button{Text: "Back", Icon: theme.NavigateBackIcon(), OnTapped: func() { f.warning.Hide() }}
	anyway := &widget.Button{Text: "Add anyway", Icon: theme.ContentAddIcon(), OnTapped: func() {
		f.warning.Hide()
		f.save.Disable()
		st := f.s.u.store
		f.s.u.async(func(ctx context.Context) { f.store(ctx, st, a) })
	}}
	f.warning = dialog.NewCustomWithoutButtons("Already in the project", msg, f.s.u.win)
	f.warning.SetButtons(append([]fyne.CanvasObject{back, anyway}, more...))
	f.warning.Resize(fyne.NewSize(actorDialogWidth(f.s.u.win, 520), 0))
	// Esc goes back to the form; Enter does not add a second actor of the same name.
	f.s.u.showKeyed(f.warning, dialogKeys{cancel: f.warning.Hide})
}
