package views

import "dossier/app"

// editRelation opens the relation editor on r (a new relation when r.ID == 0, prefilled
// from r: e.g. source, article and quote from a selection) and calls onSaved after saving.
// (Stub: to be written.)
func (u *UI) editRelation(r app.Relation, onSaved func(app.Relation)) {}
