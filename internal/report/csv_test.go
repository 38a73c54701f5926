package report_test

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

func TestCSVGolden(t *testing.T) {
	golden(t, "report.en.golden.csv", render(t, report.CSV{Options: report.Options{Lang: check.EN}}, sample(t)))
	golden(t, "rich.fr.golden.csv", render(t, report.CSV{Options: report.Options{Lang: check.FR}}, rich(t)))
}

func TestCSVRowsAndQuoting(t *testing.T) {
	r := rich(t)
	out := render(t, report.CSV{Options: report.Options{Lang: check.EN}}, r)
	if !bytes.HasSuffix(out, []byte("\r\n")) {
		t.Error("rows do not end with CRLF (RFC 4180)")
	}
	rd := csv.NewReader(bytes.NewReader(out))
	rd.FieldsPerRecord = len(report.CSVColumns)
	rows, err := rd.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], report.CSVColumns) || len(rows) != len(r.Findings)+1 {
		t.Fatalf("header %v, %d rows for %d findings", rows[0], len(rows)-1, len(r.Findings))
	}
	col := func(name string) int { return slices.Index(report.CSVColumns, name) }
	for i, f := range r.Findings {
		row := rows[i+1]
		if row[col("check_id")] != f.CheckID || row[col("status")] != string(f.Status) || row[col("fingerprint")] != f.Fingerprint {
			t.Errorf("row %d = %v for %s", i+1, row, f.CheckID)
		}
		if f.Target == hostileSite && row[col("target")] != hostileSite {
			t.Errorf("hostile target came back as %q", row[col("target")])
		}
		if f.Waiver != nil && (row[col("waiver_statement")] != f.Waiver.Statement || !strings.HasPrefix(row[col("waiver_expires")], "2027-02-23")) {
			t.Errorf("waived row %v", row)
		}
		if f.Status == check.Fail && row[col("points")] == "" {
			t.Errorf("failed %s on %q has no points", f.CheckID, f.Target)
		}
	}
}

// TestCSVFormulaInjection: no cell a spreadsheet reads may start with a
// formula character (OWASP CSV Injection); the apostrophe keeps the text.
func TestCSVFormulaInjection(t *testing.T) {
	r := rich(t)
	for _, start := range []string{"=", "+", "-", "@", "\t", "\r"} {
		f := r.Findings[0]
		f.Target = start + `cmd|' /C calc'!A0`
		f.Message = check.Text{EN: start + "1+1", FR: start + "1+1"}
		r.Findings = append(r.Findings, f)
	}
	rows, err := csv.NewReader(bytes.NewReader(render(t, report.CSV{}, r))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, row := range rows[1:] {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("cell %q starts a formula", cell)
			}
			if strings.HasPrefix(cell, "'") && strings.Contains(cell, "calc") {
				found++
			}
		}
	}
	if found != 6 {
		t.Errorf("%d neutralised targets, want 6", found)
	}
}
