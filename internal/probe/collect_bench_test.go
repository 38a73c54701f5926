package probe_test

import (
	"context"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/pki"
	"github.com/vigie-security/vigie/internal/probe"
)

// BenchmarkCollect is one target of vigie-bench's lab as a scan sees it:
// an HTTP side redirecting to an HTTPS side with good headers, probed in
// full (both sides, TLS enumeration, CORS, exposure, linked pages) by a
// fresh prober, so nothing is shared across iterations. It reports the
// connections and requests the servers saw.
func BenchmarkCollect(b *testing.B) {
	ca, err := pki.NewCA("bench CA", now.AddDate(-1, 0, 0))
	if err != nil {
		b.Fatal(err)
	}
	cert, err := pki.Issue(ca, []string{"127.0.0.1"}, now.AddDate(0, -1, 0), now.AddDate(0, 2, 0))
	if err != nil {
		b.Fatal(err)
	}
	var conns, reqs atomic.Int64
	count := func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	page := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reqs.Add(1)
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; object-src 'none'; frame-ancestors 'none'")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		fmt.Fprint(w, "<!doctype html><html><body><h1>bench</h1></body></html>")
	})
	s := httptest.NewUnstartedServer(page)
	s.TLS = pki.ServerConfig(cert)
	s.Config.ErrorLog, s.Config.ConnState = log.New(io.Discard, "", 0), count
	s.StartTLS()
	b.Cleanup(s.Close)
	plain := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reqs.Add(1)
		http.Redirect(w, r, s.URL+"/", http.StatusMovedPermanently)
	}))
	plain.Config.ErrorLog, plain.Config.ConnState = log.New(io.Discard, "", 0), count
	plain.Start()
	b.Cleanup(plain.Close)
	o := probe.DefaultOptions()
	o.Roots, o.HostRate = ca.Pool(), 0
	o.Timeout = 5 * time.Second
	for b.Loop() {
		p, err := probe.New(o)
		if err != nil {
			b.Fatal(err)
		}
		t, err := probe.ParseTarget(plain.URL + "/")
		if err != nil {
			b.Fatal(err)
		}
		ev := p.Collect(context.Background(), noPace{}, t)
		if !ev.HTTPS.Reached || !ev.TLS.Trusted || !ev.Exposure.Scanned {
			b.Fatalf("not judged in full: https %v, tls %v %s, exposure %+v", ev.HTTPS.Reached, ev.TLS.Trusted, ev.TLS.Error.EN, ev.Exposure.Error)
		}
		p.Close()
	}
	b.ReportMetric(float64(conns.Load())/float64(b.N), "conns/op")
	b.ReportMetric(float64(reqs.Load())/float64(b.N), "reqs/op")
}
