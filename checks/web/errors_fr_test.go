package web

import (
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/check/checktest"
)

// A header the server got wrong, or a path the user wrote wrong, is said
// in French too.
func TestErrorsInFrench(t *testing.T) {
	_, hsts := ParseHSTS("max-age=soon")
	_, csp := ParseCSP("script-src 'self'; script-src *")
	for _, c := range []struct {
		err    error
		en, fr string
	}{
		{hsts, `max-age "soon" is not a number of seconds`, `max-age "soon" n'est pas un nombre de secondes`},
		{csp, `directive "script-src" appears twice`, `directive "script-src" présente deux fois`},
		{ValidPath("//evil.example/x"), `path "//evil.example/x" must start with a single / and stay on the target's host`, "doit commencer par un seul /"},
	} {
		if c.err == nil || c.err.Error() != c.en {
			t.Errorf("got %v, want %q", c.err, c.en)
			continue
		}
		if got := check.InLang(c.err, check.FR); !strings.Contains(got, c.fr) || checktest.EnglishWord(got) != "" {
			t.Errorf("French %q, want %q", got, c.fr)
		}
	}
}
