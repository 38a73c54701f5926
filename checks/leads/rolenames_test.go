package leads

import (
	"strings"
	"testing"
)

// TestRoleNames: every role has words in both languages, and a message
// that lists missing columns names them in words, not by their keys.
func TestRoleNames(t *testing.T) {
	for _, r := range Roles {
		if n := roleNames[r]; !n.Complete() {
			t.Errorf("role %s has no name in both languages: %+v", r, n)
		}
	}
	f := run(t, "LEAD-CON-002", table(t, june, "id|email|optin|consent_at", "1|a@gmail.com|yes|2025-01-01"))
	for _, s := range []string{f.Message.EN, f.Message.FR} {
		if strings.Contains(s, "consent_source") || strings.Contains(s, "consent_version") || strings.Contains(s, "1 records") || strings.Contains(s, "1 fiches") {
			t.Errorf("message %q", s)
		}
	}
	// A negative list: "or", « ni ».
	if want := "1 fiche consent, mais la table n'a pas de colonne pour la source du consentement, ni pour la version du texte de consentement"; f.Message.FR != want {
		t.Errorf("FR %q, want %q", f.Message.FR, want)
	}
	if want := "1 record consents, but the table has no column for where the consent was given or the version of the consent wording"; f.Message.EN != want {
		t.Errorf("EN %q, want %q", f.Message.EN, want)
	}
	if keys, _ := f.Evidence["missing_columns"].([]string); strings.Join(keys, ",") != "consent_source,consent_version" {
		t.Errorf("evidence keeps the keys: %v", f.Evidence["missing_columns"])
	}
	// A skipped check says both the words and the key leads.columns takes.
	f = run(t, "LEAD-CON-009", table(t, june, "id|email", "1|a@gmail.com"))
	if want := "aucune colonne trouvée pour le numéro de téléphone (phone)"; !strings.Contains(f.Message.FR, want) {
		t.Errorf("skip FR %q, want %q", f.Message.FR, want)
	}
	f = run(t, "LEAD-RET-005", table(t, june, "id|email", "1|a@gmail.com"))
	if want := "aucune colonne trouvée pour la suppression de la fiche (deleted), ni pour l'état actif de la fiche (active) (déclarez-les"; !strings.HasPrefix(f.Message.FR, want) {
		t.Errorf("skip FR %q, want %q", f.Message.FR, want)
	}
	f = run(t, "LEAD-RET-001", table(t, june, "id|email", "1|a@gmail.com"))
	if want := "no column found for the collection date (created), the last contact from the prospect (last_activity), the last order (last_order) or the consent date (consent_at) (map them"; !strings.HasPrefix(f.Message.EN, want) {
		t.Errorf("skip EN %q, want %q", f.Message.EN, want)
	}
}
