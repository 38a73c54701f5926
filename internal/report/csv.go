package report

import (
	"bufio"
	"context"
	"encoding/csv"
	"io"
	"regexp"
	"strconv"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

// CSV writes one row per finding under a header of stable column names,
// quoted per RFC 4180 (encoding/csv, CRLF line ends). Title and message are
// in the report's language; status and severity stay codes, for filters.
// The CSV is for tools, so numbers are written as machines read them (12.7,
// a dot, whatever the language): a French spreadsheet importing it is told
// the decimal separator in its import dialog.
//
// A cell that a spreadsheet would run as a formula (it starts with = + - @,
// a tab or a carriage return) gets a leading apostrophe, as the OWASP "CSV
// Injection" page advises: a scanned target or a document's text must not
// become a formula on the auditor's machine. A plain number (-10, -2.5) is
// not a formula and stays a number.
type CSV struct{ Options }

// CSVColumns are the header's names; columns are only ever added at the end.
var CSVColumns = []string{"scan_id", "started_at", "family", "target", "check_id", "title", "severity", "status",
	"message", "fingerprint", "waiver_statement", "waiver_expires", "points"}

func (c CSV) Write(ctx context.Context, out io.Writer, r Report) error {
	l := c.Lang
	bw := bufio.NewWriterSize(out, 64<<10)
	w := csv.NewWriter(bw)
	w.UseCRLF = true
	if err := w.Write(CSVColumns); err != nil {
		return err
	}
	points := deductionPoints(r)
	started := r.StartedAt.UTC().Format(time.RFC3339)
	row := make([]string, len(CSVColumns))
	for i, f := range r.NumberedVerdicts() {
		if i%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		m, _ := r.Meta(f.CheckID)
		statement, expires := "", ""
		if f.Waiver != nil {
			statement, expires = f.Waiver.Statement, f.Waiver.Expires.UTC().Format(time.RFC3339)
		}
		pts := ""
		if p, ok := points[pointKey{f.Family, f.Target, f.CheckID}]; ok {
			pts = strconv.FormatFloat(p, 'f', -1, 64)
		}
		copy(row, []string{r.ScanID, started, string(f.Family), f.Target, f.CheckID, m.Title.In(l), f.Severity.String(),
			string(f.Status), f.Message.In(l), f.Fingerprint, statement, expires, pts})
		for k := range row {
			row[k] = inertCell(row[k])
		}
		if err := w.Write(row); err != nil {
			return err
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// inertCell keeps a spreadsheet from reading a cell as a formula.
func inertCell(s string) string {
	if s == "" || plainNumber.MatchString(s) {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// plainNumber is a decimal as the CSV writes it, sign included.
var plainNumber = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

type pointKey struct {
	family       check.Family
	target, chck string
}

// deductionPoints is what each failing check cost its target's score.
func deductionPoints(r Report) map[pointKey]float64 {
	m := map[pointKey]float64{}
	for _, t := range r.Scores.Targets {
		for _, d := range t.Deductions {
			m[pointKey{t.Family, t.Target, d.CheckID}] += d.Points
		}
	}
	return m
}
