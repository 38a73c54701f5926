// Package pki makes throwaway certificate authorities and server
// certificates for the demo lab and for tests on loopback.
package pki

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

// CA is a certificate authority held in memory.
type CA struct {
	Cert *x509.Certificate
	key  *ecdsa.PrivateKey
}

// NewCA creates a CA valid from notBefore for ten years.
func NewCA(name string, notBefore time.Time) (*CA, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, check.Errorf("generating CA key: %v", "génération de la clé de l'autorité : %v", err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: serial(), Subject: pkix.Name{CommonName: name, Organization: []string{"vigie demo"}},
		NotBefore: notBefore, NotAfter: notBefore.AddDate(10, 0, 0),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, check.Errorf("signing CA certificate: %v", "signature du certificat de l'autorité : %v", err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, err
	}
	return &CA{Cert: cert, key: key}, nil
}

// Pool is a pool holding only this CA.
func (ca *CA) Pool() *x509.CertPool {
	p := x509.NewCertPool()
	p.AddCert(ca.Cert)
	return p
}

// PEM encodes the CA certificate.
func (ca *CA) PEM() []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: ca.Cert.Raw})
}

// Issue makes a server certificate for names (DNS names or IP addresses)
// valid between notBefore and notAfter, with a P-256 key. With ca nil it is self-signed.
func Issue(ca *CA, names []string, notBefore, notAfter time.Time) (tls.Certificate, error) {
	return IssueSpec(ca, Spec{Names: names, NotBefore: notBefore, NotAfter: notAfter})
}

// Spec describes a server certificate, including deliberately weak ones.
type Spec struct {
	Names               []string
	NotBefore, NotAfter time.Time
	RSABits             int                     // RSA key of this size instead of P-256
	SigAlg              x509.SignatureAlgorithm // as signed by a self-signed leaf; 0 = default
}

// IssueSpec makes a server certificate as spec says. With ca nil it is self-signed.
func IssueSpec(ca *CA, spec Spec) (tls.Certificate, error) {
	var key crypto.Signer
	var err error
	if spec.RSABits > 0 {
		key, err = rsa.GenerateKey(rand.Reader, spec.RSABits)
	} else {
		key, err = ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	}
	if err != nil {
		return tls.Certificate{}, check.Errorf("generating server key: %v", "génération de la clé du serveur : %v", err)
	}
	names := spec.Names
	tmpl := &x509.Certificate{
		SerialNumber: serial(), NotBefore: spec.NotBefore, NotAfter: spec.NotAfter, SignatureAlgorithm: spec.SigAlg,
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	if len(names) > 0 {
		tmpl.Subject = pkix.Name{CommonName: names[0]}
	}
	for _, n := range names {
		if ip := net.ParseIP(n); ip != nil {
			tmpl.IPAddresses = append(tmpl.IPAddresses, ip)
		} else {
			tmpl.DNSNames = append(tmpl.DNSNames, n)
		}
	}
	parent, signer := tmpl, any(key)
	if ca != nil {
		parent, signer = ca.Cert, ca.key
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, key.Public(), signer)
	if err != nil {
		return tls.Certificate{}, check.Errorf("signing server certificate: %v", "signature du certificat du serveur : %v", err)
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		return tls.Certificate{}, err
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}, nil
}

func serial() *big.Int {
	n, _ := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 62))
	return n
}

// ServerConfig is Mozilla's "intermediate" server configuration: TLS 1.2 and
// 1.3, ECDHE with AES-GCM or ChaCha20-Poly1305 only.
func ServerConfig(cert tls.Certificate) *tls.Config {
	return &tls.Config{
		Certificates: []tls.Certificate{cert},
		MinVersion:   tls.VersionTLS12,
		CipherSuites: []uint16{
			tls.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
			tls.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, tls.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
			tls.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305, tls.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305,
		},
	}
}

// WritePEM writes cert's chain and private key as PEM files, for servers
// such as nginx that read them from disk.
func WritePEM(cert tls.Certificate, certFile, keyFile string) error {
	var chain []byte
	for _, der := range cert.Certificate {
		chain = append(chain, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})...)
	}
	key, err := x509.MarshalPKCS8PrivateKey(cert.PrivateKey)
	if err != nil {
		return check.Errorf("encoding private key: %v", "encodage de la clé privée : %v", err)
	}
	if err := os.WriteFile(certFile, chain, 0o600); err != nil {
		return err
	}
	return os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: key}), 0o600)
}
