package report

import (
	"context"
	"io"
	"strings"

	"github.com/vigie-security/vigie/internal/atomicfile"
	"github.com/vigie-security/vigie/internal/check"
)

// Writer renders a report. Implementations never modify it.
type Writer interface {
	Write(ctx context.Context, w io.Writer, r Report) error
}

// Options shape what people read; machine formats ignore them.
type Options struct {
	Lang  check.Lang
	Color bool
	Width int // columns for the table; 0 means 100
}

// Formats lists every output format, for flags, config and help.
// html and pdf are added by their own package (internal/report/html).
var Formats = []string{"table", "json", "sarif", "junit", "markdown", "csv", "prometheus"}

// For returns the writer of a format.
func For(format string, o Options) (Writer, error) {
	switch format {
	case "table":
		return Table{Options: o}, nil
	case "json":
		return JSON{}, nil
	case "sarif":
		return SARIF{Options: o}, nil
	case "junit":
		return JUnit{Options: o}, nil
	case "markdown":
		return Markdown{Options: o}, nil
	case "csv":
		return CSV{Options: o}, nil
	case "prometheus":
		return Prometheus{}, nil
	}
	return nil, check.Errorf("unknown format %q (want one of %s)", "format inconnu %q (formats possibles : %s)", format, strings.Join(Formats, ", "))
}

// WriteFile writes a rendered report to path atomically with mode 0600: a
// reader never sees half a report, and the file is private from the start.
func WriteFile(ctx context.Context, path string, w Writer, r Report) error {
	write := func(out io.Writer) error {
		if err := w.Write(ctx, out, r); err != nil {
			return err
		}
		return r.Err() // findings lost on the way from the spool: not a report to deliver
	}
	if err := atomicfile.Write(path, write); err != nil {
		return check.Errorf("writing the report: %v", "écriture du rapport : %v", err)
	}
	return nil
}
