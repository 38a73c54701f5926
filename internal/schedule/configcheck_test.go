package schedule

import (
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/config"
)

// A config's schedule mistakes are all told at once, each at its line, with
// the others of the file, for vigie scan as for vigie schedule.
func TestConfigScheduleErrorsAtOnce(t *testing.T) {
	doc := "version: 1\nscan:\n  timeout: 0s\nschedule:\n  cron: \"61 * * * *\"\n  timezone: Europe/Pariss\n" +
		"  webhook:\n    url: http://127.0.0.1:9/hook\n    flavour: slak\n    notify_on: [regresion, failure]\n"
	_, err := config.Parse("s.yaml", []byte(doc), func(string) string { return "" })
	if err == nil {
		t.Fatal("no error")
	}
	for _, c := range []struct {
		got  string
		want []string
	}{
		{err.Error(), []string{"s.yaml:3: scan.timeout", `s.yaml:5: schedule.cron: schedule "61 * * * *" is not a valid cron expression`,
			`s.yaml:6: schedule.timezone: unknown time zone "Europe/Pariss"`,
			`s.yaml:9: schedule.webhook.flavour: webhook flavour "slak" is unknown (want one of generic, slack, teams) (did you mean "slack"?)`,
			`s.yaml:10: schedule.webhook.notify_on: webhook event "regresion" is unknown (want one of regression, run, failure) (did you mean "regression"?)`}},
		{check.InLang(err, check.FR), []string{"s.yaml:3: scan.timeout", `s.yaml:5: schedule.cron: la planification "61 * * * *" n'est pas une expression cron valide`,
			`s.yaml:6: schedule.timezone: fuseau horaire inconnu`, `s.yaml:9: schedule.webhook.flavour: format de webhook "slak" inconnu (attendu : generic, slack, teams) (vouliez-vous dire "slack" ?)`,
			`s.yaml:10: schedule.webhook.notify_on: événement de webhook "regresion" inconnu`}},
	} {
		lines := strings.Split(c.got, "\n")
		if len(lines) != len(c.want) {
			t.Fatalf("%d errors, want %d:\n%s", len(lines), len(c.want), c.got)
		}
		for i, w := range c.want {
			if !strings.HasPrefix(lines[i], w) {
				t.Errorf("error %d = %q, want %s…", i+1, lines[i], w)
			}
		}
	}
	// What schedule accepts, in any case, passes: "Slack", "@daily", a zone in the expression.
	ok := "version: 1\nschedule:\n  cron: \"CRON_TZ=Europe/Paris 30 2 * * *\"\n  webhook:\n    url: http://127.0.0.1:9/hook\n    flavour: Slack\n    notify_on: [Regression]\n"
	if _, err := config.Parse("ok.yaml", []byte(ok), func(string) string { return "" }); err != nil {
		t.Errorf("a valid schedule: %v", err)
	}
}
