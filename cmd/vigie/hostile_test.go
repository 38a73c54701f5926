package main

import (
	"context"
	"database/sql"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	_ "modernc.org/sqlite"

	"github.com/vigie-security/vigie/internal/store"
)

// TestQuerySecretNeverPrinted: a ${VAR} in a target's query string reached
// the JSON, the table and the history 54 times; it is masked everywhere now.
func TestQuerySecretNeverPrinted(t *testing.T) {
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer s.Close()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "vigie.yaml")
	os.WriteFile(cfg, []byte("web:\n  targets: [\""+s.URL+"/?token=${TOKEN}\"]\n"), 0o600)
	vars := map[string]string{"TOKEN": "q-7f3a9c-secret"}
	db := filepath.Join(dir, "history.db")
	for _, format := range []string{"json", "table"} {
		r := vigie(t, context.Background(), vars, "scan", "--config", cfg, "--format", format, "--history", db)
		if r.code > exitThreshold {
			t.Fatalf("%s: code %d: %s", format, r.code, r.stderr)
		}
		if strings.Contains(r.stdout+r.stderr, "q-7f3a9c") {
			t.Errorf("%s: the query secret is printed, at byte %d", format, strings.Index(r.stdout+r.stderr, "q-7f3a9c"))
		}
	}
	r := vigie(t, context.Background(), vars, "history", "--history", db, "--format", "json")
	if strings.Contains(r.stdout+r.stderr, "q-7f3a9c") {
		t.Errorf("history lists the query secret")
	}
	raw, _ := os.ReadFile(db)
	wal, _ := os.ReadFile(db + "-wal")
	if strings.Contains(string(raw)+string(wal), "q-7f3a9c") {
		t.Errorf("the history database holds the query secret")
	}
}

// TestReportWrittenWhenHistoryFails: the history is locked by another
// process from the moment the scan reaches the site; the report must still
// be written, and the exit says the history failed.
func TestReportWrittenWhenHistoryFails(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "history.db")
	if st, err := store.Open(context.Background(), db); err != nil {
		t.Fatal(err)
	} else {
		st.Close()
	}
	locker, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer locker.Close()
	conn, err := locker.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var once sync.Once
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		once.Do(func() {
			if _, err := conn.ExecContext(context.Background(), "BEGIN EXCLUSIVE"); err != nil {
				t.Errorf("locking the history: %v", err)
			}
		})
	}))
	defer s.Close()
	out := filepath.Join(dir, "report.json")
	r := vigie(t, context.Background(), nil, "scan", "--target", s.URL, "--format", "json", "--output", out, "--history", db)
	if r.code != exitScan || !strings.Contains(r.stderr, "history") {
		t.Errorf("code %d, stderr %q: want exit 3 naming the history", r.code, r.stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("the finished scan's report was thrown away: %v", err)
	}
	if rep := decode(t, string(data)); len(rep.Findings) != perTarget {
		t.Errorf("report has %d findings, want %d", len(rep.Findings), perTarget)
	}
}

// TestBadHistoryRefusedBeforeTheScan: a file that is not a database is
// refused with exit 2 before any request is sent.
func TestBadHistoryRefusedBeforeTheScan(t *testing.T) {
	hits := 0
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits++ }))
	defer s.Close()
	db := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(db, []byte("these are my notes, not a database\n"), 0o600)
	r := vigie(t, context.Background(), nil, "scan", "--target", s.URL, "--history", db)
	if r.code != exitUsage || !strings.Contains(r.stderr, db) || hits != 0 {
		t.Errorf("code %d, %d requests, stderr %q: want exit 2 naming %s before the scan", r.code, hits, r.stderr, db)
	}
	if data, _ := os.ReadFile(db); !strings.HasPrefix(string(data), "these are my notes") {
		t.Errorf("the file was changed")
	}
}

// TestOutputPathCheckedBeforeTheScan: -o into a missing folder fails at
// once, before any request.
func TestOutputPathCheckedBeforeTheScan(t *testing.T) {
	hits := 0
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits++ }))
	defer s.Close()
	out := filepath.Join(t.TempDir(), "missing", "r.json")
	r := vigie(t, context.Background(), nil, "scan", "--target", s.URL, "-o", out)
	if r.code != exitUsage || !strings.Contains(r.stderr, out) || hits != 0 {
		t.Errorf("code %d, %d requests, stderr %q: want exit 2 naming %s before the scan", r.code, hits, r.stderr, out)
	}
}

// TestErrorsCarryNoTerminalControls: a policy file named with an escape
// sequence must not reach the terminal raw through an error message.
func TestErrorsCarryNoTerminalControls(t *testing.T) {
	name := filepath.Join(t.TempDir(), "pol\x1b]0;owned\a\x1b[2J.yaml")
	r := vigie(t, context.Background(), nil, "password", "check", name)
	if r.code != exitUsage || strings.ContainsAny(r.stderr, "\x1b\a") {
		t.Errorf("code %d, stderr %q", r.code, r.stderr)
	}
}

// TestHistoryRetention: history_retention bounds what the history keeps.
func TestHistoryRetention(t *testing.T) {
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer s.Close()
	dir := t.TempDir()
	db := filepath.Join(dir, "history.db")
	cfg := filepath.Join(dir, "vigie.yaml")
	os.WriteFile(cfg, []byte("history: "+db+"\nhistory_retention: {scans: 2}\nweb:\n  targets: [\""+s.URL+"\"]\n"), 0o600)
	for range 3 {
		if r := vigie(t, context.Background(), nil, "scan", "--config", cfg, "--format", "json"); r.code != 0 {
			t.Fatalf("scan: %+v", r)
		}
	}
	r := vigie(t, context.Background(), nil, "history", "--history", db)
	if r.code != 0 || strings.Count(r.stdout, "\n") != 2 {
		t.Errorf("history keeps %d lines, want 2 scans:\n%s", strings.Count(r.stdout, "\n"), r.stdout)
	}
}

// TestHistoryTypoIsAnError: listing a history that does not exist used to
// create an empty one and print nothing, with exit 0.
func TestHistoryTypoIsAnError(t *testing.T) {
	db := filepath.Join(t.TempDir(), "nope.db")
	r := vigie(t, context.Background(), nil, "history", "--history", db)
	if r.code != exitUsage || !strings.Contains(r.stderr, db) {
		t.Errorf("code %d stderr %q", r.code, r.stderr)
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("%s was created", db)
	}
}

// TestOutputDirWritesEveryFormat: --format a,b,c --output-dir DIR writes one
// file per format, each private; several formats without a folder is exit 2.
func TestOutputDirWritesEveryFormat(t *testing.T) {
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer s.Close()
	dir := t.TempDir()
	r := vigie(t, context.Background(), nil, "scan", "--target", s.URL, "--format", "json,sarif,junit,markdown,csv,prometheus,html", "--output-dir", dir)
	if r.code != 0 || r.stdout != "" {
		t.Fatalf("code %d stderr %s", r.code, r.stderr)
	}
	for _, name := range []string{"vigie-report.json", "vigie-report.sarif", "vigie-report.xml", "vigie-report.md", "vigie-report.csv", "vigie-report.prom", "vigie-report.html"} {
		st, err := os.Stat(filepath.Join(dir, name))
		if err != nil || st.Mode().Perm() != 0o600 || st.Size() == 0 {
			t.Errorf("%s: %v %v", name, st, err)
		}
	}
	if r := vigie(t, context.Background(), nil, "scan", "--target", s.URL, "--format", "json,sarif"); r.code != exitUsage || !strings.Contains(r.stderr, "--output-dir") {
		t.Errorf("several formats to stdout: code %d stderr %q", r.code, r.stderr)
	}
}
