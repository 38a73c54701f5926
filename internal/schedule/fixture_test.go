package schedule

import (
	"time"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/score"
)

var t0 = time.Date(2026, 11, 23, 2, 30, 0, 0, time.UTC)

func meta(id string, s check.Severity, en, fr string) check.Meta {
	return check.Meta{ID: id, Family: check.FamilyWeb, Severity: s, Title: check.Text{EN: en, FR: fr}}
}

// regressed is a scan whose score fell from 82 to 74 with two new failures
// (one HIGH, one LOW), a new error on a CRITICAL check and one fix.
func regressed() report.Report {
	checks := []check.Meta{
		meta("web.hsts", check.High, "HSTS is set", "HSTS est en place"),
		meta("web.tls.expiry", check.Critical, "The certificate is valid", "Le certificat est valide"),
		meta("web.referrer", check.Low, "A referrer policy is set", "Une politique de référent est en place"),
		meta("web.csp", check.Medium, "A CSP is set", "Une CSP est en place"),
	}
	f := func(m check.Meta, target string, s check.Status) check.Finding {
		return check.NewFinding(m, target, check.Outcome{Status: s, Message: check.Text{EN: "secret evidence text", FR: "texte de preuve secret"},
			Evidence: map[string]any{"header": "max-age=0"}})
	}
	return report.Report{SchemaVersion: 1, ScanID: "00000000-test-scan", StartedAt: t0, FinishedAt: t0.Add(42 * time.Second),
		Checks: checks,
		Findings: []check.Finding{
			f(checks[0], "https://shop.example.fr", check.Fail),
			f(checks[1], "https://old.example.fr", check.Error),
			f(checks[2], "https://shop.example.fr", check.Fail),
			f(checks[3], "https://shop.example.fr", check.Pass),
		},
		Scores: score.Summary{Overall: score.Result{Scored: true, Score: 74, Grade: "C"}},
		Changes: &report.Changes{Since: "11111111-prev-scan", SinceTime: t0.Add(-24 * time.Hour), PreviousScore: 82,
			New: []report.Change{
				{CheckID: "web.tls.expiry", Target: "https://old.example.fr", Status: check.Error, Before: check.Pass},
				{CheckID: "web.hsts", Target: "https://shop.example.fr", Status: check.Fail, Before: check.Pass},
				{CheckID: "web.referrer", Target: "https://shop.example.fr", Status: check.Fail},
			},
			Fixed:        []report.Change{{CheckID: "web.csp", Target: "https://shop.example.fr", Status: check.Pass, Before: check.Fail}},
			StillFailing: 3},
	}
}
