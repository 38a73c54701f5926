package probe

import (
	"context"
	"crypto/tls"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	web "github.com/vigie-security/vigie/checks/web"
	"github.com/vigie-security/vigie/internal/pki"
)

// warmServer is an HTTPS origin that counts the paths other than "/"
// asked over vigie's own handshake connection (the only one that offers no
// ALPN) and over connections of their own.
func warmServer(t *testing.T) (s *httptest.Server, onHandshake, onOwn *atomic.Int32, ca *pki.CA) {
	t.Helper()
	ca, err := pki.NewCA("warm CA", time.Now().AddDate(-1, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	cert, err := pki.Issue(ca, []string{"127.0.0.1"}, time.Now().AddDate(0, -1, 0), time.Now().AddDate(0, 2, 0))
	if err != nil {
		t.Fatal(err)
	}
	onHandshake, onOwn = &atomic.Int32{}, &atomic.Int32{}
	s = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/" {
			io.WriteString(w, "<!doctype html><title>warm</title>")
			return
		}
		if r.TLS.NegotiatedProtocol == "" {
			onHandshake.Add(1)
		} else {
			onOwn.Add(1)
		}
		http.NotFound(w, r)
	}))
	s.TLS = pki.ServerConfig(cert)
	s.TLS.NextProtos = []string{"http/1.1"}
	s.Config.ErrorLog = log.New(io.Discard, "", 0)
	s.StartTLS()
	t.Cleanup(s.Close)
	return s, onHandshake, onOwn, ca
}

// The exposure probes carry their requests on the connection of vigie's
// own handshake: an HTTPS origin costs its server one handshake fewer.
func TestExposureRidesTheHandshake(t *testing.T) {
	s, onHandshake, onOwn, ca := warmServer(t)
	o := DefaultOptions()
	o.Roots, o.HostRate, o.Timeout = ca.Pool(), 0, 5*time.Second
	p, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	tg, err := ParseTarget(s.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	ev := p.Collect(context.Background(), noWait{}, tg)
	if !ev.TLS.Trusted || !ev.Exposure.Scanned || ev.Exposure.Error.EN != "" {
		t.Fatalf("not judged in full: tls %v %s, exposure %+v", ev.TLS.Trusted, ev.TLS.Error.EN, ev.Exposure.Error)
	}
	if h, own := onHandshake.Load(), onOwn.Load(); h != int32(ev.Exposure.Requests) || own != 0 {
		t.Errorf("%d exposure requests on the handshake's connection, %d on others; want all %d on the first", h, own, ev.Exposure.Requests)
	}
	for _, f := range ev.Exposure.Fetches {
		if f.Err != "" || f.Status != http.StatusNotFound {
			t.Fatalf("%s: status %d, %s", f.Path, f.Status, f.Err)
		}
	}
	// The same probes on connections of their own: the same requests, counted alike.
	alone := p.Exposure(context.Background(), noWait{}, s.URL+"/", o.ExposurePaths)
	if alone.Requests != ev.Exposure.Requests || len(alone.Fetches) != len(ev.Exposure.Fetches) {
		t.Errorf("alone %d requests, %d fetches; on the handshake's connection %d, %d",
			alone.Requests, len(alone.Fetches), ev.Exposure.Requests, len(ev.Exposure.Fetches))
	}
}

// A handshake's connection the server closed before any request (an idle
// timeout shorter than the TLS scan) is replaced, and the requests it
// never carried are not counted.
func TestClosedHandshakeConnectionIsNotCounted(t *testing.T) {
	s, _, _, _ := warmServer(t)
	p, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	paths := []web.ExposurePath{{Path: "/.env", Kind: web.KindSecrets}, {Path: "/db.sql", Kind: web.KindDump}}
	alone := p.exposure(context.Background(), noWait{}, s.URL+"/", paths, nil, nil)
	conn, err := tls.Dial("tcp", s.Listener.Addr().String(), &tls.Config{InsecureSkipVerify: true})
	if err != nil {
		t.Fatal(err)
	}
	s.CloseClientConnections()
	got := p.exposure(context.Background(), noWait{}, s.URL+"/", paths, nil, conn)
	if got.Requests != alone.Requests || got.Error.EN != "" {
		t.Errorf("%d requests (%s), want %d as on a new connection", got.Requests, got.Error.EN, alone.Requests)
	}
	for _, f := range got.Fetches {
		if f.Err != "" || f.Status != http.StatusNotFound {
			t.Errorf("%s: status %d, %s", f.Path, f.Status, f.Err)
		}
	}
}
