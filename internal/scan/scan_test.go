package scan

import (
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vigie-security/vigie/checks/web"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/config"
	"github.com/vigie-security/vigie/internal/pki"
	"github.com/vigie-security/vigie/internal/probe"
)

func TestFromConfigErrorsNameTheLine(t *testing.T) {
	cfg, err := config.Parse("vigie.yaml", []byte("web:\n  targets:\n    - ok.example.fr\n    - ftp://bad.example.fr\n"), os.Getenv)
	if err != nil {
		t.Fatal(err)
	}
	_, err = FromConfig(cfg, nil)
	if err == nil || !strings.Contains(err.Error(), "vigie.yaml:4: web.targets[1]") || !strings.Contains(err.Error(), "scheme") {
		t.Fatalf("error = %v", err)
	}
}

// TestPlanReadsNothing: building a plan reads no file (the TUI builds one
// in its loop); the session's Prepare reads them and names what is wrong.
func TestPlanReadsNothing(t *testing.T) {
	cfg := config.Defaults()
	cfg.File = "vigie.yaml"
	cfg.Web.Targets = []config.WebTarget{{URL: "https://127.0.0.1:1/"}}
	cfg.Web.CAFile = "/no/such/ca.pem"
	cfg.Contracts.Inventory = "/no/such/inventory.csv"
	cfg.Leads.Sources = []config.LeadSource{{Path: "/no/such/leads.csv"}}
	p, err := FromConfig(cfg, nil)
	if err != nil {
		t.Fatalf("FromConfig read a file: %v", err)
	}
	for _, want := range []string{"/no/such/ca.pem", "/no/such/inventory.csv", "leads.sources[0]"} {
		s := Session{Plan: p}
		err := s.Prepare(context.Background())
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("Prepare error = %v, want it to name %s", err, want)
		}
		// Fix what was named, to reach the next input.
		switch want {
		case "/no/such/ca.pem":
			p.CAFile = ""
		case "/no/such/inventory.csv":
			p.ContractSource = nil
		}
	}
}

func TestFromConfigMergesAndDedupes(t *testing.T) {
	cfg, err := config.Parse("vigie.yaml", []byte("web:\n  targets: [shop.example.fr]\n"), os.Getenv)
	if err != nil {
		t.Fatal(err)
	}
	p, err := FromConfig(cfg, []string{"https://SHOP.example.fr:443/", "other.example.fr"})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Web) != 2 || p.Web[1].Host != "other.example.fr" {
		t.Fatalf("targets = %+v", p.Web)
	}
	// Two pages that differ only by their query are two targets, not one dropped.
	p, err = FromConfig(cfg, []string{"https://shop.example.fr/s?q=a", "https://shop.example.fr/s?q=b", "https://shop.example.fr/s?q=b&utm_source=x"})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Web) != 3 {
		t.Fatalf("targets differing by query: %d kept, want 3: %+v", len(p.Web), p.Web)
	}
}

func TestReadTargets(t *testing.T) {
	got, err := readTargets("t.txt", strings.NewReader("# sites\nshop.example.fr\n\n  https://a.example.fr  \n"))
	if err != nil || len(got) != 2 || got[1] != "https://a.example.fr" {
		t.Fatalf("got %v, %v", got, err)
	}
	_, err = readTargets("t.txt", strings.NewReader("ok.fr\nhttps://u:p@x.fr\n"))
	if err == nil || !strings.Contains(err.Error(), "t.txt:2:") {
		t.Fatalf("error = %v", err)
	}
	if _, err := ReadTargetsFile(filepath.Join(t.TempDir(), "none.txt")); err == nil || !strings.Contains(err.Error(), "none.txt") {
		t.Fatalf("missing file error = %v", err)
	}
}

// TestNoTargetIsDropped probes 2,000 loopback targets with 50 at a time and
// requires an answer for every one: the engine counts what comes back, and
// the prober retries connections the client closed under load.
func TestNoTargetIsDropped(t *testing.T) {
	if testing.Short() {
		t.Skip("2,000 loopback targets")
	}
	ca, err := pki.NewCA("load CA", time.Now().AddDate(-1, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	cert, err := pki.Issue(ca, []string{"127.0.0.1"}, time.Now().AddDate(0, -1, 0), time.Now().AddDate(1, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	var hits atomic.Int64
	secure := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; object-src 'none'; frame-ancestors 'none'")
		w.Header().Set("X-Content-Type-Options", "nosniff")
	}))
	secure.TLS = pki.ServerConfig(cert)
	secure.Config.ErrorLog = log.New(io.Discard, "", 0)
	secure.StartTLS()
	defer secure.Close()
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, secure.URL+r.URL.Path, http.StatusMovedPermanently)
	}))
	defer plain.Close()

	const n = 2000
	p := Plan{Probe: probe.DefaultOptions()}
	p.Probe.Roots = ca.Pool()
	p.Probe.Timeout = 20 * time.Second
	for i := range n {
		tg, err := probe.ExplicitTarget(fmt.Sprintf("site-%04d", i), fmt.Sprintf("%s/%d", plain.URL, i), fmt.Sprintf("%s/%d", secure.URL, i))
		if err != nil {
			t.Fatal(err)
		}
		p.Web = append(p.Web, tg)
	}
	cfg := config.Defaults()
	cfg.Scan.Concurrency = 50
	cfg.Scan.Rate = 0
	cfg.Scan.Timeout = config.Duration(20 * time.Second)
	base, err := FromConfig(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	p.Engine = base.Engine
	rep, err := p.Run(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	completed := 0
	for _, tg := range rep.Targets {
		if tg.Completed {
			completed++
		}
	}
	bad := 0
	for _, f := range rep.Findings {
		if f.Status != check.Pass {
			if bad < 5 {
				t.Errorf("%s %s %s: %s", f.Target, f.CheckID, f.Status, f.Message.EN)
			}
			bad++
		}
	}
	if completed != n || len(rep.Findings) != n*len(web.Checks()) || bad > 0 {
		t.Fatalf("completed %d/%d, findings %d, not passing %d", completed, n, len(rep.Findings), bad)
	}
	t.Logf("%d targets, %d HTTPS requests served", n, hits.Load())
}

func TestExposureConfig(t *testing.T) {
	cfg, err := config.Parse("vigie.yaml", []byte("web:\n  extra_paths: [/crm/export.csv, /old/]\n"), os.Getenv)
	if err != nil {
		t.Fatal(err)
	}
	p, err := FromConfig(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	last := p.Probe.ExposurePaths[len(p.Probe.ExposurePaths)-1]
	if last.Path != "/old/" || last.Kind != "listing" {
		t.Errorf("extra paths = %+v", p.Probe.ExposurePaths[len(p.Probe.ExposurePaths)-2:])
	}
	for _, bad := range []string{"https://evil.example/x", "//evil.example/x", "relative.csv"} {
		cfg.Web.ExtraPaths = []string{bad}
		if _, err := FromConfig(cfg, nil); err == nil || !strings.Contains(err.Error(), "stay on the target's host") {
			t.Errorf("%q: error %v", bad, err)
		}
	}
	off := false
	cfg.Web.ExtraPaths, cfg.Web.Exposure = nil, &off
	if p, _ := FromConfig(cfg, nil); len(p.Probe.ExposurePaths) != 0 {
		t.Errorf("exposure: false still probes %d paths", len(p.Probe.ExposurePaths))
	}
}
