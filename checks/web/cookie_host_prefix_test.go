package web

import (
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

// Each __Host- rule (RFC 6265bis: Secure, Path=/, no Domain) is named alone,
// so a Secure cookie is not told it lacks Secure (trial 4, R9).
func TestHostPrefixNamesTheBrokenRule(t *testing.T) {
	for _, tc := range []struct {
		name, line string
		want, not  []string
	}{
		{"secure, wrong path (trial 4)", "__Host-token=1; Secure; Path=/sub; HttpOnly; SameSite=Lax",
			[]string{"__Host- prefix without Path=/: __Host-token"}, []string{"without Secure", "Domain"}},
		{"secure, no path", "__Host-token=1; Secure; HttpOnly; SameSite=Lax",
			[]string{"__Host- prefix without Path=/: __Host-token"}, []string{"without Secure", "Domain"}},
		{"domain", "__Host-id=1; Secure; Path=/; Domain=example.fr; HttpOnly; SameSite=Lax",
			[]string{"__Host- prefix with a Domain: __Host-id"}, []string{"without Secure", "Path=/"}},
		{"not secure", "__Host-id=1; Path=/; HttpOnly; SameSite=Lax",
			[]string{"__Host- prefix without Secure: __Host-id"}, []string{"Path=/:", "Domain"}},
		{"every rule broken", "__Host-id=1; Path=/a; Domain=example.fr; HttpOnly; SameSite=Lax",
			[]string{"__Host- prefix without Secure", "__Host- prefix without Path=/", "__Host- prefix with a Domain"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := good()
			setCookies(tc.line)(&e)
			o := evalCookies(e)
			if o.Status != check.Fail {
				t.Fatalf("status %s: %q", o.Status, o.Message.EN)
			}
			for _, w := range tc.want {
				if !strings.Contains(o.Message.EN, w) {
					t.Errorf("message %q does not say %q", o.Message.EN, w)
				}
			}
			for _, n := range tc.not {
				if strings.Contains(o.Message.EN, n) {
					t.Errorf("message %q says %q, a rule the cookie keeps", o.Message.EN, n)
				}
			}
		})
	}
	if m := modifierOf(t, evalCookies, setCookies("__Host-id=1; Path=/a; Domain=example.fr; Secure; HttpOnly; SameSite=Lax")); m != -20 {
		t.Errorf("two __Host- rules broken: modifier %d, want -20 (once, as one failed test)", m)
	}
	runWording(t, evalCookies, []wordingCase{
		{"path", setCookies("__Host-token=1; Secure; Path=/sub; HttpOnly; SameSite=Lax"),
			"cookie problems: __Host- prefix without Path=/: __Host-token",
			"problèmes de cookies : préfixe __Host- sans Path=/ : __Host-token"},
	})
}
