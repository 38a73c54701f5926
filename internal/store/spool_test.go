package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

// A report whose findings are kept on disk is saved as it is read, batch
// by batch: one row per fingerprint, the last one's verdict, whether its
// twin is in the same batch or an earlier one; the kept report has every
// finding.
func TestSaveReadsASpooledReport(t *testing.T) {
	each(t, func(t *testing.T, fresh func() string) {
		ctx := context.Background()
		s := mustOpen(t, fresh())
		fs := make([]check.Finding, 1200)
		for i := range fs {
			fs[i] = check.NewFinding(check.Meta{ID: "WEB-HSTS-001", Family: check.FamilyWeb, Severity: check.High},
				fmt.Sprintf("https://%d.example.fr", i), check.Outcome{Status: check.Pass, Evidence: map[string]any{"n": i}})
		}
		fs[10].Fingerprint, fs[10].Status = fs[3].Fingerprint, check.Fail   // in the same batch
		fs[900].Fingerprint, fs[900].Status = fs[5].Fingerprint, check.Fail // in a later batch
		sp, err := report.NewSpool(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		defer sp.Close()
		if err := sp.Put(0, fs[:600]); err != nil {
			t.Fatal(err)
		}
		if err := sp.Put(1, fs[600:]); err != nil {
			t.Fatal(err)
		}
		at := time.Date(2026, 11, 1, 3, 0, 0, 0, time.UTC)
		r := report.Report{ScanID: "spooled", StartedAt: at, FinishedAt: at}.WithSpool(sp)
		if err := s.Save(ctx, r); err != nil {
			t.Fatal(err)
		}
		_, before, err := s.Previous(ctx, at.Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if len(before) != 1198 || before[fs[3].Fingerprint].Status != check.Fail || before[fs[5].Fingerprint].Status != check.Fail {
			t.Errorf("%d rows; twins %s and %s, want 1198 rows and FAIL twice", len(before),
				before[fs[3].Fingerprint].Status, before[fs[5].Fingerprint].Status)
		}
		back, err := s.Load(ctx, "spooled")
		if err != nil {
			t.Fatal(err)
		}
		if len(back.Findings) != 1200 || back.Findings[1199].Evidence["n"] != float64(1199) {
			t.Errorf("kept %d findings (last evidence %v), want 1200 with evidence", len(back.Findings), back.Findings[len(back.Findings)-1].Evidence)
		}
	})
}
