package scan

import (
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/config"
	"github.com/vigie-security/vigie/internal/pki"
	"github.com/vigie-security/vigie/internal/probe"
)

// BenchmarkLoopbackScan measures whole-scan throughput (collect + evaluate +
// score) over 200 loopback targets, 50 at a time:
//
//	go test -run X -bench LoopbackScan -benchmem ./internal/scan
func BenchmarkLoopbackScan(b *testing.B) {
	ca, err := pki.NewCA("bench CA", time.Now().AddDate(-1, 0, 0))
	if err != nil {
		b.Fatal(err)
	}
	cert, err := pki.Issue(ca, []string{"127.0.0.1"}, time.Now().AddDate(0, -1, 0), time.Now().AddDate(1, 0, 0))
	if err != nil {
		b.Fatal(err)
	}
	secure := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
	}))
	secure.TLS = pki.ServerConfig(cert)
	secure.Config.ErrorLog = log.New(io.Discard, "", 0)
	secure.StartTLS()
	defer secure.Close()
	plain := httptest.NewServer(http.RedirectHandler(secure.URL+"/", http.StatusMovedPermanently))
	defer plain.Close()

	cfg := config.Defaults()
	cfg.Scan.Concurrency, cfg.Scan.Rate = 50, 0
	p, err := FromConfig(cfg, nil)
	if err != nil {
		b.Fatal(err)
	}
	p.Probe.Roots = ca.Pool()
	const n = 200
	for i := range n {
		t, err := probe.ExplicitTarget(fmt.Sprint(i), fmt.Sprintf("%s/%d", plain.URL, i), fmt.Sprintf("%s/%d", secure.URL, i))
		if err != nil {
			b.Fatal(err)
		}
		p.Web = append(p.Web, t)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := p.Run(context.Background(), nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "targets/s")
}
