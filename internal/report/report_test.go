package report_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/vigie-security/vigie/checks/web"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/engine"
	"github.com/vigie-security/vigie/internal/report"
)

var update = flag.Bool("update", false, "rewrite golden files")

var t0 = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

func site(name string, mod func(*web.Evidence)) engine.Unit {
	e := web.Evidence{Target: name, Host: "shop.example.fr", CollectedAt: t0,
		HTTP: web.Probe{URL: "http://shop.example.fr/", Reached: true, StatusCode: 200,
			Hops: []web.Hop{{URL: "http://shop.example.fr/", Status: 301, Location: "https://shop.example.fr/"}, {URL: "https://shop.example.fr/", Status: 200}}},
		HTTPS: web.Probe{URL: "https://shop.example.fr/", Reached: true, StatusCode: 200,
			Hops: []web.Hop{{URL: "https://shop.example.fr/", Status: 200}},
			Headers: map[string][]string{"Strict-Transport-Security": {"max-age=63072000; includeSubDomains"},
				"Content-Security-Policy": {"default-src 'self'; object-src 'none'; frame-ancestors 'none'"},
				"X-Content-Type-Options":  {"nosniff"}, "Referrer-Policy": {"no-referrer"}}},
		TLS: web.TLS{Attempted: true, Version: "TLS 1.3", Trusted: true, NameOK: true, ChainLen: 2,
			Leaf: &web.Cert{Subject: "CN=shop.example.fr", Issuer: "CN=Demo CA", DNSNames: []string{"shop.example.fr"},
				NotBefore: t0.AddDate(0, -2, 0), NotAfter: t0.AddDate(0, 1, 0), SHA256: "ab12", KeyType: "ECDSA", KeyBits: 256, SigAlg: "ECDSA-SHA256"},
			Protocols: []web.Protocol{{Version: "TLS 1.0", Tested: true}, {Version: "TLS 1.1", Tested: true},
				{Version: "TLS 1.2", Tested: true, Accepted: true}, {Version: "TLS 1.3", Tested: true, Accepted: true}},
			Suites: []string{"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"}, SuitesVersion: "TLS 1.2", NotTested: []string{"SSLv3"}},
	}
	e.TLS.Chain = []web.Cert{*e.TLS.Leaf}
	if mod != nil {
		mod(&e)
	}
	return engine.Unit{Family: check.FamilyWeb, Target: name, Checks: web.Checks(),
		Collect: func(context.Context, engine.Pacer) (any, error) { return e, nil }}
}

// sample is a fixed scan over four sites: correct, login over HTTP, no redirect and an expired certificate, unreachable.
func sample(t *testing.T) report.Report {
	t.Helper()
	units := []engine.Unit{
		site("https://shop.example.fr", nil),
		site("http://login.example.fr", func(e *web.Evidence) {
			e.Host = "login.example.fr"
			e.HTTP = web.Probe{URL: "http://login.example.fr/", Reached: true, StatusCode: 200,
				Hops: []web.Hop{{URL: "http://login.example.fr/", Status: 200}},
				Body: []byte(`<form method="post"><input name="email"><input type="password" name="pw"></form>`)}
			e.HTTPS = web.Probe{URL: "https://login.example.fr/", Error: check.Text{EN: "connection refused", FR: "connexion refusée"}, ErrorKind: "refused"}
			e.TLS = web.TLS{Attempted: true, Error: check.Text{EN: "connection refused", FR: "connexion refusée"}}
		}),
		site("https://old.example.fr", func(e *web.Evidence) {
			e.HTTP.Hops = []web.Hop{{URL: "http://shop.example.fr/", Status: 200}}
			e.HTTP.Body = []byte("<html>hello</html>")
			e.TLS.Leaf.NotAfter = t0.AddDate(0, 0, -12)
			e.HTTPS.Headers = nil
		}),
		site("https://gone.example.fr", func(e *web.Evidence) {
			e.HTTP = web.Probe{URL: "http://gone.example.fr/", Error: check.Text{EN: "host name does not resolve", FR: "le nom d'hôte ne se résout pas"}, ErrorKind: "dns"}
			e.HTTPS = web.Probe{URL: "https://gone.example.fr/", Error: check.Text{EN: "host name does not resolve", FR: "le nom d'hôte ne se résout pas"}, ErrorKind: "dns"}
			e.TLS = web.TLS{Attempted: true, Error: check.Text{EN: "host name does not resolve", FR: "le nom d'hôte ne se résout pas"}}
		}),
	}
	eng, err := engine.New(engine.WithClock(func() time.Time { return t0 }), engine.WithScanID(func() string { return "00000000-test-scan" }),
		engine.WithVersion("0.1.0-test"), engine.WithConcurrency(2))
	if err != nil {
		t.Fatal(err)
	}
	r, err := eng.Run(context.Background(), units, nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/report -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from golden file; rerun with -update if the change is intended.\ngot:\n%s", name, got)
	}
}

func render(t *testing.T, w report.Writer, r report.Report) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := w.Write(context.Background(), &b, r); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestJSONGolden(t *testing.T) {
	r := sample(t)
	out := render(t, report.JSON{}, r)
	golden(t, "report.golden.json", out)

	var back map[string]any
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"schema_version", "scan_id", "tool", "started_at", "finished_at", "interrupted", "targets", "findings", "checks", "scores"} {
		if _, ok := back[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
}

func TestVerdictsInSample(t *testing.T) {
	r := sample(t)
	want := map[string]check.Grade{"https://shop.example.fr": "A+", "http://login.example.fr": "F", "https://old.example.fr": "F", "https://gone.example.fr": "F"}
	for _, s := range r.Scores.Targets {
		if s.Grade != want[s.Target] {
			t.Errorf("%s graded %s (%d), want %s", s.Target, s.Grade, s.Score, want[s.Target])
		}
	}
}

func TestTableGolden(t *testing.T) {
	r := sample(t)
	for _, l := range check.Langs {
		out := render(t, report.Table{Options: report.Options{Lang: l}}, r)
		golden(t, "table."+string(l)+".golden", out)
		for i, line := range strings.Split(string(out), "\n") {
			if n := utf8.RuneCountInString(line); n > 100 {
				t.Errorf("%s line %d is %d columns: %q", l, i+1, n, line)
			}
		}
		if bytes.Contains(out, []byte("\x1b[")) {
			t.Errorf("%s: colour codes without Color", l)
		}
	}
	colored := render(t, report.Table{Options: report.Options{Lang: check.EN, Color: true}}, r)
	if !bytes.Contains(colored, []byte("\x1b[31m")) {
		t.Error("Color set but no colour codes written")
	}
}

func TestWritersDoNotMutate(t *testing.T) {
	r := sample(t)
	before := render(t, report.JSON{}, r)
	render(t, report.Table{Options: report.Options{Lang: check.FR, Width: 60}}, r)
	if after := render(t, report.JSON{}, r); !bytes.Equal(before, after) {
		t.Error("a writer changed the report")
	}
}

func TestWriteFileAtomic0600(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.json")
	if err := report.WriteFile(context.Background(), path, report.JSON{}, sample(t)); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("stat = %v, %v", st, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	if err := report.WriteFile(context.Background(), filepath.Join(dir, "no", "such", "dir.json"), report.JSON{}, sample(t)); err == nil || !strings.Contains(err.Error(), "dir.json") {
		t.Errorf("error for a missing directory = %v", err)
	}
}

func TestFor(t *testing.T) {
	for _, f := range report.Formats {
		if _, err := report.For(f, report.Options{}); err != nil {
			t.Error(err)
		}
	}
	if _, err := report.For("xml", report.Options{}); err == nil {
		t.Error("unknown format accepted")
	}
}
