package tui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/engine"
	"github.com/vigie-security/vigie/internal/pwpolicy"
	"github.com/vigie-security/vigie/internal/report/formats"
	"github.com/vigie-security/vigie/internal/scan"
	"github.com/vigie-security/vigie/internal/score"
)

func sized(o Options, w, h int) Model {
	if o.Renderer == nil {
		o.Renderer = asciiRenderer()
	}
	next, _ := New(o).Update(tea.WindowSizeMsg{Width: w, Height: h})
	return next.(Model)
}

func fits(t *testing.T, what, v string, w, h int) {
	t.Helper()
	lines := strings.Split(v, "\n")
	if len(lines) > h {
		t.Errorf("%s: %d lines in %d", what, len(lines), h)
	}
	for _, l := range lines {
		if n := len([]rune(l)); n > w {
			t.Errorf("%s: a line of %d columns in %d: %q", what, n, w, l)
		}
	}
}

// manyContracts is a report of 30 contract targets under one folder, as
// the demo has: names alike but for their end.
func manyContracts() *Model {
	r := sampleReport()
	meta, _ := r.Meta("CTR-AUDIT-001")
	for i := range 30 {
		r.Findings = append(r.Findings, check.NewFinding(meta, fmt.Sprintf("demo/contracts/processor-agreement-%02d.pdf", i),
			check.Outcome{Status: check.Fail, Message: check.Text{EN: "missing", FR: "absent"}}))
	}
	r.Scores = score.Compute(r.Findings, r.Meta)
	m := sized(Options{Lang: check.EN, Report: r}, 80, 24)
	return &m
}

func TestDashboardScrollsAndDrills(t *testing.T) {
	m := *manyContracts()
	v := m.View()
	fits(t, "dashboard", v, 80, 24)
	if !strings.Contains(v, "Targets 1–") || !strings.Contains(v, "/34") {
		t.Fatalf("34 targets in 24 rows: the list says which are shown:\n%s", v)
	}
	m = press(m, "G")
	if v = m.View(); !strings.Contains(v, "–34/34") {
		t.Errorf("end scrolls to the last target:\n%s", v)
	}
	it, _ := m.dash.selected()
	m = press(m, "enter")
	if m.screen != screenFindings || m.findings.target != it.target || len(m.findings.rows) == 0 {
		t.Fatalf("enter opens the target's findings (%s):\n%s", it.target, m.View())
	}
	for _, i := range m.findings.rows {
		if f := m.ctx.report.Findings[i]; f.Target != it.target {
			t.Errorf("a finding of %s in %s's list", f.Target, it.target)
		}
	}
	if m = press(m, "esc"); m.screen != screenDashboard || m.findings.target != "" {
		t.Errorf("esc goes back to the dashboard, the target filter gone")
	}
	// A family: its findings, all of them that family's.
	m = press(m, "g", "enter")
	if m.screen != screenFindings || m.findings.family != 1 || len(m.findings.rows) != 2 {
		t.Errorf("enter on the web family: family %d, %d rows", m.findings.family, len(m.findings.rows))
	}
}

func TestHelpFits80Columns(t *testing.T) {
	for _, lang := range []check.Lang{check.EN, check.FR} {
		m := press(sized(Options{Lang: lang, Report: sampleReport()}, 80, 24), "f", "?")
		v := m.View()
		fits(t, "help", v, 80, 24)
		if strings.Contains(v, "…") || !strings.Contains(v, tr(lang, "q quit", "q quitter")) || !strings.Contains(v, tr(lang, "group by check", "grouper par contrôle")) {
			t.Errorf("the help is cut:\n%s", v)
		}
		if m = press(m, "esc"); m.fullHelp || m.screen != screenFindings {
			t.Errorf("esc closes the help, on the screen it was opened from")
		}
	}
}

func TestFindingsTellTargetsApart(t *testing.T) {
	m := press(*manyContracts(), "f")
	v := m.View()
	fits(t, "findings", v, 80, 24)
	for _, want := range []string{"agreement-00.pdf", "agreement-01.pdf"} {
		if !strings.Contains(v, want) {
			t.Errorf("the target column keeps the names' ends (%s):\n%s", want, v)
		}
	}
	// Home and End, as the help says.
	m = press(m, "down")
	if next, _ := m.Update(tea.KeyMsg{Type: tea.KeyEnd}); next.(Model).findings.cursor != len(m.findings.rows)-1 {
		t.Errorf("end goes to the last finding")
	} else if next, _ = next.Update(tea.KeyMsg{Type: tea.KeyHome}); next.(Model).findings.cursor != 0 {
		t.Errorf("home goes to the first finding")
	}
	// Grouped by check: one line for the 31 audit findings; enter lists them, esc comes back.
	m = press(m, "c")
	if len(m.findings.groups) != 4 || m.findings.groups[1].count != 31 || !strings.Contains(m.View(), "31") {
		t.Fatalf("grouped: %+v\n%s", m.findings.groups, m.View())
	}
	m = press(m, "down", "enter")
	if m.findings.grouped || m.findings.checkID != "CTR-AUDIT-001" || len(m.findings.rows) != 31 {
		t.Errorf("enter on a group lists its findings: %d rows", len(m.findings.rows))
	}
	if m = press(m, "esc"); !m.findings.grouped || m.screen != screenFindings {
		t.Errorf("esc goes back to the groups")
	}
}

func TestDetailKeepsCommandsAndURLsWhole(t *testing.T) {
	m := sized(Options{Lang: check.EN, Report: sampleReport()}, 80, 24)
	m = press(m, "f", "down", "down", "enter") // WEB-HSTS-001
	c := m.detail.content()
	if m.detail.finding.CheckID != "WEB-HSTS-001" {
		t.Fatalf("opened %s", m.detail.finding.CheckID)
	}
	for _, line := range strings.Split(c, "\n") {
		if strings.HasSuffix(strings.TrimSpace(line), "-") {
			t.Errorf("a line cut at a hyphen: %q", line)
		}
	}
	for _, want := range []string{"  https://www.rfc-editor.org/rfc/rfc6797\n", "  Strict-Transport-Security: max-age=63072000; includeSubDomains\n"} {
		if !strings.Contains(c, want) {
			t.Errorf("not whole on a line of its own: %q\n%s", want, c)
		}
	}
	if got := wrapTo("see Strict-Transport-Security-Header-Long now", 20); got != "see\nStrict-Transport-Se\ncurity-Header-Long\nnow" && strings.Contains(got, "Strict-\n") {
		t.Errorf("wrapped at a hyphen: %q", got)
	}
}

func TestMatrixLegend(t *testing.T) {
	m := press(sized(Options{Lang: check.FR, Report: sampleReport()}, 80, 24), "m")
	v := m.View()
	fits(t, "matrix", v, 80, 24)
	if !strings.Contains(v, "AU Informations et audit") || !strings.Contains(v, "BD Un délai concret") {
		t.Errorf("the legend names the codes:\n%s", v)
	}
}

func TestExportEveryFormatAndFolders(t *testing.T) {
	m := press(sized(Options{Lang: check.EN, Report: sampleReport()}, 80, 24), "e")
	if pos, val := m.export.path.Position(), m.export.path.Value(); pos != len([]rune(val)) {
		t.Errorf("the cursor is at %d, the text ends at %d", pos, len(val))
	}
	seen := map[string]bool{}
	for range formats.Names {
		seen[formats.Names[m.export.format]] = true
		m = press(m, "tab")
		if pos, val := m.export.path.Position(), m.export.path.Value(); pos != len([]rune(val)) {
			t.Errorf("after tab the cursor is at %d, the text ends at %d", pos, len(val))
		}
	}
	if len(seen) != len(formats.Names) || !strings.Contains(m.View(), "prometheus") {
		t.Errorf("tab goes through every format: %v", seen)
	}
	if next, _ := m.Update(tea.KeyMsg{Type: tea.KeyShiftTab}); next.(Model).export.format != cycle(m.export.format, -1, len(formats.Names)) {
		t.Errorf("shift+tab goes back")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "reports", "nov", "r.json")
	m.export.format = formatIndex("json")
	m.export.path.SetValue(path)
	m = pressAndRun(m, "enter")
	if st, err := os.Stat(filepath.Join(dir, "reports", "nov")); err != nil || st.Mode().Perm() != 0o700 {
		t.Fatalf("the missing folder is created 0700: %v", err)
	}
	if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o600 || !strings.Contains(m.View(), "Folder created") {
		t.Errorf("written 0600 into the new folder: %v\n%s", err, m.View())
	}
	os.WriteFile(filepath.Join(dir, "plain"), nil, 0o600)
	m.export.path.SetValue(filepath.Join(dir, "plain", "r.json"))
	m = pressAndRun(m, "enter")
	if v := m.View(); !strings.Contains(v, "not a folder: choose another path") {
		t.Errorf("a file in the way is named:\n%s", v)
	}
}

func TestWhatIfFitsAndSavesWhatItShows(t *testing.T) {
	t.Chdir(t.TempDir())
	m := press(sized(Options{Lang: check.EN, Policies: whatIfPolicy()}, 80, 24), "p")
	// Storage to argon2id (the step after ntlm, which is not in the
	// list), then every new field set.
	m = press(m, "down", "down", "down", "down", "down", "down", "down", "right")
	if st := m.whatIf.p.Storage; st == nil || st.Algorithm != "argon2id" || st.MemoryKiB != 19456 || st.Time != 2 {
		t.Fatalf("argon2id gets OWASP's parameters: %+v", st)
	}
	m = press(m, "down", "right", "down", "right", "right", "right", "down", "right", "down", "right", "right", "right")
	p := m.whatIf.p
	if p.MaxAgeDays == nil || *p.MaxAgeDays != 0 || p.HistoryCount == nil || *p.HistoryCount != 3 || p.Blacklist != password.Yes ||
		p.ResetLinkLifetime == nil || p.ResetLinkLifetime.Minutes() != 30 {
		t.Fatalf("expiry, history, blacklist, reset link: %+v", p)
	}
	m = press(m, "w")
	v := m.View()
	fits(t, "what-if", v, 80, 24)
	if !strings.Contains(v, "Saved as vigie-policy-ad-default-domain.yaml") || !strings.Contains(v, "PWD-ANSSI-029") {
		t.Errorf("every verdict and the save line at 80×24:\n%s", v)
	}
	data, err := os.ReadFile("vigie-policy-ad-default-domain.yaml")
	if err != nil {
		t.Fatal(err)
	}
	back, err := pwpolicy.Parse("saved.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range password.Checks() {
		if a, b := c.Evaluate(password.Evidence{Policy: p}).Status, c.Evaluate(password.Evidence{Policy: back[0]}).Status; a != b {
			t.Errorf("%s: shown %s, the saved file gets %s", c.Meta().ID, a, b)
		}
	}
	// A file that would read back otherwise is refused, with the check named.
	odd := p
	odd.Storage = &password.Storage{Algorithm: "argon2id", Salted: password.Yes}
	if err := readsBackAsShown(p, mustMarshal(t, odd)); err == nil || !strings.Contains(err.Error(), "PWD-ANSSI-029") {
		t.Errorf("a mismatching file is refused: %v", err)
	}
}

func mustMarshal(t *testing.T, p password.Policy) []byte {
	t.Helper()
	b, err := pwpolicy.Marshal([]password.Policy{p})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The bar and the family lines count the same units; a finding's event
// (no family) makes no line; a stop says "stopped" once.
func TestScanCounts(t *testing.T) {
	m := sized(Options{Lang: check.EN, Session: func() (scan.Session, error) { return scan.Session{}, nil }}, 80, 24)
	m.screen = screenScan
	m.scan.byStatus, m.scan.byFamily, m.scan.current = map[check.Status]int{}, map[check.Family][2]int{}, map[string]check.Family{}
	m.scan.events = make(chan engine.Event)
	for _, e := range []engine.Event{
		{Kind: engine.UnitStarted, Progress: engine.Progress{Done: 0, Total: 3, Target: "a", Family: check.FamilyWeb}},
		{Kind: engine.UnitStarted, Progress: engine.Progress{Done: 0, Total: 3, Target: "l.csv", Family: check.FamilyLeads}},
		{Kind: engine.FindingReady, Finding: check.Finding{Status: check.Fail}},
		{Kind: engine.UnitDone, Progress: engine.Progress{Done: 1, Total: 3, Target: "a", Family: check.FamilyWeb}},
	} {
		m.scan, _, _ = m.scan.update(scanEventMsg(e))
	}
	v := m.View()
	if !strings.Contains(v, " 1/3") || !strings.Contains(v, "web           1 done") || !strings.Contains(v, "leads         0 done · 1 running") {
		t.Errorf("bar and families:\n%s", v)
	}
	for _, line := range strings.Split(v, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "0 done") || strings.Contains(line, "/ 0") {
			t.Errorf("a line for no family: %q", line)
		}
	}
	m.scan.stop()
	m.scan.cancel = func() {}
	m.scan.stopped = true
	m.scan, _, _ = m.scan.update(scanDoneMsg{err: context.Canceled})
	v = m.View()
	if strings.Count(v, "stopped") != 1 || strings.Contains(v, "could not run") || strings.Contains(v, "canceled") {
		t.Errorf("a stop says stopped, once:\n%s", v)
	}
}
