package tui

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/config"
	"github.com/vigie-security/vigie/internal/scan"
)

// A scan of a policy file and a site that never answers: the policy is
// judged at once, the site hangs; stopping keeps the policy's findings.
func TestScanRunsAndStops(t *testing.T) {
	for _, stop := range []tea.KeyMsg{{Type: tea.KeyRunes, Runes: []rune("x")}, {Type: tea.KeyEsc}, {Type: tea.KeyCtrlC}} {
		t.Run(stop.String(), func(t *testing.T) { runAndStop(t, stop) })
	}
}

func runAndStop(t *testing.T, stop tea.KeyMsg) {
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }))
	defer hang.Close()
	policy := filepath.Join(t.TempDir(), "policy.yaml")
	if err := os.WriteFile(policy, []byte("version: 1\npolicies:\n  - name: users\n    min_length: 8\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := config.Defaults()
	cfg.Scan.Timeout = config.Duration(time.Minute)
	cfg.Password.Policies = []string{policy}
	cfg.Web.Targets = []config.WebTarget{{URL: hang.URL}}
	session := sessionOf(t, cfg)

	tm := teatest.NewTestModel(t, New(Options{Lang: check.EN, Session: session, Renderer: asciiRenderer()}), teatest.WithInitialTermSize(100, 30))
	tm.Type("r")
	// Stop once the policy is judged (its family line counts it done),
	// whatever the machine's speed: the site never answers.
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte("esc stops")) && bytes.Contains(b, []byte("passwords     1 done"))
	}, teatest.WithDuration(10*time.Second))
	tm.Send(stop)
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("keeps the targets that finished")) },
		teatest.WithDuration(20*time.Second))
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	if v := final.scan.view(); strings.Count(v, "stopped") != 1 || strings.Contains(v, "could not run") {
		t.Errorf("a stop says stopped, once, and no error beside it:\n%s", v)
	}
	r := final.ctx.report
	if r == nil || !r.Interrupted {
		t.Fatalf("the stopped scan's report is kept, marked interrupted: %+v", r)
	}
	policyDone := false
	for _, f := range r.Findings {
		if f.Family == check.FamilyPassword {
			policyDone = true
		}
	}
	if !policyDone {
		t.Errorf("the policy judged before the stop is in the report")
	}
}

// sessionOf makes sessions from cfg as cmd/vigie's runTUI does, failing
// the test at once if cfg's plan cannot be made.
func sessionOf(t *testing.T, cfg config.Config) func() (scan.Session, error) {
	t.Helper()
	session := func() (scan.Session, error) {
		plan, err := scan.FromConfig(cfg, nil)
		return scan.Session{Plan: plan, History: cfg.History}, err
	}
	if _, err := session(); err != nil {
		t.Fatal(err)
	}
	return session
}
