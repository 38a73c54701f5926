package tui

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/report/formats"
)

// exportModel writes the report, in any format the CLI writes, to a path.
type exportModel struct {
	ctx     *shared
	path    textinput.Model
	format  int // index into formats.Names
	done    string
	created string // the folder the last write made
	err     error
	writing bool
}

// exportDoneMsg: a write finished (a PDF takes a browser's seconds, so
// writing is a command, off the interface's loop).
type exportDoneMsg struct {
	path, created string
	err           error
}

func newExportModel(ctx *shared) exportModel {
	ti := textinput.New()
	ti.Prompt = tr(ctx.lang, "Write to: ", "Écrire dans : ")
	ti.CharLimit = 500
	ti.SetValue("vigie-report.json")
	ti.CursorEnd()
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

func (m *exportModel) focus() tea.Cmd {
	m.done, m.err, m.created = "", nil, ""
	m.path.CursorEnd()
	return m.path.Focus()
}

func (m exportModel) update(msg tea.KeyMsg) (exportModel, tea.Cmd) {
	switch msg.Type {
	case tea.KeyTab, tea.KeyShiftTab:
		d := 1
		if msg.Type == tea.KeyShiftTab {
			d = -1
		}
		m.format = cycle(m.format, d, len(formats.Names))
		m.path.SetValue(withExtension(m.path.Value(), formats.Names[m.format]))
		m.path.CursorEnd() // typing goes on where the text ends
		return m, nil
	case tea.KeyEnter:
		if m.writing {
			return m, nil
		}
		m.done, m.err, m.created = "", nil, ""
		path := strings.TrimSpace(m.path.Value())
		if path == "" {
			m.err = errors.New(tr(m.ctx.lang, "name the file to write", "nommez le fichier à écrire"))
			return m, nil
		}
		if m.ctx.report == nil {
			m.err = fmt.Errorf("%s", tr(m.ctx.lang, "no report to export yet", "pas encore de rapport à exporter"))
			return m, nil
		}
		w, err := formats.For(formats.Names[m.format], formats.Options{Options: report.Options{Lang: m.ctx.lang, Width: 100}})
		if err != nil {
			m.err = err
			return m, nil
		}
		rep, l, guard := *m.ctx.report, m.ctx.lang, m.ctx.exportGuard()
		m.writing = true
		return m, func() tea.Msg {
			if err := guard.refuse(path); err != nil { // before a folder is made
				return exportDoneMsg{path: path, err: err}
			}
			created, err := ensureFolder(l, path)
			if err != nil {
				return exportDoneMsg{path: path, err: err}
			}
			return exportDoneMsg{path: path, created: created, err: report.WriteFile(context.Background(), path, w, rep)}
		}
	}
	var cmd tea.Cmd
	m.path, cmd = m.path.Update(msg)
	return m, cmd
}

// finished records the end of a write.
func (m exportModel) finished(msg exportDoneMsg) exportModel {
	m.writing, m.err, m.done, m.created = false, msg.err, "", msg.created
	if msg.err == nil {
		m.done = msg.path
	}
	return m
}

// ensureFolder makes the file's folder when it is missing (0700: a report
// names every weakness), and says which it made; anything else in the way
// is named in a sentence.
func ensureFolder(l check.Lang, path string) (string, error) {
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	switch {
	case err == nil && st.IsDir():
		return "", nil
	case err == nil:
		return "", fmt.Errorf(tr(l, "%s is a file, not a folder: choose another path", "%s est un fichier, pas un dossier : choisissez un autre chemin"), dir)
	case !errors.Is(err, fs.ErrNotExist):
		return "", fmt.Errorf(tr(l, "the folder %s cannot be read: %v", "le dossier %s est illisible : %v"), dir, check.InLang(err, l))
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf(tr(l, "the folder %s does not exist and could not be created: %v", "le dossier %s n'existe pas et n'a pas pu être créé : %v"), dir, check.InLang(err, l))
	}
	return dir, nil
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
	var names []string
	for i, f := range formats.Names {
		if i == m.format {
			f = s.Selected.Render("[" + f + "]")
		}
		names = append(names, f)
	}
	b.WriteString(wrapTo(tr(l, "Format: ", "Format : ")+strings.Join(names, " "), max(m.ctx.width-2, 20)) + "\n")
	b.WriteString(s.Muted.Render(tr(l, "tab / shift+tab change it", "tab / maj+tab pour changer")) + "\n\n")
	b.WriteString(m.path.View() + "\n\n")
	b.WriteString(s.Muted.Render(wrapTo(tr(l, "enter writes (atomically, mode 0600; a missing folder is created, mode 0700) · esc goes back",
		"entrée écrit (de façon atomique, mode 0600 ; un dossier manquant est créé, mode 0700) · échap revient"), max(m.ctx.width-2, 20))) + "\n")
	switch {
	case m.writing:
		b.WriteString("\n" + s.Muted.Render(tr(l, "writing…", "écriture…")) + "\n")
	case m.err != nil:
		b.WriteString("\n" + s.Bad.Render(wrapTo(tr(l, "Not written: ", "Non écrit : ")+check.InLang(m.err, l), max(m.ctx.width-2, 20))) + "\n")
	case m.done != "":
		if m.created != "" {
			b.WriteString("\n" + s.Muted.Render(wrapTo(tr(l, "Folder created: ", "Dossier créé : ")+m.created, max(m.ctx.width-2, 20))))
		}
		b.WriteString("\n" + s.Good.Render(wrapTo(tr(l, "Written to ", "Écrit dans ")+m.done, max(m.ctx.width-2, 20))) + "\n")
	}
	return b.String()
}
