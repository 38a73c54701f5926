package web

import (
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

// scannedAll is good() as the hand-built hellos see it: SSLv2 and SSLv3 tested too.
func scannedAll(e *Evidence) {
	e.TLS.NotTested = nil
	e.TLS.Protocols = append([]Protocol{{Version: "SSLv2", Tested: true}, {Version: "SSLv3", Tested: true}}, e.TLS.Protocols...)
}

func then(fs ...func(*Evidence)) func(*Evidence) {
	return func(e *Evidence) {
		for _, f := range fs {
			f(e)
		}
	}
}

func TestSSLProtocols(t *testing.T) {
	accept := Protocol{Tested: true, Accepted: true, Cipher: "SSL_CK_RC4_128_EXPORT40_WITH_MD5"}
	lost := Protocol{Error: check.Text{EN: "no answer within 5s", FR: "pas de réponse en 5s"}}
	for name, eval := range map[string]func(Evidence) check.Outcome{"SSLv2": evalSSLv2, "SSLv3": evalSSLv3} {
		t.Run(name, func(t *testing.T) {
			runCases(t, eval, []evalCase{
				{"refused", scannedAll, check.Pass, name + " is refused"},
				{"accepted", then(scannedAll, func(e *Evidence) { setProtocol(e, name, accept) }), check.Fail, "accepts " + name},
				{"not tested", then(scannedAll, func(e *Evidence) { setProtocol(e, name, lost) }), check.Error, name + " could not be tested"},
				{"no https", func(e *Evidence) { down(&e.HTTPS, "refused", "refused"); e.TLS = TLS{} }, check.Skipped, ""},
				{"anonymous only, no certificate", then(scannedAll, func(e *Evidence) {
					e.TLS.Leaf, e.TLS.Chain, e.TLS.Suites = nil, nil, []string{"TLS_DH_anon_WITH_AES_128_CBC_SHA"}
				}), check.Pass, "refused"},
			})
		})
	}
}

func TestInsecureSuites(t *testing.T) {
	suites := func(s ...string) func(*Evidence) { return func(e *Evidence) { e.TLS.Suites = s } }
	runCases(t, evalInsecureSuites, []evalCase{
		{"clean", scannedAll, check.Pass, "none of the 2"},
		{"anonymous", suites("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_DH_anon_WITH_AES_128_CBC_SHA"), check.Fail, "TLS_DH_anon_WITH_AES_128_CBC_SHA"},
		{"anonymous ECDH", suites("TLS_ECDH_anon_WITH_AES_128_CBC_SHA"), check.Fail, "ECDH_anon"},
		{"null", suites("TLS_RSA_WITH_NULL_SHA256"), check.Fail, "NULL_SHA256"},
		{"export", suites("TLS_RSA_EXPORT_WITH_RC4_40_MD5"), check.Fail, "EXPORT"},
		{"tls 1.3 only", func(e *Evidence) { e.TLS.Suites, e.TLS.SuitesVersion = nil, "" }, check.Pass, "only TLS 1.3"},
		{"enumeration cut", func(e *Evidence) { e.TLS.SuitesErr = check.Text{EN: "TLS 1.2: timeout", FR: "x"} }, check.Error, "could not all be listed"},
	})
}

// The suite properties come from the IANA table, not from substrings.
func TestSuiteProperties(t *testing.T) {
	for name, want := range map[string][4]bool{ // forward secret, AEAD, broken, insecure
		"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256":    {true, true, false, false},
		"TLS_DHE_RSA_WITH_AES_128_CCM":             {true, true, false, false},
		"TLS_DH_RSA_WITH_AES_128_GCM_SHA256":       {false, true, false, false}, // static DH
		"TLS_RSA_WITH_3DES_EDE_CBC_SHA":            {false, false, true, false},
		"TLS_ECDHE_RSA_WITH_RC4_128_SHA":           {true, false, true, false},
		"TLS_DH_anon_WITH_AES_256_GCM_SHA384":      {true, true, false, true},
		"TLS_RSA_EXPORT1024_WITH_RC4_56_SHA":       {false, false, true, true},
		"TLS_ECDHE_ECDSA_WITH_ARIA_128_GCM_SHA256": {true, true, false, false},
		"not a suite": {false, false, false, false},
	} {
		got := [4]bool{forwardSecret(name), aead(name), broken(name), suiteHas(name, insecureFlags)}
		if got != want {
			t.Errorf("%s: FS/AEAD/broken/insecure = %v, want %v", name, got, want)
		}
	}
}

func TestDHGroup(t *testing.T) {
	dhe := func(e *Evidence) { e.TLS.Suites = []string{"TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"} }
	ffdhe2048 := &DHGroup{Bits: 2048, Common: "RFC7919/ffdhe2048", Prime: true, Safe: true, LargeOrder: true}
	oakley2 := &DHGroup{Bits: 1024, Common: "RFC2409/Oakley Group 2", Prime: true, Safe: true, LargeOrder: true}
	cases := []struct {
		name              string
		mutate            func(*Evidence)
		dh                *DHGroup
		size, sound       check.Status
		sizeMsg, soundMsg string // substrings of the English messages
	}{
		{"ffdhe2048", dhe, ffdhe2048, check.Pass, check.Pass, "2048 bits", "safe prime"},
		{"1024-bit common prime", dhe, oakley2, check.Fail, check.Pass, "common prime (RFC2409/Oakley Group 2)", "1024 bits, prime"},
		{"768 bits", dhe, &DHGroup{Bits: 768, Prime: true, Safe: true, LargeOrder: true}, check.Fail, check.Fail, "below 2048", "below 1024"},
		{"not prime", dhe, &DHGroup{Bits: 2048}, check.Pass, check.Fail, "", "not prime"},
		{"small subgroup", dhe, &DHGroup{Bits: 2048, Prime: true, SmallOrder: true}, check.Pass, check.Fail, "", "small subgroup"},
		{"too large to test", dhe, &DHGroup{Bits: 16384, Untested: true}, check.Pass, check.Skipped, "", "too large"},
		{"order not sent", dhe, &DHGroup{Bits: 2048, Prime: true}, check.Pass, check.Pass, "", "could not be proven"},
		{"no DHE suite", nil, nil, check.Pass, check.Pass, "no accepted suite", "no accepted suite"},
		{"DHE but unread", dhe, nil, check.Error, check.Error, "could not be read", "could not be read"},
		{"no https", func(e *Evidence) { down(&e.HTTPS, "refused", "refused"); e.TLS = TLS{} }, nil, check.Skipped, check.Skipped, "", ""},
	}
	for _, tc := range cases {
		for _, j := range []struct {
			name string
			fn   func(Evidence, *DHGroup) check.Outcome
			want check.Status
			msg  string
		}{{"size", judgeDHSize, tc.size, tc.sizeMsg}, {"sound", judgeDHSound, tc.sound, tc.soundMsg}} {
			e := good()
			if tc.mutate != nil {
				tc.mutate(&e)
			}
			o := j.fn(e, tc.dh)
			if o.Status != j.want || !o.Message.Complete() || !strings.Contains(o.Message.EN, j.msg) {
				t.Errorf("%s/%s: %s %q, want %s saying %q", tc.name, j.name, o.Status, o.Message.EN, j.want, j.msg)
			}
		}
	}
}

func TestCertBroken(t *testing.T) {
	runCases(t, evalCertBroken, []evalCase{
		{"p256 sha256", nil, check.Pass, "ECDSA key of 256 bits"},
		{"rsa 1024 is weak, not broken", func(e *Evidence) { e.TLS.Leaf.KeyType, e.TLS.Leaf.KeyBits = "RSA", 1024 }, check.Pass, ""},
		{"rsa 512", func(e *Evidence) { e.TLS.Leaf.KeyType, e.TLS.Leaf.KeyBits = "RSA", 512 }, check.Fail, "RSA 512"},
		{"md5 leaf, self-signed", func(e *Evidence) {
			e.TLS.Chain = []Cert{{Subject: "CN=127.0.0.1", Issuer: "CN=127.0.0.1", SelfSigned: true, SigAlg: "MD5-RSA"}}
		}, check.Fail, "MD5-RSA"},
		{"md2 intermediate", func(e *Evidence) { e.TLS.Chain[1].SigAlg = "MD2-RSA" }, check.Fail, "CN=R11 (MD2-RSA)"},
		{"sha1 is WEB-CERT-006's", func(e *Evidence) { e.TLS.Chain[0].SigAlg = "SHA1-RSA" }, check.Pass, ""},
		{"md5 self-signed root is not judged", func(e *Evidence) {
			e.TLS.Chain = append(e.TLS.Chain, Cert{Subject: "CN=Root", Issuer: "CN=Root", SelfSigned: true, SigAlg: "MD5-RSA"})
		}, check.Pass, ""},
	})
}
