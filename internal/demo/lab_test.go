package demo

import (
	"context"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

// TestDemoVerdicts runs the real demo scan and checks each site gets the
// verdicts its flaws call for.
func TestDemoVerdicts(t *testing.T) {
	now := time.Now()
	lab, err := Start(now)
	if err != nil {
		t.Fatal(err)
	}
	defer lab.Close()
	rep, err := lab.Plan(func() time.Time { return now }).Run(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]map[string]check.Status{}
	for _, f := range rep.Findings {
		if got[f.Target] == nil {
			got[f.Target] = map[string]check.Status{}
		}
		got[f.Target][f.CheckID] = f.Status
	}
	want := map[string]map[string]check.Status{
		SiteCorrect: {"WEB-HTTPS-001": check.Pass, "WEB-REDIR-001": check.Pass, "WEB-HSTS-001": check.Pass, "WEB-CERT-001": check.Pass,
			"WEB-CERT-002": check.Pass, "WEB-CERT-003": check.Pass, "WEB-CERT-004": check.Pass, "WEB-FORM-001": check.Pass},
		SiteLoginHTTP: {"WEB-HTTPS-001": check.Fail, "WEB-REDIR-001": check.Fail, "WEB-HSTS-001": check.Skipped, "WEB-CERT-001": check.Skipped,
			"WEB-FORM-001": check.Fail},
		SiteNoRedirect: {"WEB-HTTPS-001": check.Pass, "WEB-REDIR-001": check.Fail, "WEB-HSTS-001": check.Fail, "WEB-CERT-001": check.Pass,
			"WEB-FORM-001": check.Pass},
		SiteExpired: {"WEB-HTTPS-001": check.Pass, "WEB-REDIR-001": check.Pass, "WEB-CERT-001": check.Pass, "WEB-CERT-002": check.Fail,
			"WEB-CERT-003": check.Pass, "WEB-CERT-004": check.Skipped, "WEB-HSTS-001": check.Fail},
		SiteLegacyTLS: {"WEB-REDIR-001": check.Pass, "WEB-HSTS-001": check.Pass, "WEB-CERT-001": check.Pass, "WEB-CERT-005": check.Pass,
			"WEB-CERT-007": check.Warn, "WEB-TLS-001": check.Fail, "WEB-TLS-002": check.Warn, "WEB-TLS-003": check.Fail,
			"WEB-TLS-004": check.Fail, "WEB-TLS-005": check.Warn},
	}
	for _, c := range []string{"WEB-TLS-001", "WEB-TLS-002", "WEB-TLS-003", "WEB-TLS-004", "WEB-TLS-005", "WEB-CERT-005", "WEB-CERT-006", "WEB-CERT-007"} {
		want[SiteCorrect][c] = check.Pass
	}
	for site, checks := range want {
		for id, st := range checks {
			if got[site][id] != st {
				t.Errorf("%s %s = %s, want %s", site, id, got[site][id], st)
			}
		}
	}
	grades := map[string]check.Grade{SiteCorrect: "A+", SiteLoginHTTP: "F", SiteExpired: "E", SiteLegacyTLS: "C"}
	for _, s := range rep.Scores.Targets {
		if g, ok := grades[s.Target]; ok && s.Grade != g {
			t.Errorf("%s graded %s (%d), want %s", s.Target, s.Grade, s.Score, g)
		}
	}
}
