package probe

import (
	"crypto/x509"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

// TestInvalidReasonInFrench: why x509 refused a chain is said in French,
// never with x509's English words outside quotes.
func TestInvalidReasonInFrench(t *testing.T) {
	for r := x509.NotAuthorizedToSign; r <= x509.NoValidChains; r++ {
		if _, ok := invalidReasons[r]; !ok {
			t.Errorf("x509 reason %d has no French: the report would quote x509's English", r)
		}
		if got := invalidReason(x509.CertificateInvalidError{Reason: r}).In(check.FR); strings.Contains(got, "x509") {
			t.Errorf("reason %d: %q", r, got)
		}
	}
	if got := trustReason(x509.CertificateInvalidError{Reason: x509.Expired}, nil).In(check.FR); got != "chaîne invalide : un certificat a expiré ou n'est pas encore valide" {
		t.Errorf("expired: %q", got)
	}
}
