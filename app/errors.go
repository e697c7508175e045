// Package app holds Dossier's domain: the types a research project is made of, their
// validation, partial dates and the error codes every layer speaks. It knows no SQL and no GUI.
package app

import (
	"errors"
	"fmt"
	"sync/atomic"
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

// InternalMessage is what a researcher is shown of an error no layer explained: never
// the raw words of a lower layer (a driver's "SQL logic error"), which say nothing to
// them; those go to the log.
const InternalMessage = "Something went wrong inside Dossier. The details are in Dossier's log (Help ▸ Show log)."

// ErrorMessage returns the message to show a user: the *Error's message, or
// InternalMessage for an error no layer explained. An internal error or damage (codes
// EINTERNAL and ECORRUPT) is written in full, with its causes, to the error log (see
// SetErrorLog) as it is turned into a message, so whatever shows the message, the
// details are in the log.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	e := asError(err)
	if e == nil || e.Code == EINTERNAL || e.Code == ECORRUPT {
		if f := errorLog.Load(); f != nil {
			(*f)(err)
		}
	}
	if e != nil {
		return e.Message
	}
	return InternalMessage
}

// ErrorReport is ErrorMessage with, for an error no layer explained, its own words: the
// batch interface prints it, where the researcher has no log window to open.
func ErrorReport(err error) string {
	if err != nil && asError(err) == nil {
		return "Something went wrong inside Dossier: " + err.Error()
	}
	return ErrorMessage(err)
}

var errorLog atomic.Pointer[func(error)]

// SetErrorLog sets where ErrorMessage writes the details of the internal errors it turns
// into plain messages (the window's log file); nil writes them nowhere.
func SetErrorLog(f func(err error)) {
	if f == nil {
		errorLog.Store(nil)
		return
	}
	errorLog.Store(&f)
}

// IsCode reports whether err carries the given code.
func IsCode(err error, code string) bool { return ErrorCode(err) == code }
