package contracts

import (
	"strings"
	"testing"
)

// atMostWords counts words as words() splits them, without building them.
func TestAtMostWordsAgreesWithWords(t *testing.T) {
	for _, gap := range []string{"", " ", " of the ", "l'article 28(3) ", "donnees a caractere", " \xff\xfe x ", "-- , ;", "a b c d e f g"} {
		for n := 0; n <= 8; n++ {
			if got, want := atMostWords(gap, n), len(words(gap)) <= n; got != want {
				t.Errorf("atMostWords(%q, %d) = %v, want %v", gap, n, got, want)
			}
		}
	}
}

// The deadline's hours are those of the delay the deadline matched.
func TestJudgeDeadlineHours(t *testing.T) {
	for _, c := range []struct {
		text string
		want Level
		why  string
	}{
		{"notifies the breach within forty-eight (48) hours", Specific, "48 hours"},
		{"within two business days of becoming aware", Specific, "48 hours"},
		{"sous 24h apres en avoir pris connaissance", Specific, "24 hours"},
		{"dans un delai de 10 jours ouvres", Present, "240 hours"},
		{"no later than 72 hours after", Present, "72 hours"},
		{"without undue delay", Missing, "no deadline"},
		{"notifies the desk (staffed 24 hours a day) without undue delay and in any event within 48 hours", Specific, "48 hours"},
	} {
		lvl, why := judgeDeadline(c.text)
		if lvl != c.want || !strings.Contains(why.EN, c.why) {
			t.Errorf("%q: %s (%s), want %s (%s)", c.text, lvl, why.EN, c.want, c.why)
		}
	}
}

// A notice's recipient with contact details between the verb and the
// deadline does not push the deadline out of reach: brackets, e-mail
// addresses and phone numbers are not counted; other words are.
func TestDeadlinePastContactDetails(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       Level
	}{
		{"in brackets", "The Supplier shall notify Marie Dupont, Data Protection Officer (marie.dupont@example.org, +33 6 12 34 56 78), without undue delay and in any event within 24 hours of becoming aware of a security incident.", Specific},
		{"after commas", "The Supplier shall notify Marie Dupont, Data Protection Officer, at marie.dupont@example.org or on +33 6 12 34 56 78, without undue delay and in any event within 24 hours of becoming aware of a security incident.", Specific},
		{"in brackets (fr)", "Le Fournisseur informe Mme Marie Dupont, déléguée à la protection des données (marie.dupont@example.org, 01 23 45 67 89), sans délai injustifié et au plus tard dans les 24 heures suivant la découverte de la violation.", Specific},
		{"a relative clause, then the undue delay's limit", "The Supplier shall notify the Customer's data protection officer, whose name and contact details are set out in Annex 1 to this Agreement, without undue delay and in any event within 24 hours of becoming aware of a security incident.", Specific},
		{"the undue delay's limit after its condition", "The Supplier shall notify the Customer without undue delay after becoming aware of a security incident affecting personal data, and in any event within 36 hours.", Specific},
		{"the undue delay's limit after its condition (fr)", "Le Fournisseur informe le Client dans les meilleurs délais après avoir pris connaissance d'une violation de données, et en tout état de cause dans un délai de 24 heures.", Specific},
		{"a remedy's deadline, not the notice's", "The Supplier shall remedy any security incident without undue delay and in any event within 48 hours.", Missing},
		{"words, not contact details", "The Supplier shall notify the Customer of any security incident, and its own operations team, which reviews the logs of all systems every single day of the week, keeps them within 30 days.", Missing},
	} {
		t.Run(c.name, func(t *testing.T) {
			if r := level(t, Analyze(doc(c.text)), "A28-33-breach-deadline"); r.Level != c.want {
				t.Errorf("breach-deadline = %s (%q), want %s", r.Level, r.Why.EN, c.want)
			}
		})
	}
}

// What is an aside in a gap, and what is not.
func TestAtMostWordsPastAsides(t *testing.T) {
	for _, c := range []struct {
		gap  string
		n    int
		want bool
	}{
		{" jane roe (dpo@example.com, +33 1 23 45 67 89), ", 2, true},
		{" jane roe, dpo@example.com, +33 1 23 45 67 89, ", 2, true},
		{" jane roe, https://example.com/contact ", 2, true},
		{" clause 5 2 ", 1, false},        // a few numbers are words
		{" jane (roe and doe ", 2, false}, // a bracket not closed in the gap is read
		{" a b c ", 3, true},
		{" a b c d ", 3, false},
	} {
		if got := atMostWordsPastAsides(c.gap, c.n); got != c.want {
			t.Errorf("atMostWordsPastAsides(%q, %d) = %v, want %v", c.gap, c.n, got, c.want)
		}
	}
	// asides only ever take words away
	for _, gap := range []string{"", " (", ")", " ((a) b ", " a@b ( c ", " +33 1 2 (x", "[a] b [", " 1 2 3 4 5 6 7 8 ", "\xff( \xfe)"} {
		for n := 0; n <= 8; n++ {
			if atMostWords(gap, n) && !atMostWordsPastAsides(gap, n) {
				t.Errorf("%q, %d: fits counting every word, not past the asides", gap, n)
			}
		}
	}
}
