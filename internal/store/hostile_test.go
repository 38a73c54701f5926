package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

func TestHistoryNameIsAFileName(t *testing.T) {
	ctx := context.Background()
	t0 := time.Date(2026, 11, 1, 3, 0, 0, 0, time.UTC)
	for _, name := range []string{"scan#1.db", "a?b.db", "a%20b.db", "a b&c=d.db", "été.db"} {
		dir := t.TempDir()
		path := filepath.Join(dir, name)
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := s.Save(ctx, rep("scan-1", t0, map[string]check.Status{"WEB-HSTS-001": check.Fail})); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if !strings.HasPrefix(e.Name(), name) {
				t.Errorf("%s: SQLite wrote %q instead", name, e.Name())
			}
			if fi, _ := e.Info(); fi.Mode().Perm() != 0o600 {
				t.Errorf("%s: %s has mode %v", name, e.Name(), fi.Mode().Perm())
			}
		}
		s.Close()
		s, err = Open(ctx, path)
		if err != nil {
			t.Fatalf("%s reopened: %v", name, err)
		}
		if l, err := s.List(ctx, 10); err != nil || len(l) != 1 {
			t.Errorf("%s reopened: %v %v", name, l, err)
		}
		s.Close()
	}
}

func TestCheckNotADatabase(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	notes := filepath.Join(dir, "notes.txt")
	os.WriteFile(notes, []byte(strings.Repeat("just some notes, not a database\n", 200)), 0o600)
	err := Check(ctx, notes)
	var se *Error
	if err == nil || !strings.Contains(err.Error(), notes) || !strings.Contains(err.Error(), "not a vigie history") ||
		!errors.As(err, &se) || !strings.Contains(se.In(check.FR), "pas un historique vigie") {
		t.Errorf("text file: %v", err)
	}
	if b, _ := os.ReadFile(notes); !strings.HasPrefix(string(b), "just some notes") {
		t.Errorf("Check changed the file")
	}
	// Another program's SQLite file is not a history either.
	other := filepath.Join(dir, "other.db")
	db, _ := sql.Open("sqlite", other)
	db.Exec(`CREATE TABLE scans (x INTEGER)`)
	db.Close()
	if err := Check(ctx, other); err == nil || !strings.Contains(err.Error(), "not a vigie history") {
		t.Errorf("foreign database: %v", err)
	}
	if err := Check(ctx, dir); err == nil || !strings.Contains(err.Error(), dir) {
		t.Errorf("folder: %v", err)
	}
	fresh := filepath.Join(dir, "new.db")
	if err := Check(ctx, fresh); err != nil {
		t.Errorf("new file: %v", err)
	}
	if fi, err := os.Stat(fresh); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("new file: %v %v", fi, err)
	}
}

func TestCheckLocked(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "history.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	err = Check(ctx, path, WithBusyTimeout(200*time.Millisecond))
	if err == nil || !strings.Contains(err.Error(), "locked") || !strings.Contains(err.Error(), path) {
		t.Errorf("locked history: %v", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("waited %v for a 200ms busy timeout", d)
	}
	conn.ExecContext(ctx, `ROLLBACK`)
	conn.Close()
	if err := Check(ctx, path, WithBusyTimeout(200*time.Millisecond)); err != nil {
		t.Errorf("unlocked history: %v", err)
	}
}

func TestRetention(t *testing.T) { each(t, retention) }

func retention(t *testing.T, fresh func() string) {
	ctx := context.Background()
	if DefaultRetention.Keep != 1000 || DefaultRetention.MaxAge != 400*24*time.Hour {
		t.Errorf("default retention %+v differs from the documented one", DefaultRetention)
	}
	t0 := time.Date(2026, 1, 1, 3, 0, 0, 0, time.UTC)
	all := map[string]check.Status{"WEB-HSTS-001": check.Fail, "WEB-CSP-001": check.Pass}
	count := func(s *Store, table string) (n int) {
		s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+table).Scan(&n)
		return n
	}
	s := mustOpen(t, fresh(), WithRetention(Retention{Keep: 3}))
	for i := range 5 {
		// Sub-second starts: fixed-width times keep them in order.
		at := t0.Add(time.Duration(i) * 300 * time.Millisecond)
		if err := s.Save(ctx, rep("scan-"+string(rune('a'+i)), at, all)); err != nil {
			t.Fatal(err)
		}
	}
	l, _ := s.List(ctx, 10)
	if len(l) != 3 || l[0].ID != "scan-e" || l[2].ID != "scan-c" {
		t.Errorf("kept %+v, want the 3 newest", l)
	}
	if n := count(s, "findings"); n != 6 {
		t.Errorf("%d findings kept, want 6 (3 scans × 2)", n)
	}

	s2 := mustOpen(t, fresh(), WithRetention(Retention{MaxAge: 250 * 24 * time.Hour}))
	for i := range 4 { // every 100 days
		if err := s2.Save(ctx, rep("scan-"+string(rune('a'+i)), t0.Add(time.Duration(i)*100*24*time.Hour), all)); err != nil {
			t.Fatal(err)
		}
	}
	if l, _ := s2.List(ctx, 10); len(l) != 3 || l[2].ID != "scan-b" {
		t.Errorf("kept %+v, want the scans of the last 250 days", l)
	}
	if n, err := s2.Prune(ctx, Retention{Keep: 1}); n != 2 || err != nil || count(s2, "scans") != 1 || count(s2, "findings") != 2 {
		t.Errorf("Prune: %d, %v", n, err)
	}
}

func TestEvidenceCapped(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "h.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := rep("scan-1", time.Date(2026, 11, 1, 3, 0, 0, 0, time.UTC), map[string]check.Status{"WEB-HSTS-001": check.Fail, "WEB-CSP-001": check.Pass})
	cookies := make([]string, 100_000)
	for i := range cookies {
		cookies[i] = "session_cookie_name"
	}
	r.Findings[0].Evidence = map[string]any{"cookies": cookies, "count": len(cookies)}
	r.Findings[1].Evidence = map[string]any{"header": "max-age=0"}
	if err := s.Save(ctx, r); err != nil {
		t.Fatal(err)
	}
	if len(r.Findings[0].Evidence["cookies"].([]string)) != len(cookies) {
		t.Fatal("Save changed the caller's report")
	}
	var blob []byte
	if err := s.db.QueryRowContext(ctx, `SELECT report FROM scans`).Scan(&blob); err != nil {
		t.Fatal(err)
	}
	if len(blob) > 64<<10 {
		t.Errorf("history keeps %d bytes for two findings", len(blob))
	}
	var back struct {
		Findings []struct {
			Evidence map[string]json.RawMessage `json:"evidence"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(blob, &back); err != nil {
		t.Fatal(err)
	}
	ev := back.Findings[0].Evidence
	if b, _ := json.Marshal(ev); len(b) > MaxEvidence || ev[CutKey] == nil || string(ev["count"]) != "100000" || ev["cookies"] != nil {
		t.Errorf("cut evidence: %d bytes, %.300s", len(b), b)
	}
	if string(back.Findings[1].Evidence["header"]) != `"max-age=0"` || back.Findings[1].Evidence[CutKey] != nil {
		t.Errorf("small evidence changed: %v", back.Findings[1].Evidence)
	}
}

func TestHugeReportKeptWithoutEvidence(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "h.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	defer func(m int) { MaxReport = m }(MaxReport)
	MaxReport = 64 << 10
	r := rep("scan-1", time.Date(2026, 11, 1, 3, 0, 0, 0, time.UTC), map[string]check.Status{"WEB-HSTS-001": check.Fail})
	f := r.Findings[0]
	for i := range 100 { // 100 findings of 3 KiB of evidence each: under MaxEvidence, over MaxReport together
		f.Target = "https://t" + strconv.Itoa(i) + ".example.fr"
		f.Fingerprint = check.Fingerprint(f.CheckID, f.Target)
		f.Evidence = map[string]any{"header": strings.Repeat("h", 3<<10)}
		r.Findings = append(r.Findings, f)
	}
	if err := s.Save(ctx, r); err != nil {
		t.Fatal(err)
	}
	var blob []byte
	var findings int
	s.db.QueryRowContext(ctx, `SELECT report FROM scans`).Scan(&blob)
	s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM findings`).Scan(&findings)
	if len(blob) > MaxReport || findings != 101 {
		t.Errorf("kept %d bytes (max %d) and %d findings (want 101)", len(blob), MaxReport, findings)
	}
	if r.Findings[1].Evidence == nil {
		t.Error("Save changed the caller's findings")
	}
}
