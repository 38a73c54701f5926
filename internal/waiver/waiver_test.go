package waiver

import (
	"strings"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/score"
)

func known(id string) bool { return id == "WEB-HSTS-001" || id == "WEB-HTTPS-001" }

func TestParseErrors(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"no statement", "waivers:\n  - check: WEB-HSTS-001\n    expires: 2027-01-01\n", "w.yaml:2: waivers[0]: statement is required"},
		{"no expiry", "waivers:\n  - check: WEB-HSTS-001\n    statement: legacy site, retired in March\n", "expires is required"},
		{"bad date", "waivers:\n  - check: WEB-HSTS-001\n    statement: x\n    expires: next year\n", `expires "next year" is not a date`},
		{"unknown check", "waivers:\n  - check: WEB-NOPE-001\n    statement: x\n    expires: 2027-01-01\n", `unknown check "WEB-NOPE-001"`},
		{"typo", "waivers:\n  - chek: WEB-HSTS-001\n", `w.yaml:2:5: waivers[0].chek: unknown key (did you mean "check"?)`},
		{"bad glob", "waivers:\n  - check: WEB-HSTS-001\n    target: \"[\"\n    statement: x\n    expires: 2027-01-01\n", "not a valid pattern"},
	}
	for _, tc := range cases {
		if _, err := Parse("w.yaml", []byte(tc.src), known); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}

func sampleReport() report.Report {
	m := check.Meta{ID: "WEB-HSTS-001", Family: check.FamilyWeb, Severity: check.Medium}
	p := check.Meta{ID: "WEB-HTTPS-001", Family: check.FamilyWeb, Severity: check.High}
	fs := []check.Finding{
		check.NewFinding(m, "https://a.example.fr", check.Outcome{Status: check.Fail}),
		check.NewFinding(p, "https://a.example.fr", check.Outcome{Status: check.Pass}),
		check.NewFinding(m, "https://b.example.fr", check.Outcome{Status: check.Fail}),
	}
	r := report.Report{Findings: fs, Checks: []check.Meta{m, p}}
	r.Scores = score.Compute(fs, r.Meta)
	return r
}

func TestApply(t *testing.T) {
	w, err := Parse("w.yaml", []byte(`waivers:
  - check: WEB-HSTS-001
    target: "https://a.*"
    statement: HSTS breaks the legacy intranet; site retired in Q1
    expires: 2027-03-31
  - check: WEB-HSTS-001
    target: https://b.example.fr
    statement: old waiver
    expires: 2026-01-01
`), known)
	if err != nil {
		t.Fatal(err)
	}
	rep := sampleReport()
	before := rep.Scores.Targets[0].Score
	now := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	got, expired := Apply(rep, w, "w.yaml", now)
	a := got.Findings[0]
	if a.Status != check.Waived || a.Waiver == nil || a.Waiver.Was != check.Fail || a.Waiver.Source != "w.yaml:2" || !strings.Contains(a.Waiver.Statement, "legacy") {
		t.Fatalf("a = %+v %+v", a, a.Waiver)
	}
	if got.Findings[1].Status != check.Pass {
		t.Error("a passing finding was waived")
	}
	if got.Findings[2].Status != check.Fail || len(expired) != 1 || expired[0].Line != 6 {
		t.Errorf("expired waiver applied or not reported: %s %+v", got.Findings[2].Status, expired)
	}
	if got.Scores.Targets[0].Score <= before || got.Scores.Targets[0].Excluded != 1 {
		t.Errorf("score %d → %d, excluded %d: a waived finding must leave the denominator", before, got.Scores.Targets[0].Score, got.Scores.Targets[0].Excluded)
	}
	if rep.Findings[0].Status != check.Fail {
		t.Error("Apply modified the report it was given")
	}
	// On its expiry day the waiver no longer applies.
	if got, _ := Apply(rep, w, "w.yaml", time.Date(2027, 3, 31, 0, 0, 0, 0, time.UTC)); got.Findings[0].Status != check.Fail {
		t.Error("waiver still applied on its expiry date")
	}
}
