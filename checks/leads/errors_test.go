package leads

import (
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/check/checktest"
)

// TestColumnErrorsInFrench: a wrong leads.columns mapping is said in French
// under --lang fr, in English otherwise, naming the role and the label.
func TestColumnErrorsInFrench(t *testing.T) {
	header := []string{"Email", "Phone", "Created"}
	for _, tc := range []struct {
		override map[string]string
		en, fr   string
	}{
		{map[string]string{"mail": "Email"}, `leads.columns: unknown role "mail" (roles: `, `leads.columns: rôle inconnu "mail" (rôles : `},
		{map[string]string{"email": "Courriel"}, `leads.columns: email = "Courriel": no such column in the header`,
			`leads.columns: email = "Courriel" : aucune colonne de ce nom dans l'en-tête`},
	} {
		_, err := Detect(header, len(header), nil, tc.override, false)
		if err == nil {
			t.Fatalf("%v: no error", tc.override)
		}
		if en := err.Error(); !strings.HasPrefix(en, tc.en) {
			t.Errorf("EN %q, want %q", en, tc.en)
		}
		fr := check.InLang(err, check.FR)
		if !strings.HasPrefix(fr, tc.fr) {
			t.Errorf("FR %q, want %q", fr, tc.fr)
		}
		if w := checktest.EnglishWord(fr); w != "" {
			t.Errorf("FR %q has the English word %q", fr, w)
		}
	}
}
