package probe_test

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/pki"
	"github.com/vigie-security/vigie/internal/probe"
)

type noPace struct{}

func (noPace) Wait(ctx context.Context) error { return ctx.Err() }

var now = time.Now()

// tlsServer starts an HTTPS server on 127.0.0.1 with a certificate for names
// issued by ca (self-signed when ca is nil).
func tlsServer(t *testing.T, ca *pki.CA, names []string, nb, na time.Time, h http.Handler) *httptest.Server {
	t.Helper()
	cert, err := pki.Issue(ca, names, nb, na)
	if err != nil {
		t.Fatal(err)
	}
	s := httptest.NewUnstartedServer(h)
	s.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
	s.Config.ErrorLog = log.New(io.Discard, "", 0)
	s.StartTLS()
	t.Cleanup(s.Close)
	return s
}

func newCA(t *testing.T) *pki.CA {
	ca, err := pki.NewCA("vigie test CA", now.AddDate(-1, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	return ca
}

func newProber(t *testing.T, mod func(*probe.Options)) *probe.Prober {
	t.Helper()
	o := probe.DefaultOptions()
	o.Timeout = 2 * time.Second
	if mod != nil {
		mod(&o)
	}
	p, err := probe.New(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

func target(t *testing.T, httpURL, httpsURL string) probe.Target {
	t.Helper()
	tg, err := probe.ExplicitTarget("site", httpURL, httpsURL)
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

// closedPort returns a loopback address nothing listens on.
func closedPort(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

func TestCollectGoodSite(t *testing.T) {
	ca := newCA(t)
	var agent atomic.Value
	secure := tlsServer(t, ca, []string{"127.0.0.1"}, now.AddDate(0, -1, 0), now.AddDate(0, 3, 0),
		http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			agent.Store(r.Header.Get("User-Agent"))
			w.Header().Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
			fmt.Fprint(w, "<html>ok</html>")
		}))
	plain := httptest.NewServer(http.RedirectHandler(secure.URL+"/", http.StatusMovedPermanently))
	defer plain.Close()

	p := newProber(t, func(o *probe.Options) { o.Roots = ca.Pool() })
	ev := p.Collect(context.Background(), noPace{}, target(t, plain.URL, secure.URL))

	if !ev.HTTP.Reached || len(ev.HTTP.Hops) != 2 || ev.HTTP.Hops[0].Status != 301 || ev.HTTP.Hops[0].Location != secure.URL+"/" {
		t.Errorf("http side = %+v", ev.HTTP)
	}
	if !ev.HTTPS.Reached || ev.HTTPS.StatusCode != 200 || ev.HTTPS.Header("Strict-Transport-Security") == nil || string(ev.HTTPS.Body) != "<html>ok</html>" {
		t.Errorf("https side = %+v", ev.HTTPS)
	}
	if !ev.TLS.Trusted || !ev.TLS.NameOK || ev.TLS.Leaf == nil || ev.TLS.Version == "" || ev.TLS.Leaf.IPs[0] != "127.0.0.1" {
		t.Errorf("tls = %+v", ev.TLS)
	}
	if ua, _ := agent.Load().(string); !strings.HasPrefix(ua, "vigie") {
		t.Errorf("User-Agent = %q, want it to name vigie", ua)
	}
}

func TestCertificateProblemsAreSeparated(t *testing.T) {
	ca := newCA(t)
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {})
	cases := []struct {
		name            string
		ca              *pki.CA
		names           []string
		nb, na          time.Time
		trusted, nameOK bool
		trustErr        string
		expired         bool
	}{
		{"expired but trusted chain", ca, []string{"127.0.0.1"}, now.AddDate(0, -3, 0), now.AddDate(0, 0, -2), true, true, "", true},
		{"self-signed", nil, []string{"127.0.0.1"}, now.AddDate(0, -1, 0), now.AddDate(0, 1, 0), false, true, "self-signed", false},
		{"other name", ca, []string{"other.example"}, now.AddDate(0, -1, 0), now.AddDate(0, 1, 0), true, false, "", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := tlsServer(t, tc.ca, tc.names, tc.nb, tc.na, ok)
			p := newProber(t, func(o *probe.Options) { o.Roots = ca.Pool() })
			got := p.Handshake(context.Background(), noPace{}, s.URL, "127.0.0.1")
			if got.Error.EN != "" || got.Leaf == nil {
				t.Fatalf("handshake failed: %+v", got)
			}
			if got.Trusted != tc.trusted || got.NameOK != tc.nameOK || !strings.Contains(got.TrustErr.EN, tc.trustErr) {
				t.Errorf("trusted=%v (%q) nameOK=%v (%q)", got.Trusted, got.TrustErr, got.NameOK, got.NameErr)
			}
			if expired := now.After(got.Leaf.NotAfter); expired != tc.expired {
				t.Errorf("expired = %v", expired)
			}
		})
	}
	t.Run("unknown CA", func(t *testing.T) {
		s := tlsServer(t, ca, []string{"127.0.0.1"}, now.AddDate(0, -1, 0), now.AddDate(0, 1, 0), ok)
		p := newProber(t, nil) // system roots only: our CA is unknown
		got := p.Handshake(context.Background(), noPace{}, s.URL, "127.0.0.1")
		if got.Trusted || !strings.Contains(got.TrustErr.EN, "CA is unknown") {
			t.Errorf("trusted=%v %q", got.Trusted, got.TrustErr)
		}
	})
}

// rawServer accepts TCP connections on loopback and hands each to fn.
func rawServer(t *testing.T, fn func(net.Conn)) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() { defer c.Close(); fn(c) }()
		}
	}()
	return l.Addr().String()
}

func TestHostileAndBrokenServers(t *testing.T) {
	garbage := rawServer(t, func(c net.Conn) { c.Write([]byte("\x00\x01garbage that is not TLS\r\n\r\n")) })
	silent := rawServer(t, func(c net.Conn) { time.Sleep(5 * time.Second) })
	endless := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		chunk := []byte(strings.Repeat("A", 4096))
		for {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}))
	defer endless.Close()
	loop := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Path+"x", http.StatusFound)
	}))
	defer loop.Close()

	p := newProber(t, func(o *probe.Options) {
		o.Timeout = 300 * time.Millisecond
		o.MaxBody = 64 << 10
		o.MaxRedirects = 5
	})
	ctx := context.Background()

	t.Run("connection refused", func(t *testing.T) {
		got := p.Get(ctx, noPace{}, "http://"+closedPort(t)+"/")
		if got.Reached || got.ErrorKind != probe.KindRefused {
			t.Errorf("%+v", got)
		}
	})
	t.Run("TLS garbage", func(t *testing.T) {
		got := p.Get(ctx, noPace{}, "https://"+garbage+"/")
		hs := p.Handshake(ctx, noPace{}, "https://"+garbage+"/", "127.0.0.1")
		if got.Reached || got.Error.EN == "" || hs.Error.EN == "" || hs.Leaf != nil {
			t.Errorf("get %+v handshake %+v", got, hs)
		}
	})
	t.Run("never answers", func(t *testing.T) {
		start := time.Now()
		got := p.Get(ctx, noPace{}, "http://"+silent+"/")
		hs := p.Handshake(ctx, noPace{}, "https://"+silent+"/", "127.0.0.1")
		if got.Reached || got.ErrorKind != probe.KindTimeout || !strings.Contains(got.Error.EN, "300ms") || got.Error.FR == "" || hs.Error.EN == "" {
			t.Errorf("get %+v handshake %+v", got, hs)
		}
		if time.Since(start) > 4*time.Second {
			t.Errorf("a silent server held the probe for %s", time.Since(start))
		}
	})
	t.Run("endless body", func(t *testing.T) {
		got := p.Get(ctx, noPace{}, endless.URL)
		if !got.Reached || !got.BodyTruncated || len(got.Body) != 64<<10 {
			t.Errorf("reached=%v truncated=%v body=%d err=%s", got.Reached, got.BodyTruncated, len(got.Body), got.Error)
		}
	})
	t.Run("redirect loop", func(t *testing.T) {
		got := p.Get(ctx, noPace{}, loop.URL+"/")
		if !got.Reached || !got.RedirectLimit || len(got.Hops) != 6 { // 5 redirects followed (MaxRedirects), 6 responses
			t.Errorf("reached=%v limit=%v hops=%d", got.Reached, got.RedirectLimit, len(got.Hops))
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		if got := p.Get(cctx, noPace{}, endless.URL); got.Reached {
			t.Errorf("cancelled probe reached the server")
		}
	})
}

// The prober writes nothing to disk (httpx's client, which kept caches in
// TMPDIR, is no longer used for the page GETs).
func TestNoTempFoldersLeft(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	o := probe.DefaultOptions()
	p, err := probe.New(o)
	if err != nil {
		t.Fatal(err)
	}
	p.Collect(context.Background(), noPace{}, target(t, srv.URL, "https://"+closedPort(t)))
	p.Close()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		t.Errorf("left behind in TMPDIR: %s", e.Name())
	}
}

func TestLoadRoots(t *testing.T) {
	ca := newCA(t)
	dir := t.TempDir()
	good, bad := dir+"/ca.pem", dir+"/bad.pem"
	os.WriteFile(good, ca.PEM(), 0o600)
	os.WriteFile(bad, []byte("not a certificate"), 0o600)
	if _, err := probe.LoadRoots(good); err != nil {
		t.Errorf("good CA file: %v", err)
	}
	for _, f := range []string{bad, dir + "/missing.pem"} {
		if _, err := probe.LoadRoots(f); err == nil || !strings.Contains(err.Error(), f[len(dir):]) {
			t.Errorf("LoadRoots(%s) error %v does not name the file", f, err)
		}
	}
	_ = io.Discard
}

func TestSetCookieOnEveryHop(t *testing.T) {
	final := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Set-Cookie", "pref=1; Path=/")
	}))
	defer final.Close()
	first := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Set-Cookie", "sessionid=abc; HttpOnly")
		w.Header().Add("Set-Cookie", "lang=fr")
		http.Redirect(w, r, final.URL+"/", http.StatusFound)
	}))
	defer first.Close()
	got := newProber(t, nil).Get(context.Background(), noPace{}, first.URL+"/")
	if len(got.Hops) != 2 || len(got.Hops[0].SetCookie) != 2 || len(got.Hops[1].SetCookie) != 1 ||
		!strings.HasPrefix(got.Hops[0].SetCookie[0], "sessionid=") {
		t.Fatalf("hops = %+v", got.Hops)
	}
}

// A server that speaks only TLS 1.0 and 1.1 has its page fetched and judged
// (the TLS checks fail it for its protocols): it is not "unreachable".
func TestLegacyOnlyServerIsReached(t *testing.T) {
	ca := newCA(t)
	cert, err := pki.Issue(ca, []string{"127.0.0.1"}, now.AddDate(0, -1, 0), now.AddDate(0, 1, 0))
	if err != nil {
		t.Fatal(err)
	}
	s := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		io.WriteString(w, "<!doctype html><title>intranet</title>")
	}))
	s.TLS = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS10, MaxVersion: tls.VersionTLS11}
	s.Config.ErrorLog = log.New(io.Discard, "", 0)
	s.StartTLS()
	t.Cleanup(s.Close)
	tg, err := probe.ParseTarget(s.URL)
	if err != nil {
		t.Fatal(err)
	}
	ev := newProber(t, func(o *probe.Options) { o.Roots = ca.Pool() }).Collect(context.Background(), noPace{}, tg)
	if !ev.HTTPS.Reached || http.Header(ev.HTTPS.Headers).Get("X-Content-Type-Options") != "nosniff" {
		t.Fatalf("the TLS 1.1 page was not fetched: %v", ev.HTTPS.Error)
	}
	accepted := map[string]bool{}
	for _, p := range ev.TLS.Protocols {
		accepted[p.Version] = p.Accepted
	}
	if !accepted["TLS 1.0"] || !accepted["TLS 1.1"] || accepted["TLS 1.2"] || ev.TLS.Version != "TLS 1.1" {
		t.Errorf("protocols %v, negotiated %q", accepted, ev.TLS.Version)
	}
	if !ev.Exposure.Scanned || ev.Exposure.Requests == 0 || ev.Exposure.Base != s.URL+"/" && ev.Exposure.Base != s.URL {
		t.Error("the exposure was not probed over TLS 1.1")
	}
}
