package pwpolicy

import (
	"testing"

	"github.com/vigie-security/vigie/checks/password"
)

// TestPlainStorageNames: the plain-text names still read, and are plain
// text (PWD-CNIL-002 fails them); "none" alone is refused (review 7, L4).
func TestPlainStorageNames(t *testing.T) {
	for _, alg := range []string{"plaintext", "plain", "cleartext", "Clear-Text"} {
		ps, err := Parse("p.yaml", []byte("policies:\n  - name: u\n    storage: {algorithm: "+alg+"}\n"))
		if err != nil || ps[0].Storage == nil || password.ClassifyStorage(ps[0].Storage.Algorithm) != password.StoragePlain {
			t.Errorf("%s: %+v, %v", alg, ps, err)
		}
	}
	if _, err := Parse("p.yaml", []byte("policies:\n  - name: u\n    storage: {algorithm: none}\n")); err == nil {
		t.Error("storage.algorithm none was accepted")
	}
}
