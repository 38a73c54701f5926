package password

import "github.com/vigie-security/vigie/internal/check"

// failures is a count of failed attempts: "1 failure", "5 échecs".
func failures(n int) check.Text {
	return check.Count(n, check.Text{EN: "%d failure", FR: "%d échec"}, check.Text{EN: "%d failures", FR: "%d échecs"})
}
