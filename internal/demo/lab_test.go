package demo

import (
	"testing"
	"time"

	"github.com/vigie-security/vigie/checks/web"
	"github.com/vigie-security/vigie/internal/check"
)

// TestDemoVerdicts runs the real demo scan and checks each site gets the
// verdicts its flaws call for.
func TestDemoVerdicts(t *testing.T) {
	_, rep := runDemo(t, time.Now())
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
	// The correct site passes every web check.
	for _, c := range catalogIDs() {
		want[SiteCorrect][c] = check.Pass
	}
	want[SiteWeakHeaders] = map[string]check.Status{"WEB-HSTS-001": check.Pass, "WEB-CSP-001": check.Fail, "WEB-HDR-001": check.Fail,
		"WEB-HDR-002": check.Fail, "WEB-HDR-003": check.Fail, "WEB-HDR-004": check.Pass, "WEB-CORS-001": check.Fail, "WEB-HDR-005": check.Warn}
	for site, checks := range want {
		for id, st := range checks {
			if got[site][id] != st {
				t.Errorf("%s %s = %s, want %s", site, id, got[site][id], st)
			}
		}
	}
	want[SiteInsecure] = map[string]check.Status{"WEB-FORM-003": check.Fail, "WEB-MIXED-001": check.Fail, "WEB-COOKIE-001": check.Fail,
		"WEB-FORM-001": check.Pass, "WEB-FORM-002": check.Pass}
	want[SiteLoginHTTP]["WEB-FORM-002"] = check.Fail
	want[SiteExposed] = map[string]check.Status{"WEB-EXPO-001": check.Fail, "WEB-EXPO-002": check.Fail, "WEB-EXPO-003": check.Pass,
		"WEB-EXPO-004": check.Fail, "WEB-DB-001": check.Pass}
	want[SiteElastic] = map[string]check.Status{"WEB-DB-001": check.Fail, "WEB-EXPO-001": check.Pass, "WEB-HTTPS-001": check.Fail}
	want[ADPolicyFile+"#ad-default-domain"] = map[string]check.Status{"PWD-CNIL-001": check.Fail, "PWD-CNIL-002": check.Fail,
		"PWD-CNIL-003": check.Warn, "PWD-ANSSI-010": check.Fail, "PWD-ANSSI-021": check.Fail}
	want[PolicyFile+"#crm-admins"] = map[string]check.Status{"PWD-CNIL-001": check.Pass, "PWD-CNIL-002": check.Pass,
		"PWD-CNIL-004": check.Pass, "PWD-ANSSI-001": check.Pass, "PWD-ANSSI-021": check.Pass, "PWD-ANSSI-029": check.Pass}
	want[HashFile] = map[string]check.Status{"PWD-HASH-001": check.Fail, "PWD-HASH-002": check.Fail, "PWD-HASH-003": check.Fail}
	grades := map[string]check.Grade{SiteCorrect: "A+", SiteLoginHTTP: "F", SiteExpired: "E", SiteLegacyTLS: "C", SiteInsecure: "F", SiteExposed: "F", SiteElastic: "F"}
	for _, s := range rep.Scores.Targets {
		if s.Target == SiteCorrect && (s.Observatory == nil || s.Observatory.Grade != "A+") {
			t.Errorf("correct site Observatory score = %+v, want A+", s.Observatory)
		}
	}
	for _, s := range rep.Scores.Targets {
		if g, ok := grades[s.Target]; ok && s.Grade != g {
			t.Errorf("%s graded %s (%d), want %s", s.Target, s.Grade, s.Score, g)
		}
	}
}

func catalogIDs() []string {
	var ids []string
	for _, c := range web.Checks() {
		ids = append(ids, c.Meta().ID)
	}
	return ids
}
