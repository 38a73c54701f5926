package htmlreport

import (
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

// French writes the first of a month as an ordinal: « le 1er décembre ».
func TestDayFirstOfMonth(t *testing.T) {
	for _, c := range []struct {
		t    time.Time
		l    check.Lang
		want string
	}{
		{time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC), check.FR, "1er décembre 2026"},
		{time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC), check.FR, "2 décembre 2026"},
		{time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC), check.EN, "1 December 2026"},
	} {
		if got := day(c.t, c.l); got != c.want {
			t.Errorf("%s %s: %q, want %q", c.l, c.t, got, c.want)
		}
	}
}
