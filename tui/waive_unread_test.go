package tui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/vigie-security/vigie/internal/check"
)

// Trial 4 #17: `vigie tui -c all.yaml` with no waivers: in all.yaml wrote
// the waiver to vigie-waivers.yaml, which `vigie scan -c all.yaml` never
// reads. The form says so before saving, and the finding after.
func TestWaiverTheConfigDoesNotRead(t *testing.T) {
	for _, lang := range []check.Lang{check.EN, check.FR} {
		t.Run(string(lang), func(t *testing.T) {
			t.Chdir(t.TempDir())
			want := tr(lang, "all.yaml does not read this file: add `waivers: vigie-waivers.yaml` to it",
				"all.yaml ne lit pas ce fichier : ajoutez-y `waivers: vigie-waivers.yaml`")
			o := Options{Lang: lang, Report: sampleReport(), ConfigFile: "all.yaml", Renderer: asciiRenderer(),
				Now: func() time.Time { return fixedTime }}
			tm := teatest.NewTestModel(t, New(o), teatest.WithInitialTermSize(300, 60))
			tm.Type("f")
			tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
			tm.Type("w")
			teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(want)) }, teatest.WithDuration(5*time.Second))
			tm.Type("accepted until the move")
			tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
			tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
			tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
			m := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
			if m.detail.form != nil || m.detail.finding.Waiver == nil {
				t.Fatalf("the waiver is saved and applied:\n%s", m.View())
			}
			if v := m.View(); !strings.Contains(v, want) {
				t.Errorf("after saving, the finding says the configuration does not read it:\n%s", v)
			}
			if data, err := os.ReadFile("vigie-waivers.yaml"); err != nil || !bytes.Contains(data, []byte("accepted until the move")) {
				t.Errorf("written to vigie-waivers.yaml: %v %q", err, data)
			}
		})
	}
}

// A configuration elsewhere gets the absolute path (its paths are read from
// the folder vigie runs in); one that names the waiver file, or no
// configuration at all, gets no warning.
func TestWaiverNoteOnlyWhenUnread(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	m := press(sized(Options{Lang: check.EN, Report: sampleReport(), ConfigFile: filepath.Join("cfg", "all.yaml")}, 400, 40), "f", "enter", "w")
	if v := m.View(); !strings.Contains(v, "add `waivers: "+filepath.Join(dir, DefaultWaiverFile)+"` to it") {
		t.Errorf("the absolute path for a configuration in another folder:\n%s", v)
	}
	for name, o := range map[string]Options{
		"waivers: set":     {ConfigFile: "all.yaml", WaiverFile: "w.yaml"},
		"no configuration": {},
	} {
		o.Lang, o.Report = check.EN, sampleReport()
		m := press(sized(o, 200, 40), "f", "enter", "w")
		if v := m.View(); strings.Contains(v, "does not read") || !strings.Contains(v, "every scan that reads this file") {
			t.Errorf("%s: no warning:\n%s", name, v)
		}
	}
}
