package scan

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/shard"
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

// vigie merge keeps the shards' findings on disk and waives them on the
// way, as a scan does: the merged report of two shards of a weak policy
// has its failure WAIVED and names the waiver that expired.
func TestMergeWaivesOnTheWay(t *testing.T) {
	dir := t.TempDir()
	p1, p2 := weakPolicy(t), weakPolicy(t)
	plan := Plan{Policies: append(p1.Policies, p2.Policies...)}
	var files []string
	for i := range 2 {
		plan.Shard = shard.Shard{Index: i, Count: 2}
		path := filepath.Join(dir, fmt.Sprintf("shard-%d.json", i))
		s := Session{Plan: plan, Spool: true, Outputs: []Output{{Writer: report.JSON{}, Path: path}}}
		res, err := s.Run(context.Background(), nil)
		if err != nil {
			t.Fatal(err)
		}
		res.Report.Close()
		files = append(files, path)
	}
	waivers := filepath.Join(dir, "w.yaml")
	body := "waivers:\n  - check: PWD-CNIL-001\n    statement: accepted\n    expires: 2999-01-01\n" +
		"  - check: PWD-CNIL-002\n    statement: old\n    expires: 2001-01-01\n"
	if err := os.WriteFile(waivers, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	s := Session{WaiverFile: waivers, Spool: true, Outputs: []Output{{Writer: report.JSON{}, Stdout: &out}}}
	res, err := s.Merge(context.Background(), files)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Report.Close()
	if !res.Report.Spooled() || len(res.Report.Targets) != 2 {
		t.Fatalf("spooled %v, %d targets", res.Report.Spooled(), len(res.Report.Targets))
	}
	waived := 0
	for f := range res.Report.Verdicts() {
		if f.CheckID == "PWD-CNIL-001" && f.Status == check.Waived {
			waived++
		}
	}
	if waived != 2 || strings.Count(out.String(), `"status": "WAIVED"`) != 2 || len(res.Expired) != 1 {
		t.Errorf("%d waived, %d in the written report, expired %v", waived, strings.Count(out.String(), `"status": "WAIVED"`), res.Expired)
	}
	if _, err := s.Merge(context.Background(), []string{filepath.Join(dir, "none-*.json")}); !errors.As(err, new(*PrepareError)) {
		t.Errorf("no report to merge: %v, want a PrepareError", err)
	}
}

// Waivers are judged when the scan starts, whether findings are waived on
// their way to disk or all at the end: one that expires during the scan
// applies to it, in both.
func TestWaiversJudgedAtTheScansStart(t *testing.T) {
	start := time.Date(2026, 12, 1, 23, 0, 0, 0, time.UTC)
	waivers := filepath.Join(t.TempDir(), "w.yaml")
	body := "waivers:\n  - check: PWD-CNIL-001\n    statement: until midnight\n    expires: 2026-12-02\n"
	if err := os.WriteFile(waivers, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, spool := range []bool{false, true} {
		calls := 0
		clock := func() time.Time { // the scan takes two hours
			calls++
			if calls == 1 {
				return start
			}
			return start.Add(2 * time.Hour)
		}
		s := Session{Plan: weakPolicy(t), Now: clock, WaiverFile: waivers, Spool: spool, Outputs: []Output{{Writer: report.JSON{}, Stdout: io.Discard}}}
		res, err := s.Run(context.Background(), nil)
		if err != nil {
			t.Fatal(err)
		}
		if st := status(res.Report.InMemory(), "PWD-CNIL-001"); st != check.Waived || len(res.Expired) != 0 {
			t.Errorf("spool %v: PWD-CNIL-001 %s, expired %v", spool, st, res.Expired)
		}
		res.Report.Close()
	}
}

// A target name a shard file carries with a terminal control is cleaned by
// the merge, kept on disk or in memory alike, and still heads its findings.
func TestMergeScrubsTargetNames(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "shard.json")
	s := Session{Plan: weakPolicy(t), Outputs: []Output{{Writer: report.JSON{}, Path: path}}}
	res, err := s.Run(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	name := res.Report.Targets[0].Name
	res.Report.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	quoted, _ := json.Marshal(name)
	evil, _ := json.Marshal(name + "\x1b[31m")
	if err := os.WriteFile(path, bytes.ReplaceAll(b, quoted, evil), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, spool := range []bool{true, false} {
		var out bytes.Buffer
		m := Session{Spool: spool, Outputs: []Output{{Writer: report.Table{}, Stdout: &out}}}
		res, err := m.Merge(context.Background(), []string{path})
		if err != nil {
			t.Fatal(err)
		}
		names := []string{res.Report.Targets[0].Name}
		for _, st := range res.Report.Scores.Targets {
			names = append(names, st.Target)
		}
		for f := range res.Report.Verdicts() {
			names = append(names, f.Target)
		}
		res.Report.Close()
		for _, n := range names {
			if n != names[0] || strings.Contains(n, "\x1b") {
				t.Errorf("spool %v: names %q", spool, names)
				break
			}
		}
		if strings.Contains(out.String(), "\x1b") || strings.Contains(out.String(), "not finished") {
			t.Errorf("spool %v: table:\n%s", spool, out.String())
		}
	}
}
