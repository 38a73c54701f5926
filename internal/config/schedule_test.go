package config

import (
	"strings"
	"testing"
)

// An unknown time zone is a config error with its line, among the others;
// Problem says a value another package judged where the file sets it.
func TestScheduleTimezoneAndProblem(t *testing.T) {
	_, err := Parse("vigie.yaml", []byte("scan:\n  timeout: 0s\nschedule:\n  cron: \"@daily\"\n  timezone: Europe/Pariss\n"), func(string) string { return "" })
	if err == nil || !strings.Contains(err.Error(), `vigie.yaml:5: schedule.timezone: unknown time zone "Europe/Pariss"`) ||
		!strings.Contains(err.Error(), "vigie.yaml:2: scan.timeout") {
		t.Errorf("err = %v", err)
	}
	cfg, err := Parse("vigie.yaml", []byte("schedule:\n  cron: \"61 2 * * *\"\n"), func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	if p := cfg.Problem("schedule.cron", errorString("bad")); p.Error() != "vigie.yaml:2: schedule.cron: bad" {
		t.Errorf("Problem = %q", p)
	}
}

type errorString string

func (e errorString) Error() string { return string(e) }
