package schedule

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

func TestUpcoming(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	// 2026-03-29: Paris moves from 02:00 to 03:00, so 02:30 does not exist that night.
	from := time.Date(2026, 3, 27, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		spec string
		loc  *time.Location
		want []string
	}{
		{"30 2 * * *", paris, []string{"2026-03-28T02:30:00+01:00", "2026-03-30T02:30:00+02:00", "2026-03-31T02:30:00+02:00"}},
		{"CRON_TZ=Europe/Paris 30 2 * * *", time.UTC, []string{"2026-03-28T02:30:00+01:00", "2026-03-30T02:30:00+02:00", "2026-03-31T02:30:00+02:00"}},
		{"30 2 * * *", time.UTC, []string{"2026-03-28T02:30:00Z", "2026-03-29T02:30:00Z", "2026-03-30T02:30:00Z"}},
		{"@daily", paris, []string{"2026-03-28T00:00:00+01:00", "2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00"}},
		{"@every 1h30m", nil, []string{"2026-03-27T13:30:00Z", "2026-03-27T15:00:00Z", "2026-03-27T16:30:00Z"}},
		{"  0   */6 * * 1-5 ", time.UTC, []string{"2026-03-27T18:00:00Z", "2026-03-30T00:00:00Z", "2026-03-30T06:00:00Z"}},
	}
	for _, c := range cases {
		s, err := Parse(c.spec, c.loc)
		if err != nil {
			t.Fatalf("%q: %v", c.spec, err)
		}
		var got []string
		for _, n := range s.Upcoming(from, 3) {
			got = append(got, n.Format(time.RFC3339))
		}
		if strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("%q in %v: %v, want %v", c.spec, c.loc, got, c.want)
		}
	}
	s, _ := Parse("@hourly", time.UTC)
	if n := s.Next(from); !n.Equal(from.Add(time.Hour)) {
		t.Errorf("Next = %v", n)
	}
	if got := len(s.Upcoming(from, 5)); got != 5 {
		t.Errorf("Upcoming(5) gave %d", got)
	}
}

func TestParseRefusesBadExpressions(t *testing.T) {
	for _, spec := range []string{"", "   ", "* * *", "* * * * * *", "61 * * * *", "0 25 * * *", "@sometimes", "@every soon",
		"CRON_TZ=Nowhere/City 0 2 * * *", "CRON_TZ=Europe/Paris", "TZ=UTC", "0 0 30 2 *", "hello world", "@every 100ms", "@every -1h", "CRON_TZ=UTC @every 0s"} {
		s, err := Parse(spec, nil)
		var e *Error
		if s != nil || !errors.As(err, &e) {
			t.Errorf("%q: got %v, %v; want an *Error", spec, s, err)
			continue
		}
		en, fr := e.In(check.EN), e.In(check.FR)
		quoted := `"` + strings.TrimSpace(spec) + `"`
		if !strings.Contains(en, quoted) || !strings.Contains(fr, quoted) || !strings.Contains(en, "not a valid cron expression") ||
			!strings.Contains(fr, "n'est pas une expression cron valide") {
			t.Errorf("%q: messages do not name it in both languages:\n%s\n%s", spec, en, fr)
		}
	}
}
