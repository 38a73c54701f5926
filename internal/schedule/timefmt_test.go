package schedule

import (
	"context"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/check/checktest"
	"github.com/vigie-security/vigie/internal/report"
)

func TestFormatTime(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		t      time.Time
		en, fr string
	}{
		{time.Date(2026, 12, 2, 2, 30, 0, 0, paris), "Wed 2026-12-02 02:30 CET", "mer. 2 déc. 2026 02:30 CET"},
		{time.Date(2026, 12, 1, 2, 30, 0, 0, paris), "Tue 2026-12-01 02:30 CET", "mar. 1er déc. 2026 02:30 CET"},
		{time.Date(2027, 8, 15, 23, 5, 0, 0, paris), "Sun 2027-08-15 23:05 CEST", "dim. 15 août 2027 23:05 CEST"},
		{time.Date(2027, 2, 6, 8, 0, 7, 0, time.UTC), "Sat 2027-02-06 08:00:07 UTC", "sam. 6 févr. 2027 08:00:07 UTC"},
	}
	for _, c := range cases {
		if got := FormatTime(c.t, check.EN); got != c.en {
			t.Errorf("EN %v = %q, want %q", c.t, got, c.en)
		}
		if got := FormatTime(c.t, check.FR); got != c.fr {
			t.Errorf("FR %v = %q, want %q", c.t, got, c.fr)
		}
	}
}

// frLogs collects a runner's lines in both languages.
type frLogs struct {
	mu     sync.Mutex
	en, fr []string
}

func (l *frLogs) add(t check.Text) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.en, l.fr = append(l.en, t.EN), append(l.fr, t.FR)
}

// TestRunnerLogTimesInFrench: the runner's lines name their times and
// durations as a French reader writes them, with no English word.
func TestRunnerLogTimesInFrench(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		paris, err := time.LoadLocation("Europe/Paris")
		if err != nil {
			t.Fatal(err)
		}
		s, err := Parse("30 2 * * *", paris)
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(t.Context())
		l := &frLogs{}
		r := &Runner{Schedule: s, Log: l.add, Job: func(context.Context) (report.Report, error) {
			time.Sleep(90 * time.Second)
			return regressed(), nil
		}}
		done := make(chan error)
		go func() { done <- r.Run(ctx) }()
		time.Sleep(2 * time.Hour) // the bubble starts at 2000-01-01 00:00 UTC, 01:00 in Paris
		cancel()
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		wantFR := []string{"prochain passage : sam. 1er janv. 2000 02:30 CET", "début du passage prévu le sam. 1er janv. 2000 02:30 CET",
			"passage fini en 1m30s : note 74/100 (C)", "prochain passage : dim. 2 janv. 2000 02:30 CET"}
		wantEN := []string{"next run at Sat 2000-01-01 02:30 CET", "run due at Sat 2000-01-01 02:30 CET started",
			"run finished in 1m30s: score 74/100 (C)", "next run at Sun 2000-01-02 02:30 CET"}
		if strings.Join(l.fr, "\n") != strings.Join(wantFR, "\n") || strings.Join(l.en, "\n") != strings.Join(wantEN, "\n") {
			t.Errorf("French:\n%s\nEnglish:\n%s", strings.Join(l.fr, "\n"), strings.Join(l.en, "\n"))
		}
		for _, line := range l.fr {
			if checktest.EnglishWord(line) != "" {
				t.Errorf("English in %q", line)
			}
		}
	})
}
