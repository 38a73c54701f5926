package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/report"
)

// buildBinary compiles vigie the way users get it (static, no cgo).
func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go tool not on PATH")
	}
	bin := filepath.Join(t.TempDir(), "vigie")
	cmd := exec.Command(goBin, "build", "-o", bin, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// TestBinaryDemoIsQuiet runs the real binary: the JSON on stdout is the
// only output, and nothing is left in the temp folder (the demo's files,
// the findings kept on disk).
func TestBinaryDemoIsQuiet(t *testing.T) {
	bin := buildBinary(t)
	tmp := t.TempDir()
	cmd := exec.Command(bin, "demo", "--format", "json")
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("demo: %v\n%s", err, errb.String())
	}
	if errb.Len() != 0 {
		t.Errorf("stderr not empty: %q", errb.String())
	}
	var rep report.Report
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil || len(rep.Targets) != 26 {
		t.Fatalf("stdout is not the demo report: %v", err)
	}
	// Nothing is left: not the demo's files, not the findings kept on disk.
	entries, _ := os.ReadDir(tmp)
	for _, e := range entries {
		t.Errorf("left in the temp folder: %s", e.Name())
	}
}

func TestBinaryInterruptWritesReport(t *testing.T) {
	bin := buildBinary(t)
	started := make(chan struct{}, 1)
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case started <- struct{}{}:
		default:
		}
		<-r.Context().Done()
	}))
	defer hang.Close()
	out := filepath.Join(t.TempDir(), "report.json")
	cmd := exec.Command(bin, "scan", "--target", hang.URL, "--format", "json", "--output", out, "--timeout", "60s")
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-started:
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatal("the scan never reached the server")
	}
	cmd.Process.Signal(syscall.SIGINT)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
	select {
	case err = <-done:
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatal("vigie did not stop after SIGINT")
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitScan || !strings.Contains(errb.String(), "interrupted") {
		t.Fatalf("exit %v, stderr %q", err, errb.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("no report after SIGINT: %v", err)
	}
	var rep report.Report
	if json.Unmarshal(data, &rep) != nil || !rep.Interrupted {
		t.Fatalf("report after SIGINT: %s", data)
	}
}

// TestBinaryQuietOnATerminal runs vigie under a pseudo-terminal (script(1)):
// a terminal sees the progress line and "report written"; with -q it sees
// nothing at all, as cron and CI want.
func TestBinaryQuietOnATerminal(t *testing.T) {
	script, err := exec.LookPath("script")
	if err != nil {
		t.Skip("script(1) not installed: no pseudo-terminal to run vigie in")
	}
	bin := buildBinary(t)
	s := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	defer s.Close()
	dir := t.TempDir()
	onTTY := func(args ...string) string {
		line := bin
		for _, a := range args {
			line += " '" + a + "'"
		}
		cmd := exec.Command(script, "-qec", line, "/dev/null")
		// bubbletea's init asks the terminal its colours; no emulator is
		// behind script's pseudo-terminal to answer, so TERM=dumb says not to ask.
		cmd.Env = append(os.Environ(), "TERM=dumb")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", line, err, out)
		}
		return string(out)
	}
	loud := onTTY("scan", "--target", s.URL, "-o", filepath.Join(dir, "a.json"))
	if !strings.Contains(loud, "report written to") || !strings.Contains(loud, "[1/1]") {
		t.Errorf("on a terminal, progress and where the report went are shown: %q", loud)
	}
	if quiet := onTTY("scan", "--target", s.URL, "-o", filepath.Join(dir, "b.json"), "-q"); strings.TrimSpace(quiet) != "" {
		t.Errorf("-q printed %q", quiet)
	}
	if _, err := os.Stat(filepath.Join(dir, "b.json")); err != nil {
		t.Errorf("-q wrote no report: %v", err)
	}
}
