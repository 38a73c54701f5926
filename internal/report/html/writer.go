// Package htmlreport writes the report a consultant hands over: one
// self-contained HTML file (inline CSS and SVG, no request to any host),
// printable, in French or English, and the same page printed to PDF
// through an installed Chrome or Chromium.
package htmlreport

import (
	"bufio"
	"context"
	_ "embed"
	"html/template"
	"io"
	"time"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

// Writer renders the HTML report. It implements report.Writer.
type Writer struct {
	Lang       check.Lang
	Org        string           // the organisation audited, on the cover
	Consultant string           // who hands the report over, on the cover
	Now        func() time.Time // the "generated on" date; nil means time.Now
	// Limit is the longest list shown in full (targets per family, findings
	// per target, changes, matrix rows); the rest is counted. 0 means 100.
	Limit int
}

var _ report.Writer = Writer{}

//go:embed report.html.tmpl
var pageTemplate string

//go:embed report.css
var pageCSS string

// base is parsed once; each Write clones it to bind the language.
var base = template.Must(template.New("page").Funcs(template.FuncMap{
	"tr":    func(en, fr string) string { return en },
	"css":   func() template.CSS { return template.CSS(pageCSS) },
	"add":   func(a, b int) int { return a + b },
	"count": func(n int, en1, en, fr1, fr string) string { return count(check.EN, n, en1, en, fr1, fr) },
}).Parse(pageTemplate))

func (w Writer) lang() check.Lang {
	if w.Lang == check.FR {
		return check.FR
	}
	return check.EN
}

func (w Writer) limit() int {
	if w.Limit > 0 {
		return w.Limit
	}
	return 100
}

// Write renders r; it reads the report and never changes it.
func (w Writer) Write(ctx context.Context, out io.Writer, r report.Report) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	l := w.lang()
	t, err := base.Clone()
	if err != nil {
		return err
	}
	t.Funcs(template.FuncMap{"tr": func(en, fr string) string { return tr(l, en, fr) },
		"count": func(n int, en1, en, fr1, fr string) string { return count(l, n, en1, en, fr1, fr) }})
	bw := bufio.NewWriterSize(out, 64<<10)
	// The page is laid out from every finding at once (groups, the plan's
	// what-ifs); a report kept on disk is read into memory for it.
	if err := t.Execute(bw, w.build(r.InMemory())); err != nil {
		return check.Errorf("HTML report: %v", "rapport HTML : %v", err)
	}
	return bw.Flush()
}
