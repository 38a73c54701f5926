package contracts

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// Arbitrary text never makes the analysis panic, and every element gets one
// result with a reason in both languages and bounded, valid evidence:
//
//	go test -fuzz FuzzAnalyze ./checks/contracts
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"The Customer shall have no right to audit the Supplier.",
		"Le sous-traitant notifie toute violation dans un délai de 48 heures.\n\n10 jours ouvrés",
		"Annex II\n\nCategories of data subjects\n\n[to be completed]",
		"| a | b |\n|---|---|\n| Categories of personal data | names, e-mail addresses |",
		strings.Repeat("audit ", 400), "\xff\xfe", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a := Analyze(doc(strings.Split(text, "\n\n")...))
		if len(a.Results) != len(Elements) {
			t.Fatalf("%d results for %d elements", len(a.Results), len(Elements))
		}
		for i, r := range a.Results {
			if r.Element != Elements[i].ID || !r.Why.Complete() {
				t.Fatalf("result %d: %+v", i, r)
			}
			if len(r.Sentence) > maxEvidence+len("…") || !utf8.ValidString(r.Sentence) && utf8.ValidString(text) {
				t.Fatalf("%s: evidence %q", r.Element, r.Sentence)
			}
		}
	})
}

// The rules compile, one per element.
func TestRulesCompile(t *testing.T) {
	rules, errRules := compiled().rules, compiled().err
	if errRules != nil {
		t.Fatal(errRules)
	}
	if specialTerms.words == nil {
		t.Error("the special-category terms do not compile")
	}
	if len(rules) != len(Elements) {
		t.Fatalf("%d rules for %d elements", len(rules), len(Elements))
	}
	if _, err := compileRules(map[string]spec{}); err == nil {
		t.Error("an element without a rule is accepted")
	}
	bad := map[string]spec{}
	for id, s := range elementSpecs {
		bad[id] = s
	}
	s := bad["A28-9-written-form"]
	s.clause = []x{rx("(unclosed")}
	bad["A28-9-written-form"] = s
	if _, err := compileRules(bad); err == nil || !strings.Contains(err.Error(), "A28-9-written-form") {
		t.Errorf("a rule that does not compile: %v", err)
	}
}

// The number of rules has no ceiling: with 130 rules (two words of a
// ruleSet and more), the last one is found and judged as the first is.
func TestManyRules(t *testing.T) {
	spec := elementSpecs["A28-3-subject-matter"]
	var many []*rule
	for n := range 130 {
		r, err := spec.compile("A28-3-subject-matter")
		if err != nil {
			t.Fatal(err)
		}
		r.n = n
		many = append(many, r)
	}
	ix := indexTriggers(many)
	sents := segment([]Block{{Text: "Subject matter: hosting of the Customer's CRM service."}})
	for i := range sents {
		sents[i].trig, sents[i].headTrig = make(ruleSet, ix.words), make(ruleSet, ix.words)
		ix.mask(sents[i].folded, sents[i].trig)
		ix.mask(sents[i].head, sents[i].headTrig)
	}
	for _, r := range []*rule{many[0], many[63], many[64], many[129]} {
		if !r.sentenceTriggered(sents, 0, false) {
			t.Errorf("rule %d: the trigger is not seen", r.n)
		}
		if res := judgeElement(r, sents); res.Level != Specific {
			t.Errorf("rule %d: %s (%s)", r.n, res.Level, res.Why.EN)
		}
	}
}
