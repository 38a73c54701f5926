package demo

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/engine"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/scan"
)

// The demo scanned with its findings kept on disk (as vigie scan and vigie
// demo do) delivers the report of the same scan kept in memory, byte for
// byte: scrubbing, waivers and scores on the way in are those applied after.
func TestSpooledScanIsTheSameReport(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	lab, err := Start(now)
	if err != nil {
		t.Fatal(err)
	}
	defer lab.Close()
	waivers := filepath.Join(t.TempDir(), "waivers.yaml")
	body := "waivers:\n  - check: WEB-HSTS-001\n    statement: accepted for the test\n    expires: 2027-01-01\n" +
		"  - check: PWD-CNIL-001\n    statement: gone\n    expires: 2026-01-01\n"
	if err := os.WriteFile(waivers, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	deliver := func(spool bool) ([]byte, scan.Result) {
		plan, err := lab.Plan(func() time.Time { return now })
		if err != nil {
			t.Fatal(err)
		}
		plan.Engine = append(plan.Engine, engine.WithScanID(func() string { return "spool-test" }))
		var out bytes.Buffer
		s := scan.Session{Plan: plan, Now: func() time.Time { return now }, WaiverFile: waivers, Spool: spool, SpoolDir: t.TempDir(),
			Outputs: []scan.Output{{Writer: report.JSON{}, Stdout: &out}}}
		res, err := s.Run(context.Background(), nil)
		if err != nil {
			t.Fatal(err)
		}
		return out.Bytes(), res
	}
	want, mem := deliver(false)
	got, disk := deliver(true)
	defer disk.Report.Close()
	if !disk.Report.Spooled() || len(disk.Report.Findings) != 0 {
		t.Fatalf("the findings were not kept on disk (%d in memory)", len(disk.Report.Findings))
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the spooled scan's report differs:\n%s", firstDifference(got, want))
	}
	if len(disk.Expired) != 1 || len(mem.Expired) != 1 {
		t.Errorf("expired waivers: %v on disk, %v in memory", disk.Expired, mem.Expired)
	}
	if !bytes.Contains(got, []byte(`"status": "WAIVED"`)) {
		t.Error("no finding was waived on the way in")
	}
}

func firstDifference(a, b []byte) string {
	al, bl := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := range min(len(al), len(bl)) {
		if !bytes.Equal(al[i], bl[i]) {
			return fmt.Sprintf("line %d:\n  got  %s\n  want %s", i+1, al[i], bl[i])
		}
	}
	return "lengths differ"
}
