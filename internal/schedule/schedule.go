// Package schedule runs scans on a cron schedule, tells a regression from
// the report's changes since the previous scan, and posts it to a webhook
// (vigie's own JSON, Slack or Microsoft Teams).
package schedule

import (
	"strings"
	"time"
	_ "time/tzdata" // CRON_TZ=Europe/Paris must work in images without /usr/share/zoneinfo

	"github.com/robfig/cron/v3"

	"github.com/vigie-security/vigie/internal/check"
)

// Error is a schedule or webhook setting that cannot be used, in English
// and French; it names the expression (never a webhook URL, only its host).
type Error struct {
	Text check.Text
	Err  error // the underlying reason, if any
}

func (e *Error) Error() string {
	if e.Err != nil {
		return e.Text.EN + ": " + e.Err.Error()
	}
	return e.Text.EN
}

// In returns the message in lang, its reason included.
func (e *Error) In(l check.Lang) string {
	if e.Err != nil {
		sep := ": "
		if l == check.FR {
			sep = " : " // French typography
		}
		return e.Text.In(l) + sep + check.InLang(e.Err, l)
	}
	return e.Text.In(l)
}

func (e *Error) Unwrap() error { return e.Err }

// Schedule is a parsed cron expression.
type Schedule struct {
	spec  string
	sched cron.Schedule
	loc   *time.Location // the zone its times are told in
}

// parser reads the 5 fields of crontab(5) and the descriptors (@daily, @every 1h).
var parser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// Parse reads a standard 5-field cron expression or a descriptor (@yearly,
// @monthly, @weekly, @daily, @hourly, @every 1h30m), optionally prefixed by
// CRON_TZ=Zone. Times are read in loc (time.Local when nil) unless the
// expression names its own zone.
func Parse(spec string, loc *time.Location) (*Schedule, error) {
	spec = strings.TrimSpace(spec)
	bad := func(err error) error {
		return &Error{Text: check.Textf(
			"schedule %q is not a valid cron expression (want 5 fields \"minute hour day-of-month month day-of-week\", such as \"30 2 * * *\", or @daily, @hourly, @every 1h)",
			"la planification %q n'est pas une expression cron valide (attendu 5 champs « minute heure jour-du-mois mois jour-de-la-semaine », par exemple « 30 2 * * * », ou @daily, @hourly, @every 1h)",
			spec), Err: err}
	}
	named := strings.HasPrefix(spec, "CRON_TZ=") || strings.HasPrefix(spec, "TZ=")
	if named && !strings.ContainsAny(spec, " \t") {
		// robfig/cron slices past the end of such a spec: refuse it first.
		return nil, bad(check.Errorf("a time zone with no expression after it", "un fuseau horaire sans expression après lui"))
	}
	fields := strings.Fields(spec)
	if i := len(fields) - 2; i >= 0 && fields[i] == "@every" {
		// robfig/cron silently rounds a shorter interval up to one second.
		if d, err := time.ParseDuration(fields[i+1]); err == nil && d < time.Second {
			return nil, bad(check.Errorf("@every %s is shorter than one second", "@every %s est plus court qu'une seconde", d))
		}
	}
	s, err := parser.Parse(strings.Join(fields, " "))
	if err != nil {
		return nil, bad(cronError(err))
	}
	if loc == nil {
		loc = time.Local
	}
	if sp, ok := s.(*cron.SpecSchedule); ok {
		if !named {
			sp.Location = loc
		}
		loc = sp.Location
	}
	if s.Next(time.Now()).IsZero() {
		return nil, bad(check.Errorf("it never fires (no such date in the next five years)",
			"elle ne se déclenche jamais (aucune date de ce type dans les cinq ans)"))
	}
	return &Schedule{spec: spec, sched: s, loc: loc}, nil
}

// Next is the first run strictly after from, in the schedule's zone; zero
// when there is none within five years.
func (s *Schedule) Next(from time.Time) time.Time {
	if t := s.sched.Next(from); !t.IsZero() {
		return t.In(s.loc)
	}
	return time.Time{}
}

// Upcoming lists the next n runs after from, for `vigie schedule --dry-run`.
func (s *Schedule) Upcoming(from time.Time, n int) []time.Time {
	var out []time.Time
	for t := s.Next(from); len(out) < n && !t.IsZero(); t = s.Next(t) {
		out = append(out, t)
	}
	return out
}

// String is the expression as written.
func (s *Schedule) String() string { return s.spec }
