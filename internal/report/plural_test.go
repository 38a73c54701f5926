package report_test

import (
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

// After 1 the noun is singular; French keeps it singular at 0 too.
func TestCount(t *testing.T) {
	one, many := check.Text{EN: "%d target", FR: "%d cible"}, check.Text{EN: "%d targets", FR: "%d cibles"}
	for _, c := range []struct {
		n    int
		l    check.Lang
		want string
	}{{1, check.EN, "1 target"}, {2, check.EN, "2 targets"}, {0, check.EN, "0 targets"},
		{1, check.FR, "1 cible"}, {0, check.FR, "0 cible"}, {3, check.FR, "3 cibles"}} {
		if got := report.Count(c.l, c.n, one, many); got != c.want {
			t.Errorf("%d %s: %q, want %q", c.n, c.l, got, c.want)
		}
	}
}
