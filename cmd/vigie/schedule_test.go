package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

// TestScheduleOnceNotifiesARegression: two `vigie schedule --once` runs
// with a history; the site loses a header in between, and the webhook gets
// one regression naming the check, with no evidence.
func TestScheduleOnceNotifiesARegression(t *testing.T) {
	var good atomic.Bool
	good.Store(true)
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if good.Load() {
			w.Header().Set("X-Content-Type-Options", "nosniff")
		}
	}))
	defer site.Close()
	var mu sync.Mutex
	var posts []string
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		posts = append(posts, string(body))
		mu.Unlock()
	}))
	defer hook.Close()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "vigie.yaml")
	os.WriteFile(cfg, []byte("history: "+filepath.Join(dir, "h.db")+"\nweb:\n  targets: [\""+site.URL+"\"]\n"+
		"schedule:\n  cron: \"@daily\"\n  webhook:\n    url: ${HOOK}\n    notify_on: [regression]\n    severity: low\n"), 0o600)
	vars := map[string]string{"HOOK": hook.URL + "/secret-path-7f3a"}
	args := []string{"schedule", "--once", "-c", cfg, "--output-dir", filepath.Join(dir, "reports"), "-f", "json"}
	// Quiet on success for cron: nothing on stdout or stderr.
	if r := vigie(t, context.Background(), vars, args...); r.code != 0 || r.stdout+r.stderr != "" {
		t.Fatalf("first run: code %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	good.Store(false)
	r := vigie(t, context.Background(), vars, append(args, "-q")...)
	if r.code != 0 || r.stdout+r.stderr != "" {
		t.Fatalf("second run: code %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(posts) != 1 {
		t.Fatalf("%d webhook posts, want 1 (the regression): %v", len(posts), posts)
	}
	var p map[string]any
	if err := json.Unmarshal([]byte(posts[0]), &p); err != nil || !strings.Contains(posts[0], "WEB-HDR-001") || strings.Contains(posts[0], "evidence") {
		t.Errorf("payload %v: %s", err, posts[0])
	}
	if _, err := os.Stat(filepath.Join(dir, "reports", "vigie-report.json")); err != nil {
		t.Errorf("the run's report: %v", err)
	}
	if r := vigie(t, context.Background(), nil, "schedule", "-t", site.URL, "--cron", "61 * * * *"); r.code != exitUsage {
		t.Errorf("a bad cron expression: code %d", r.code)
	}
}

// TestScheduleOnceUndeliveredWebhook: a webhook that cannot be reached is
// exit 3, said once (not by the log and again at exit).
func TestScheduleOnceUndeliveredWebhook(t *testing.T) {
	site := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	defer site.Close()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "vigie.yaml")
	os.WriteFile(cfg, []byte("history: "+filepath.Join(dir, "h.db")+"\nweb:\n  targets: [\""+site.URL+"\"]\n"+
		"schedule:\n  webhook:\n    url: ${HOOK}\n    notify_on: [run]\n    attempts: 1\n"), 0o600)
	r := vigie(t, context.Background(), map[string]string{"LANG": "fr_FR.UTF-8", "HOOK": "http://" + closedAddr(t) + "/hook"}, "schedule", "--once", "-c", cfg, "-o", filepath.Join(dir, "r.json"), "-f", "json")
	if r.code != exitScan || strings.Count(r.stderr, "webhook") != 1 || !strings.Contains(r.stderr, "non livré") || r.stdout != "" {
		t.Errorf("code %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

func TestRoutineLogLines(t *testing.T) {
	if !routine(check.Text{EN: "run finished in 214ms: score 34/100 (F)"}) || routine(check.Text{EN: "run failed after 2s: boom"}) ||
		routine(check.Text{EN: "webhook not delivered: refused"}) {
		t.Error("routine() sorts the log lines wrongly")
	}
}

// TestScheduleDryRunDates: the next runs are dated as their reader writes
// dates, following --lang.
func TestScheduleDryRunDates(t *testing.T) {
	args := []string{"schedule", "--dry-run", "-t", "https://127.0.0.1:1/", "--cron", "30 2 * * *", "--timezone", "Europe/Paris"}
	r := vigie(t, context.Background(), nil, append(args, "--lang", "fr")...)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if r.code != 0 || len(lines) != 5 || !strings.Contains(lines[0], " 02:30 ") || !strings.ContainsAny(lines[0][:1], "ldjmvs") {
		t.Errorf("French dry run: code %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	r = vigie(t, context.Background(), nil, args...)
	if lines := strings.Split(strings.TrimSpace(r.stdout), "\n"); r.code != 0 || len(lines) != 5 || !strings.HasSuffix(lines[0], " 02:30 CET") && !strings.HasSuffix(lines[0], " 02:30 CEST") {
		t.Errorf("English dry run: code %d, stdout %q", r.code, r.stdout)
	}
}

// TestScheduleOnceJudgedNothing: a run whose every target is unreachable
// judged nothing: exit 3, as vigie scan, not a clean bill for cron.
func TestScheduleOnceJudgedNothing(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "vigie.yaml")
	os.WriteFile(cfg, []byte("history: "+filepath.Join(dir, "h.db")+"\nweb:\n  targets: [\"http://"+closedAddr(t)+"/\"]\n"), 0o600)
	r := vigie(t, context.Background(), nil, "schedule", "--once", "-c", cfg, "-o", filepath.Join(dir, "r.json"), "-f", "json")
	if r.code != exitScan || strings.Count(r.stderr, "no target could be checked") != 1 {
		t.Errorf("code %d, stderr %q", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "r.json")); err != nil {
		t.Errorf("the run's report: %v", err)
	}
}
