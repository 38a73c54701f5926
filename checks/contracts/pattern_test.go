package contracts

import "testing"

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
