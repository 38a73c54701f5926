package schedule

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/config"
)

func init() { config.ScheduleCheck = checkConfig }

// checkConfig finds every mistake of the schedule section at once: the cron
// expression, the webhook's flavour and events (a typo gets a "did you
// mean"). The zone is config's own check; a wrong one is not reported twice.
func checkConfig(s config.Schedule) []config.KeyError {
	var errs []config.KeyError
	if strings.TrimSpace(s.Cron) != "" {
		loc, err := time.LoadLocation(s.Timezone)
		if err != nil {
			loc = time.UTC // told under schedule.timezone
		}
		if _, err := Parse(s.Cron, loc); err != nil {
			errs = append(errs, config.KeyError{Key: "schedule.cron", Err: err})
		}
	}
	w := s.Webhook
	if w == nil {
		return errs
	}
	if f := Flavour(norm(w.Flavour)); f != "" && !slices.Contains(Flavours, f) {
		errs = append(errs, config.KeyError{Key: "schedule.webhook.flavour", Err: unknown("webhook flavour", "format de webhook", string(f), Flavours)})
	}
	for _, e := range w.NotifyOn {
		if ev := Event(norm(e)); !slices.Contains(Events, ev) {
			errs = append(errs, config.KeyError{Key: "schedule.webhook.notify_on", Err: unknown("webhook event", "événement de webhook", string(ev), Events)})
		}
	}
	return errs
}

func norm(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// unknown says a value is none of all, and which one it was likely meant to be.
func unknown[T ~string](en, fr, v string, all []T) error {
	names := make([]string, len(all))
	for i, a := range all {
		names[i] = string(a)
	}
	hint := check.DidYouMean(v, names)
	return &Error{Text: check.Text{EN: fmt.Sprintf("%s %q is unknown (want one of %s)%s", en, v, strings.Join(names, ", "), hint.EN),
		FR: fmt.Sprintf("%s %q inconnu (attendu : %s)%s", fr, v, strings.Join(names, ", "), hint.FR)}}
}
