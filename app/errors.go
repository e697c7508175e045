// Package app holds Dossier's domain: the types a research project is made of, their
// validation, partial dates and the error codes every layer speaks. It knows no SQL and no GUI.
package app

import (
	"errors"
	"fmt"
)

// Error codes. The GUI and the batch interface show Error.Message; the code lets callers
// decide what to do without reading strings.
const (
	EINVALID   = "invalid"   // the input is wrong; the message says which field and why
	ENOTFOUND  = "not_found" // the object does not exist (or is in the trash)
	ECONFLICT  = "conflict"  // the write clashes with what is stored (a unique name, a merge of an actor with itself)
	EDUPLICATE = "duplicate" // the article is already filed
	EAMBIGUOUS = "ambiguous" // a name matches more than one actor
	ELOCKED    = "locked"    // another program holds the project file
	EREADONLY  = "read_only" // the project file cannot be written
	ENOTPROJ   = "not_project"
	ETOONEW    = "too_new" // the project file was written by a newer Dossier
	ECORRUPT   = "corrupt" // the project file is damaged; the message says where and what to do
	EINTERNAL  = "internal"
)

// Error is an error with a code and a message fit to show a researcher. Err keeps the
// underlying cause for the log.
type Error struct {
	Code    string
	Message string
	Err     error
	// Ref is the id of the object the error is about, when there is one: the article a
	// duplicate clashes with.
	Ref int64
	// Candidates lists the names an ambiguous name matched.
	Candidates []string
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %v", e.Message, e.Err)
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// classifiers turn errors of the layers below (the SQLite driver's) into *Error; see
// RegisterClassifier.
var classifiers []func(error) *Error

// RegisterClassifier lets a layer that knows what its own errors mean (package db, for the
// SQLite driver's codes) classify an error that reached the user without passing through
// its mapping: a damaged page met by any query still reads as ECORRUPT, never as an
// unexplained internal error. It is meant to be called from an init function.
func RegisterClassifier(f func(error) *Error) { classifiers = append(classifiers, f) }

// asError returns the first *Error in err's chain, or what a registered classifier makes
// of err, or nil.
func asError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	for _, f := range classifiers {
		if e := f(err); e != nil {
			return e
		}
	}
	return nil
}

// ErrorCode returns the code of the first *Error in err's chain (or of what a registered
// classifier makes of err), EINTERNAL for any other error and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	if e := asError(err); e != nil {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message to show a user: the *Error's message, or a generic line
// for internal errors whose detail belongs in the log.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	if e := asError(err); e != nil {
		return e.Message
	}
	return "Something went wrong inside Dossier: " + err.Error()
}

// IsCode reports whether err carries the given code.
func IsCode(err error, code string) bool { return ErrorCode(err) == code }
