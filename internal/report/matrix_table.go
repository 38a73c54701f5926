package report

import (
	"path/filepath"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

// MatrixSymbol is how a cell is drawn: the same in every language.
func MatrixSymbol(level string) string {
	switch level {
	case "specific":
		return "✓"
	case "present":
		return "~"
	case "restated":
		return "≈"
	case "missing":
		return "✗"
	}
	return "?"
}

func (p *printer) matrix(l check.Lang, m Matrix) {
	p.line("")
	p.line(p.paint(bold, tr(l, "ARTICLE 28 MATRIX", "MATRICE ARTICLE 28")) + "  " + tr(l,
		"✓ specific  ~ present  ≈ restated  ✗ missing  ? unread",
		"✓ précis  ~ présent  ≈ recopié  ✗ absent  ? illisible"))
	nameW := p.width - 3*len(m.Columns) - 1
	nameW = max(12, min(nameW, 32))
	var head strings.Builder
	head.WriteString(strings.Repeat(" ", nameW+1))
	for _, c := range m.Columns {
		head.WriteString(pad(c.Code, 2) + " ")
	}
	p.line(strings.TrimRight(head.String(), " "))
	for _, r := range m.Rows {
		var b strings.Builder
		name := r.Name
		if !r.Processor {
			name = filepath.Base(name) // the documents' folder is in the target blocks above
		}
		b.WriteString(pad(fit(name, nameW), nameW) + " ")
		if len(r.Documents) == 0 {
			note := tr(l, "no contract", "aucun contrat")
			if r.Note == "file-missing" {
				note = tr(l, "contract file not found", "fichier du contrat introuvable")
			}
			b.WriteString(p.paint(red, note))
			p.line(b.String())
			continue
		}
		for _, c := range r.Cells {
			b.WriteString(p.paint(levelColor(c.Level), MatrixSymbol(c.Level)) + "  ")
		}
		p.line(strings.TrimRight(b.String(), " "))
	}
	var legend []string
	for _, c := range m.Columns {
		legend = append(legend, c.Code+"="+c.Element)
	}
	p.wrapped("  ", 2, strings.Join(legend, "  "))
}

func levelColor(level string) string {
	switch level {
	case "specific":
		return green
	case "present", "restated":
		return yellow
	}
	return red
}
