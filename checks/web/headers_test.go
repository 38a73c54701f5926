package web

import (
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

// withHeaders sets headers on the HTTPS page the content checks read.
func withHeaders(kv ...string) func(*Evidence) {
	return func(e *Evidence) {
		h := map[string][]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			h[kv[i]] = append(h[kv[i]], kv[i+1])
		}
		e.HTTPS.Headers = h
	}
}

func modifierOf(t *testing.T, fn func(Evidence) check.Outcome, mutate func(*Evidence)) int {
	t.Helper()
	e := good()
	mutate(&e)
	m, ok := fn(e).Evidence["observatory_modifier"].(int)
	if !ok {
		t.Fatalf("no observatory modifier")
	}
	return m
}

func TestCSP(t *testing.T) {
	csp := func(v string) func(*Evidence) { return withHeaders("Content-Security-Policy", v) }
	runCases(t, evalCSP, []evalCase{
		{"strict", csp("default-src 'self'; object-src 'none'"), check.Pass, "nothing unsafe"},
		{"nonce makes unsafe-inline harmless", csp("default-src 'self'; script-src 'self' 'unsafe-inline' 'nonce-r4nd0m'; object-src 'none'"), check.Pass, ""},
		{"unsafe-inline only in style-src", csp("default-src 'self'; style-src 'self' 'unsafe-inline'"), check.Pass, "style-src"},
		{"missing", nil, check.Fail, "no Content-Security-Policy"},
		{"report-only", withHeaders("Content-Security-Policy-Report-Only", "default-src 'self'"), check.Fail, "Report-Only"},
		{"unsafe-inline", csp("default-src 'self'; script-src 'self' 'unsafe-inline'"), check.Fail, "'unsafe-inline'"},
		{"unsafe-eval", csp("default-src 'self'; script-src 'self' 'unsafe-eval'"), check.Fail, "'unsafe-eval'"},
		{"data in script-src", csp("default-src 'self'; script-src 'self' data:"), check.Fail, "data:"},
		{"wildcard", csp("default-src *"), check.Fail, "any host"},
		{"https: is broad", csp("default-src 'self'; script-src https:; object-src 'none'"), check.Fail, "any host"},
		{"no default-src nor object-src", csp("script-src 'self'"), check.Fail, "object-src"},
		{"insecure scheme", csp("default-src 'self' http://cdn.example.fr"), check.Fail, "plain http:"},
		{"duplicate directive", csp("default-src 'self'; default-src *"), check.Fail, "twice"},
		{"frame-ancestors only", csp("frame-ancestors 'self'"), check.Fail, "no script-src"},
	})
	if m := modifierOf(t, evalCSP, csp("default-src 'none'; script-src 'self'; form-action 'self'")); m != 10 {
		t.Errorf("default-src 'none' with form-action: modifier %d, want +10", m)
	}
	if m := modifierOf(t, evalCSP, csp("default-src 'self'; script-src 'self' 'unsafe-eval'")); m != -10 {
		t.Errorf("unsafe-eval: modifier %d, want -10", m)
	}
	if m := modifierOf(t, evalCSP, withHeaders()); m != -25 {
		t.Errorf("missing: modifier %d, want -25", m)
	}
}

func TestFraming(t *testing.T) {
	runCases(t, evalFraming, []evalCase{
		{"frame-ancestors", withHeaders("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'"), check.Pass, "frame-ancestors 'none'"},
		{"xfo deny", withHeaders("X-Frame-Options", "deny"), check.Pass, "DENY"},
		{"xfo sameorigin", withHeaders("X-Frame-Options", "SAMEORIGIN"), check.Pass, ""},
		{"allow-from", withHeaders("X-Frame-Options", "ALLOW-FROM https://partner.example.fr"), check.Warn, "ignored"},
		{"missing", nil, check.Fail, "any site can frame"},
		{"invalid", withHeaders("X-Frame-Options", "yes please"), check.Fail, "invalid"},
		{"frame-ancestors * falls back to XFO", withHeaders("Content-Security-Policy", "frame-ancestors *", "X-Frame-Options", "DENY"), check.Pass, "DENY"},
	})
}

func TestSimpleHeaders(t *testing.T) {
	t.Run("xcto", func(t *testing.T) {
		runCases(t, evalXCTO, []evalCase{
			{"nosniff", withHeaders("X-Content-Type-Options", "NoSniff"), check.Pass, ""},
			{"missing", nil, check.Fail, "no X-Content-Type-Options"},
			{"wrong", withHeaders("X-Content-Type-Options", "sniff"), check.Fail, "not nosniff"},
		})
	})
	t.Run("referrer", func(t *testing.T) {
		runCases(t, evalReferrer, []evalCase{
			{"absent", nil, check.Pass, "default"},
			{"strict", withHeaders("Referrer-Policy", "strict-origin-when-cross-origin"), check.Pass, ""},
			{"unsafe-url", withHeaders("Referrer-Policy", "unsafe-url"), check.Fail, "unsafe-url"},
			{"last known value wins", withHeaders("Referrer-Policy", "unsafe-url, no-referrer, bogus"), check.Pass, "no-referrer"},
			{"invalid", withHeaders("Referrer-Policy", "never"), check.Fail, "invalid"},
		})
	})
	t.Run("corp", func(t *testing.T) {
		runCases(t, evalCORP, []evalCase{
			{"same-origin", withHeaders("Cross-Origin-Resource-Policy", "same-origin"), check.Pass, "same-origin"},
			{"absent", nil, check.Pass, "no penalty"},
			{"invalid", withHeaders("Cross-Origin-Resource-Policy", "everyone"), check.Fail, "invalid"},
		})
	})
	t.Run("banner", func(t *testing.T) {
		runCases(t, evalBanner, []evalCase{
			{"none", nil, check.Pass, ""},
			{"product only", withHeaders("Server", "nginx"), check.Pass, ""},
			{"nginx version", withHeaders("Server", "nginx/1.18.0 (Ubuntu)"), check.Warn, "nginx/1.18.0"},
			{"php", withHeaders("X-Powered-By", "PHP/7.4.3"), check.Warn, "PHP/7.4.3"},
			{"aspnet", withHeaders("X-AspNet-Version", "4.0.30319"), check.Warn, "X-AspNet-Version"},
		})
	})
	t.Run("page falls back to http", func(t *testing.T) {
		e := good()
		down(&e.HTTPS, "refused", "refused")
		e.HTTP.Hops = []Hop{{URL: "http://shop.example.fr/", Status: 200}}
		e.HTTP.Headers = map[string][]string{"X-Content-Type-Options": {"nosniff"}}
		if o := evalXCTO(e); o.Status != check.Pass || o.Evidence["url"] != "http://shop.example.fr/" {
			t.Errorf("%+v", o)
		}
	})
}

func TestCORS(t *testing.T) {
	cors := func(kv ...string) func(*Evidence) {
		return func(e *Evidence) {
			e.CORSOrigin = "https://cors-probe.vigie.invalid"
			e.CORS = Probe{URL: "https://shop.example.fr/", Reached: true, StatusCode: 200, Hops: []Hop{{URL: "https://shop.example.fr/", Status: 200}}}
			h := map[string][]string{}
			for i := 0; i+1 < len(kv); i += 2 {
				h[kv[i]] = []string{kv[i+1]}
			}
			e.CORS.Headers = h
		}
	}
	runCases(t, evalCORS, []evalCase{
		{"no cors", cors(), check.Pass, "no CORS"},
		{"fixed origin", cors("Access-Control-Allow-Origin", "https://app.example.fr"), check.Pass, "restricted"},
		{"star", cors("Access-Control-Allow-Origin", "*"), check.Warn, "any site"},
		{"reflected", cors("Access-Control-Allow-Origin", "https://cors-probe.vigie.invalid"), check.Warn, "echoed"},
		{"reflected with credentials", cors("Access-Control-Allow-Origin", "https://cors-probe.vigie.invalid", "Access-Control-Allow-Credentials", "true"), check.Fail, "with credentials"},
		{"no https", func(e *Evidence) { down(&e.HTTPS, "refused", "refused"); down(&e.CORS, "refused", "refused") }, check.Skipped, ""},
		{"cors request failed", func(e *Evidence) {
			e.CORS.URL = "https://shop.example.fr/"
			down(&e.CORS, "timeout", "no answer within 5s")
		}, check.Error, "no answer"},
		{"not probed", func(e *Evidence) { e.CORS = Probe{} }, check.Skipped, "not probed"},
	})
	if m := modifierOf(t, evalCORS, cors("Access-Control-Allow-Origin", "https://cors-probe.vigie.invalid", "Access-Control-Allow-Credentials", "true")); m != -50 {
		t.Errorf("universal access modifier %d, want -50", m)
	}
}

func TestIsolationAndSRI(t *testing.T) {
	runCases(t, evalCOOP, []evalCase{
		{"same-origin", withHeaders("Cross-Origin-Opener-Policy", "same-origin"), check.Pass, "same-origin"},
		{"absent", nil, check.Pass, "not enforced"},
		{"invalid", withHeaders("Cross-Origin-Opener-Policy", "everybody"), check.Fail, "invalid"},
	})
	runCases(t, evalCOEP, []evalCase{
		{"require-corp", withHeaders("Cross-Origin-Embedder-Policy", "require-corp"), check.Pass, "require-corp"},
		{"unsafe-none", withHeaders("Cross-Origin-Embedder-Policy", "unsafe-none"), check.Pass, "not enforced"},
	})
	page := func(body string) func(*Evidence) { return func(e *Evidence) { e.HTTPS.Body = []byte(body) } }
	runCases(t, evalSRI, []evalCase{
		{"own scripts only", page(`<script src="/app.js"></script>`), check.Pass, "no external script"},
		{"cdn with sri", page(`<script src="https://cdn.example.net/a.js" integrity="sha384-abc" crossorigin="anonymous"></script>`), check.Pass, "with integrity and over HTTPS"},
		{"cdn without sri", page(`<script src="https://cdn.example.net/a.js"></script>`), check.Fail, "without integrity"},
		{"http cdn without sri", page(`<script src="http://cdn.example.net/a.js"></script>`), check.Fail, "plain HTTP without integrity"},
		{"http cdn with sri", page(`<script src="http://cdn.example.net/a.js" integrity="sha384-abc"></script>`), check.Fail, "with integrity but over plain HTTP"},
	})
	mods := map[string]int{`<script src="http://cdn.example.net/a.js"></script>`: -50, `<script src="https://cdn.example.net/a.js"></script>`: -5,
		`<script src="https://cdn.example.net/a.js" integrity="sha384-x"></script>`: 5}
	for body, want := range mods {
		if m := modifierOf(t, evalSRI, page(body)); m != want {
			t.Errorf("%s: modifier %d, want %d", body, m, want)
		}
	}
}

func TestSRIWording(t *testing.T) {
	page := func(body string) func(*Evidence) { return func(e *Evidence) { e.HTTPS.Body = []byte(body) } }
	const a, b = "cdn.example.net/a.js", "cdn.example.net/b.js"
	script := func(scheme string, sri bool, urls ...string) func(*Evidence) {
		var s string
		for _, u := range urls {
			s += `<script src="` + scheme + u + `"`
			if sri {
				s += ` integrity="sha384-x"`
			}
			s += `></script>`
		}
		return page(s)
	}
	runWording(t, evalSRI, []wordingCase{
		{"one http without sri", script("http://", false, a),
			"external script over plain HTTP without integrity: http://" + a, "script externe en HTTP sans intégrité : http://" + a},
		{"two http without sri", script("http://", false, a, b),
			"external scripts over plain HTTP without integrity: http://" + a + ", http://" + b,
			"scripts externes en HTTP sans intégrité : http://" + a + ", http://" + b},
		{"one http with sri", script("http://", true, a),
			"external script with integrity but over plain HTTP: http://" + a, "script externe avec intégrité mais en HTTP : http://" + a},
		{"two http with sri", script("http://", true, a, b),
			"external scripts with integrity but over plain HTTP: http://" + a + ", http://" + b,
			"scripts externes avec intégrité mais en HTTP : http://" + a + ", http://" + b},
		{"one https without sri", script("https://", false, a),
			"external script without integrity: https://" + a, "script externe sans intégrité : https://" + a},
		{"two https without sri", script("https://", false, a, b),
			"external scripts without integrity: https://" + a + ", https://" + b,
			"scripts externes sans intégrité : https://" + a + ", https://" + b},
		{"one with sri over https", script("https://", true, a),
			"1 external script, with integrity and over HTTPS", "1 script externe, avec intégrité et en HTTPS"},
		{"two with sri over https", script("https://", true, a, b),
			"all 2 external scripts carry integrity and load over HTTPS", "les 2 scripts externes portent une intégrité et se chargent en HTTPS"},
		{"no script", page(`<p>text</p>`), "the page loads no script", "la page ne charge aucun script"},
		{"one own script", page(`<script src="/a.js"></script>`),
			"no external script (1 script from the site itself)", "aucun script externe (1 script du site lui-même)"},
		{"two own scripts", page(`<script src="/a.js"></script><script src="/b.js"></script>`),
			"no external script (2 scripts from the site itself)", "aucun script externe (2 scripts du site lui-même)"},
	})
}
