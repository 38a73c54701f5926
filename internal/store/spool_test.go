package store

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
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
		if len(before) != 1198 || before[fs[3].Fingerprint] != check.Fail || before[fs[5].Fingerprint] != check.Fail {
			t.Errorf("%d rows; twins %s and %s, want 1198 rows and FAIL twice", len(before),
				before[fs[3].Fingerprint], before[fs[5].Fingerprint])
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

// A scan too large for the history even without evidence keeps no
// findings in its stored report; Load gives back their verdicts from the
// findings table, target by target, each saying its message was not kept.
func TestLoadTooLargeAScan(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, filepath.Join(t.TempDir(), "h.db"))
	defer func(m int) { MaxReport = m }(MaxReport)
	MaxReport = 8 << 10 // the targets fit, the findings do not
	at := time.Date(2026, 11, 1, 3, 0, 0, 0, time.UTC)
	r := report.Report{ScanID: "big", StartedAt: at, FinishedAt: at,
		Checks: []check.Meta{{ID: "WEB-HSTS-001", Family: check.FamilyWeb}, {ID: "WEB-CSP-001", Family: check.FamilyWeb}}}
	for i := range 60 {
		name := fmt.Sprintf("https://t%02d.example.fr", 59-i) // not in name order: Load keeps the report's
		r.Targets = append(r.Targets, report.Target{Name: name, Family: check.FamilyWeb, Completed: true})
		for _, id := range []string{"WEB-HSTS-001", "WEB-CSP-001"} {
			r.Findings = append(r.Findings, check.NewFinding(check.Meta{ID: id, Family: check.FamilyWeb, Severity: check.High}, name,
				check.Outcome{Status: check.Fail, Message: check.Text{EN: "missing", FR: "absent"}}))
		}
	}
	if err := s.Save(ctx, r); err != nil {
		t.Fatal(err)
	}
	var blob []byte
	s.db.QueryRowContext(ctx, `SELECT report FROM scans`).Scan(&blob)
	if len(blob) > MaxReport || strings.Contains(string(blob), "WEB-CSP-001\",\"family\":\"web\",\"status\"") {
		t.Fatalf("kept %d bytes (max %d), findings in it: %v", len(blob), MaxReport, strings.Contains(string(blob), `"status":"FAIL"`))
	}
	back, err := s.Load(ctx, "big")
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Findings) != 120 {
		t.Fatalf("%d findings back, want 120", len(back.Findings))
	}
	for i, f := range back.Findings {
		want := r.Findings[i]
		if f.Target != want.Target || f.CheckID != want.CheckID || f.Status != check.Fail || f.Family != check.FamilyWeb || f.Message.FR == "" {
			t.Fatalf("finding %d = %+v, want %s %s", i, f, want.Target, want.CheckID)
		}
	}

	// Even the targets do not fit: the scan's own figures are kept, the
	// targets come back from the findings, by name.
	MaxReport = 2 << 10
	r.ScanID = "bigger"
	if err := s.Save(ctx, r); err != nil {
		t.Fatal(err)
	}
	back, err = s.Load(ctx, "bigger")
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Findings) != 120 || len(back.Targets) != 60 || back.Targets[0].Name != "https://t00.example.fr" || back.Findings[1].Target != "https://t00.example.fr" {
		t.Fatalf("%d findings, %d targets, first %+v", len(back.Findings), len(back.Targets), back.Targets[0])
	}
}
