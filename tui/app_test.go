package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/scan"
)

func keyMsg(s string) tea.KeyMsg {
	switch s {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "space":
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune(" ")}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

func press(m Model, keys ...string) Model {
	for _, k := range keys {
		next, _ := m.Update(keyMsg(k))
		m = next.(Model)
	}
	return m
}

// pressAndRun presses a key and runs the command it returns, once.
func pressAndRun(m Model, k string) Model {
	next, cmd := m.Update(keyMsg(k))
	m = next.(Model)
	if cmd != nil {
		if msg := cmd(); msg != nil {
			next, _ = m.Update(msg)
			m = next.(Model)
		}
	}
	return m
}

func newTest(lang check.Lang) Model {
	m := New(Options{Lang: lang, Report: sampleReport(), Renderer: asciiRenderer()})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	return next.(Model)
}

func TestNavigation(t *testing.T) {
	m := newTest(check.EN)
	if m.screen != screenDashboard || !strings.Contains(m.View(), "Overall") {
		t.Fatalf("starts on the dashboard:\n%s", m.View())
	}
	m = press(m, "f")
	if m.screen != screenFindings {
		t.Fatalf("f opens the findings, screen %v", m.screen)
	}
	// Worst first: the two critical/high FAILs lead, a WARN after them.
	first, _ := m.findings.selected()
	if first.Status != check.Fail || first.CheckID != "WEB-FORM-001" {
		t.Errorf("first finding %s %s, want the critical FAIL", first.Status, first.CheckID)
	}
	m = press(m, "down", "enter")
	if m.screen != screenDetail || !strings.Contains(m.View(), "What was found") {
		t.Fatalf("enter opens the detail:\n%s", m.View())
	}
	if !strings.Contains(m.View(), m.detail.finding.CheckID) {
		t.Errorf("detail shows its check")
	}
	for range 30 {
		m = press(m, "down")
	}
	if !strings.Contains(m.View(), "How to fix it") {
		t.Errorf("the detail scrolls down to the fix:\n%s", m.View())
	}
	m = press(m, "esc")
	if m.screen != screenFindings {
		t.Errorf("esc goes back to the list")
	}
	m = press(m, "d")
	if m.screen != screenDashboard {
		t.Errorf("d goes to the dashboard")
	}
	m = press(m, "?")
	if !strings.Contains(m.View(), "group by check") || !strings.Contains(m.View(), "q quit") {
		t.Errorf("? shows the full help:\n%s", m.View())
	}
	if m = press(m, "esc"); m.fullHelp || m.screen != screenDashboard {
		t.Errorf("esc closes the help and stays on the dashboard")
	}
	if _, cmd := m.Update(keyMsg("q")); cmd == nil || cmd() != tea.Quit() {
		t.Errorf("q quits")
	}
}

func TestFiltering(t *testing.T) {
	m := press(newTest(check.EN), "f")
	if got := len(m.findings.rows); got != 4 {
		t.Fatalf("problems by default: %d rows, want 4 (3 FAIL, 1 WARN)", got)
	}
	m = press(m, "t") // FAIL only
	if got := len(m.findings.rows); got != 3 {
		t.Errorf("FAIL filter: %d rows", got)
	}
	m = press(m, "a") // family web
	if got := len(m.findings.rows); got != 2 {
		t.Errorf("FAIL + web: %d rows", got)
	}
	m = press(m, "v", "v", "v", "v") // severity ≥ critical
	if got := len(m.findings.rows); got != 1 {
		t.Errorf("FAIL + web + critical: %d rows", got)
	}
	m = press(newTest(check.EN), "f", "/", "d", "p", "a", "enter")
	if got := len(m.findings.rows); got != 1 || !strings.Contains(m.View(), "dpa.pdf") {
		t.Errorf("search \"dpa\": %d rows\n%s", got, m.View())
	}
	if m.findings.typing() {
		t.Errorf("enter ends the search")
	}
	m = press(m, "/", "esc")
	if got := len(m.findings.rows); got != 4 {
		t.Errorf("esc clears the search: %d rows", got)
	}
	m = press(m, "T") // backwards from problems: all
	if got := len(m.findings.rows); got != 7 {
		t.Errorf("all statuses: %d rows", got)
	}
	m = press(m, "t") // and forwards again: problems
	if got := len(m.findings.rows); got != 4 {
		t.Errorf("problems again: %d rows", got)
	}
	m = press(m, "V") // severity backwards from info: critical only
	if got := len(m.findings.rows); got != 1 || m.findings.minSev != check.Critical {
		t.Errorf("severity ≥ critical: %d rows", got)
	}
}

func TestFrench(t *testing.T) {
	m := press(newTest(check.FR), "f")
	v := m.View()
	for _, want := range []string{"Constats", "ÉCHEC", "problèmes", "STATUT"} {
		if !strings.Contains(v, want) {
			t.Errorf("French list lacks %q:\n%s", want, v)
		}
	}
}

func TestSmallTerminal(t *testing.T) {
	m := New(Options{Lang: check.EN, Report: sampleReport(), Renderer: asciiRenderer()})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m = next.(Model)
	for _, screen := range []string{"d", "f", "m", "p", "e", "s"} {
		v := press(m, screen).View()
		lines := strings.Split(v, "\n")
		if len(lines) > 24 {
			t.Errorf("screen %s: %d lines in a 24-line terminal", screen, len(lines))
		}
		for _, l := range lines {
			if w := len([]rune(l)); w > 80 {
				t.Errorf("screen %s: line of %d columns: %q", screen, w, l)
			}
		}
	}
}

// BenchmarkFindingsView draws the list of 10,000 findings, one frame per
// iteration: it must stay well under 16 ms.
func BenchmarkFindingsView(b *testing.B) {
	m := New(Options{Lang: check.EN, Report: manyFindings(10000), Renderer: asciiRenderer()})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m = press(next.(Model), "f", "T") // all statuses: 10,000 rows
	if len(m.findings.rows) != 10000 {
		b.Fatalf("%d rows", len(m.findings.rows))
	}
	m = press(m, "G")
	b.ResetTimer()
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkFindingsFilter is a filter change over 10,000 findings.
func BenchmarkFindingsFilter(b *testing.B) {
	m := New(Options{Lang: check.EN, Report: manyFindings(10000), Renderer: asciiRenderer()})
	m = press(m, "f")
	b.ResetTimer()
	for b.Loop() {
		m = press(m, "t")
	}
}

func TestMatrixScreen(t *testing.T) {
	m := press(newTest(check.EN), "m")
	v := m.View()
	if m.screen != screenMatrix || !strings.Contains(v, "dpa.pdf") || !strings.Contains(v, "✗") {
		t.Fatalf("matrix:\n%s", v)
	}
	// Columns follow the report's checks: the audit (✗), then the deadline (✓).
	if f, ok := m.matrix.selected(); !ok || f.CheckID != "CTR-AUDIT-001" || !strings.Contains(m.View(), "To add:") {
		t.Errorf("cell under the cursor: %+v\n%s", f, m.View())
	}
	if m = press(m, "l"); !strings.Contains(m.View(), "specific: 24 hours") {
		t.Errorf("right moves to the deadline:\n%s", m.View())
	}
	m = press(m, "h", "enter")
	if m.screen != screenDetail || m.detail.finding.CheckID != "CTR-AUDIT-001" {
		t.Fatalf("enter opens the cell's finding")
	}
	if m = press(m, "esc"); m.screen != screenMatrix {
		t.Errorf("esc goes back to the matrix")
	}
}

func TestWaive(t *testing.T) {
	file := t.TempDir() + "/waivers.yaml"
	m := New(Options{Lang: check.EN, Report: sampleReport(), Renderer: asciiRenderer(), WaiverFile: file, Now: func() time.Time { return fixedTime }})
	m = press(m, "f", "enter", "w")
	if m.detail.form == nil {
		t.Fatal("w opens the waiver form")
	}
	target := m.detail.finding.Target
	m = press(m, "enter", "enter") // an empty statement is refused
	if m.detail.form == nil || !strings.Contains(m.View(), "statement") {
		t.Fatalf("empty statement accepted:\n%s", m.View())
	}
	m = press(m, "tab")
	for _, r := range "legacy shop closes in March" {
		m = press(m, string(r))
	}
	m = press(m, "enter", "enter")
	if m.detail.form != nil {
		t.Fatalf("form still open:\n%s", m.View())
	}
	if m.detail.finding.Status != check.Waived || !strings.Contains(m.View(), "Waived until 2027-02-23") {
		t.Errorf("the finding shows as waived:\n%s", m.View())
	}
	data, err := os.ReadFile(file)
	if err != nil || !strings.Contains(string(data), "legacy shop closes in March") || !strings.Contains(string(data), target) {
		t.Errorf("waiver file: %v\n%s", err, data)
	}
	if m.ctx.report.Scores.Overall.Score <= m.ctx.base.Scores.Overall.Score {
		t.Errorf("scores are recomputed with the waiver: %d → %d", m.ctx.base.Scores.Overall.Score, m.ctx.report.Scores.Overall.Score)
	}
}

func TestWhatIf(t *testing.T) {
	eight := 8
	p := password.Policy{Name: "users", MinLength: &eight}
	if err := p.SetClasses("lower"); err != nil {
		t.Fatal(err)
	}
	m := New(Options{Lang: check.EN, Renderer: asciiRenderer(), Policies: []password.Evidence{{Target: "policy.yaml", Policy: p}}})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 40})
	m = press(next.(Model), "p")
	verdict := func() check.Status {
		return password.Checks()[0].Evaluate(password.Evidence{Target: "x", Policy: m.whatIf.p}).Status
	}
	if verdict() != check.Fail || !strings.Contains(m.View(), "Entropy: 38 bits") {
		t.Fatalf("8 lower-case letters: %s\n%s", verdict(), m.View())
	}
	// Twelve characters and the four classes: CNIL case 1.
	m = press(m, "l", "l", "l", "l", "down", "down", "space", "down", "space", "down", "space")
	m = press(m, "up", "up", "up", "up")
	if *m.whatIf.p.MinLength != 12 || verdict() != check.Pass || !strings.Contains(m.View(), "Entropy: 80 bits") {
		t.Errorf("12 characters, 4 classes: length %d, %s\n%s", *m.whatIf.p.MinLength, verdict(), m.View())
	}
	dir := t.TempDir()
	t.Chdir(dir)
	m = press(m, "w")
	data, err := os.ReadFile(filepath.Join(dir, "vigie-policy-users.yaml"))
	if err != nil || !strings.Contains(string(data), "min_length: 12") || !strings.Contains(m.View(), "Saved as") {
		t.Errorf("saved policy: %v\n%s", err, data)
	}
}

func TestExport(t *testing.T) {
	m := newTest(check.EN)
	m = press(m, "e")
	path := filepath.Join(t.TempDir(), "out.json")
	m.export.path.SetValue(path)
	m = pressAndRun(m, "enter") // the write is a command, off the loop
	data, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(data), `"scan_id": "fixture"`) || !strings.Contains(m.View(), "Written to") {
		t.Fatalf("export: %v\n%s", err, m.View())
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode().Perm())
	}
	m = press(m, "tab")
	if !strings.HasSuffix(m.export.path.Value(), ".sarif") {
		t.Errorf("tab switches to the next format, SARIF: %s", m.export.path.Value())
	}
	if m = press(m, "q"); m.screen != screenExport {
		t.Errorf("q is typed into the path, it does not quit")
	}
	if m = press(m, "esc"); m.screen != screenDashboard {
		t.Errorf("esc leaves the export screen")
	}
}

func TestDashboardTrend(t *testing.T) {
	r := sampleReport()
	r.Changes = &report.Changes{PreviousScore: 51, New: []report.Change{{CheckID: "WEB-HSTS-001", Target: "www.example.fr"}}}
	m := New(Options{Lang: check.FR, Report: r, Renderer: asciiRenderer(), Location: time.UTC})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	if v := next.(Model).View(); !strings.Contains(v, "avant : 51/100 → 34/100, 1 nouveaux, 0 corrigés") {
		t.Errorf("the trend since the last scan:\n%s", v)
	}
}

func TestNothingConfiguredOffersTheDemo(t *testing.T) {
	m := New(Options{Lang: check.EN, Renderer: asciiRenderer(), Demo: true, Session: func() (scan.Session, error) { return scan.Session{}, nil }})
	if v := m.View(); !strings.Contains(v, "Press r to scan the built-in demo") {
		t.Errorf("no configuration: the demo is offered\n%s", v)
	}
	if v := New(Options{Lang: check.FR, Renderer: asciiRenderer()}).View(); !strings.Contains(v, "vigie init") {
		t.Errorf("nothing to scan at all: the way out is shown\n%s", v)
	}
}

func TestNarrowDashboardKeepsTheTargets(t *testing.T) {
	m := New(Options{Lang: check.EN, Report: sampleReport(), Renderer: asciiRenderer()})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 50, Height: 16})
	v := next.(Model).View()
	if strings.Contains(v, "┌") || !strings.Contains(v, "shop.example.fr") {
		t.Errorf("a narrow dashboard lists families on one line each and keeps the targets:\n%s", v)
	}
}
