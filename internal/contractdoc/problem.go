package contractdoc

import (
	"errors"

	"github.com/vigie-security/vigie/internal/check"
)

// Problem is an extraction failure said in English and French, for the
// report to show in the reader's language. Its Error is the English text.
type Problem struct {
	EN, FR string
	kind   error // a sentinel errors.Is finds, or nil
}

func (p *Problem) Error() string { return p.EN }
func (p *Problem) Unwrap() error { return p.kind }

// problemf formats both texts with the same arguments, as check.Textf
// does: a check.Text argument gives each text its own language.
func problemf(kind error, en, fr string, args ...any) *Problem {
	t := check.Textf(en, fr, args...)
	return &Problem{EN: t.EN, FR: t.FR, kind: kind}
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
