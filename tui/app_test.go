package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/vigie-security/vigie/internal/check"
)

func keyMsg(s string) tea.KeyMsg {
	switch s {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
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
	if !strings.Contains(m.View(), "severity filter") {
		t.Errorf("? shows the full help:\n%s", m.View())
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
	m = press(m, "t", "t", "t", "t", "t", "t") // back round to all
	if got := len(m.findings.rows); got != 7 {
		t.Errorf("all statuses: %d rows", got)
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
	for _, screen := range []string{"d", "f"} {
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
	m = press(next.(Model), "f", "t", "t", "t", "t", "t", "t") // all statuses: 10,000 rows
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
