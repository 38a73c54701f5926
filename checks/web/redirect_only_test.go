package web

import (
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

// A chain that ends on a redirect it could not follow received no page:
// the page-header checks are not applicable, rather than failed on the
// redirect's own headers; a page served after redirects is still judged.
func TestHeaderChecksSkipABareRedirect(t *testing.T) {
	bare := func(e *Evidence) {
		down(&e.HTTPS, "refused", "connection refused")
		e.HTTP = Probe{URL: "http://shop.example.fr/", Reached: true, StatusCode: 302,
			Hops:      []Hop{{URL: "http://shop.example.fr/", Status: 302, Location: "https://shop.example.fr:8443/"}},
			FollowErr: check.Text{EN: "https://shop.example.fr:8443/ cannot be reached: connection refused", FR: "https://shop.example.fr:8443/ est inaccessible : connexion refusée"}}
	}
	loop := func(e *Evidence) {
		bare(e)
		e.HTTP.FollowErr, e.HTTP.RedirectLimit = check.Text{}, true
	}
	for name, fn := range map[string]func(Evidence) check.Outcome{
		"csp": evalCSP, "framing": evalFraming, "nosniff": evalXCTO, "referrer": evalReferrer, "corp": evalCORP, "sri": evalSRI,
	} {
		t.Run(name, func(t *testing.T) {
			e := good()
			bare(&e)
			o := fn(e)
			if o.Status != check.Skipped || !strings.Contains(o.Message.EN, "no page was received") ||
				!strings.Contains(o.Message.EN, "cannot be reached") || !strings.Contains(o.Message.FR, "aucune page reçue") {
				t.Errorf("bare redirect: %s %q / %q", o.Status, o.Message.EN, o.Message.FR)
			}
			e = good()
			loop(&e)
			if o := fn(e); o.Status != check.Skipped || !strings.Contains(o.Message.EN, "stops following after") {
				t.Errorf("redirect loop: %s %q", o.Status, o.Message.EN)
			}
			if o := fn(good()); o.Status == check.Skipped {
				t.Errorf("a page served after a redirect is skipped: %q", o.Message.EN)
			}
		})
	}
	// The server's version shows on a redirect as well.
	e := good()
	bare(&e)
	e.HTTP.Headers = map[string][]string{"Server": {"nginx/1.18.0"}}
	if o := evalBanner(e); o.Status != check.Warn {
		t.Errorf("banner on a bare redirect: %s %q", o.Status, o.Message.EN)
	}
}

// A chain cut by the redirect limit is said as such, with the redirects
// counted (not the responses), in both languages.
func TestRedirectLimitSaysTheLimit(t *testing.T) {
	e := good()
	e.HTTP = Probe{URL: "http://shop.example.fr/", Reached: true, StatusCode: 301, RedirectLimit: true, Hops: []Hop{
		{URL: "http://shop.example.fr/", Status: 301, Location: "http://shop.example.fr/a"},
		{URL: "http://shop.example.fr/a", Status: 301, Location: "http://shop.example.fr/b"},
		{URL: "http://shop.example.fr/b", Status: 301, Location: "https://shop.example.fr/"}}}
	o := evalRedirect(e)
	if o.Status != check.Fail || !strings.Contains(o.Message.EN, "after 2 redirects, the limit (web.max_redirects)") ||
		!strings.Contains(o.Message.FR, "après 2 redirections") {
		t.Errorf("%s %q / %q", o.Status, o.Message.EN, o.Message.FR)
	}
}
