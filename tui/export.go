package tui

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/vigie-security/vigie/internal/report"
)

// exportModel writes the report, in any format the CLI writes, to a path.
type exportModel struct {
	ctx    *shared
	path   textinput.Model
	format int // index into report.Formats
	done   string
	err    error
}

func newExportModel(ctx *shared) exportModel {
	ti := textinput.New()
	ti.Prompt = tr(ctx.lang, "Write to: ", "Écrire dans : ")
	ti.CharLimit = 500
	ti.SetValue("vigie-report.json")
	return exportModel{ctx: ctx, path: ti, format: formatIndex("json")}
}

func formatIndex(name string) int {
	for i, f := range report.Formats {
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
		m.format = (m.format + 1) % len(report.Formats)
		m.path.SetValue(withExtension(m.path.Value(), report.Formats[m.format]))
		return m, nil
	case tea.KeyEnter:
		m.done, m.err = "", nil
		path := strings.TrimSpace(m.path.Value())
		if m.ctx.report == nil {
			m.err = fmt.Errorf("%s", tr(m.ctx.lang, "no report to export yet", "pas encore de rapport à exporter"))
			return m, nil
		}
		w, err := report.For(report.Formats[m.format], report.Options{Lang: m.ctx.lang, Width: 100})
		if err == nil {
			err = report.WriteFile(context.Background(), path, w, *m.ctx.report)
		}
		if err != nil {
			m.err = err
			return m, nil
		}
		m.done = path
		return m, nil
	}
	var cmd tea.Cmd
	m.path, cmd = m.path.Update(msg)
	return m, cmd
}

// withExtension swaps a known report extension for the format's.
func withExtension(path, format string) string {
	ext := map[string]string{"json": ".json", "table": ".txt"}[format]
	for _, old := range []string{".json", ".txt"} {
		if strings.HasSuffix(path, old) {
			return strings.TrimSuffix(path, old) + ext
		}
	}
	return path
}

func (m exportModel) view() string {
	l, s := m.ctx.lang, m.ctx.styles
	var b strings.Builder
	b.WriteString("\n" + s.Header.Render(tr(l, "Export the report", "Exporter le rapport")) + "\n\n")
	b.WriteString(tr(l, "Format: ", "Format : ") + s.Title.Render(report.Formats[m.format]) + s.Muted.Render(tr(l, "  (tab changes it)", "  (tab pour changer)")) + "\n")
	b.WriteString(m.path.View() + "\n\n")
	b.WriteString(s.Muted.Render(tr(l, "enter writes (atomically, mode 0600) · esc goes back", "entrée écrit (de façon atomique, mode 0600) · échap revient")) + "\n")
	switch {
	case m.err != nil:
		b.WriteString("\n" + s.Bad.Render(wrapTo(m.err.Error(), max(m.ctx.width-2, 20))) + "\n")
	case m.done != "":
		b.WriteString("\n" + s.Good.Render(tr(l, "Written to ", "Écrit dans ")+m.done) + "\n")
	}
	return b.String()
}
