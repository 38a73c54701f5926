package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHistoryShow: a stored scan comes back as a report in any format, to
// stdout or to a file; a wrong ID or a missing history is exit 2.
func TestHistoryShow(t *testing.T) {
	s := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	defer s.Close()
	dir := t.TempDir()
	db := filepath.Join(dir, "h.db")
	first := vigie(t, context.Background(), nil, "scan", "--target", s.URL, "--format", "json", "--history", db)
	if first.code != 0 {
		t.Fatalf("scan: %+v", first)
	}
	want := decode(t, first.stdout)
	r := vigie(t, context.Background(), nil, "history", "show", "last", "--history", db, "--format", "json")
	if r.code != 0 {
		t.Fatalf("history show: %+v", r)
	}
	got := decode(t, r.stdout)
	if got.ScanID != want.ScanID || len(got.Findings) != len(want.Findings) || got.Scores.Overall.Score != want.Scores.Overall.Score {
		t.Errorf("history show: scan %s with %d findings, want %s with %d", got.ScanID, len(got.Findings), want.ScanID, len(want.Findings))
	}
	out := filepath.Join(dir, "r.sarif")
	if r := vigie(t, context.Background(), nil, "history", "show", want.ScanID[:8], "--history", db, "-f", "sarif", "-o", out); r.code != 0 || r.stdout != "" {
		t.Fatalf("history show -o: %+v", r)
	}
	var sarif map[string]any
	if b, err := os.ReadFile(out); err != nil || json.Unmarshal(b, &sarif) != nil || sarif["version"] != "2.1.0" {
		t.Errorf("SARIF from history: %v %v", err, sarif["version"])
	}
	if r := vigie(t, context.Background(), nil, "history", "show", "nope", "--history", db); r.code != 2 || !strings.Contains(r.stderr, "nope") {
		t.Errorf("unknown ID: %+v", r)
	}
	if r := vigie(t, context.Background(), nil, "history", "show", "last", "--history", filepath.Join(dir, "typo.db")); r.code != 2 {
		t.Errorf("missing history: %+v", r)
	}
	if _, err := os.Stat(filepath.Join(dir, "typo.db")); err == nil {
		t.Error("history show created the history it was asked to read")
	}
}
