package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// TestDiffAndBaseline: vigie diff names what moved between two scans, and
// --baseline judges --fail-on-new against a chosen scan, not the last.
func TestDiffAndBaseline(t *testing.T) {
	var good atomic.Bool
	good.Store(true)
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if good.Load() {
			w.Header().Set("X-Content-Type-Options", "nosniff")
		}
	}))
	defer s.Close()
	db := filepath.Join(t.TempDir(), "h.db")
	scan := func(extra ...string) result {
		return vigie(t, context.Background(), nil, append([]string{"scan", "--target", s.URL, "--format", "json", "--history", db}, extra...)...)
	}
	if r := scan(); r.code != 0 {
		t.Fatalf("first scan: %+v", r)
	}
	good.Store(false)
	if r := scan(); r.code != 0 {
		t.Fatalf("second scan: %+v", r)
	}
	r := vigie(t, context.Background(), nil, "diff", "--history", db)
	if r.code != 0 || !strings.Contains(r.stdout, "WEB-HDR-001") {
		t.Fatalf("diff: code %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// Since the last scan nothing is new; since the first, the header is.
	if r := scan("--fail-on-new"); r.code != 0 {
		t.Errorf("--fail-on-new against the last scan: code %d", r.code)
	}
	if r := scan("--fail-on-new", "--baseline", "last~2"); r.code != exitThreshold || !strings.Contains(r.stderr, "--fail-on-new") {
		t.Errorf("--fail-on-new against the first scan: code %d stderr %q", r.code, r.stderr)
	}
	if r := scan("--baseline", "nope"); r.code != exitUsage {
		t.Errorf("an unknown baseline: code %d stderr %q", r.code, r.stderr)
	}
	if r := vigie(t, context.Background(), nil, "diff", "--history", filepath.Join(t.TempDir(), "none.db")); r.code != exitUsage {
		t.Errorf("diff of a missing history: code %d", r.code)
	}
}
