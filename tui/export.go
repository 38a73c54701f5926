package tui

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/report/formats"
)

// exportModel writes the report, in any format the CLI writes, to a path.
type exportModel struct {
	ctx     *shared
	path    textinput.Model
	format  int // index into formats.Names
	done    string
	err     error
	writing bool
}

// exportDoneMsg: a write finished (a PDF takes a browser's seconds, so
// writing is a command, off the interface's loop).
type exportDoneMsg struct {
	path string
	err  error
}

func newExportModel(ctx *shared) exportModel {
	ti := textinput.New()
	ti.Prompt = tr(ctx.lang, "Write to: ", "Écrire dans : ")
	ti.CharLimit = 500
	ti.SetValue("vigie-report.json")
	return exportModel{ctx: ctx, path: ti, format: formatIndex("json")}
}

func formatIndex(name string) int {
	for i, f := range formats.Names {
		if f == name {
			return i
		}
	}
	return 0
}

func (m *exportModel) focus() tea.Cmd { m.done, m.err = "", nil; return m.path.Focus() }

func (m exportModel) update(msg tea.KeyMsg) (exportModel, tea.Cmd) {
	switch msg.Type {
	case tea.KeyTab:
		m.format = (m.format + 1) % len(formats.Names)
		m.path.SetValue(withExtension(m.path.Value(), formats.Names[m.format]))
		return m, nil
	case tea.KeyEnter:
		if m.writing {
			return m, nil
		}
		m.done, m.err = "", nil
		path := strings.TrimSpace(m.path.Value())
		if m.ctx.report == nil {
			m.err = fmt.Errorf("%s", tr(m.ctx.lang, "no report to export yet", "pas encore de rapport à exporter"))
			return m, nil
		}
		w, err := formats.For(formats.Names[m.format], formats.Options{Options: report.Options{Lang: m.ctx.lang, Width: 100}})
		if err != nil {
			m.err = err
			return m, nil
		}
		rep := *m.ctx.report
		m.writing = true
		return m, func() tea.Msg {
			return exportDoneMsg{path: path, err: report.WriteFile(context.Background(), path, w, rep)}
		}
	}
	var cmd tea.Cmd
	m.path, cmd = m.path.Update(msg)
	return m, cmd
}

// finished records the end of a write.
func (m exportModel) finished(msg exportDoneMsg) exportModel {
	m.writing, m.err, m.done = false, msg.err, ""
	if msg.err == nil {
		m.done = msg.path
	}
	return m
}

// withExtension swaps a known report extension for the format's.
func withExtension(path, format string) string {
	for _, f := range formats.Names {
		if old := report.Extension(f); strings.HasSuffix(path, old) {
			return strings.TrimSuffix(path, old) + report.Extension(format)
		}
	}
	return path
}

func (m exportModel) view() string {
	l, s := m.ctx.lang, m.ctx.styles
	var b strings.Builder
	b.WriteString("\n" + s.Header.Render(tr(l, "Export the report", "Exporter le rapport")) + "\n\n")
	b.WriteString(tr(l, "Format: ", "Format : ") + s.Title.Render(formats.Names[m.format]) + s.Muted.Render(tr(l, "  (tab changes it)", "  (tab pour changer)")) + "\n")
	b.WriteString(m.path.View() + "\n\n")
	b.WriteString(s.Muted.Render(tr(l, "enter writes (atomically, mode 0600) · esc goes back", "entrée écrit (de façon atomique, mode 0600) · échap revient")) + "\n")
	switch {
	case m.writing:
		b.WriteString("\n" + s.Muted.Render(tr(l, "writing…", "écriture…")) + "\n")
	case m.err != nil:
		b.WriteString("\n" + s.Bad.Render(wrapTo(m.err.Error(), max(m.ctx.width-2, 20))) + "\n")
	case m.done != "":
		b.WriteString("\n" + s.Good.Render(tr(l, "Written to ", "Écrit dans ")+m.done) + "\n")
	}
	return b.String()
}
