package scan

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/engine"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/store"
)

// weakPolicy makes a plan whose only unit is a policy that fails
// PWD-CNIL-001 (8 characters, nothing else): no network involved.
func weakPolicy(t *testing.T) Plan {
	t.Helper()
	file := filepath.Join(t.TempDir(), "policy.yaml")
	if err := os.WriteFile(file, []byte("version: 1\npolicies:\n  - name: users\n    min_length: 8\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return Plan{Policies: []string{file}}
}

// TestSessionRunsTheWholePath: one clock, waivers applied before the
// writers, history compared and saved, thresholds from the waived report.
func TestSessionRunsTheWholePath(t *testing.T) {
	dir := t.TempDir()
	clock := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	now := func() time.Time { return clock }
	plan := weakPolicy(t)
	high := check.High

	first := Session{Plan: plan, Now: now, History: filepath.Join(dir, "h.db"), Retention: store.DefaultRetention, FailOn: &high}
	var out bytes.Buffer
	first.Outputs = []Output{{Writer: report.JSON{}, Stdout: &out}}
	res, err := first.Run(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Report.StartedAt.Equal(clock) {
		t.Errorf("the report's clock is not the session's: %v", res.Report.StartedAt)
	}
	var written report.Report
	if err := json.Unmarshal(out.Bytes(), &written); err != nil || len(written.Findings) != len(res.Report.Findings) {
		t.Fatalf("writer got %d findings (%v)", len(written.Findings), err)
	}
	failed := ""
	for _, f := range res.Report.Findings {
		if f.Status == check.Fail && f.Severity >= check.High {
			failed = f.CheckID
			break
		}
	}
	if failed == "" || len(res.Crossed) != 1 || !strings.Contains(res.Crossed[0].EN, "--fail-on") || res.Crossed[0].FR == "" {
		t.Fatalf("a high failure must cross --fail-on: failed=%q crossed=%v", failed, res.Crossed)
	}

	// A waiver for that failure: the next scan's writers and thresholds see it waived,
	// the base keeps the verdict, and the history compares with the first scan.
	waivers := filepath.Join(dir, "waivers.yaml")
	body := "waivers:\n  - check: " + failed + "\n    statement: accepted for the test\n    expires: 2027-01-01\n"
	if err := os.WriteFile(waivers, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	clock = clock.Add(time.Hour)
	second := first
	second.WaiverFile = waivers
	out.Reset()
	res, err = second.Run(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Report.Changes == nil || res.Base.Changes == nil {
		t.Errorf("the history was not compared: %+v", res.Report.Changes)
	}
	if st := status(res.Report, failed); st != check.Waived {
		t.Errorf("%s is %s in the delivered report, want WAIVED", failed, st)
	}
	if st := status(res.Base, failed); st != check.Fail {
		t.Errorf("%s is %s in the base, want FAIL", failed, st)
	}
	if !strings.Contains(out.String(), `"waiver"`) {
		t.Errorf("the writer did not get the waived report")
	}
	for _, c := range res.Crossed {
		if strings.Contains(c.EN, "--fail-on)") && strings.HasPrefix(c.EN, "1 ") {
			t.Errorf("the waived failure still counts for --fail-on: %v", res.Crossed)
		}
	}

	// Rewaive after the file changes: no waiver left, FAIL again.
	if err := os.WriteFile(waivers, []byte("waivers: []\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	again, _, err := second.Rewaive(res.Base)
	if err != nil || status(again, failed) != check.Fail || again.Changes == nil {
		t.Errorf("Rewaive: %s, changes %v, %v", status(again, failed), again.Changes != nil, err)
	}
}

// TestSessionPreparesBeforeTheScan: a bad output path, history or waiver
// file is an error before any unit runs.
func TestSessionPreparesBeforeTheScan(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.txt")
	os.WriteFile(notDB, []byte("not a database\n"), 0o600)
	badWaivers := filepath.Join(dir, "w.yaml")
	os.WriteFile(badWaivers, []byte("waivers:\n  - check: NOPE-001\n"), 0o600)
	for name, s := range map[string]Session{
		"output":  {Outputs: []Output{{Writer: report.JSON{}, Path: filepath.Join(dir, "missing", "r.json")}}},
		"history": {History: notDB},
		"waivers": {WaiverFile: badWaivers},
	} {
		ran := false
		s.Plan = weakPolicy(t)
		_, err := s.Run(context.Background(), func(engine.Event) { ran = true })
		if err == nil || ran {
			t.Errorf("%s: error %v, scan ran: %v", name, err, ran)
		}
	}
}

func status(r report.Report, id string) check.Status {
	for _, f := range r.Findings {
		if f.CheckID == id {
			return f.Status
		}
	}
	return ""
}

// TestScrubbedWithAListener: with a listener (the TUI), events and the
// returned report are both cleaned; the report once, in place.
func TestScrubbedWithAListener(t *testing.T) {
	file := filepath.Join(t.TempDir(), "policy.yaml")
	if err := os.WriteFile(file, []byte("version: 1\npolicies:\n  - name: \"u\\e]0;owned\\a\"\n    min_length: 8\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	p := Plan{Policies: []string{file}}
	var seen []string
	rep, err := p.Run(context.Background(), func(ev engine.Event) {
		seen = append(seen, ev.Progress.Target+ev.Finding.Target)
		if ev.Report != nil {
			seen = append(seen, ev.Report.Targets[0].Name)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	out, _ := json.Marshal(rep)
	for _, s := range append(seen, string(out)) {
		if strings.ContainsAny(s, "\x1b\a") || strings.Contains(s, `\u001b`) {
			t.Fatalf("a terminal control reached the output: %q", s)
		}
	}
	if !strings.Contains(rep.Targets[0].Name, "owned") {
		t.Errorf("target %q", rep.Targets[0].Name)
	}
}
