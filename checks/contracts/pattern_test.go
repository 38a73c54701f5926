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
	} {
		lvl, why := judgeDeadline(c.text)
		if lvl != c.want || !strings.Contains(why.EN, c.why) {
			t.Errorf("%q: %s (%s), want %s (%s)", c.text, lvl, why.EN, c.want, c.why)
		}
	}
}
