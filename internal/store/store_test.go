package store

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

func rep(id string, at time.Time, statuses map[string]check.Status) report.Report {
	r := report.Report{ScanID: id, StartedAt: at, FinishedAt: at.Add(time.Second)}
	for _, id := range []string{"WEB-HSTS-001", "WEB-CSP-001", "WEB-TLS-001"} {
		st, ok := statuses[id]
		if !ok {
			continue
		}
		r.Findings = append(r.Findings, check.NewFinding(check.Meta{ID: id, Family: check.FamilyWeb, Severity: check.High},
			"https://shop.example.fr", check.Outcome{Status: st}))
	}
	return r
}

func TestHistoryAndDiff(t *testing.T) {
	each(t, func(t *testing.T, fresh func() string) { historyAndDiff(t, fresh()) })
}

func historyAndDiff(t *testing.T, path string) {
	ctx := context.Background()
	s := mustOpen(t, path)
	t0 := time.Date(2026, 11, 1, 3, 0, 0, 0, time.UTC)
	if _, _, err := s.Previous(ctx, t0); err != ErrNoPrevious {
		t.Fatalf("empty history: %v", err)
	}
	first := rep("scan-1", t0, map[string]check.Status{"WEB-HSTS-001": check.Fail, "WEB-CSP-001": check.Pass, "WEB-TLS-001": check.Fail})
	if err := s.Save(ctx, first); err != nil {
		t.Fatal(err)
	}
	if err := s.Save(ctx, first); err == nil || !strings.Contains(err.Error(), "saving scan scan-1") || !strings.Contains(err.Error(), "did not record") {
		t.Errorf("the same scan saved twice: %v", err)
	}
	second := rep("scan-2", t0.Add(24*time.Hour), map[string]check.Status{"WEB-HSTS-001": check.Pass, "WEB-CSP-001": check.Fail})
	prev, before, err := s.Previous(ctx, second.StartedAt)
	if err != nil || prev.ID != "scan-1" || len(before) != 3 {
		t.Fatalf("previous = %+v, %d findings, %v", prev, len(before), err)
	}
	c := Diff(prev, before, second)
	if len(c.New) != 1 || c.New[0].CheckID != "WEB-CSP-001" || c.New[0].Before != check.Pass ||
		len(c.Fixed) != 1 || c.Fixed[0].CheckID != "WEB-HSTS-001" || c.Disappeared != 1 || c.StillFailing != 0 {
		t.Fatalf("changes = %+v", c)
	}
	if err := s.Save(ctx, second); err != nil {
		t.Fatal(err)
	}
	list, err := s.List(ctx, 10)
	if err != nil || len(list) != 2 || list[0].ID != "scan-2" {
		t.Fatalf("list = %+v, %v", list, err)
	}
	if st, err := os.Stat(path); !IsPostgres(path) && (err != nil || st.Mode().Perm() != 0o600) {
		t.Errorf("history mode %v", st.Mode().Perm())
	}
	// An interrupted scan is never the baseline.
	third := rep("scan-3", t0.Add(48*time.Hour), nil)
	third.Interrupted = true
	s.Save(ctx, third)
	if prev, _, _ := s.Previous(ctx, t0.Add(72*time.Hour)); prev.ID != "scan-2" {
		t.Errorf("baseline = %s, want scan-2", prev.ID)
	}
}

func TestNotAHistoryFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(path, []byte("just some notes, not a database\n"), 0o600)
	if _, err := Open(context.Background(), path); err == nil {
		t.Fatal("a text file was accepted as a history")
	}
}

// BenchmarkSave10k: one scan of 10,000 findings saved, with its report.
func BenchmarkSave10k(b *testing.B) {
	histories := map[string]string{"sqlite": filepath.Join(b.TempDir(), "h.db")}
	if os.Getenv(pgEnv) != "" {
		histories["postgres"] = pgHistory(b)
	}
	base := rep("bench", time.Date(2026, 11, 1, 3, 0, 0, 0, time.UTC), map[string]check.Status{"WEB-HSTS-001": check.Fail})
	f := base.Findings[0]
	base.Findings = nil
	for i := range 10_000 {
		f.Target = "https://t" + strconv.Itoa(i) + ".example.fr"
		f.Fingerprint = check.Fingerprint(f.CheckID, f.Target)
		base.Findings = append(base.Findings, f)
	}
	for name, h := range histories {
		b.Run(name, func(b *testing.B) {
			ctx := context.Background()
			s, err := Open(ctx, h, WithRetention(Retention{Keep: 2}))
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			for i := 0; b.Loop(); i++ {
				r := base
				r.ScanID = "bench-" + strconv.Itoa(os.Getpid()) + "-" + strconv.Itoa(i)
				r.StartedAt = r.StartedAt.Add(time.Duration(i) * time.Second)
				if err := s.Save(ctx, r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
