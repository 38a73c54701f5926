package store

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

// oldHistory copies testdata/history-v0.db, written by the store before
// the demo marker (two scans, old-scan-1 FAIL then old-scan-2 PASS, on
// 2026-11-01 and 02), to a file of its own.
func oldHistory(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "history-v0.db"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "old.db")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func hasDemoColumn(t *testing.T, path string) bool {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT COUNT(*) FROM pragma_table_info('scans') WHERE name = 'demo'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n > 0
}

func TestUpgradeOldSchema(t *testing.T) {
	ctx := context.Background()
	path := oldHistory(t)
	if hasDemoColumn(t, path) {
		t.Fatal("testdata/history-v0.db already has the demo column")
	}
	// Two vigie opening the old file at once: one upgrades, the other waits and finds it done.
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := Open(ctx, path)
			if err == nil {
				err = s.Close()
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatalf("opening an old history: %v", err)
		}
	}
	if !hasDemoColumn(t, path) {
		t.Fatal("the old history was not upgraded")
	}
	s := mustOpen(t, path)
	if err := Check(ctx, path); err != nil {
		t.Errorf("Check on the upgraded history: %v", err)
	}
	l, err := s.List(ctx, 10)
	if err != nil || len(l) != 2 || l[0].ID != "old-scan-2" || l[0].Demo || l[1].Demo {
		t.Fatalf("old scans after the upgrade: %+v, %v", l, err)
	}
	if r, err := s.Load(ctx, "old-scan-1"); err != nil || len(r.Findings) != 1 || r.Findings[0].Status != check.Fail {
		t.Errorf("old scan loaded: %+v, %v", r, err)
	}
	at := time.Date(2026, 11, 3, 3, 0, 0, 0, time.UTC)
	if err := s.Save(ctx, rep("new-demo", at, map[string]check.Status{"WEB-HSTS-001": check.Fail}), WithDemo(true)); err != nil {
		t.Fatal(err)
	}
	if prev, before, err := s.Previous(ctx, at.Add(time.Hour)); err != nil || prev.ID != "old-scan-2" || before[check.Fingerprint("WEB-HSTS-001", "https://shop.example.fr")] != check.Pass {
		t.Errorf("a real scan's previous after a demo: %+v %v", prev, err)
	}
}

// TestUpgradeWaitsForWriters: the upgrade takes the write lock; while
// another program writes, Open says the history is locked and leaves the
// old schema as it was, and a later Open upgrades it.
func TestUpgradeWaitsForWriters(t *testing.T) {
	ctx := context.Background()
	path := oldHistory(t)
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`INSERT INTO scans VALUES ('lock', 'x', 'x', 0, 'F', 0, x'')`); err != nil { // holds the write lock
		t.Fatal(err)
	}
	if _, err := Open(ctx, path, WithBusyTimeout(100*time.Millisecond)); err == nil || !strings.Contains(err.Error(), "locked") {
		t.Fatalf("upgrading a history another program was writing: %v", err)
	}
	tx.Rollback()
	if hasDemoColumn(t, path) {
		t.Fatal("the upgrade went ahead without the lock")
	}
	s := mustOpen(t, path)
	if l, err := s.List(ctx, 10); err != nil || len(l) != 2 {
		t.Errorf("after a failed then a good upgrade: %+v %v", l, err)
	}
}

func TestDemoScansApart(t *testing.T) {
	each(t, func(t *testing.T, fresh func() string) {
		ctx := context.Background()
		s := mustOpen(t, fresh())
		t0 := time.Date(2026, 11, 1, 3, 0, 0, 0, time.UTC)
		fail := map[string]check.Status{"WEB-HSTS-001": check.Fail}
		for i, sc := range []struct {
			id   string
			demo bool
		}{{"real-1", false}, {"demo-1", true}, {"demo-2", true}, {"real-2", false}, {"demo-3", true}} {
			if err := s.Save(ctx, rep(sc.id, t0.Add(time.Duration(i)*time.Hour), fail), WithDemo(sc.demo)); err != nil {
				t.Fatal(err)
			}
		}
		l, err := s.List(ctx, 10)
		if err != nil || len(l) != 5 || l[0].ID != "demo-3" || !l[0].Demo || l[1].Demo {
			t.Fatalf("list: %+v %v", l, err)
		}
		later := t0.Add(24 * time.Hour)
		if prev, _, err := s.Previous(ctx, later); err != nil || prev.ID != "real-2" || prev.Demo {
			t.Errorf("real previous: %+v %v", prev, err)
		}
		if prev, _, err := s.Previous(ctx, later, WithDemo(true)); err != nil || prev.ID != "demo-3" || !prev.Demo {
			t.Errorf("demo previous: %+v %v", prev, err)
		}
		if _, _, err := s.Previous(ctx, t0.Add(30*time.Minute), WithDemo(true)); err != ErrNoPrevious {
			t.Errorf("a demo scan compared with a real one: %v", err)
		}
		if from, to, err := s.DefaultPair(ctx); err != nil || from != "demo-2" || to != "demo-3" {
			t.Errorf("default pair: %s %s %v", from, to, err)
		}
	})
}
