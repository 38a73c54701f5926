package leads

import "github.com/vigie-security/vigie/internal/check"

// plural formats one or many as n asks: the singular for 1 only, in both
// languages, as check.Days counts.
func plural(n int, one, many check.Text, args ...any) check.Text {
	if n == 1 || n == -1 {
		return check.Textf(one.EN, one.FR, args...)
	}
	return check.Textf(many.EN, many.FR, args...)
}

// count is n with its noun (and verb) as n asks: "1 record has", "2 records have".
func count(n int, one, many check.Text) check.Text { return plural(n, one, many, n) }
