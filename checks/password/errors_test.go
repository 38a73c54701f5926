package password

import (
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/check/checktest"
)

// TestSetClassesErrorInFrench: an unknown character class (`vigie password
// entropy --classes symbols`) is named in French under check.FR, with the
// accepted names, and stays English in err.Error().
func TestSetClassesErrorInFrench(t *testing.T) {
	var p Policy
	err := p.SetClasses("lower", "symbols")
	if err == nil {
		t.Fatal("an unknown class was accepted")
	}
	if en := err.Error(); en != `unknown character class "symbols" (want lower, upper, digit or special)` {
		t.Errorf("English: %q", en)
	}
	fr := check.InLang(err, check.FR)
	if fr != `classe de caractères inconnue "symbols" (au choix : lower, upper, digit ou special)` {
		t.Errorf("French: %q", fr)
	}
	if w := checktest.EnglishWord(fr); w != "" {
		t.Errorf("French %q keeps the English word %q", fr, w)
	}
	// Every name the error offers is one SetClasses accepts.
	for _, name := range []string{"lower", "upper", "digit", "special"} {
		if !strings.Contains(fr, name) {
			t.Errorf("French %q does not offer %q", fr, name)
		}
		if err := p.SetClasses(name); err != nil {
			t.Errorf("offered %q refused: %v", name, err)
		}
	}
	if !strings.Contains(check.InLang(err, check.EN), "unknown") {
		t.Errorf("English through InLang: %q", check.InLang(err, check.EN))
	}
}
