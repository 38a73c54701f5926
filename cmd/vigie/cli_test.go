package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vigie-security/vigie/checks/contracts"
	"github.com/vigie-security/vigie/checks/leads"
	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/internal/catalog"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/config"
	"github.com/vigie-security/vigie/internal/engine"
	"github.com/vigie-security/vigie/internal/pki"
	"github.com/vigie-security/vigie/internal/report"
)

// perTarget is how many findings one web target yields: one per check.
var perTarget = len(catalog.All().Family(check.FamilyWeb))

type result struct {
	code           int
	stdout, stderr string
}

func vigie(t *testing.T, ctx context.Context, vars map[string]string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(ctx, args, env{stdout: &out, stderr: &errb, getenv: func(k string) string { return vars[k] }})
	return result{code, out.String(), errb.String()}
}

func TestVersionAndChecks(t *testing.T) {
	r := vigie(t, context.Background(), nil, "version")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "vigie ") {
		t.Fatalf("version: %+v", r)
	}
	if v := vigie(t, context.Background(), nil, "--version"); v.code != 0 || v.stdout != r.stdout {
		t.Errorf("--version: %+v, want %q", v, r.stdout)
	}
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		if c := vigie(t, context.Background(), nil, "completion", shell); c.code != 0 || !strings.Contains(c.stdout, "vigie") {
			t.Errorf("completion %s: code %d", shell, c.code)
		}
	}
	r = vigie(t, context.Background(), nil, "checks", "--format", "json")
	var metas []map[string]any
	if r.code != 0 || json.Unmarshal([]byte(r.stdout), &metas) != nil || len(metas) != len(catalog.All()) {
		t.Fatalf("checks json: code %d, %d checks, %s", r.code, len(metas), r.stderr)
	}
	if metas[0]["id"] != "WEB-HTTPS-001" || metas[0]["references"] == nil {
		t.Errorf("first check = %v", metas[0])
	}
	r = vigie(t, context.Background(), map[string]string{"LANG": "fr_FR.UTF-8"}, "checks")
	if r.code != 0 || !strings.Contains(r.stdout, "HSTS est posé") {
		t.Errorf("checks table in French from the locale: %s", r.stdout)
	}
}

// TestOneCheck: vigie checks ID prints that check whole, in the locale's
// language; a wrong ID is exit 2 with the nearest IDs.
func TestOneCheck(t *testing.T) {
	m := catalog.All()[0].Meta()
	r := vigie(t, context.Background(), nil, "checks", strings.ToLower(m.ID))
	for _, want := range []string{m.ID, m.Title.EN, m.Risk.EN, m.Remediation.EN, m.References[0].URL, "Remediation"} {
		if r.code != 0 || !strings.Contains(r.stdout, want) {
			t.Errorf("checks %s: code %d, %q missing from:\n%s", m.ID, r.code, want, r.stdout)
		}
	}
	r = vigie(t, context.Background(), map[string]string{"LANG": "fr_FR.UTF-8"}, "checks", m.ID)
	if r.code != 0 || !strings.Contains(r.stdout, m.Remediation.FR) || !strings.Contains(r.stdout, "Correction") {
		t.Errorf("checks %s in French: %s", m.ID, r.stdout)
	}
	r = vigie(t, context.Background(), nil, "checks", m.ID[:len(m.ID)-1])
	if r.code != 2 || !strings.Contains(r.stderr, "did you mean "+m.ID) {
		t.Errorf("a wrong ID: code %d, %s", r.code, r.stderr)
	}
}

// TestErrorsInFrench: an error is printed in the language of --lang or of
// the locale, even when the config that would set lang: is the error.
func TestErrorsInFrench(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "v.yaml")
	os.WriteFile(cfg, []byte("version: 1\nscan:\n  concurrency: 0\n  timout: 5s\n"), 0o600)
	fr := map[string]string{"LANG": "fr_FR.UTF-8"}
	r := vigie(t, context.Background(), fr, "scan", "-c", cfg)
	if r.code != exitUsage || !strings.Contains(r.stderr, "clé inconnue") || !strings.Contains(r.stderr, "doit valoir de 1 à") {
		t.Errorf("config errors under a French locale: %+v", r)
	}
	r = vigie(t, context.Background(), nil, "scan", "-c", cfg, "--lang", "fr")
	if !strings.Contains(r.stderr, "clé inconnue") {
		t.Errorf("config errors with --lang fr: %q", r.stderr)
	}
	if r = vigie(t, context.Background(), nil, "scan", "-c", cfg); !strings.Contains(r.stderr, "unknown key") {
		t.Errorf("config errors in English: %q", r.stderr)
	}
}

func TestUsageErrorsExit2(t *testing.T) {
	dir := t.TempDir()
	typo := filepath.Join(dir, "vigie.yaml")
	os.WriteFile(typo, []byte("web:\n  tagrets: [a.example.fr]\n"), 0o600)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"scan"}, "nothing to scan"},
		{[]string{"scan", "--config", typo}, typo + ":2:3: web.tagrets: unknown key (did you mean \"targets\"?)"},
		{[]string{"scan", "--config", filepath.Join(dir, "none.yaml")}, "none.yaml"},
		{[]string{"scan", "--target", "ftp://x.example.fr"}, "scheme"},
		{[]string{"scan", "--target", "x.example.fr", "--format", "xml"}, "xml"},
		{[]string{"scan", "--target", "x.example.fr", "--lang", "de"}, "de"},
		{[]string{"scan", "--target", "x.example.fr", "--fail-on", "severe"}, "severe"},
		{[]string{"scan", "--target", "x.example.fr", "--concurrency", "0"}, "concurrency"},
		{[]string{"scan", "--target", "x.example.fr", "--concurrency", "100000"}, "concurrency"},
		{[]string{"scan", "--target", "x.example.fr", "--timeout", "2562047h"}, "--timeout"},
		{[]string{"scan", "--target", "x.example.fr", "--rate", "NaN"}, "--rate"},
		{[]string{"scan", "--target", "x.example.fr", "--rate", "+Inf"}, "--rate"},
		{[]string{"scan", "--bogus"}, "bogus"},
		{[]string{"nope"}, "unknown command"},
	}
	for _, tc := range cases {
		r := vigie(t, context.Background(), nil, tc.args...)
		if r.code != exitUsage || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: code %d stderr %q, want 2 and %q", tc.args, r.code, r.stderr, tc.want)
		}
	}
}

func TestInit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "vigie.yaml")
	if r := vigie(t, context.Background(), nil, "init", path); r.code != 0 {
		t.Fatalf("init: %+v", r)
	}
	if _, err := config.Load(path, os.Getenv); err != nil {
		t.Fatalf("written config does not load: %v", err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode().Perm())
	}
	if r := vigie(t, context.Background(), nil, "init", path); r.code != exitUsage || !strings.Contains(r.stderr, "--force") {
		t.Errorf("second init: %+v", r)
	}
	if r := vigie(t, context.Background(), nil, "init", "--force", path); r.code != 0 {
		t.Errorf("init --force: %+v", r)
	}
	// Its comments follow --lang, or the locale.
	fr := filepath.Join(t.TempDir(), "vigie.yaml")
	if r := vigie(t, context.Background(), map[string]string{"LANG": "fr_FR.UTF-8"}, "init", fr); r.code != 0 || r.stdout+r.stderr != "" {
		t.Fatalf("init in French: %+v", r)
	}
	if b, _ := os.ReadFile(fr); !strings.Contains(string(b), "Chaque clé est facultative") {
		t.Errorf("init under a French locale wrote English comments")
	}
}

// site starts a correct HTTPS site on loopback and returns its URL and a CA file for it.
func site(t *testing.T) (string, string) {
	t.Helper()
	ca, err := pki.NewCA("cli CA", time.Now().AddDate(-1, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	cert, err := pki.Issue(ca, []string{"127.0.0.1"}, time.Now().AddDate(0, -1, 0), time.Now().AddDate(1, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	s := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; object-src 'none'; frame-ancestors 'none'")
		w.Header().Set("X-Content-Type-Options", "nosniff")
	}))
	s.TLS = pki.ServerConfig(cert)
	s.Config.ErrorLog = log.New(io.Discard, "", 0)
	s.StartTLS()
	t.Cleanup(s.Close)
	caFile := filepath.Join(t.TempDir(), "ca.pem")
	os.WriteFile(caFile, ca.PEM(), 0o600)
	return s.URL, caFile
}

func closedAddr(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	a := l.Addr().String()
	l.Close()
	return a
}

func decode(t *testing.T, s string) report.Report {
	t.Helper()
	var r report.Report
	if err := json.Unmarshal([]byte(s), &r); err != nil {
		t.Fatalf("not a JSON report: %v\n%s", err, s)
	}
	return r
}

func TestScanThresholds(t *testing.T) {
	url, caFile := site(t)
	ctx := context.Background()
	// The HTTPS side is trusted through --ca-file; port 80 on 127.0.0.1 is not ours, so
	// the plain side is given explicitly in a config as a closed port.
	cfg := filepath.Join(t.TempDir(), "vigie.yaml")
	os.WriteFile(cfg, []byte("web:\n  targets:\n    - name: good\n      http_url: http://"+closedAddr(t)+"/\n      https_url: "+url+"/\n"), 0o600)

	r := vigie(t, ctx, nil, "scan", "--config", cfg, "--ca-file", caFile, "--format", "json", "--fail-on", "low", "--fail-under", "100")
	rep := decode(t, r.stdout)
	if r.code != 0 || rep.Scores.Overall.Grade != "A+" || len(rep.Findings) != perTarget {
		t.Fatalf("good site: code %d grade %s findings %d stderr %s", r.code, rep.Scores.Overall.Grade, len(rep.Findings), r.stderr)
	}

	// Without the CA the certificate is untrusted: critical FAIL → exit 1 with --fail-on high.
	r = vigie(t, ctx, nil, "scan", "--config", cfg, "--format", "json", "--fail-on", "high")
	if r.code != exitThreshold || !strings.Contains(r.stderr, "--fail-on") {
		t.Fatalf("untrusted: code %d stderr %s", r.code, r.stderr)
	}
	// Findings alone do not fail the run.
	if r = vigie(t, ctx, nil, "scan", "--config", cfg, "--format", "json"); r.code != 0 {
		t.Fatalf("no threshold: code %d", r.code)
	}
	if r = vigie(t, ctx, nil, "scan", "--config", cfg, "--format", "json", "--fail-under", "90"); r.code != exitThreshold {
		t.Fatalf("fail-under: code %d", r.code)
	}

	// An unreachable target is reported as ERROR findings, not dropped, within
	// the timeout; when nothing at all could be checked the exit is 3, not 0,
	// and the report is still delivered.
	start := time.Now()
	r = vigie(t, ctx, nil, "scan", "--target", "http://"+closedAddr(t)+"/", "--format", "json", "--timeout", "2s")
	rep = decode(t, r.stdout)
	if r.code != exitScan || len(rep.Findings) != perTarget || rep.Findings[0].Status != "ERROR" || time.Since(start) > 20*time.Second {
		t.Fatalf("unreachable: code %d findings %+v", r.code, rep.Findings)
	}
	if !strings.Contains(r.stderr, "no target could be checked") {
		t.Errorf("unreachable: stderr %q", r.stderr)
	}
	// One reachable target among unreachable ones: the scan judged something.
	r = vigie(t, ctx, nil, "scan", "--target", "http://"+closedAddr(t)+"/", "--target", url, "--ca-file", caFile, "--format", "json", "--timeout", "2s")
	if r.code != 0 {
		t.Errorf("one target reachable: code %d, %s", r.code, r.stderr)
	}
}

func TestScanOutputFile(t *testing.T) {
	url, caFile := site(t)
	out := filepath.Join(t.TempDir(), "report.json")
	r := vigie(t, context.Background(), nil, "scan", "--target", url, "--ca-file", caFile, "--format", "json", "--output", out, "--lang", "fr")
	// Quiet on success with -o (cron mails whatever is printed): nothing on stdout or stderr.
	if r.code != 0 || r.stdout != "" || r.stderr != "" {
		t.Fatalf("%+v", r)
	}
	st, err := os.Stat(out)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("report file: %v %v", st, err)
	}
	data, _ := os.ReadFile(out)
	decode(t, string(data))
}

func TestSecretsNeverPrinted(t *testing.T) {
	url, caFile := site(t)
	cfg := filepath.Join(t.TempDir(), "vigie.yaml")
	os.WriteFile(cfg, []byte("web:\n  targets: ["+url+"]\n  headers:\n    Authorization: Bearer ${TOKEN}\n"), 0o600)
	vars := map[string]string{"TOKEN": "tok-7f3a9c-secret"}
	for _, format := range []string{"json", "table"} {
		r := vigie(t, context.Background(), vars, "scan", "--config", cfg, "--ca-file", caFile, "--format", format)
		if r.code != 0 || strings.Contains(r.stdout+r.stderr, "tok-7f3a9c") {
			t.Fatalf("%s: code %d, secret printed: %v", format, r.code, strings.Contains(r.stdout+r.stderr, "tok-7f3a9c"))
		}
	}
}

func TestScanInterruptedStillWritesReport(t *testing.T) {
	url, caFile := site(t)
	reached := make(chan struct{}, 1)
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case reached <- struct{}{}:
		default:
		}
		<-r.Context().Done()
	}))
	defer hang.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := filepath.Join(t.TempDir(), "report.json")
	// One target at a time: when the second (hanging) one is reached, the first has finished.
	go func() {
		select {
		case <-reached:
		case <-time.After(30 * time.Second):
		}
		cancel()
	}()
	r := vigie(t, ctx, nil, "scan", "--target", url, "--target", hang.URL, "--ca-file", caFile,
		"--format", "json", "--output", out, "--timeout", "60s", "--concurrency", "1")
	if r.code != exitScan || !strings.Contains(r.stderr, "interrupted") {
		t.Fatalf("code %d stderr %s", r.code, r.stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	rep := decode(t, string(data))
	if !rep.Interrupted || len(rep.Findings) != perTarget || !rep.Targets[0].Completed || rep.Targets[1].Completed {
		t.Fatalf("interrupted=%v findings=%d targets=%+v", rep.Interrupted, len(rep.Findings), rep.Targets)
	}
}

func TestDemo(t *testing.T) {
	r := vigie(t, context.Background(), nil, "demo", "--format", "json")
	rep := decode(t, r.stdout)
	pwChecks := len(password.Checks())
	// 5 contract documents, 6 inventory rows, 1 contracts folder, 2 lead sources
	ctr := 5*len(contracts.DocumentChecks()) + 6*len(contracts.InventoryChecks()) + 1
	if r.code != 0 || len(rep.Targets) != 26 || len(rep.Findings) != 9*perTarget+2*pwChecks+3+ctr+2*len(leads.All()) {
		t.Fatalf("code %d targets %d findings %d stderr %s", r.code, len(rep.Targets), len(rep.Findings), r.stderr)
	}
	r = vigie(t, context.Background(), map[string]string{"LANG": "fr_FR.UTF-8"}, "demo")
	for _, want := range []string{"demo/correct", "demo/login-over-http", "demo/no-redirect", "demo/expired-certificate", "demo/legacy-tls", "demo/weak-headers", "demo/insecure-content", "demo/exposed-files", "demo/open-elasticsearch", "demo/ad-domain-policy.txt#ad-default-domain", "COMMENT CORRIGER", "ÉCHEC",
		"demo/contracts/sous-traitants.csv#Acme Dialer", "MATRICE ARTICLE 28", "aucun contrat", "[A28-3h-audits-information] absent"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("French demo table lacks %q", want)
		}
	}
	if strings.Contains(r.stdout, "\x1b[") {
		t.Error("colour codes written to a non-terminal")
	}
}

func TestUseColor(t *testing.T) {
	none := func(string) string { return "" }
	noColor := func(k string) string { return map[string]string{"NO_COLOR": "1"}[k] }
	dumb := func(k string) string { return map[string]string{"TERM": "dumb"}[k] }
	cases := []struct {
		o      delivery
		getenv func(string) string
		tty    bool
		want   bool
	}{
		{delivery{}, none, true, true},
		{delivery{}, none, false, false},
		{delivery{}, noColor, true, false},
		{delivery{}, dumb, true, false},
		{delivery{noColor: true}, none, true, false},
		{delivery{output: "r.txt"}, none, true, false},
	}
	for i, tc := range cases {
		if got := useColor(tc.o, tc.getenv, tc.tty); got != tc.want {
			t.Errorf("case %d: useColor = %v, want %v", i, got, tc.want)
		}
	}
}

func TestPasswordCheck(t *testing.T) {
	r := vigie(t, context.Background(), nil, "password", "check", "../../testdata/password/vigie-policy.yaml", "--format", "json", "--fail-on", "high")
	rep := decode(t, r.stdout)
	if r.code != 0 || len(rep.Targets) != 2 || rep.Scores.Families[0].Family != check.FamilyPassword {
		t.Fatalf("code %d targets %d stderr %s", r.code, len(rep.Targets), r.stderr)
	}
	bad := filepath.Join(t.TempDir(), "weak.yaml")
	os.WriteFile(bad, []byte("policies:\n  - name: u\n    min_length: 6\n    storage: {algorithm: md5}\n"), 0o600)
	if r = vigie(t, context.Background(), nil, "password", "check", bad, "--fail-on", "high"); r.code != exitThreshold {
		t.Errorf("weak policy: code %d", r.code)
	}
	typo := filepath.Join(t.TempDir(), "typo.yaml")
	os.WriteFile(typo, []byte("policies:\n  - name: u\n    min_lenght: 6\n"), 0o600)
	if r = vigie(t, context.Background(), nil, "password", "check", typo); r.code != exitUsage || !strings.Contains(r.stderr, "typo.yaml:3:5") {
		t.Errorf("typo: code %d stderr %s", r.code, r.stderr)
	}
}

func TestPasswordHashes(t *testing.T) {
	csvFile := filepath.Join(t.TempDir(), "users.csv")
	os.WriteFile(csvFile, []byte("id,email,hash\n1,a@exemple.invalid,$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW\n2,b@exemple.invalid,Secret-Plain-1\n"), 0o600)
	r := vigie(t, context.Background(), nil, "password", "hashes", csvFile, "--format", "json", "--fail-on", "critical")
	if r.code != exitThreshold || strings.Contains(r.stdout, "Secret-Plain-1") || strings.Contains(r.stdout, "R9h/cIPz0gi") {
		t.Fatalf("code %d; a stored value in the output: %v", r.code, strings.Contains(r.stdout, "Secret-Plain-1"))
	}
	rep := decode(t, r.stdout)
	if len(rep.Findings) != 3 || rep.Findings[0].Status != "FAIL" {
		t.Errorf("findings %+v", rep.Findings)
	}
	// A column that is not there is exit 2 before the audit (it was an ERROR finding and exit 0).
	r = vigie(t, context.Background(), nil, "password", "hashes", csvFile, "--column", "nope", "--format", "json")
	if r.code != exitUsage || r.stdout != "" || !strings.Contains(r.stderr, `users.csv:1: no column "nope" (columns: id, email, hash)`) {
		t.Errorf("missing column: code %d stderr %q", r.code, r.stderr)
	}
}

func TestScanWithWaivers(t *testing.T) {
	url, _ := site(t) // no --ca-file: the certificate is untrusted, WEB-CERT-001 fails
	dir := t.TempDir()
	w := filepath.Join(dir, "waivers.yaml")
	os.WriteFile(w, []byte("waivers:\n  - check: WEB-CERT-001\n    statement: internal CA, distributed by GPO\n    expires: 2999-01-01\n  - check: WEB-TLS-002\n    statement: old\n    expires: 2000-01-01\n"), 0o600)
	r := vigie(t, context.Background(), nil, "scan", "--target", url, "--format", "json", "--waivers", w, "--fail-on", "critical")
	rep := decode(t, r.stdout)
	var cert check.Finding
	for _, f := range rep.Findings {
		if f.CheckID == "WEB-CERT-001" {
			cert = f
		}
	}
	if r.code != 0 || cert.Status != check.Waived || cert.Waiver == nil || cert.Waiver.Was != check.Fail {
		t.Fatalf("code %d, WEB-CERT-001 %s %+v (stderr %s)", r.code, cert.Status, cert.Waiver, r.stderr)
	}
	if !strings.Contains(r.stderr, "waivers.yaml:5: the waiver of WEB-TLS-002 expired on 2000-01-01") {
		t.Errorf("expired waiver not reported: %s", r.stderr)
	}
	r = vigie(t, context.Background(), map[string]string{"LANG": "fr_FR.UTF-8"}, "scan", "--target", url, "--format", "json", "--waivers", w)
	if !strings.HasPrefix(r.stderr, "vigie: "+w+":5: la dérogation sur WEB-TLS-002 a expiré le 2000-01-01") {
		t.Errorf("expired waiver in French: %q", r.stderr)
	}
	os.WriteFile(w, []byte("waivers:\n  - check: WEB-CERT-001\n    expires: 2999-01-01\n"), 0o600)
	if r = vigie(t, context.Background(), nil, "scan", "--target", url, "--waivers", w); r.code != exitUsage || !strings.Contains(r.stderr, "statement is required") {
		t.Errorf("waiver without statement: code %d %s", r.code, r.stderr)
	}
}

func TestHistoryReportsRegressions(t *testing.T) {
	var hsts atomic.Bool
	hsts.Store(true)
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if hsts.Load() {
			w.Header().Set("X-Content-Type-Options", "nosniff")
		}
	}))
	defer s.Close()
	db := filepath.Join(t.TempDir(), "history.db")
	args := []string{"scan", "--target", s.URL, "--format", "json", "--history", db, "--fail-on-new"}
	r := vigie(t, context.Background(), nil, args...)
	if rep := decode(t, r.stdout); r.code != 0 || rep.Changes != nil {
		t.Fatalf("first scan: code %d, changes %+v (%s)", r.code, rep.Changes, r.stderr)
	}
	hsts.Store(false) // the site loses a header between two scans
	r = vigie(t, context.Background(), nil, args...)
	rep := decode(t, r.stdout)
	if r.code != exitThreshold || rep.Changes == nil || len(rep.Changes.New) != 1 || rep.Changes.New[0].CheckID != "WEB-HDR-001" ||
		rep.Changes.New[0].Before != check.Pass || !strings.Contains(r.stderr, "--fail-on-new") {
		t.Fatalf("second scan: code %d changes %+v stderr %s", r.code, rep.Changes, r.stderr)
	}
	r = vigie(t, context.Background(), nil, "history", "--history", db)
	if r.code != 0 || strings.Count(r.stdout, "\n") != 2 {
		t.Errorf("history: code %d\n%s", r.code, r.stdout)
	}
	if r = vigie(t, context.Background(), nil, "scan", "--target", s.URL, "--fail-on-new"); r.code != exitUsage {
		t.Errorf("--fail-on-new without --history: code %d", r.code)
	}
}

func TestProgressLine(t *testing.T) {
	cases := []struct {
		p     engine.Progress
		spent time.Duration
		lang  check.Lang
		want  string
	}{
		{engine.Progress{Done: 0, Total: 40}, 2 * time.Second, check.EN, "[0/40] 0:02"},
		{engine.Progress{Done: 10, Total: 40}, 30 * time.Second, check.EN, "[10/40] 0:30, ~1:30 left"},
		{engine.Progress{Done: 1, Total: 3}, 40 * time.Minute, check.FR, "[1/3] 40:00, encore ~1:20:00"},
		{engine.Progress{Done: 3, Total: 3}, 5 * time.Second, check.EN, "[3/3] 0:05"},
	}
	for _, c := range cases {
		if got := progressLine(c.p, c.spent, c.lang); got != c.want {
			t.Errorf("progressLine(%+v, %s) = %q, want %q", c.p, c.spent, got, c.want)
		}
	}
}

// TestFrenchColonAfterAFlag: French puts a space before the colon after a
// flag name, whichever package worded the error; English does not.
func TestFrenchColonAfterAFlag(t *testing.T) {
	fr := map[string]string{"LANG": "fr_FR.UTF-8"}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"scan", "-t", "https://127.0.0.1:1/", "--fail-under", "200"}, "vigie: --fail-under : "},
		{[]string{"scan", "-t", "https://127.0.0.1:1/", "--lang", "xx"}, "vigie: --lang : "},
		{[]string{"checks", "--format", "xml"}, "vigie: --format : "},
		{[]string{"scan", "-t", "https://127.0.0.1:1/", "--output-dir", "/dev/null/x", "-f", "json,html"}, "--output-dir : "},
	} {
		r := vigie(t, context.Background(), fr, c.args...)
		if r.code != exitUsage || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: code %d, stderr %q, want %q", c.args, r.code, r.stderr, c.want)
		}
		en := strings.Replace(strings.TrimPrefix(c.want, "vigie: "), " : ", ": ", 1)
		if r := vigie(t, context.Background(), nil, c.args...); r.code != exitUsage || !strings.Contains(r.stderr, en) {
			t.Errorf("%v in English: code %d, stderr %q, want %q", c.args, r.code, r.stderr, en)
		}
	}
}
