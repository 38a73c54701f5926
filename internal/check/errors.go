package check

import "errors"

// TextError is an error a person reads, said in English and French.
type TextError struct{ Text Text }

func (e TextError) Error() string    { return e.Text.EN }
func (e TextError) In(l Lang) string { return e.Text.In(l) }

// Errorf is an error in both languages; Text arguments are put in each.
func Errorf(en, fr string, args ...any) error { return TextError{Textf(en, fr, args...)} }

// Prefixed is an error after a prefix both languages share, such as
// "vigie.yaml:3:5: scan.rate: ".
type Prefixed struct {
	Prefix string
	Err    error
}

func (e Prefixed) Error() string    { return e.Prefix + e.Err.Error() }
func (e Prefixed) Unwrap() error    { return e.Err }
func (e Prefixed) In(l Lang) string { return e.Prefix + InLang(e.Err, l) }

// InLang is err as a reader of l should read it: in l when err (or an
// error it wraps) knows both languages, as written otherwise.
func InLang(err error, l Lang) string {
	var t interface{ In(Lang) string }
	if err != nil && errors.As(err, &t) {
		return t.In(l)
	}
	if err == nil {
		return ""
	}
	return err.Error()
}
