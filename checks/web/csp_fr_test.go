package web

import (
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check/checktest"
)

// TestCSPWeaknessesInFrench: each weakness of a Content-Security-Policy is
// said in the reader's language, not an English fragment in a French
// message.
func TestCSPWeaknessesInFrench(t *testing.T) {
	e := good()
	withHeaders("Content-Security-Policy", "script-src 'self' 'unsafe-inline' 'unsafe-eval'; connect-src http://api.example.com")(&e)
	m := evalCSP(e).Message
	want := "Content-Security-Policy faible : script-src autorise 'unsafe-inline' ; ni object-src ni default-src : plugins de n'importe où ; connect-src autorise http: en clair ; script-src autorise 'unsafe-eval'"
	if m.FR != want {
		t.Errorf("FR %q\nwant %q", m.FR, want)
	}
	if !strings.HasPrefix(m.EN, "weak Content-Security-Policy: script-src allows 'unsafe-inline'; ") {
		t.Errorf("EN %q", m.EN)
	}
	if w := checktest.EnglishWord(m.FR); w != "" || strings.Contains(m.FR, "allows") {
		t.Errorf("FR %q keeps English (%q)", m.FR, w)
	}
}
