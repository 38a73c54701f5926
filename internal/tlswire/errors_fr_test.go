package tlswire

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/check/checktest"
)

// What a server answers wrong is said in French too, and the sentinels
// still match.
func TestErrorsInFrench(t *testing.T) {
	short := record(typeHandshake, TLS12, []byte{typeServerHello, 0, 0, 2, 3, 3})
	for name, c := range map[string]struct {
		in       []byte
		sentinel error
		en, fr   string
	}{
		"http":  {[]byte("HTTP/1.1 400 Bad Request\r\n\r\n"), ErrNotTLS, "tlswire: the answer is not TLS", "la réponse n'est pas du TLS"},
		"short": {short, errMalformed, "tlswire: malformed handshake message: ServerHello", "message de négociation mal formé : ServerHello"},
	} {
		_, err := ReadResponse(bytes.NewReader(c.in), true)
		if !errors.Is(err, c.sentinel) || err.Error() != c.en {
			t.Errorf("%s: %v, want %q", name, err, c.en)
			continue
		}
		if got := check.InLang(err, check.FR); !strings.Contains(got, c.fr) || checktest.EnglishWord(got) != "" {
			t.Errorf("%s: French %q, want %q", name, got, c.fr)
		}
	}
	if _, err := (Hello{Version: TLS12}).Marshal(); err == nil || !strings.Contains(check.InLang(err, check.FR), "porte de 1 à") {
		t.Errorf("a hello without suites: %v", err)
	}
}
