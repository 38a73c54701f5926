package pki

import (
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

// A key Go refuses to make is said in French too.
func TestErrorsInFrench(t *testing.T) {
	_, err := IssueSpec(nil, Spec{Names: []string{"127.0.0.1"}, RSABits: 512})
	if err == nil || !strings.HasPrefix(err.Error(), "generating server key: ") {
		t.Fatalf("a 512-bit key: %v", err)
	}
	if got := check.InLang(err, check.FR); !strings.HasPrefix(got, "génération de la clé du serveur : ") {
		t.Errorf("French %q", got)
	}
}
