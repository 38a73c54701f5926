package report_test

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/score"
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
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) && !plainNumber(cell) {
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

func plainNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil && !strings.ContainsAny(s, "eEInfa")
}

// A bonus is a negative number of points lost: a number, not a formula, so
// it is written as -10, not '-10; text starting with - is still guarded.
func TestCSVNegativeNumbersStayNumbers(t *testing.T) {
	r := rich(t)
	tg := r.Scores.Targets[0]
	f := check.Finding{CheckID: "WEB-BONUS-001", Family: tg.Family, Target: tg.Target, Status: check.Pass,
		Message: check.Text{EN: "-10 points", FR: "-10 points"}}
	r.Findings = append(r.Findings, f)
	r.Scores.Targets[0].Deductions = append(append([]score.Deduction(nil), tg.Deductions...),
		score.Deduction{CheckID: "WEB-BONUS-001", Status: check.Pass, Points: -10, Basis: score.BasisObservatory})
	rows, err := csv.NewReader(bytes.NewReader(render(t, report.CSV{}, r))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	last := rows[len(rows)-1]
	if got := last[len(last)-1]; got != "-10" {
		t.Errorf("points cell %q, want -10", got)
	}
	if got := last[8]; got != "'-10 points" {
		t.Errorf("message cell %q, want the guard on text: '-10 points", got)
	}
}
