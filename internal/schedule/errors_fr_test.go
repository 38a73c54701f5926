package schedule

import (
	"context"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/check/checktest"
	"github.com/vigie-security/vigie/internal/report"
)

func TestScheduleErrorsInFrench(t *testing.T) {
	cases := []struct{ spec, fr, en string }{
		{"* * *", "5 champs attendus, 3 trouvés", "expected exactly 5 fields, found 3"},
		{"61 * * * *", "fin de plage (61) au-dessus du maximum (59)", "end of range (61) above maximum (59)"},
		{"* * * foo *", "nombre illisible : foo", "failed to parse int from foo"},
		{"@sometimes", "descripteur inconnu : @sometimes", "unrecognized descriptor: @sometimes"},
		{"@every soon", "durée illisible : @every soon", "failed to parse duration @every soon"},
		{"CRON_TZ=Nowhere/City 0 2 * * *", "fuseau horaire Nowhere/City inconnu", "provided bad location Nowhere/City"},
		{"CRON_TZ=Europe/Paris", "un fuseau horaire sans expression après lui", "a time zone with no expression after it"},
		{"@every 100ms", "@every 100ms est plus court qu'une seconde", "@every 100ms is shorter than one second"},
		{"0 0 30 2 *", "elle ne se déclenche jamais", "it never fires"},
	}
	for _, c := range cases {
		_, err := Parse(c.spec, nil)
		t.Run(c.spec, func(t *testing.T) {
			checktest.SaysFrench(t, err, "n'est pas une expression cron valide (", "not a valid cron expression (")
			checktest.SaysFrench(t, err, ") : "+c.fr, c.en)
		})
	}
}

func TestWebhookErrorsInFrench(t *testing.T) {
	srv, _, _ := receiver(t, 400)
	_, err := hook(t, srv.URL+secretPath, Generic, check.FR).Handle(t.Context(), outcome())
	checktest.SaysFrench(t, err, "non livré après 1 tentative : HTTP 400 (pas de nouvel essai)", "HTTP 400 (not retried)")
	noSecret(t, err)

	_, err = (&Runner{}).Once(t.Context())
	checktest.SaysFrench(t, err, "un Runner demande un Job", "a Runner needs a Job")
}

func TestRunnerLogsInFrench(t *testing.T) {
	srv, _, _ := receiver(t)
	w := hook(t, srv.URL+secretPath, Generic, check.FR)
	var lines []string
	r := &Runner{Webhook: w, Log: func(t check.Text) { lines = append(lines, t.In(check.FR)) },
		Job: func(context.Context) (report.Report, error) { return regressed(), nil }}
	if _, err := r.Once(t.Context()); err != nil {
		t.Fatal(err)
	}
	all := strings.Join(lines, "\n")
	if !strings.Contains(all, "webhook vers "+w.Host()+" envoyé (régression)") || !strings.Contains(all, "passage fini en ") || checktest.EnglishWord(all) != "" {
		t.Errorf("French log:\n%s", all)
	}
}
