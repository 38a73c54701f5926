package probe_test

import (
	"context"
	"crypto/tls"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
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
	want := map[string]bool{"TLS 1.0": true, "TLS 1.1": true, "TLS 1.2": true, "TLS 1.3": false}
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
	if got.Leaf.KeyType != "RSA" || got.Leaf.KeyBits != 2048 || len(got.NotTested) == 0 {
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
