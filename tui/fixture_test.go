package tui

import (
	"fmt"
	"io"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/vigie-security/vigie/internal/catalog"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/score"
)

// asciiRenderer draws without colour, as a NO_COLOR terminal would.
func asciiRenderer() *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	return r
}

var fixedTime = time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)

// sampleReport is a small report over the real catalogue: a web target,
// a password policy and a contract, with their scores.
func sampleReport() *report.Report {
	cat := catalog.All()
	f := func(id, target string, st check.Status, en, fr string, ev map[string]any) check.Finding {
		c, ok := cat.Lookup(id)
		if !ok {
			panic("unknown check " + id)
		}
		return check.NewFinding(c.Meta(), target, check.Outcome{Status: st, Message: check.Text{EN: en, FR: fr}, Evidence: ev})
	}
	findings := []check.Finding{
		f("WEB-HTTPS-001", "www.example.fr", check.Pass, "HTTPS answers", "HTTPS répond", nil),
		f("WEB-HSTS-001", "www.example.fr", check.Fail, "no Strict-Transport-Security header", "aucun en-tête Strict-Transport-Security",
			map[string]any{"url": "https://www.example.fr/"}),
		f("WEB-FORM-001", "shop.example.fr", check.Fail, "password field on http://shop.example.fr/login",
			"champ de mot de passe sur http://shop.example.fr/login", nil),
		f("PWD-CNIL-001", "policy.yaml#users", check.Warn, "case 2 needs a lockout", "le cas 2 exige un verrouillage", nil),
		f("PWD-CNIL-002", "policy.yaml#users", check.Pass, "argon2id", "argon2id", nil),
		f("CTR-AUDIT-001", "dpa.pdf", check.Fail, "[A28-3h-audits-information] missing: audits excluded",
			"[A28-3h-audits-information] absent : audits exclus", map[string]any{"element": "A28-3h-audits-information", "level": "missing", "code": "AU"}),
		f("CTR-BREACH-002", "dpa.pdf", check.Pass, "[A28-33-breach-deadline] specific: 24 hours",
			"[A28-33-breach-deadline] précis : 24 heures", map[string]any{"element": "A28-33-breach-deadline", "level": "specific", "code": "BD"}),
	}
	var metas []check.Meta
	seen := map[string]bool{}
	for _, fd := range findings {
		if !seen[fd.CheckID] {
			c, _ := cat.Lookup(fd.CheckID)
			metas, seen[fd.CheckID] = append(metas, c.Meta()), true
		}
	}
	r := &report.Report{ScanID: "fixture", StartedAt: fixedTime, FinishedAt: fixedTime.Add(3 * time.Second), Findings: findings, Checks: metas}
	for _, t := range []struct {
		name string
		fam  check.Family
	}{{"www.example.fr", check.FamilyWeb}, {"shop.example.fr", check.FamilyWeb}, {"policy.yaml#users", check.FamilyPassword}, {"dpa.pdf", check.FamilyContracts}} {
		r.Targets = append(r.Targets, report.Target{Name: t.name, Family: t.fam, Completed: true})
	}
	r.Scores = score.Compute(findings, func(id string) (check.Meta, bool) { c, ok := cat.Lookup(id); return c.Meta(), ok })
	return r
}

// manyFindings is a report of n findings over many targets, for the list.
func manyFindings(n int) *report.Report {
	r := sampleReport()
	base := r.Findings
	r.Findings = make([]check.Finding, 0, n)
	for i := 0; i < n; i++ {
		f := base[i%len(base)]
		f.Target = fmt.Sprintf("host-%05d.example.fr", i)
		r.Findings = append(r.Findings, f)
	}
	return r
}
