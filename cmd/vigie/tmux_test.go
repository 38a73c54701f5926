package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/shard"
	"github.com/vigie-security/vigie/internal/store"
)

// tmuxSession drives the real binary in a tmux pane, as a person would.
type tmuxSession struct {
	t            *testing.T
	socket, name string
}

func (s tmuxSession) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.socket, "-f", "/dev/null"}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (s tmuxSession) keys(keys ...string) {
	s.tmux(append([]string{"send-keys", "-t", s.name}, keys...)...)
}

// esc sends Escape alone: followed at once by a key, a terminal reads the
// pair as Alt+key.
func (s tmuxSession) esc() {
	s.keys("Escape")
	time.Sleep(300 * time.Millisecond)
}

func (s tmuxSession) pane() string { return s.tmux("capture-pane", "-p", "-t", s.name) }

// waitFor polls the pane until every want is on it.
func (s tmuxSession) waitFor(timeout time.Duration, want ...string) string {
	s.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		p := s.pane()
		ok := true
		for _, w := range want {
			if !strings.Contains(p, w) {
				ok = false
			}
		}
		if ok {
			return p
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("pane never showed %q; it shows:\n%s", want, p)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// TestTmuxDemo is the walk a first-time user takes at 80×24: open the
// demo, move down the dashboard and open a target's findings, read the
// help, find the worst finding, read it, waive it, tweak a password policy
// until it passes and save it, export a JSON report and another into a
// folder that does not exist yet, then reopen that report with --report.
// It needs tmux (.ci/run installs it).
func TestTmuxDemo(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: the terminal end-to-end test does not run (.ci/run installs it)")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	s := tmuxSession{t: t, socket: fmt.Sprintf("vigie-test-%d", os.Getpid()), name: "vigie"}
	cmd := fmt.Sprintf("cd %q && LANG=en_US.UTF-8 TERM=xterm-256color TMPDIR=%q %q demo; sleep 30", dir, dir, bin)
	s.tmux("new-session", "-d", "-s", s.name, "-x", "80", "-y", "24", cmd)
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", s.socket, "kill-server").Run() })

	// The demo scans at once and lands on the dashboard.
	s.waitFor(60*time.Second, "Overall", "web", "passwords", "contracts", "Targets")
	// Drill-down: the first target under the families opens its findings; esc comes back.
	p := s.pane()
	fams := strings.Count(p, "/100") - 1 - countTargets(p) // family lines: scores that are not the overall's nor a target's
	for range fams + 1 {
		s.keys("Down")
	}
	s.keys("Enter")
	p = s.waitFor(5*time.Second, "Target:", "STATUS")
	if !strings.Contains(p, "demo/") {
		t.Errorf("the target's findings:\n%s", p)
	}
	s.esc()
	s.waitFor(5*time.Second, "Overall", "Targets")
	// The help fits: its last column, with q quit, is whole; esc closes it.
	s.keys("?")
	p = s.waitFor(5*time.Second, "Keys", "q quit", "group by check")
	for _, line := range strings.Split(p, "\n") {
		if strings.Contains(line, "…") {
			t.Errorf("the help is cut at 80 columns: %q", line)
		}
	}
	s.esc()
	s.waitFor(5*time.Second, "Overall", "Targets")
	// The worst finding comes first in the list.
	s.keys("f")
	p = s.waitFor(5*time.Second, "STATUS", "FAIL", "critical")
	first := ""
	for _, line := range strings.Split(p, "\n") {
		if strings.Contains(line, "FAIL") && strings.Contains(line, "critical") {
			first = line
			break
		}
	}
	if first == "" {
		t.Fatalf("no critical FAIL on top:\n%s", p)
	}
	// Its detail says what was found and why it matters.
	s.keys("Enter")
	s.waitFor(5*time.Second, "What was found", "Why it matters")
	// Waive it, with a reason; it shows as waived.
	s.keys("w")
	s.waitFor(5*time.Second, "Why is the risk accepted")
	s.keys("-l", "accepted for the demo")
	s.keys("Enter", "Enter")
	s.waitFor(5*time.Second, "Waived until")
	if data, err := os.ReadFile(filepath.Join(dir, "vigie-demo-waivers.yaml")); err != nil || !strings.Contains(string(data), "accepted for the demo") {
		t.Errorf("waiver file: %v\n%s", err, data)
	}
	// The what-if screen: the AD policy fails CNIL; 12 characters and four classes pass.
	s.esc()
	s.keys("p")
	p = s.waitFor(5*time.Second, "Entropy", "PWD-CNIL-001", "Reset link lifetime")
	if !cnilLine(p, "FAIL") {
		t.Fatalf("the weak AD policy should fail PWD-CNIL-001 first:\n%s", p)
	}
	s.keys("Right", "Right", "Right", "Right", "Right")
	for i := 0; i < 4; i++ {
		s.keys("Down")
		if !strings.Contains(rowOf(s.pane(), i+1), "yes") {
			s.keys("Space")
		}
	}
	deadline := time.Now().Add(5 * time.Second)
	for !cnilLine(s.pane(), "PASS") {
		if time.Now().After(deadline) {
			t.Fatalf("the verdict never changed to PASS:\n%s", s.pane())
		}
		time.Sleep(200 * time.Millisecond)
	}
	// Saved, and the line saying so is on the 24-line screen.
	s.keys("w")
	s.waitFor(5*time.Second, "Saved as vigie-policy-")
	// Export a JSON report, then one into a folder that does not exist yet.
	s.keys("e")
	s.waitFor(5*time.Second, "Export the report", "prometheus")
	s.keys("Enter")
	s.waitFor(5*time.Second, "Written to")
	if data, err := os.ReadFile(filepath.Join(dir, "vigie-report.json")); err != nil || !strings.Contains(string(data), `"schema_version"`) {
		t.Errorf("exported report: %v", err)
	}
	s.keys("C-u")
	s.keys("-l", "reports/nov/r.json")
	s.keys("Enter")
	s.waitFor(5*time.Second, "Folder created", "Written to")
	if st, err := os.Stat(filepath.Join(dir, "reports", "nov")); err != nil || st.Mode().Perm() != 0o700 {
		t.Errorf("the missing folder is created 0700: %v", err)
	}
	s.esc()
	s.keys("q")
	deadline = time.Now().Add(5 * time.Second)
	for !strings.Contains(s.pane(), "$") && strings.Contains(s.pane(), "vigie ·") {
		if time.Now().After(deadline) {
			t.Fatalf("q did not quit:\n%s", s.pane())
		}
		time.Sleep(200 * time.Millisecond)
	}

	// The saved report opens as it was, without a scan.
	r := tmuxSession{t: t, socket: s.socket, name: "report"}
	cmd = fmt.Sprintf("cd %q && LANG=en_US.UTF-8 TERM=xterm-256color %q tui --report vigie-report.json --lang fr; sleep 30", dir, bin)
	r.tmux("new-session", "-d", "-s", r.name, "-x", "80", "-y", "24", cmd)
	r.waitFor(10*time.Second, "Global", "vigie-report.json", "Cibles")
	r.keys("q")
}

// countTargets counts the dashboard's target lines (below "Targets").
func countTargets(pane string) int {
	_, after, ok := strings.Cut(pane, "Targets")
	if !ok {
		return 0
	}
	return strings.Count(after, "/100")
}

// cnilLine reports whether the PWD-CNIL-001 line of the pane says status.
func cnilLine(pane, status string) bool {
	for _, line := range strings.Split(pane, "\n") {
		if strings.Contains(line, "PWD-CNIL-001") {
			return strings.Contains(line, status)
		}
	}
	return false
}

// rowOf is the i-th editable row of the what-if screen (0 = length).
func rowOf(pane string, i int) string {
	n := -1
	for _, line := range strings.Split(pane, "\n") {
		if strings.Contains(line, "‹") {
			n++
			if n == i {
				return line
			}
		}
	}
	return ""
}

// The interface opens on the newest complete scan of the history, names
// where it came from, and never creates a history that is not there.
func TestTUIOpensOnTheLastStoredScan(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	var stderr strings.Builder
	e := env{stdout: io.Discard, stderr: &stderr, getenv: func(string) string { return "" }}
	missing := filepath.Join(dir, "none.db")
	if r, _, err := shownFirst(ctx, e, check.EN, "", missing); r != nil || err != nil {
		t.Errorf("no history yet: %v, %v", r, err)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Errorf("opening the interface created the history")
	}
	history := filepath.Join(dir, "vigie.db")
	st, err := store.Open(ctx, history)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)
	for i, id := range []string{"older", "newer", "stopped"} {
		r := shard.EmptyReport("test", id, at.Add(time.Duration(i)*time.Hour))
		r.Interrupted = id == "stopped"
		if err := st.Save(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	r, source, err := shownFirst(ctx, e, check.FR, "", history)
	if err != nil || r == nil || r.ScanID != "newer" || source != "historique "+history {
		t.Fatalf("opened on %+v from %q: %v (%s)", r, source, err, stderr.String())
	}
	// --report wins over the history.
	file := filepath.Join(dir, "r.json")
	data, _ := json.Marshal(shard.EmptyReport("test", "from-file", at))
	os.WriteFile(file, data, 0o600)
	if r, source, err := shownFirst(ctx, e, check.EN, file, history); err != nil || r.ScanID != "from-file" || source != file {
		t.Errorf("--report: %+v %q %v", r, source, err)
	}
}
