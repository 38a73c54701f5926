package web

import (
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

// all applies each mutation in turn.
func all(fns ...func(*Evidence)) func(*Evidence) {
	return func(e *Evidence) {
		for _, f := range fns {
			f(e)
		}
	}
}

func metaTag(equiv, content string) string {
	return `<html><head><meta http-equiv="` + equiv + `" content="` + content + `"></head><body>ok</body></html>`
}

// The Observatory judges the header and the <meta http-equiv> policies
// together (httpobs content_security_policy: "combine the HTTP header and
// HTTP Equiv"), frame-ancestors from the header alone.
func TestCSPFromMetaTag(t *testing.T) {
	meta := func(v string) func(*Evidence) { return onHTTPS(metaTag("Content-Security-Policy", v)) }
	header := func(v string) func(*Evidence) { return withHeaders("Content-Security-Policy", v) }
	runCases(t, evalCSP, []evalCase{
		{"meta alone (trial 4, R1)", meta("default-src 'self'"), check.Pass, "CSP (set in a <meta http-equiv> tag) restricts scripts and objects"},
		{"meta tag name in any case", onHTTPS(metaTag("content-security-policy", "default-src 'self'")), check.Pass, "meta"},
		{"weak meta", meta("default-src 'self'; script-src 'self' 'unsafe-inline'"), check.Fail, "weak Content-Security-Policy (set in a <meta http-equiv> tag): script-src allows 'unsafe-inline'"},
		{"invalid meta", meta("default-src 'self'; default-src *"), check.Fail, "invalid Content-Security-Policy (in the <meta http-equiv> tag)"},
		{"invalid meta beside a header", all(header("default-src 'self'"), meta("default-src 'self'; default-src *")), check.Fail, "(in the <meta http-equiv> tag)"},
		{"meta loosens the header: the union is judged", all(header("default-src 'self'"), meta("script-src 'unsafe-inline'")), check.Fail,
			"weak Content-Security-Policy (header and <meta http-equiv> tag combined): script-src allows 'unsafe-inline'"},
		{"meta completes the header", all(header("script-src 'self'"), meta("object-src 'none'")), check.Pass, "combined"},
		{"two meta tags are one policy", onHTTPS(`<meta http-equiv="Content-Security-Policy" content="script-src 'self'"><meta http-equiv="Content-Security-Policy" content="object-src 'none'">`), check.Pass, "meta"},
		{"two meta tags repeating a directive", onHTTPS(`<meta http-equiv="Content-Security-Policy" content="script-src 'self'"><meta http-equiv="Content-Security-Policy" content="script-src *">`), check.Fail, "twice"},
		{"meta beside report-only header", all(withHeaders("Content-Security-Policy-Report-Only", "default-src 'none'"), meta("default-src 'self'")), check.Pass, "meta"},
		{"other http-equiv", onHTTPS(metaTag("Content-Security-Policy-Report-Only", "default-src 'self'")), check.Fail, "no Content-Security-Policy"},
	})
	if m := modifierOf(t, evalCSP, meta("default-src 'self'")); m != 5 {
		t.Errorf("meta default-src 'self': modifier %d, want +5 (csp-implemented-with-no-unsafe)", m)
	}
	e := good()
	meta("default-src 'self'")(&e)
	if o := evalCSP(e); o.Evidence["meta_policies"] == nil {
		t.Errorf("evidence does not say the policy came from a meta tag: %v", o.Evidence)
	}
	runWording(t, evalCSP, []wordingCase{
		{"meta", meta("default-src 'self'"), "CSP (set in a <meta http-equiv> tag) restricts scripts and objects, with nothing unsafe",
			"la CSP (posée par une balise <meta http-equiv>) restreint scripts et objets, sans rien de dangereux"},
		{"header alone is worded as before", header("default-src 'self'"), "CSP restricts scripts and objects, with nothing unsafe",
			"la CSP restreint scripts et objets, sans rien de dangereux"},
	})
}

func TestFramingIgnoresMetaFrameAncestors(t *testing.T) {
	meta := onHTTPS(metaTag("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'"))
	runCases(t, evalFraming, []evalCase{
		{"meta frame-ancestors only", meta, check.Fail, "frame-ancestors in a <meta http-equiv> tag is ignored"},
		{"meta frame-ancestors and XFO", all(meta, withHeaders("X-Frame-Options", "DENY")), check.Pass, "DENY"},
	})
}
