package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

// matrixModel is the contracts matrix: processors by Article 28 element.
// The matrix itself comes from the report package, as for the table output.
type matrixModel struct {
	ctx      *shared
	m        report.Matrix
	row, col int
	offset   int
}

func newMatrixModel(ctx *shared) matrixModel {
	mm := matrixModel{ctx: ctx}
	mm.refresh()
	return mm
}

func (mm *matrixModel) refresh() {
	mm.m = report.Matrix{}
	if mm.ctx.report != nil {
		mm.m = report.ContractMatrix(*mm.ctx.report)
	}
	mm.row = min(mm.row, max(len(mm.m.Rows)-1, 0))
	mm.col = min(mm.col, max(len(mm.m.Columns)-1, 0))
}

// selected is the finding behind the cell under the cursor.
func (mm matrixModel) selected() (check.Finding, bool) {
	if mm.row >= len(mm.m.Rows) || mm.col >= len(mm.m.Columns) {
		return check.Finding{}, false
	}
	if f := mm.m.Rows[mm.row].Cells[mm.col].Finding; f != nil {
		return *f, true
	}
	return check.Finding{}, false
}

func (mm matrixModel) update(msg tea.Msg) (matrixModel, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return mm, nil
	}
	k := mm.ctx.keys
	switch {
	case key.Matches(km, k.Up):
		mm.row = max(mm.row-1, 0)
	case key.Matches(km, k.Down):
		mm.row = min(mm.row+1, max(len(mm.m.Rows)-1, 0))
	case key.Matches(km, k.Left):
		mm.col = max(mm.col-1, 0)
	case key.Matches(km, k.Right):
		mm.col = min(mm.col+1, max(len(mm.m.Columns)-1, 0))
	case key.Matches(km, k.Top):
		mm.row = 0
	case key.Matches(km, k.Bottom):
		mm.row = max(len(mm.m.Rows)-1, 0)
	}
	mm.offset = keepVisible(mm.row, mm.offset, max(mm.ctx.height-20, 1))
	return mm, nil
}

func (mm matrixModel) view(height int) string {
	l, s := mm.ctx.lang, mm.ctx.styles
	if len(mm.m.Rows) == 0 {
		return "\n" + tr(l, "No contract was checked in this report.", "Aucun contrat n'a été vérifié dans ce rapport.")
	}
	var b strings.Builder
	b.WriteString(s.Muted.Render(truncate(tr(l, "✓ specific ~ present ≈ restated ✗ missing ? unread · arrows move, enter opens",
		"✓ précis ~ présent ≈ recopié ✗ absent ? illisible · flèches, entrée ouvre"), mm.ctx.width)) + "\n")
	nameW := max(min(mm.ctx.width-3*len(mm.m.Columns)-1, 28), 10)
	legend, cell := mm.legend(), mm.cellText()
	visible := max(height-2-lipgloss.Height(legend)-lipgloss.Height(cell)-2, 3)
	offset := keepVisible(mm.row, mm.offset, visible)
	head := strings.Repeat(" ", nameW+1)
	if len(mm.m.Rows) > visible { // say which rows are shown: the others scroll
		head = pad(fmt.Sprintf("%d–%d/%d", offset+1, min(offset+visible, len(mm.m.Rows)), len(mm.m.Rows)), nameW+1)
	}
	for i, c := range mm.m.Columns {
		code := fmt.Sprintf("%-2s", c.Code)
		if i == mm.col {
			code = s.Selected.Render(code)
		}
		head += code + " "
	}
	b.WriteString(head + "\n")
	for i := offset; i < len(mm.m.Rows) && i < offset+visible; i++ {
		r := mm.m.Rows[i]
		name := fmt.Sprintf("%-*s", nameW, truncate(displayName(r), nameW))
		if i == mm.row {
			name = s.Title.Render(name)
		}
		line := name + " "
		if len(r.Documents) == 0 {
			note := tr(l, "no contract", "aucun contrat")
			if r.Note == "file-missing" {
				note = tr(l, "contract file not found", "fichier du contrat introuvable")
			}
			b.WriteString(line + s.Bad.Render(note) + "\n")
			continue
		}
		for j, c := range r.Cells {
			sym := report.MatrixSymbol(c.Level)
			switch c.Level {
			case "specific":
				sym = s.Good.Render(sym)
			case "present", "restated":
				sym = s.Fair.Render(sym)
			default:
				sym = s.Bad.Render(sym)
			}
			if i == mm.row && j == mm.col {
				sym = s.Selected.Render(report.MatrixSymbol(c.Level))
			}
			line += sym + "  "
		}
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	b.WriteString("\n" + legend + "\n\n" + cell)
	return b.String()
}

// legend names every column's code with its check's title, in as many
// columns as the width holds; the column under the cursor stands out.
func (mm matrixModel) legend() string {
	l, s := mm.ctx.lang, mm.ctx.styles
	cols := max(mm.ctx.width/26, 1)
	colW := mm.ctx.width / cols
	rows := (len(mm.m.Columns) + cols - 1) / cols
	lines := make([]string, rows)
	for i, c := range mm.m.Columns {
		name := c.Element
		if mm.ctx.report != nil {
			if meta, ok := mm.ctx.report.Meta(c.CheckID); ok {
				name = meta.Title.In(l)
			}
		}
		code := s.Key.Render(fmt.Sprintf("%-2s", c.Code))
		if i == mm.col {
			code = s.Selected.Render(fmt.Sprintf("%-2s", c.Code))
		}
		entry := code + " " + pad(truncate(name, colW-4), colW-3)
		lines[i%rows] += entry
	}
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	return strings.Join(lines, "\n")
}

// cellText explains the cell under the cursor: the element, the sentence
// that decided it, and the clause to add.
func (mm matrixModel) cellText() string {
	l, s := mm.ctx.lang, mm.ctx.styles
	if mm.col >= len(mm.m.Columns) || mm.row >= len(mm.m.Rows) {
		return ""
	}
	c := mm.m.Columns[mm.col]
	var b strings.Builder
	b.WriteString(s.Header.Render(c.Element) + "\n")
	f, ok := mm.selected()
	if !ok {
		return b.String() + tr(l, "no readable document says", "aucun document lisible ne le dit")
	}
	width := max(mm.ctx.width-2, 20)
	b.WriteString(wrapTo(f.Message.In(l), width) + "\n")
	if meta, ok := mm.ctx.report.Meta(c.CheckID); ok && f.Status != check.Pass {
		b.WriteString(s.Muted.Render(wrapTo(tr(l, "To add: ", "À ajouter : ")+meta.Remediation.In(l), width)))
	}
	return b.String()
}

func displayName(r report.MatrixRow) string {
	if r.Processor {
		return r.Name
	}
	if i := strings.LastIndexAny(r.Name, `/\`); i >= 0 {
		return r.Name[i+1:]
	}
	return r.Name
}
