package contractdoc

import (
	"errors"
	"fmt"
)

// Problem is an extraction failure said in English and French, for the
// report to show in the reader's language. Its Error is the English text.
type Problem struct {
	EN, FR string
	kind   error // a sentinel errors.Is finds, or nil
}

func (p *Problem) Error() string { return p.EN }
func (p *Problem) Unwrap() error { return p.kind }

// problemf formats both texts with the same arguments; a where argument
// gives its English name to the English text and its French one to the
// French text.
func problemf(kind error, en, fr string, args ...any) *Problem {
	enArgs, frArgs := make([]any, len(args)), make([]any, len(args))
	for i, a := range args {
		enArgs[i], frArgs[i] = a, a
		if w, ok := a.(where); ok {
			enArgs[i], frArgs[i] = w.en, w.fr
		}
	}
	return &Problem{EN: fmt.Sprintf(en, enArgs...), FR: fmt.Sprintf(fr, frArgs...), kind: kind}
}

// Texts returns an Extract error in English and French: a Problem's own
// texts, or the error's text for both.
func Texts(err error) (en, fr string) {
	var p *Problem
	if errors.As(err, &p) {
		return p.EN, p.FR
	}
	return err.Error(), err.Error()
}

// where names a part of a document in both languages.
type where struct{ en, fr string }
