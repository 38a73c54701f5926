package probe_test

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"encoding/pem"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/pki"
	"github.com/vigie-security/vigie/internal/probe"
)

func serverWith(t *testing.T, spec pki.Spec, cfg *tls.Config) string {
	t.Helper()
	cert, err := pki.IssueSpec(nil, spec)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Certificates = []tls.Certificate{cert}
	s := httptest.NewUnstartedServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	s.TLS = cfg
	s.Config.ErrorLog = log.New(io.Discard, "", 0)
	s.StartTLS()
	t.Cleanup(s.Close)
	return s.URL
}

func TestTLSVersionsAndSuites(t *testing.T) {
	spec := pki.Spec{Names: []string{"127.0.0.1"}, NotBefore: now.AddDate(0, -1, 0), NotAfter: now.AddDate(0, 1, 0), RSABits: 2048}
	legacy := serverWith(t, spec, &tls.Config{MinVersion: tls.VersionTLS10, MaxVersion: tls.VersionTLS12,
		CipherSuites: []uint16{tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, tls.TLS_RSA_WITH_AES_128_CBC_SHA, tls.TLS_RSA_WITH_3DES_EDE_CBC_SHA}})
	modern := serverWith(t, spec, &tls.Config{MinVersion: tls.VersionTLS13})

	p := newProber(t, nil)
	got := p.Handshake(context.Background(), noPace{}, legacy, "127.0.0.1")
	want := map[string]bool{"SSLv2": false, "SSLv3": false, "TLS 1.0": true, "TLS 1.1": true, "TLS 1.2": true, "TLS 1.3": false}
	if len(got.Protocols) != len(want) {
		t.Errorf("protocols %+v", got.Protocols)
	}
	for _, pr := range got.Protocols {
		if !pr.Tested || pr.Accepted != want[pr.Version] {
			t.Errorf("legacy %s: tested=%v accepted=%v (%s)", pr.Version, pr.Tested, pr.Accepted, pr.Error.EN)
		}
	}
	wantSuites := []string{"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_3DES_EDE_CBC_SHA"}
	gotSuites := slices.Clone(got.Suites)
	slices.Sort(gotSuites)
	slices.Sort(wantSuites)
	if !slices.Equal(gotSuites, wantSuites) || got.SuitesVersion != "TLS 1.2" || got.SuitesErr.EN != "" {
		t.Errorf("legacy suites = %v at %s (%s), want %v", got.Suites, got.SuitesVersion, got.SuitesErr.EN, wantSuites)
	}
	// Everything was tested: nothing is left for "not tested".
	if got.Leaf.KeyType != "RSA" || got.Leaf.KeyBits != 2048 || len(got.NotTested) != 0 {
		t.Errorf("leaf key %s/%d, not tested %v", got.Leaf.KeyType, got.Leaf.KeyBits, got.NotTested)
	}

	got = p.Handshake(context.Background(), noPace{}, modern, "127.0.0.1")
	for _, pr := range got.Protocols {
		if !pr.Tested || pr.Accepted != (pr.Version == "TLS 1.3") {
			t.Errorf("modern %s: tested=%v accepted=%v (%s)", pr.Version, pr.Tested, pr.Accepted, pr.Error.EN)
		}
	}
	if len(got.Suites) != 0 || got.SuitesVersion != "" {
		t.Errorf("TLS 1.3-only server: suites %v at %q", got.Suites, got.SuitesVersion)
	}
}

func TestTLSScanOnSilentServerSaysNotTested(t *testing.T) {
	silent := rawServer(t, func(c net.Conn) { time.Sleep(3 * time.Second) })
	p := newProber(t, func(o *probe.Options) { o.Timeout = 300 * time.Millisecond })
	got := p.Handshake(context.Background(), noPace{}, "https://"+silent+"/", "127.0.0.1")
	if got.Leaf != nil || got.Error.EN == "" {
		t.Fatalf("silent server: %+v", got)
	}
	// No certificate: the version scan is not attempted, so nothing claims a version was refused.
	for _, pr := range got.Protocols {
		if pr.Tested {
			t.Errorf("%s marked tested on a silent server", pr.Version)
		}
	}
}

// A server Go's own client refuses (a 512-bit RSA key signed with MD5) is
// still read: the chain comes from the Certificate message of a hand-built
// hello, and the suites from the scan.
func TestTLSChainGoRefuses(t *testing.T) {
	pemBytes, err := os.ReadFile("../tlswire/testdata/rsa512-md5.pem")
	if err != nil {
		t.Fatal(err)
	}
	blk, _ := pem.Decode(pemBytes)
	// The server never signs nor decrypts with RSA key exchange before
	// ServerHelloDone, so any key stands behind the weak certificate.
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	s := httptest.NewUnstartedServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	s.TLS = &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{blk.Bytes}, PrivateKey: key}},
		MaxVersion: tls.VersionTLS12, CipherSuites: []uint16{tls.TLS_RSA_WITH_AES_128_CBC_SHA, tls.TLS_RSA_WITH_RC4_128_SHA}}
	s.Config.ErrorLog = log.New(io.Discard, "", 0)
	s.StartTLS()
	t.Cleanup(s.Close)

	got := newProber(t, nil).Handshake(context.Background(), noPace{}, s.URL, "127.0.0.1")
	if got.Leaf == nil || got.Error.EN != "" {
		t.Fatalf("no leaf read: %s", got.Error.EN)
	}
	if got.Leaf.KeyBits != 512 || got.Leaf.SigAlg != "MD5-RSA" || got.Version != "TLS 1.2" || got.Trusted || !got.Leaf.SelfSigned ||
		got.TrustErr.EN != "self-signed certificate" {
		t.Errorf("leaf %s/%d %s self-signed %v, version %s, trusted %v (%s)", got.Leaf.KeyType, got.Leaf.KeyBits, got.Leaf.SigAlg,
			got.Leaf.SelfSigned, got.Version, got.Trusted, got.TrustErr.EN)
	}
	if !slices.Contains(got.Suites, "TLS_RSA_WITH_RC4_128_SHA") || !slices.Contains(got.Suites, "TLS_RSA_WITH_AES_128_CBC_SHA") {
		t.Errorf("suites %v", got.Suites)
	}
}

// BenchmarkHandshake is the whole TLS family for one host on loopback: Go's
// handshake, then every protocol and suite enumerated (budget: 2 s a host).
func BenchmarkHandshake(b *testing.B) {
	spec := pki.Spec{Names: []string{"127.0.0.1"}, NotBefore: now.AddDate(0, -1, 0), NotAfter: now.AddDate(0, 1, 0), RSABits: 2048}
	cert, err := pki.IssueSpec(nil, spec)
	if err != nil {
		b.Fatal(err)
	}
	var suites []uint16
	for _, s := range append(tls.CipherSuites(), tls.InsecureCipherSuites()...) {
		suites = append(suites, s.ID)
	}
	s := httptest.NewUnstartedServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	s.TLS = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS10, CipherSuites: suites}
	s.Config.ErrorLog = log.New(io.Discard, "", 0)
	s.StartTLS()
	b.Cleanup(s.Close)
	o := probe.DefaultOptions()
	o.Timeout = 2 * time.Second
	p, err := probe.New(o)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { p.Close() })
	for b.Loop() {
		if got := p.Handshake(context.Background(), noPace{}, s.URL, "127.0.0.1"); len(got.Suites) == 0 {
			b.Fatalf("no suites: %s", got.Error.EN)
		}
	}
}

// A server that leaves SSLv2 hellos unanswered: SSLv2 alone is named as
// not tested, every other version is judged.
func TestTLSScanNamesWhatItCouldNotTest(t *testing.T) {
	cert, err := pki.IssueSpec(nil, pki.Spec{Names: []string{"127.0.0.1"}, NotBefore: now.AddDate(0, -1, 0), NotAfter: now.AddDate(0, 1, 0)})
	if err != nil {
		t.Fatal(err)
	}
	cfg := &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	addr := rawServer(t, func(c net.Conn) {
		var first [1]byte
		if _, err := io.ReadFull(c, first[:]); err != nil {
			return
		}
		if first[0]&0x80 != 0 {
			time.Sleep(time.Second) // an SSLv2 hello: no answer
			return
		}
		tc := tls.Server(&prefixed{Conn: c, first: first[:]}, cfg)
		_ = tc.Handshake()
	})
	p := newProber(t, func(o *probe.Options) { o.Timeout = 300 * time.Millisecond })
	got := p.Handshake(context.Background(), noPace{}, "https://"+addr+"/", "127.0.0.1")
	if !slices.Equal(got.NotTested, []string{"SSLv2"}) {
		t.Errorf("not tested = %v", got.NotTested)
	}
	for _, pr := range got.Protocols {
		if pr.Version == "SSLv2" {
			if pr.Tested || !strings.Contains(pr.Error.EN, "no answer") {
				t.Errorf("SSLv2: tested=%v error %q", pr.Tested, pr.Error.EN)
			}
		} else if !pr.Tested {
			t.Errorf("%s not tested: %s", pr.Version, pr.Error.EN)
		}
	}
}

// prefixed gives back the byte read to tell SSLv2 from TLS.
type prefixed struct {
	net.Conn
	first []byte
}

func (p *prefixed) Read(b []byte) (int, error) {
	if len(p.first) > 0 {
		n := copy(b, p.first)
		p.first = p.first[n:]
		return n, nil
	}
	return p.Conn.Read(b)
}
