package password

import (
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

// TestSingularAfterOne: a count of one reads in the singular, in both
// languages: "1 failure", "every 1 day", "1 of 5 stored values looks".
func TestSingularAfterOne(t *testing.T) {
	cases := []struct {
		o      check.Outcome
		en, fr string
	}{
		{evalCNILCase(Policy{MinLength: ip(12), LockoutThreshold: ip(1)}.ev()), "", ""},
		{evalANSSIAttempts(Policy{LockoutThreshold: ip(1)}.ev()), "lockout after 1 failure", "verrouillage après 1 échec"},
		{evalANSSIExpiry(Policy{MaxAgeDays: ip(1)}.ev()), "every 1 day ", "tous les 1 jour "},
		{evalCNILRenewal(Policy{Admin: true, MaxAgeDays: ip(1)}.ev()), "every 1 day", "tous les 1 jour"},
	}
	var a HashAudit
	for _, v := range []string{"Soleil2024!", "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW", "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"} {
		a.Add(Recognise(v))
	}
	cases = append(cases, struct {
		o      check.Outcome
		en, fr string
	}{evalHashPlain(HashEvidence{Audit: a}), "1 of 3 stored values (33.3%) looks like a plain-text password", "1 des 3 valeurs conservées (33,3 %) ressemble à un mot de passe en clair"})
	cases = append(cases, struct {
		o      check.Outcome
		en, fr string
	}{check.Outcome{Message: Assess(Policy{MinLength: ip(1), RequireDigit: Yes, RequireLower: No, RequireUpper: No, RequireSpecial: No}).Arithmetic()}, "1 character over", "1 caractère sur"})
	var only HashAudit
	only.Add(Recognise("Soleil2024!"))
	cases = append(cases, struct {
		o      check.Outcome
		en, fr string
	}{evalHashPlain(HashEvidence{Audit: only}), "the only stored value looks like a plain-text password", "la seule valeur conservée ressemble à un mot de passe en clair"})
	for _, c := range cases {
		if !strings.Contains(c.o.Message.EN, c.en) || !strings.Contains(c.o.Message.FR, c.fr) {
			t.Errorf("%q / %q, want %q / %q", c.o.Message.EN, c.o.Message.FR, c.en, c.fr)
		}
		for _, bad := range []string{"1 failures", "1 échecs", "1 days", "1 jours", "1 of 1", "1 des 1"} {
			if strings.Contains(c.o.Message.EN+c.o.Message.FR, bad) {
				t.Errorf("%q: %q", c.o.Message.EN+" | "+c.o.Message.FR, bad)
			}
		}
	}
}
