package leads

import (
	"regexp"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

// pluralAfterOne finds "1 records", "1 fiches", "1 des 1 fiches": a plural
// noun after a count of one. French words ending in s in the singular
// (mois, fois), and English verbs (1 is, 1 has), are not plurals.
var pluralAfterOne = regexp.MustCompile(`(^|[^\d.,])1 (des 1 )?([[:alpha:]éèà-]+s)\b`)

var singularS = map[string]bool{"mois": true, "fois": true, "is": true, "has": true, "was": true}

func assertSingularAfterOne(t *testing.T, id string, m check.Text) {
	t.Helper()
	for _, s := range []string{m.EN, m.FR} {
		for _, g := range pluralAfterOne.FindAllStringSubmatch(s, -1) {
			if !singularS[g[3]] {
				t.Errorf("%s: %q has a plural after 1 (%q)", id, s, g[0])
			}
		}
	}
}

// TestSingularAfterOne: every check of the family, on tables where one
// record is at fault or the table holds one record, says "1 fiche", not
// "1 fiches".
func TestSingularAfterOne(t *testing.T) {
	tables := []Evidence{
		table(t, june, "id|email|optin|consent_at|created_at|source|informed_at|notes|date_de_naissance|password|phone|bloctel_checked_at|consent_phone|company|job_title|deleted|is_customer|last_order_at|last_open_at",
			"1|jean.dupont@acme.fr|yes|2025-01-01|2020-01-01|Purchased List||diabétique, NIR 1 85 05 78 006 084 91, FR76 3000 6000 0112 3456 7890 189|01/01/2013|azerty123|06 12 34 56 78|2026-01-01||||true|yes|2021-01-01|2026-05-01"),
		table(t, june, "id|email|lead_source|shared_with|consent_partners|legal_basis|unsubscribed|contactable|cvv|religion",
			"1|a@gmail.com|unknown|Acme Media||soft opt-in|true|yes|123|catholique"),
		table(t, june, "id|email|created_at", "1|a@gmail.com|2027-01-01", "2|b@gmail.com|"),
	}
	for _, e := range tables {
		for _, c := range All() {
			f := c.Evaluate(e)
			assertSingularAfterOne(t, f.CheckID, f.Message)
		}
	}
}

// zeroEveryOne finds "all 0 records", "every one of the 0 …", « les 0
// fiches », « chacune des 0 … »: a count of none said as a whole.
var zeroEveryOne = regexp.MustCompile(`(?i)\b(all|every one of the|each of the|the|les|chacune des|chacun des) 0 `)

// TestNoneIsNotEveryOne: on a table with a header alone, or whose only
// address is a work one with no consent and no indirect source, no check
// says "all 0" or "every one of the 0": it says there was none.
func TestNoneIsNotEveryOne(t *testing.T) {
	cols := "id|email|optin|consent_at|consent_source|consent_version|created_at|source|informed_at|last_sent_at"
	for _, e := range []Evidence{
		table(t, june, cols),
		table(t, june, cols, "1|jean.dupont@acme.fr|no||||2025-01-01|salon Vivatech 2025||"),
	} {
		for _, c := range All() {
			f := c.Evaluate(e)
			for _, s := range []string{f.Message.EN, f.Message.FR} {
				if zeroEveryOne.MatchString(s) {
					t.Errorf("%s (%d rows): %q", f.CheckID, e.Counts.Rows, s)
				}
			}
		}
	}
}
