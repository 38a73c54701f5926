package contracts

import (
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/check/checktest"
)

// A level name that does not exist is said in both languages, and the
// French carries no English word.
func TestLevelErrorIsBilingual(t *testing.T) {
	_, err := ParseLevel("partial")
	if err == nil {
		t.Fatal("ParseLevel(\"partial\") = nil error")
	}
	if en := err.Error(); !strings.Contains(en, `unknown level "partial"`) {
		t.Errorf("English: %q", en)
	}
	fr := check.InLang(err, check.FR)
	if !strings.Contains(fr, `niveau inconnu "partial"`) {
		t.Errorf("French: %q", fr)
	}
	// the level names are literals, quoted: not words of the sentence
	words := strings.Split(fr, `"`)
	var prose []string
	for k := 0; k < len(words); k += 2 {
		prose = append(prose, words[k])
	}
	if w := checktest.EnglishWord(strings.Join(prose, " ")); w != "" {
		t.Errorf("French %q holds the English word %q", fr, w)
	}
}

// A broken rule is reported in both languages, with the element it is in.
func TestRuleErrorIsBilingual(t *testing.T) {
	bad := map[string]spec{}
	for id, s := range elementSpecs {
		bad[id] = s
	}
	s := bad["A28-9-written-form"]
	s.clause = []x{rx(`(`)}
	bad["A28-9-written-form"] = s
	_, err := compileRules(bad)
	if err == nil {
		t.Fatal("a rule that does not compile was accepted")
	}
	if fr := check.InLang(err, check.FR); !strings.Contains(fr, "élément A28-9-written-form : motif") {
		t.Errorf("French: %q", fr)
	}
	if en := err.Error(); !strings.Contains(en, "element A28-9-written-form: pattern") {
		t.Errorf("English: %q", en)
	}
}
