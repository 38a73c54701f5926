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
	if r := vigie(t, context.Background(), vars, args...); r.code != 0 {
		t.Fatalf("first run: code %d %s", r.code, r.stderr)
	}
	good.Store(false)
	r := vigie(t, context.Background(), vars, args...)
	if r.code != 0 || strings.Contains(r.stdout+r.stderr, "secret-path-7f3a") {
		t.Fatalf("second run: code %d, stderr %q", r.code, r.stderr)
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
