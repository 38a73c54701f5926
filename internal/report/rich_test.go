package report_test

import (
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/catalog"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/score"
)

// Targets whose names try to break the formats that quote them.
const (
	hostileSite = "https://evil.example/|`x`</td><script>alert(1)</script>\n| forged | row |"
	formulaDoc  = `=HYPERLINK("http://evil.example","x").pdf`
)

// rich is a fixed scan over every family with every status: web sites (one
// hostile name, one unreachable), a password policy with a waived finding, a
// password hash export, and a contract whose file name is a spreadsheet formula.
func rich(t testing.TB) report.Report {
	t.Helper()
	cat := catalog.All()
	var checks []check.Meta
	seen := map[string]bool{}
	var findings []check.Finding
	add := func(id, target string, st check.Status, en, fr string, ev map[string]any) *check.Finding {
		c, ok := cat.Lookup(id)
		if !ok {
			t.Fatalf("no check %s", id)
		}
		m := c.Meta()
		if !seen[id] {
			seen[id] = true
			checks = append(checks, m)
		}
		findings = append(findings, check.NewFinding(m, target, check.Outcome{Status: st, Message: check.Text{EN: en, FR: fr}, Evidence: ev}))
		return &findings[len(findings)-1]
	}
	const shop, login, gone, pol, hashes = "https://shop.example.fr", "http://login.example.fr", "https://gone.example.fr", "policies/password.yaml", "exports/users.csv#password"
	add("WEB-HSTS-001", shop, check.Pass, "HSTS is set for 2 years", "HSTS est posé pour 2 ans", map[string]any{"max_age": 63072000})
	add("WEB-CSP-001", shop, check.Fail, "No Content-Security-Policy header", "Pas d'en-tête Content-Security-Policy", nil)
	add("WEB-HDR-001", shop, check.Warn, "X-Content-Type-Options is sent twice", "X-Content-Type-Options est envoyé deux fois", map[string]any{"values": []string{"nosniff", "nosniff"}})
	add("WEB-HDR-005", shop, check.Skipped, "No Server or X-Powered-By header", "Ni Server ni X-Powered-By", nil)
	add("WEB-FORM-001", login, check.Fail, "A password form is sent over HTTP", "Un formulaire de mot de passe est envoyé en HTTP", map[string]any{"action": "http://login.example.fr/"})
	add("WEB-HSTS-001", login, check.Fail, "No HTTPS, so no HSTS", "Pas de HTTPS, donc pas de HSTS", nil)
	add("WEB-HSTS-001", gone, check.Error, "host name does not resolve", "le nom d'hôte ne se résout pas", map[string]any{"error_kind": "dns"})
	add("WEB-CSP-001", hostileSite, check.Fail, "No CSP on "+hostileSite, "Pas de CSP sur "+hostileSite, nil)
	add("PWD-CNIL-001", pol, check.Fail, "Minimum length is 8, below 12", "La longueur minimale est 8, sous 12", map[string]any{"min_length": 8})
	w := add("PWD-CNIL-003", pol, check.Waived, "Users must change their password every 90 days", "Les utilisateurs doivent changer de mot de passe tous les 90 jours", nil)
	w.Waiver = &check.Waiver{Statement: "Renewal kept until the SSO migration | see RISK-12", Expires: t0.AddDate(0, 3, 0), Source: "waivers.yaml:4", Was: check.Fail}
	add("PWD-CNIL-004", pol, check.Pass, "Passwords are only sent over TLS", "Les mots de passe ne circulent que sous TLS", nil)
	add("PWD-HASH-001", hashes, check.Fail, "412 of 1,200 values are plain text", "412 valeurs sur 1 200 sont en clair",
		map[string]any{"rows": 1200, "plain": 412, "formats": map[string]int{"plain": 412, "bcrypt": 788}})
	add("CTR-DOC-001", formulaDoc, check.Pass, "The document was read", "Le document a été lu", nil)
	add("CTR-SUBPR-001", formulaDoc, check.Fail, "-No clause on sub-processors", "-Aucune clause sur les sous-traitants ultérieurs", map[string]any{"pages": 12})
	add("CTR-SEC-001", formulaDoc, check.Error, "page 3 could not be decoded", "la page 3 n'a pas pu être décodée", nil)
	add("CTR-DSR-001", formulaDoc, check.Skipped, "Not a processing agreement", "Pas un contrat de sous-traitance", nil)

	r := report.Report{SchemaVersion: report.SchemaVersion, ScanID: "00000000-rich-scan", Tool: report.Tool{Name: "vigie", Version: "0.1.0-test"},
		StartedAt: t0, FinishedAt: t0.Add(93*time.Second + 250*time.Millisecond), Findings: findings, Checks: checks}
	for _, tg := range []struct {
		name string
		fam  check.Family
	}{{shop, check.FamilyWeb}, {login, check.FamilyWeb}, {gone, check.FamilyWeb}, {hostileSite, check.FamilyWeb},
		{pol, check.FamilyPassword}, {hashes, check.FamilyPassword}, {formulaDoc, check.FamilyContracts}} {
		r.Targets = append(r.Targets, report.Target{Name: tg.name, Family: tg.fam, Completed: true})
	}
	r.Scores = score.Compute(findings, r.Meta)
	return r
}

// TestRichSampleHasEveryStatus keeps the sample honest as checks evolve.
func TestRichSampleHasEveryStatus(t *testing.T) {
	c := rich(t).Counts()
	for _, s := range check.Statuses {
		if c[s] == 0 {
			t.Errorf("rich sample has no %s finding", s)
		}
	}
}
