package web

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

var now = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

// good is evidence from a site that passes every check.
func good() Evidence {
	leaf := leafCert // each case mutates its own copy
	return Evidence{
		Target: "https://shop.example.fr", Host: "shop.example.fr", CollectedAt: now,
		HTTP: Probe{URL: "http://shop.example.fr/", Reached: true, StatusCode: 200,
			Hops: []Hop{
				{URL: "http://shop.example.fr/", Status: 301, Location: "https://shop.example.fr/"},
				{URL: "https://shop.example.fr/", Status: 200},
			}},
		HTTPS: Probe{URL: "https://shop.example.fr/", Reached: true, StatusCode: 200,
			Hops:    []Hop{{URL: "https://shop.example.fr/", Status: 200}},
			Headers: map[string][]string{"Strict-Transport-Security": {"max-age=63072000; includeSubDomains; preload"}}},
		TLS: TLS{Attempted: true, Version: "TLS 1.3", Trusted: true, NameOK: true, ChainLen: 2,
			Leaf:  &leaf,
			Chain: []Cert{leaf, {Subject: "CN=R11", Issuer: "CN=ISRG Root X1", SigAlg: "SHA256-RSA", KeyType: "RSA", KeyBits: 2048, IsCA: true}},
			Protocols: []Protocol{{Version: "TLS 1.0", Tested: true}, {Version: "TLS 1.1", Tested: true},
				{Version: "TLS 1.2", Tested: true, Accepted: true}, {Version: "TLS 1.3", Tested: true, Accepted: true}},
			Suites:        []string{"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"},
			SuitesVersion: "TLS 1.2",
			NotTested:     []string{"SSLv3", "DHE key exchange"}},
	}
}

var leafCert = Cert{Subject: "CN=shop.example.fr", Issuer: "CN=R11", DNSNames: []string{"shop.example.fr"},
	NotBefore: now.AddDate(0, -1, 0), NotAfter: now.AddDate(0, 2, 0), KeyType: "ECDSA", KeyBits: 256, SigAlg: "SHA256-RSA"}

func down(p *Probe, kind, msg string) {
	*p = Probe{URL: p.URL, Error: check.Text{EN: msg, FR: msg}, ErrorKind: kind}
}

type evalCase struct {
	name   string
	mutate func(*Evidence)
	want   check.Status
	msg    string // substring of the English message, when it matters
}

func runCases(t *testing.T, fn func(Evidence) check.Outcome, cases []evalCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := good()
			if tc.mutate != nil {
				tc.mutate(&e)
			}
			o := fn(e)
			if o.Status != tc.want {
				t.Fatalf("status = %s, want %s (message %q)", o.Status, tc.want, o.Message.EN)
			}
			if !o.Message.Complete() {
				t.Errorf("message not in both languages: %+v", o.Message)
			}
			if tc.msg != "" && !strings.Contains(o.Message.EN, tc.msg) {
				t.Errorf("message %q does not mention %q", o.Message.EN, tc.msg)
			}
		})
	}
}

func bothDown(e *Evidence) {
	down(&e.HTTP, "refused", "connection refused")
	down(&e.HTTPS, "timeout", "timed out after 5s")
	e.TLS = TLS{Attempted: true, Error: check.Text{EN: "timed out", FR: "délai dépassé"}}
}

func TestHTTPS(t *testing.T) {
	runCases(t, evalHTTPS, []evalCase{
		{"available", nil, check.Pass, "status 200"},
		{"refused", func(e *Evidence) { down(&e.HTTPS, "refused", "connection refused"); e.TLS = TLS{} }, check.Fail, "connection refused"},
		{"handshake garbage", func(e *Evidence) { down(&e.HTTPS, "tls", "tls: first record does not look like a TLS handshake") }, check.Fail, "first record"},
		{"sends back to http", func(e *Evidence) {
			e.HTTPS.Hops = []Hop{{URL: "https://shop.example.fr/", Status: 301, Location: "http://shop.example.fr/"}, {URL: "http://shop.example.fr/", Status: 200}}
		}, check.Fail, "back to plain HTTP"},
		{"unreachable", bothDown, check.Error, "unreachable"},
	})
}

func TestRedirect(t *testing.T) {
	hops := func(h ...Hop) func(*Evidence) { return func(e *Evidence) { e.HTTP.Hops = h } }
	runCases(t, evalRedirect, []evalCase{
		{"301 same host", nil, check.Pass, "301"},
		{"308 same host", hops(Hop{URL: "http://shop.example.fr/", Status: 308, Location: "https://shop.example.fr/"}, Hop{URL: "https://shop.example.fr/", Status: 200}), check.Pass, "308"},
		{"scheme-relative location stays on http", hops(Hop{URL: "http://shop.example.fr/", Status: 301, Location: "//shop.example.fr/login"}, Hop{URL: "http://shop.example.fr/login", Status: 200}), check.Fail, "never reach HTTPS"},
		{"302 temporary", hops(Hop{URL: "http://shop.example.fr/", Status: 302, Location: "https://shop.example.fr/"}, Hop{URL: "https://shop.example.fr/", Status: 200}), check.Warn, "temporary 302"},
		{"other host", hops(Hop{URL: "http://shop.example.fr/", Status: 301, Location: "https://www.example.fr/"}, Hop{URL: "https://www.example.fr/", Status: 200}), check.Warn, "another host"},
		{"host compare ignores case and port", hops(Hop{URL: "http://shop.example.fr:8080/", Status: 301, Location: "https://SHOP.example.fr:8443/"}, Hop{URL: "https://SHOP.example.fr:8443/", Status: 200}), check.Pass, ""},
		{"first hop http then https", hops(Hop{URL: "http://shop.example.fr/", Status: 301, Location: "http://www.example.fr/"}, Hop{URL: "http://www.example.fr/", Status: 301, Location: "https://www.example.fr/"}, Hop{URL: "https://www.example.fr/", Status: 200}), check.Warn, "stays on plain HTTP"},
		{"200 with content", func(e *Evidence) {
			e.HTTP.Hops = []Hop{{URL: "http://shop.example.fr/", Status: 200}}
			e.HTTP.Body = []byte("<html>welcome</html>")
		}, check.Fail, "serves the page"},
		{"404 without redirect", hops(Hop{URL: "http://shop.example.fr/", Status: 404}), check.Warn, "status 404"},
		{"loop", func(e *Evidence) {
			e.HTTP.Hops = []Hop{{URL: "http://a/", Status: 302, Location: "/a"}, {URL: "http://a/a", Status: 302, Location: "/a/a"}}
			e.HTTP.RedirectLimit = true
		}, check.Fail, "loop"},
		{"redirect without location", hops(Hop{URL: "http://shop.example.fr/", Status: 301}), check.Fail, "unusable Location"},
		{"no http listener", func(e *Evidence) { down(&e.HTTP, "refused", "connection refused") }, check.Pass, "no plain-HTTP listener"},
		{"redirect that cannot be followed", func(e *Evidence) {
			down(&e.HTTP, "redirect", "redirects to file:///etc/passwd, which cannot be followed: unsupported protocol scheme")
		}, check.Fail, "file:///etc/passwd"},
		{"unreachable", bothDown, check.Error, ""},
	})
}

func TestHSTS(t *testing.T) {
	hsts := func(v ...string) func(*Evidence) {
		return func(e *Evidence) { e.HTTPS.Headers = map[string][]string{"Strict-Transport-Security": v} }
	}
	runCases(t, evalHSTS, []evalCase{
		{"two years with subdomains", nil, check.Pass, "730 days"},
		{"exactly one year", hsts("max-age=31536000; includeSubDomains"), check.Pass, ""},
		{"quoted max-age", hsts(`max-age="31536000"; includeSubDomains`), check.Pass, ""},
		{"one second short", hsts("max-age=31535999; includeSubDomains"), check.Fail, "below one year"},
		{"180 days", hsts("max-age=15552000; includeSubDomains"), check.Fail, "180 days"},
		{"no includeSubDomains", hsts("max-age=63072000"), check.Warn, "includeSubDomains"},
		{"missing", func(e *Evidence) { e.HTTPS.Headers = nil }, check.Fail, "no Strict-Transport-Security"},
		{"max-age zero", hsts("max-age=0"), check.Fail, "forget"},
		{"no max-age", hsts("includeSubDomains"), check.Fail, "invalid"},
		{"garbage max-age", hsts("max-age=abc"), check.Fail, "invalid"},
		{"duplicate directive", hsts("max-age=63072000; max-age=1"), check.Fail, "twice"},
		{"two headers", hsts("max-age=63072000", "max-age=63072000"), check.Fail, "2 Strict"},
		{"untrusted certificate", func(e *Evidence) { e.TLS.Trusted = false }, check.Fail, "ignore"},
		{"expired certificate", func(e *Evidence) { e.TLS.Leaf.NotAfter = now.Add(-time.Hour) }, check.Fail, "ignore"},
		{"no https", func(e *Evidence) { down(&e.HTTPS, "refused", "connection refused") }, check.Skipped, ""},
		{"unreachable", bothDown, check.Error, ""},
	})
}

func TestCertificates(t *testing.T) {
	t.Run("trust", func(t *testing.T) {
		runCases(t, evalCertTrust, []evalCase{
			{"trusted", nil, check.Pass, "trusted root"},
			{"unknown authority", func(e *Evidence) {
				e.TLS.Trusted, e.TLS.TrustErr = false, check.Text{EN: "issued by an unknown authority", FR: "émis par une autorité inconnue"}
			}, check.Fail, "unknown authority"},
			{"no https", func(e *Evidence) {
				down(&e.HTTPS, "refused", "refused")
				e.TLS = TLS{Attempted: true, Error: check.Text{EN: "refused", FR: "refusée"}}
			}, check.Skipped, ""},
			{"https ok but own handshake failed", func(e *Evidence) { e.TLS = TLS{Attempted: true, Error: check.Text{EN: "EOF", FR: "EOF"}} }, check.Error, "EOF"},
			{"unreachable", bothDown, check.Error, ""},
		})
	})
	t.Run("validity", func(t *testing.T) {
		runCases(t, evalCertValidity, []evalCase{
			{"valid", nil, check.Pass, ""},
			{"expired", func(e *Evidence) { e.TLS.Leaf.NotAfter = now.AddDate(0, 0, -3) }, check.Fail, "3 days ago"},
			{"not yet valid", func(e *Evidence) { e.TLS.Leaf.NotBefore = now.AddDate(0, 0, 2) }, check.Fail, "not valid before"},
			{"expires at this instant is still valid", func(e *Evidence) { e.TLS.Leaf.NotAfter = now }, check.Pass, ""},
		})
	})
	t.Run("name", func(t *testing.T) {
		runCases(t, evalCertName, []evalCase{
			{"matches", nil, check.Pass, "covers shop.example.fr"},
			{"mismatch", func(e *Evidence) {
				e.TLS.NameOK, e.TLS.NameErr = false, check.Text{EN: "valid for other.example.com", FR: "valable pour other.example.com"}
			}, check.Fail, "other.example.com"},
		})
	})
	t.Run("expiry", func(t *testing.T) {
		runCases(t, evalCertExpiry, []evalCase{
			{"two months left", nil, check.Pass, ""},
			{"29 days left", func(e *Evidence) { e.TLS.Leaf.NotAfter = now.Add(29 * 24 * time.Hour) }, check.Warn, "29 days"},
			{"exactly 30 days left", func(e *Evidence) { e.TLS.Leaf.NotAfter = now.Add(30 * 24 * time.Hour) }, check.Pass, ""},
			{"already expired", func(e *Evidence) { e.TLS.Leaf.NotAfter = now.Add(-time.Hour) }, check.Skipped, "WEB-CERT-002"},
		})
	})
}

func TestPasswordForm(t *testing.T) {
	page := func(body string) func(*Evidence) {
		return func(e *Evidence) {
			e.HTTP.Hops = []Hop{{URL: "http://shop.example.fr/", Status: 200}}
			e.HTTP.Body = []byte(body)
		}
	}
	runCases(t, evalPasswordForm, []evalCase{
		{"redirected", nil, check.Pass, "no page"},
		{"login form", page(`<form method=post><input name=u><input TYPE="Password" name=p></form>`), check.Fail, "1 password field"},
		{"two fields self-closing", page(`<input type="password"/><input type=' password '/>`), check.Fail, "2 password"},
		{"text mentioning password", page(`<p>type="password" is not an element</p><input type=text>`), check.Pass, "no password field"},
		{"no http", func(e *Evidence) { down(&e.HTTP, "refused", "refused") }, check.Pass, ""},
		{"unreachable", bothDown, check.Error, ""},
	})
}

func TestParseHSTS(t *testing.T) {
	h, err := ParseHSTS(" MAX-AGE=31536000 ;INCLUDESUBDOMAINS; preload;")
	if err != nil || h.MaxAge != 31536000 || !h.IncludeSubDomains || !h.Preload {
		t.Fatalf("ParseHSTS = %+v, %v", h, err)
	}
	for _, bad := range []string{"", "max-age", "max-age=-1", "max-age=1; MAX-AGE=2", "preload"} {
		if _, err := ParseHSTS(bad); err == nil {
			t.Errorf("ParseHSTS(%q) accepted", bad)
		}
	}
}

func TestEveryCheckHandlesZeroEvidence(t *testing.T) {
	for _, c := range Checks() {
		f := c.Evaluate(Evidence{Target: "x"})
		if !f.Status.Valid() || f.CheckID != c.Meta().ID {
			t.Errorf("%s on empty evidence: %+v", c.Meta().ID, f)
		}
	}
}

func setProtocol(e *Evidence, version string, p Protocol) {
	p.Version = version
	for i := range e.TLS.Protocols {
		if e.TLS.Protocols[i].Version == version {
			e.TLS.Protocols[i] = p
		}
	}
}

func TestTLSProtocols(t *testing.T) {
	accept := Protocol{Tested: true, Accepted: true}
	refuse := Protocol{Tested: true}
	lost := Protocol{Error: check.Text{EN: "no answer within 5s", FR: "pas de réponse en 5s"}}
	t.Run("old versions", func(t *testing.T) {
		runCases(t, evalOldTLS, []evalCase{
			{"refused", nil, check.Pass, "refused"},
			{"TLS 1.0 accepted", func(e *Evidence) { setProtocol(e, "TLS 1.0", accept) }, check.Fail, "TLS 1.0"},
			{"both accepted", func(e *Evidence) { setProtocol(e, "TLS 1.0", accept); setProtocol(e, "TLS 1.1", accept) }, check.Fail, "TLS 1.0, TLS 1.1"},
			{"not tested", func(e *Evidence) { setProtocol(e, "TLS 1.1", lost) }, check.Error, "TLS 1.1 could not be tested"},
			{"accepted wins over untested", func(e *Evidence) { setProtocol(e, "TLS 1.0", accept); setProtocol(e, "TLS 1.1", lost) }, check.Fail, ""},
			{"no https", func(e *Evidence) { down(&e.HTTPS, "refused", "refused"); e.TLS = TLS{} }, check.Skipped, ""},
			{"handshake failed", func(e *Evidence) { e.TLS = TLS{Attempted: true, Error: check.Text{EN: "EOF", FR: "EOF"}} }, check.Error, "EOF"},
		})
	})
	t.Run("modern versions", func(t *testing.T) {
		runCases(t, evalModernTLS, []evalCase{
			{"1.3", nil, check.Pass, "TLS 1.3"},
			{"1.2 only", func(e *Evidence) { setProtocol(e, "TLS 1.3", refuse) }, check.Warn, "not TLS 1.3"},
			{"neither", func(e *Evidence) { setProtocol(e, "TLS 1.3", refuse); setProtocol(e, "TLS 1.2", refuse) }, check.Fail, "neither"},
			{"1.3 untested", func(e *Evidence) { setProtocol(e, "TLS 1.3", lost) }, check.Error, "could not be tested"},
		})
	})
	// What TLS 1.3 accepts is shown with it, and an enumeration cut short says so.
	t.Run("TLS 1.3 suites and groups", func(t *testing.T) {
		e := good()
		for i, p := range e.TLS.Protocols {
			if p.Version == "TLS 1.3" {
				e.TLS.Protocols[i].Suites, e.TLS.Protocols[i].ServerOrder = []string{"TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256"}, true
			}
		}
		e.TLS.Groups = []string{"x25519", "secp256r1"}
		ev := evalModernTLS(e).Evidence
		if !reflect.DeepEqual(ev["tls13_suites"], []string{"TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256"}) ||
			!reflect.DeepEqual(ev["tls13_groups"], []string{"x25519", "secp256r1"}) || ev["tls13_server_order"] != true || ev["tls13_incomplete"] != nil {
			t.Errorf("evidence = %v", ev)
		}
		e.TLS.TLS13Err = check.Text{EN: "groups: no answer within 5s", FR: "groupes : pas de réponse en 5s"}
		if ev := evalModernTLS(e).Evidence; ev["tls13_incomplete"] != e.TLS.TLS13Err {
			t.Errorf("a cut enumeration is not said, in both languages: %v", ev)
		}
		setProtocol(&e, "TLS 1.3", refuse)
		if ev := evalModernTLS(e).Evidence; ev["tls13_suites"] != nil || ev["tls13_groups"] != nil {
			t.Errorf("TLS 1.3 refused, yet %v", ev)
		}
	})
}

func TestCipherSuites(t *testing.T) {
	suites := func(s ...string) func(*Evidence) { return func(e *Evidence) { e.TLS.Suites = s } }
	t.Run("forward secrecy", func(t *testing.T) {
		runCases(t, evalForwardSecrecy, []evalCase{
			{"ecdhe only", nil, check.Pass, "all 2"},
			{"static rsa", suites("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_128_GCM_SHA256"), check.Fail, "TLS_RSA_WITH_AES_128_GCM_SHA256"},
			{"tls 1.3 only", func(e *Evidence) { e.TLS.Suites, e.TLS.SuitesVersion = nil, "" }, check.Pass, "only TLS 1.3"},
			{"enumeration cut", func(e *Evidence) { e.TLS.SuitesErr = check.Text{EN: "no answer within 5s", FR: "x"} }, check.Error, "could not all be listed"},
			{"cut but already failing", func(e *Evidence) {
				e.TLS.Suites = []string{"TLS_RSA_WITH_AES_128_CBC_SHA"}
				e.TLS.SuitesErr = check.Text{EN: "timeout", FR: "délai"}
			}, check.Fail, ""},
		})
	})
	t.Run("broken", func(t *testing.T) {
		runCases(t, evalBrokenCiphers, []evalCase{
			{"clean", nil, check.Pass, "not tested: SSLv3, DHE key exchange"},
			{"3des", suites("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_3DES_EDE_CBC_SHA"), check.Fail, "3DES"},
			{"rc4", suites("TLS_ECDHE_RSA_WITH_RC4_128_SHA"), check.Fail, "RC4"},
		})
	})
	t.Run("aead", func(t *testing.T) {
		runCases(t, evalAEAD, []evalCase{
			{"gcm and chacha", nil, check.Pass, "AEAD"},
			{"cbc sha256", suites("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"), check.Warn, "CBC_SHA256"},
			{"sha1 mac", suites("TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA"), check.Warn, "CBC_SHA"},
		})
	})
}

func TestCertificateDepth(t *testing.T) {
	t.Run("key", func(t *testing.T) {
		runCases(t, evalCertKey, []evalCase{
			{"p256", nil, check.Pass, "ECDSA key of 256 bits"},
			{"rsa 2048", func(e *Evidence) { e.TLS.Leaf.KeyType, e.TLS.Leaf.KeyBits = "RSA", 2048 }, check.Pass, ""},
			{"rsa 1024", func(e *Evidence) { e.TLS.Leaf.KeyType, e.TLS.Leaf.KeyBits = "RSA", 1024 }, check.Fail, "below 2048"},
			{"ec 224", func(e *Evidence) { e.TLS.Leaf.KeyBits = 224 }, check.Fail, "below 256"},
			{"odd key", func(e *Evidence) { e.TLS.Leaf.KeyType = "DSA" }, check.Warn, "not judged"},
		})
	})
	t.Run("signature", func(t *testing.T) {
		runCases(t, evalCertSig, []evalCase{
			{"sha256", nil, check.Pass, "SHA256-RSA"},
			{"sha1 leaf", func(e *Evidence) { e.TLS.Chain[0].SigAlg = "SHA1-RSA" }, check.Fail, "SHA1-RSA"},
			{"md5 intermediate", func(e *Evidence) { e.TLS.Chain[1].SigAlg = "MD5-RSA" }, check.Fail, "CN=R11"},
			{"sha1 self-signed root is not judged", func(e *Evidence) {
				e.TLS.Chain = append(e.TLS.Chain, Cert{Subject: "CN=Root", Issuer: "CN=Root", SelfSigned: true, SigAlg: "SHA1-RSA"})
			}, check.Pass, ""},
		})
	})
	t.Run("lifetime", func(t *testing.T) {
		runCases(t, evalCertLifetime, []evalCase{
			{"3 months", nil, check.Pass, "valid for"},
			{"398 days", func(e *Evidence) { e.TLS.Leaf.NotAfter = e.TLS.Leaf.NotBefore.AddDate(0, 0, 398) }, check.Pass, "398 days"},
			{"two years", func(e *Evidence) { e.TLS.Leaf.NotAfter = e.TLS.Leaf.NotBefore.AddDate(2, 0, 0) }, check.Warn, "above 398"},
		})
	})
}

// plainLinked serves linked pages over plain HTTP, one per form.
func plainLinked(forms ...Form) func(*Evidence) {
	return func(e *Evidence) {
		for i, f := range forms {
			e.Pages = append(e.Pages, LinkedPage{URL: "http://shop.example.fr/p" + string(rune('a'+i)), Status: 200, Forms: []Form{f}})
		}
	}
}

func TestPasswordFormWording(t *testing.T) {
	runWording(t, evalPasswordForm, []wordingCase{
		{"one page, one field", onPlainHTTP(`<form><input type=password></form>`),
			"http://shop.example.fr/ asks for a password over plain HTTP (1 password field)",
			"http://shop.example.fr/ demande un mot de passe en HTTP en clair (1 champ mot de passe)"},
		{"two pages, two fields", plainLinked(Form{Password: 1}, Form{Password: 1}),
			"http://shop.example.fr/pa, http://shop.example.fr/pb ask for a password over plain HTTP (2 password fields)",
			"http://shop.example.fr/pa, http://shop.example.fr/pb demandent un mot de passe en HTTP en clair (2 champs mot de passe)"},
		{"one page, two fields", plainLinked(Form{Password: 2}),
			"http://shop.example.fr/pa asks for a password over plain HTTP (2 password fields)",
			"http://shop.example.fr/pa demande un mot de passe en HTTP en clair (2 champs mot de passe)"},
	})
}
