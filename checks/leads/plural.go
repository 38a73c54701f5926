package leads

import "github.com/vigie-security/vigie/internal/check"

// plural formats one or many as n asks in each language: English takes
// the singular for 1 only, French for 0 and 1 ("0 fiche", "2 fiches").
func plural(n int, one, many check.Text, args ...any) check.Text {
	en, fr := many.EN, many.FR
	if n == 1 || n == -1 {
		en = one.EN
	}
	if n >= -1 && n <= 1 {
		fr = one.FR
	}
	return check.Textf(en, fr, args...)
}
