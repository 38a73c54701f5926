package password

import "github.com/vigie-security/vigie/internal/check"

// plural formats one or many as n asks: the singular for 1 only, as
// check.Days counts.
func plural(n int, one, many check.Text, args ...any) check.Text {
	if n == 1 {
		return check.Textf(one.EN, one.FR, args...)
	}
	return check.Textf(many.EN, many.FR, args...)
}

// failures is a count of failed attempts: "1 failure", "5 échecs".
func failures(n int) check.Text {
	return plural(n, check.Text{EN: "%d failure", FR: "%d échec"}, check.Text{EN: "%d failures", FR: "%d échecs"}, n)
}
