package tui

import (
	"fmt"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/internal/check"
)

// finalScreen drives the real program at w×h with no colour, types keys,
// and returns the final screen.
func finalScreen(t *testing.T, o Options, w, h int, keys ...string) []byte {
	t.Helper()
	o.Renderer, o.Now, o.Location = asciiRenderer(), func() time.Time { return fixedTime }, time.UTC
	tm := teatest.NewTestModel(t, New(o), teatest.WithInitialTermSize(w, h))
	for _, k := range keys {
		tm.Send(keyMsg(k))
	}
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	return []byte(tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).View())
}

// screens are the keys that lead to each screen from the dashboard.
var screens = []struct {
	name string
	keys []string
}{
	{"Dashboard", nil},
	{"DashboardDrill", []string{"down", "down", "down", "down", "enter"}}, // the worst target's findings
	{"Findings", []string{"f"}},
	{"FindingsGrouped", []string{"f", "c"}},
	{"Detail", []string{"f", "down", "down", "enter"}},
	{"Matrix", []string{"m"}},
	{"WhatIf", []string{"p"}},
	{"Export", []string{"e"}},
	{"Scan", []string{"s"}},
	{"Help", []string{"?"}},
}

func whatIfPolicy() []password.Evidence {
	seven, zero := 7, 0
	return []password.Evidence{{Target: "ad-domain-policy.txt", Policy: password.Policy{Name: "ad-default-domain",
		MinLength: &seven, LockoutThreshold: &zero, Storage: &password.Storage{Algorithm: "ntlm", Salted: password.No}}}}
}

// TestGolden draws every screen at 80×24 and 120×40, in English and in
// French: testdata/TestGolden/<screen>-<lang>-<w>x<h>.golden (-update).
func TestGolden(t *testing.T) {
	for _, sc := range screens {
		for _, lang := range []check.Lang{check.EN, check.FR} {
			for _, size := range [][2]int{{80, 24}, {120, 40}} {
				name := fmt.Sprintf("%s-%s-%dx%d", sc.name, lang, size[0], size[1])
				t.Run(name, func(t *testing.T) {
					o := Options{Lang: lang, Report: sampleReport(), Policies: whatIfPolicy()}
					golden.RequireEqual(t, finalScreen(t, o, size[0], size[1], sc.keys...))
				})
			}
		}
	}
}
