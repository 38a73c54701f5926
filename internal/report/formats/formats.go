// Package formats is the one list of report formats and their writers, for
// the CLI, the config and the TUI: internal/report's own, then the HTML and
// PDF of internal/report/html (which imports report, so report cannot name it).
package formats

import (
	"strings"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
	htmlreport "github.com/vigie-security/vigie/internal/report/html"
)

// Names lists every format, in the order help texts show them.
var Names = append(append([]string{}, report.Formats...), "html", "pdf")

// Options shape a writer: report.Options, and for the HTML and PDF reports
// the organisation and consultant they name and the browser that prints.
type Options struct {
	report.Options
	Organisation, Consultant, Browser string
}

// For makes the writer of one format.
func For(name string, o Options) (report.Writer, error) {
	page := htmlreport.Writer{Lang: o.Lang, Org: o.Organisation, Consultant: o.Consultant}
	switch name {
	case "html":
		return page, nil
	case "pdf":
		return htmlreport.PDF{HTML: page, Chrome: o.Browser}, nil
	}
	w, err := report.For(name, o.Options)
	if err != nil {
		return nil, check.Errorf("unknown format %q (want one of %s)", "format inconnu %q (formats possibles : %s)", name, strings.Join(Names, ", "))
	}
	return w, nil
}
