package probe

import (
	"context"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"net"
	"net/url"
	"slices"
	"strings"
	"time"

	web "github.com/vigie-security/vigie/checks/web"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/fileread"
	"github.com/vigie-security/vigie/internal/tlswire"
)

// maxCAFile bounds what LoadRoots reads: a CA bundle is a few hundred KB at most.
const maxCAFile = 4 << 20

// LoadRoots returns the system roots plus the PEM certificates in caFile.
func LoadRoots(caFile string) (*x509.CertPool, error) {
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		pool = x509.NewCertPool()
	}
	if caFile == "" {
		return pool, nil
	}
	pem, err := fileread.ReadAll(caFile, maxCAFile)
	if err != nil {
		return nil, check.Errorf("reading CA file: %v", "lecture du fichier d'autorités : %v", err)
	}
	if !pool.AppendCertsFromPEM(pem) {
		return nil, check.Errorf("CA file %s: no PEM certificate found", "fichier d'autorités %s : aucun certificat PEM", caFile)
	}
	return pool, nil
}

// Handshake connects to the https URL, reads the certificate chain without
// trusting it, then judges trust, validity and name separately so that one
// problem does not hide another.
func (p *Prober) Handshake(ctx context.Context, pace Pacer, httpsURL, host string) web.TLS {
	out, _ := p.handshake(ctx, pace, httpsURL, host, false)
	return out
}

// handshake is Handshake; with keep, the connection of a handshake that
// succeeded is returned open rather than closed, for
// the origin's exposure probes to carry their requests on.
func (p *Prober) handshake(ctx context.Context, pace Pacer, httpsURL, host string, keep bool) (out web.TLS, kept *tls.Conn) {
	out = web.TLS{Attempted: true}
	u, err := url.Parse(httpsURL)
	if err != nil {
		out.Error = check.Text{EN: err.Error(), FR: check.InLang(err, check.FR)}
		return out, nil
	}
	addr := u.Host
	if u.Port() == "" {
		addr = net.JoinHostPort(u.Hostname(), "443")
	}
	conn, err := p.dialTLS(ctx, pace, addr, &tls.Config{
		ServerName:         u.Hostname(),
		InsecureSkipVerify: true, // we verify below, with the reasons kept apart
		MinVersion:         tls.VersionTLS10,
		CurvePreferences:   probeCurves,
	})
	var st tls.ConnectionState
	if err == nil {
		st = conn.ConnectionState()
		if keep { // what the exposure's own dial would have negotiated
			kept = conn
		} else {
			closeNow(conn)
		}
	}
	if err != nil {
		var kind string
		kind, out.Error = classify(err, p.opts.Timeout)
		if kind != KindTLS && kind != KindProtocol {
			return out, nil // nothing answers: the scan would only wait as long again
		}
	}
	// The scan runs even when Go's handshake failed: the server answered,
	// and what it accepts, or the chain Go refused, is still to be read.
	res := p.scanTLS(ctx, pace, addr, u.Hostname())
	if err != nil && !slices.ContainsFunc(res.Protocols, func(pr tlswire.Protocol) bool { return pr.Accepted }) {
		return out, nil // it refuses every hello too: it does not speak TLS, there is nothing to judge
	}
	chain := st.PeerCertificates
	if err == nil {
		out.Version, out.Cipher = tls.VersionName(st.Version), tls.CipherSuiteName(st.CipherSuite)
	} else if chain = scannedChain(res); len(chain) > 0 {
		out.Error = check.Text{}
		out.Version, out.Cipher = scannedVersion(res)
	}
	fillScan(&out, res, p.scanTimeout())
	switch {
	case len(chain) > 0:
		judge(&out, chain, host, p.opts.Roots, p.opts.Now())
	case err == nil:
		out.Error = check.Text{EN: "server sent no certificate", FR: "le serveur n'a envoyé aucun certificat"}
	case anonymousOnly(out):
		out.Error = check.Text{EN: "server sent no certificate: it accepts only anonymous suites",
			FR: "le serveur n'a envoyé aucun certificat : il n'accepte que des suites anonymes"}
	}
	return out, kept
}

// judge fills trust, name and certificate facts from a presented chain.
func judge(out *web.TLS, chain []*x509.Certificate, host string, roots *x509.CertPool, now time.Time) {
	leaf := chain[0]
	out.ChainLen = len(chain)
	out.Leaf = certOf(leaf)
	for _, c := range chain {
		out.Chain = append(out.Chain, *certOf(c))
	}
	inter := x509.NewCertPool()
	for _, c := range chain[1:] {
		inter.AddCert(c)
	}
	// Verify at a moment inside the leaf's validity so an expired certificate
	// is reported by WEB-CERT-002, not mistaken for an untrusted one.
	at := now
	if at.After(leaf.NotAfter) {
		at = leaf.NotAfter.Add(-time.Second)
	}
	if at.Before(leaf.NotBefore) {
		at = leaf.NotBefore.Add(time.Second)
	}
	if roots == nil {
		if sys, err := x509.SystemCertPool(); err == nil {
			roots = sys
		}
	}
	_, err := leaf.Verify(x509.VerifyOptions{Roots: roots, Intermediates: inter, CurrentTime: at})
	out.Trusted = err == nil
	if err != nil {
		out.TrustErr = trustReason(err, chain)
	}
	if err := leaf.VerifyHostname(host); err != nil {
		names := append(append([]string{}, out.Leaf.DNSNames...), out.Leaf.IPs...)
		out.NameErr = check.Textf("it is valid for %s", "il est valable pour %s", strings.Join(names, ", "))
		if len(names) == 0 {
			out.NameErr = check.Text{EN: "it names no host (no subject alternative name)", FR: "il ne nomme aucun hôte (aucun nom alternatif)"}
		}
	} else {
		out.NameOK = true
	}
}

func trustReason(err error, chain []*x509.Certificate) check.Text {
	switch e := err.(type) {
	case x509.UnknownAuthorityError:
		last := chain[len(chain)-1]
		if len(chain) == 1 && selfSigned(last) {
			return check.Text{EN: "self-signed certificate", FR: "certificat auto-signé"}
		}
		if !selfSigned(last) {
			// Go fetches no missing intermediates, like many clients: tell the two causes apart as far as we can.
			return check.Textf("the server does not send the certificate of its issuer %q: the chain is incomplete, or the CA is unknown",
				"le serveur n'envoie pas le certificat de son émetteur %q : la chaîne est incomplète, ou l'autorité est inconnue", last.Issuer.String())
		}
		return check.Text{EN: "issued by an unknown authority", FR: "émis par une autorité inconnue"}
	case x509.CertificateInvalidError:
		return check.Textf("chain invalid: %s", "chaîne invalide : %s", invalidReason(e))
	}
	return check.Text{EN: err.Error(), FR: check.InLang(err, check.FR)}
}

// invalidReason says why x509 refused a certificate of the chain, in both
// languages; x509's own words, quoted, for a reason vigie does not know.
func invalidReason(e x509.CertificateInvalidError) check.Text {
	if t, ok := invalidReasons[e.Reason]; ok {
		return t
	}
	return check.Text{EN: e.Error(), FR: "« " + e.Error() + " »"}
}

var invalidReasons = map[x509.InvalidReason]check.Text{
	x509.Expired:                       {EN: "a certificate has expired or is not yet valid", FR: "un certificat a expiré ou n'est pas encore valide"},
	x509.NotAuthorizedToSign:           {EN: "a certificate that is not a CA signed another", FR: "un certificat qui n'est pas une autorité en a signé un autre"},
	x509.CANotAuthorizedForThisName:    {EN: "an issuer's name constraints forbid this name", FR: "les contraintes de nom d'un émetteur interdisent ce nom"},
	x509.TooManyIntermediates:          {EN: "too many intermediate certificates", FR: "trop de certificats intermédiaires"},
	x509.IncompatibleUsage:             {EN: "a certificate's key usage does not allow a server", FR: "l'usage de clé d'un certificat n'autorise pas un serveur"},
	x509.NameMismatch:                  {EN: "an issuer's name does not match its certificate's issuer", FR: "le nom d'un émetteur ne correspond pas à l'émetteur de son certificat"},
	x509.NameConstraintsWithoutSANs:    {EN: "an issuer has name constraints but the certificate names no host", FR: "un émetteur a des contraintes de nom mais le certificat ne nomme aucun hôte"},
	x509.UnconstrainedName:             {EN: "a name the issuer's constraints cannot check", FR: "un nom que les contraintes de l'émetteur ne peuvent vérifier"},
	x509.TooManyConstraints:            {EN: "too many name constraints to check", FR: "trop de contraintes de nom à vérifier"},
	x509.CANotAuthorizedForExtKeyUsage: {EN: "an issuer may not issue server certificates", FR: "un émetteur n'a pas le droit d'émettre des certificats de serveur"},
	x509.NoValidChains:                 {EN: "no chain satisfies the issuers' policies", FR: "aucune chaîne ne respecte les politiques des émetteurs"},
}

func selfSigned(c *x509.Certificate) bool {
	if c.Subject.String() != c.Issuer.String() {
		return false
	}
	// Go refuses to check an MD5 or SHA-1 signature, or one by an RSA key
	// under 1024 bits: such a certificate names itself as issuer and is
	// called self-signed; WEB-CERT-005 and -006 judge its key and algorithm.
	var insecure x509.InsecureAlgorithmError
	if k, ok := c.PublicKey.(*rsa.PublicKey); ok && k.N.BitLen() < 1024 {
		return true
	}
	err := c.CheckSignature(c.SignatureAlgorithm, c.RawTBSCertificate, c.Signature)
	return err == nil || errors.As(err, &insecure)
}

func certOf(c *x509.Certificate) *web.Cert {
	sum := sha256.Sum256(c.Raw)
	out := &web.Cert{Subject: c.Subject.String(), Issuer: c.Issuer.String(), DNSNames: c.DNSNames,
		NotBefore: c.NotBefore, NotAfter: c.NotAfter, SHA256: hex.EncodeToString(sum[:]),
		SelfSigned: selfSigned(c), SigAlg: c.SignatureAlgorithm.String(), IsCA: c.IsCA}
	switch k := c.PublicKey.(type) {
	case *rsa.PublicKey:
		out.KeyType, out.KeyBits = "RSA", k.N.BitLen()
	case *ecdsa.PublicKey:
		out.KeyType, out.KeyBits = "ECDSA", k.Curve.Params().BitSize
	case ed25519.PublicKey:
		out.KeyType, out.KeyBits = "Ed25519", 256
	default:
		out.KeyType = c.PublicKeyAlgorithm.String()
	}
	for _, ip := range c.IPAddresses {
		out.IPs = append(out.IPs, ip.String())
	}
	return out
}

// probeCurves are offered by vigie's own handshakes: classical groups every
// server speaks. Go's default adds a post-quantum hybrid share whose
// generation dominated the CPU profile of large scans, and tells nothing more
// about versions or suites.
var probeCurves = []tls.CurveID{tls.X25519, tls.CurveP256, tls.CurveP384}

// dialTLS makes one bounded handshake; the caller closes the connection.
func (p *Prober) dialTLS(ctx context.Context, pace Pacer, addr string, cfg *tls.Config) (*tls.Conn, error) {
	if err := pace.Wait(ctx); err != nil {
		return nil, err
	}
	hctx, cancel := context.WithTimeout(ctx, p.opts.Timeout)
	defer cancel()
	d := tls.Dialer{NetDialer: &net.Dialer{KeepAlive: -1}, Config: cfg} // closed after the handshake, or soon after by the exposure
	conn, err := d.DialContext(hctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	return conn.(*tls.Conn), nil
}

// closeNow closes a connection that carried no request: its TCP side at
// once, without the close_notify record no one reads.
func closeNow(c *tls.Conn) { _ = c.NetConn().Close() }
