package web

import (
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

// Go refuses a SHA-1 signature (x509.InsecureAlgorithmError) and then
// reports the issuer as missing: WEB-CERT-001 must name the signature, not
// send the admin to fix a chain that is complete (trial 4, R20).
func TestCertTrustNamesARefusedSignature(t *testing.T) {
	incomplete := check.Text{EN: `the server does not send the certificate of its issuer "CN=Trial4 Test CA": the chain is incomplete, or the CA is unknown`,
		FR: `le serveur n'envoie pas le certificat de son émetteur "CN=Trial4 Test CA" : la chaîne est incomplète, ou l'autorité est inconnue`}
	signed := func(alg string, selfSigned bool) func(*Evidence) {
		return func(e *Evidence) {
			leaf := *e.TLS.Leaf
			leaf.Subject, leaf.Issuer, leaf.SigAlg, leaf.SelfSigned = "CN=localhost", "CN=Trial4 Test CA", alg, selfSigned
			e.TLS.Leaf, e.TLS.Chain, e.TLS.ChainLen = &leaf, []Cert{leaf}, 1
			e.TLS.Trusted, e.TLS.TrustErr = false, incomplete
		}
	}
	runCases(t, evalCertTrust, []evalCase{
		{"sha-1 leaf", signed("SHA1-RSA", false), check.Fail, "CN=localhost is signed with SHA1-RSA, which browsers and Go refuse"},
		{"md5 leaf", signed("MD5-RSA", false), check.Fail, "signed with MD5-RSA"},
		{"sha-256 leaf keeps the verifier's reason", signed("SHA256-RSA", false), check.Fail, "the chain is incomplete"},
		{"self-signed sha-1 leaf: the signature is not the reason", signed("SHA1-RSA", true), check.Fail, "the chain is incomplete"},
		{"sha-1 intermediate", func(e *Evidence) {
			e.TLS.Chain[1].SigAlg = "SHA1-RSA"
			e.TLS.Trusted, e.TLS.TrustErr = false, incomplete
		}, check.Fail, "CN=R11 is signed with SHA1-RSA"},
		{"sha-1 self-signed root sent along", func(e *Evidence) {
			e.TLS.Chain = append(e.TLS.Chain, Cert{Subject: "CN=Root", Issuer: "CN=Root", SigAlg: "SHA1-RSA", SelfSigned: true, IsCA: true})
			e.TLS.Trusted, e.TLS.TrustErr = false, incomplete
		}, check.Fail, "the chain is incomplete"},
	})
	e := good()
	signed("SHA1-RSA", false)(&e)
	o := evalCertTrust(e)
	if strings.Contains(o.Message.EN, "incomplete") || strings.Contains(o.Message.FR, "incomplète") {
		t.Errorf("message still blames the chain: %+v", o.Message)
	}
	runWording(t, evalCertTrust, []wordingCase{
		{"sha-1 leaf", signed("SHA1-RSA", false),
			"certificate is not trusted: CN=localhost is signed with SHA1-RSA, which browsers and Go refuse whoever the issuer is (see WEB-CERT-006)",
			"certificat non reconnu : CN=localhost est signé en SHA1-RSA, que les navigateurs et Go refusent quel que soit l'émetteur (voir WEB-CERT-006)"},
	})
}
