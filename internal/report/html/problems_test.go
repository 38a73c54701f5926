package htmlreport

import (
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

// A failing check listed as a problem must not read as its passing title,
// and the cover names only the families the scan covers.
func TestProblemsReadAsFailures(t *testing.T) {
	r := run(t, webUnits()) // web sites only
	for _, tc := range []struct {
		l                     check.Lang
		kind, notMet, found   string
		bareTitle, otherFamly string
	}{
		{check.EN, `<p class="kind">Web sites: what the CNIL checks, measured</p>`, `<h4>Not met: “No password field on a plain-HTTP page”`,
			`<strong>Found on</strong> <span class="mono">http://login.example.fr</span>: http://login.example.fr/ asks for a password over plain HTTP`,
			`<h4>No password field on a plain-HTTP page`, "processor contracts"},
		{check.FR, `<p class="kind">Sites web : ce que contrôle la CNIL, mesuré</p>`, `<h4>Non respecté : « Aucun champ mot de passe sur une page HTTP en clair »`,
			`<strong>Constaté sur</strong> <span class="mono">http://login.example.fr</span> :`,
			`<h4>Aucun champ mot de passe sur une page HTTP en clair`, "contrats de sous-traitance"},
	} {
		page := string(render(t, writer(tc.l), r))
		for _, want := range []string{tc.kind, tc.notMet, tc.found} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: the page lacks %q", tc.l, want)
			}
		}
		_, worst, ok := strings.Cut(page, `<ol class="worst">`)
		if !ok {
			t.Fatalf("%s: the page lists no most serious problems", tc.l)
		}
		worst, _, _ = strings.Cut(worst, "</ol>")
		if strings.Contains(worst, tc.bareTitle) {
			t.Errorf("%s: a problem is listed under its passing title %q", tc.l, tc.bareTitle)
		}
		if strings.Contains(page, tc.otherFamly) {
			t.Errorf("%s: a web-only scan names %q", tc.l, tc.otherFamly)
		}
	}
}

func TestCoverKind(t *testing.T) {
	if got, want := coverKind(check.EN, []string{"Web sites", "Lead databases"}), "Web sites, lead databases: what the CNIL checks, measured"; got != want {
		t.Errorf("EN = %q, want %q", got, want)
	}
	if got, want := coverKind(check.FR, []string{"Sites web", "Bases de prospects"}), "Sites web, bases de prospects : ce que contrôle la CNIL, mesuré"; got != want {
		t.Errorf("FR = %q, want %q", got, want)
	}
	if got, want := coverKind(check.FR, nil), "Ce que contrôle la CNIL, mesuré"; got != want {
		t.Errorf("empty = %q, want %q", got, want)
	}
}

// A check that only warns is not said to be unmet.
func TestWarningsReadAsPartlyMet(t *testing.T) {
	r := run(t, webUnits())
	for i := range r.Findings {
		if r.Findings[i].Status == check.Fail {
			r.Findings[i].Status = check.Warn
		}
	}
	page := string(render(t, writer(check.EN), r))
	if !strings.Contains(page, "<h4>Partly met: “") || strings.Contains(page, "<h4>Not met:") {
		t.Errorf("warnings among the most serious problems are not framed as partly met")
	}
}
