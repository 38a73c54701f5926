package scan

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

// With no writable temporary folder (a container with a read-only root),
// the findings go to the output's folder; with none at all, they stay in
// memory, the scan is delivered whole, and a note says why.
func TestSpoolWithoutATemporaryFolder(t *testing.T) {
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "missing"))
	out := t.TempDir()
	s := Session{Plan: weakPolicy(t), Spool: true, Outputs: []Output{{Writer: report.JSON{}, Path: filepath.Join(out, "r.json")}}}
	res, err := s.Run(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Report.Close()
	if !res.Report.Spooled() || len(res.Notes) != 0 {
		t.Errorf("spooled %v, notes %v: the output's folder should hold the findings", res.Report.Spooled(), res.Notes)
	}
	if left, _ := os.ReadDir(out); len(left) != 1 {
		t.Errorf("the output folder holds %v, want the report alone", left)
	}

	var stdout bytes.Buffer
	s = Session{Plan: weakPolicy(t), Spool: true, Outputs: []Output{{Writer: report.JSON{}, Stdout: &stdout}}}
	res, err = s.Run(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Report.Spooled() || len(res.Report.Findings) == 0 || !strings.Contains(stdout.String(), `"check_id"`) {
		t.Errorf("in memory: spooled %v, %d findings", res.Report.Spooled(), len(res.Report.Findings))
	}
	if len(res.Notes) != 1 || !strings.Contains(res.Notes[0].EN, "TMPDIR") || !strings.Contains(res.Notes[0].In(check.FR), "mémoire") {
		t.Errorf("notes = %v", res.Notes)
	}

	s.SpoolDir = filepath.Join(t.TempDir(), "nope")
	if _, err := s.Run(context.Background(), nil); err == nil {
		t.Error("a spool folder asked for and missing is no error")
	}
}
