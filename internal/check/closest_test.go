package check

import "testing"

// A typo gets the name it most likely meant; a short word that shares
// little with any name gets none ("foo" is no misspelt "xor").
func TestClosest(t *testing.T) {
	known := []string{"high", "xor", "targets", "slack", "argon2id", "rot13", "fr", "en"}
	for typo, want := range map[string]string{
		"hgih": "high", "slak": "slack", "tagrets": "targets", "argon2idd": "argon2id", "rot14": "rot13", "xr": "xor",
		"fi": "fr", "foo": "", "zz": "", "medium": "", "": "",
	} {
		if got := Closest(typo, known); got != want {
			t.Errorf("Closest(%q) = %q, want %q", typo, got, want)
		}
	}
}
