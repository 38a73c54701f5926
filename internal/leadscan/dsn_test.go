package leadscan

import (
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

// A password pasted raw with an @ or a / (as people paste it) would be read
// as host and database, shown in every report and resolved by DNS: the DSN
// is refused before any connection, and no piece of it is in the error.
func TestAmbiguousDSNRefused(t *testing.T) {
	for _, tc := range []struct {
		dsn    string
		pieces []string // of the password and user: none may be shown
	}{
		{"mysql://crmapp:Zq9@Pw/Secret@127.0.0.1:1/crm", []string{"crmapp", "Zq9", "Pw", "Secret"}},
		{"postgres://crmapp:Zq9@Pw/Secret@127.0.0.1:1/crm", []string{"crmapp", "Zq9", "Pw", "Secret"}},
		{"postgresql://crmapp:Zq9@Pw@127.0.0.1/crm", []string{"crmapp", "Zq9", "Pw"}},
		{"mariadb://crmapp:Zq9/Secret@127.0.0.1/crm", []string{"crmapp", "Zq9", "Secret"}},
		{"mysql://crmapp:1234/Secret@127.0.0.1/crm", []string{"crmapp", "1234", "Secret"}},
		{"postgres://crmapp:77?Secret@127.0.0.1/crm?sslmode=disable", []string{"crmapp", "77", "Secret"}},
		{"postgres://crmapp:77#Secret@127.0.0.1/crm", []string{"crmapp", "77", "Secret"}},
	} {
		for _, src := range []Source{{Path: tc.dsn}, {DSN: tc.dsn, Table: "contacts"}} {
			p, err := Prepare(src)
			if err == nil {
				t.Errorf("%s: planned as %s", tc.pieces, p.Target)
				continue
			}
			en, fr := err.Error(), check.InLang(err, check.FR)
			if !strings.Contains(en, "the DSN is ambiguous (more than one @ before the host): percent-encode the password (%40 for @, %2F for /)") ||
				!strings.Contains(fr, "le DSN est ambigu (plus d'un @ avant l'hôte) : encodez le mot de passe en pourcentage (%40 pour @, %2F pour /)") {
				t.Errorf("%s: %q / %q", tc.pieces, en, fr)
			}
			for _, piece := range tc.pieces {
				if strings.Contains(en, piece) || strings.Contains(fr, piece) {
					t.Errorf("%q shown: %q / %q", piece, en, fr)
				}
			}
		}
	}
}

// Percent-encoded passwords and ?password= are not ambiguous: they plan,
// and the target has neither password nor user.
func TestEncodedDSNPlanned(t *testing.T) {
	for _, tc := range []struct{ dsn, target, password string }{
		{"mysql://crmapp:Zq9%40Pw%2FSecret@127.0.0.1:1/crm", "mysql://127.0.0.1:1/crm#contacts", "Zq9@Pw/Secret"},
		{"postgres://crmapp:Zq9%40Pw%2FSecret@127.0.0.1:1/crm", "postgres://127.0.0.1:1/crm#contacts", "Zq9@Pw/Secret"},
		{"postgres://crmapp@127.0.0.1:1/crm?sslmode=disable&password=Zq9@Pw/Secret", "postgres://127.0.0.1:1/crm#contacts", "Zq9@Pw/Secret"},
		{"postgres://crmapp@[::1]/crm?password=Zq9%40Pw", "postgres://[::1]:5432/crm#contacts", "Zq9@Pw"},
	} {
		p, err := Prepare(Source{DSN: tc.dsn, Table: "contacts"})
		if err != nil {
			t.Errorf("%s: %v", tc.target, err)
			continue
		}
		if p.Target != tc.target || p.db.password != tc.password {
			t.Errorf("%s: target %q, password read %v", tc.target, p.Target, p.db.password == tc.password)
		}
		if got := p.db.scrub("connect " + tc.dsn + " with " + tc.password); strings.Contains(got, "Zq9") || strings.Contains(got, "crmapp") {
			t.Errorf("%s: scrub left %q", tc.target, got)
		}
	}
}
