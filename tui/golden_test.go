package tui

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/vigie-security/vigie/internal/check"
)

// finalScreen drives the real program at 80×24 with no colour, types keys, and
// returns the final screen. Goldens: testdata/<test>.golden (-update).
func finalScreen(t *testing.T, lang check.Lang, keys ...string) []byte {
	t.Helper()
	m := New(Options{Lang: lang, Report: sampleReport(), Renderer: asciiRenderer(), Now: func() time.Time { return fixedTime }, Location: time.UTC})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	for _, k := range keys {
		tm.Send(keyMsg(k))
	}
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	return []byte(tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).View())
}

func TestGoldenDashboard(t *testing.T) { golden.RequireEqual(t, finalScreen(t, check.EN)) }

func TestGoldenFindingsFR(t *testing.T) { golden.RequireEqual(t, finalScreen(t, check.FR, "f")) }

func TestGoldenDetail(t *testing.T) { golden.RequireEqual(t, finalScreen(t, check.EN, "f", "enter")) }
