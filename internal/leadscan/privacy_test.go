package leadscan

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/vigie-security/vigie/checks/leads"
	"github.com/vigie-security/vigie/internal/check"
)

// seeded personal values: none may appear in any finding or error.
var seeded = []string{
	"jeanne.secret@gmail.com", "jeanne.secret", "secret@gmail",
	"06 12 34 56 78", "0612345678", "612345678",
	"4970 1012 3456 7893", "4970101234567893", "101234567893",
	"FR76 3000 6000 0112 3456 7890 189", "FR7630006000011234567890189", "30006000011234567890",
	"1 85 05 78 006 084 91", "185057800608491",
	"diabète", "diabete", "Lévêque", "azerty123", "5f4dcc3b5aa765d61d8327deb882cf99", "$2b$12$abcdefghijklmnopqrstuv",
	"Cancer Research Foundation",
}

const seededRow = "jeanne.secret@gmail.com,06 12 34 56 78,Lévêque,2019-01-01,\"diabète, carte 4970 1012 3456 7893, IBAN FR76 3000 6000 0112 3456 7890 189, NIR 1 85 05 78 006 084 91\",azerty123,Partenaire LinkedIn,Cancer Research Foundation,123,01/01/2012"

func TestNothingPersonalLeaks(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		// With a header, every check fed the seeded values.
		"header.csv": "Email,Phone,Last Name,Create Date,Notes,Password,Lead Source,Company,CVV,Birthdate\n" + seededRow + "\n" +
			"2,0612345678,Lévêque,2019-01-01,diabète,5f4dcc3b5aa765d61d8327deb882cf99,web,x,1,01/01/1990\n" +
			"x@free.fr,0612345678,Lévêque,2019-01-01,n,$2b$12$abcdefghijklmnopqrstuv,web,x,1,01/01/1990\n",
		// No header: the first row is data.
		"noheader.csv": seededRow + "\n" + seededRow + "\n",
		// Ragged: the bad row is counted by number only.
		"ragged.csv": "Email,Phone\n" + seededRow + "\n",
		// The bad header: values where labels should be, duplicated.
		"dup.csv": "jeanne.secret@gmail.com,jeanne.secret@gmail.com\n" + seededRow + "\n",
	}
	var paths []string
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	// A workbook whose sheet is named after a person: the sheet's name,
	// shown in messages, must not show the e-mail either.
	book := excelize.NewFile()
	if err := book.SetSheetName("Sheet1", "jeanne.secret@gmail.com"); err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(files["header.csv"], "\n") {
		rec, _ := csv.NewReader(strings.NewReader(line)).Read()
		cells := make([]any, len(rec))
		for j, c := range rec {
			cells[j] = c
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := book.SetSheetRow("jeanne.secret@gmail.com", cell, &cells); err != nil {
			t.Fatal(err)
		}
	}
	xlsx := filepath.Join(dir, "leads.xlsx")
	if err := book.SaveAs(xlsx); err != nil {
		t.Fatal(err)
	}
	paths = append(paths, xlsx)
	var out []string
	for _, p := range paths {
		for _, now := range []time.Time{june, time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)} {
			plan, err := Prepare(Source{Path: p})
			if err != nil {
				out = append(out, err.Error(), check.InLang(err, check.FR))
				continue
			}
			ev := plan.Collect(context.Background(), now)
			if ev.Problem != nil {
				out = append(out, ev.Problem.EN, ev.Problem.FR)
			}
			for _, c := range leads.All() {
				b, err := json.Marshal(c.Evaluate(ev))
				if err != nil {
					t.Fatal(err)
				}
				out = append(out, string(b))
			}
		}
	}
	// Two tables named after people: the error that asks to choose one
	// counts them.
	people := sqliteFile(t, `CREATE TABLE "jeanne.secret@gmail.com" (email TEXT)`, `CREATE TABLE "06 12 34 56 78" (email TEXT)`)
	// Errors of sources that fail.
	for _, src := range []Source{
		{Path: people},
		{Path: people, Table: "Nope"},
		{Path: filepath.Join(dir, "header.csv"), Columns: map[string]string{"email": "jeanne.secret@gmail.com"}},
		{Path: filepath.Join(dir, "missing-jeanne.secret.csv")},
		{Path: xlsx, Table: "Nope"}, // the error lists the sheets, unless one reads as a value
	} {
		if plan, err := Prepare(src); err != nil {
			out = append(out, err.Error(), check.InLang(err, check.FR))
		} else if ev := plan.Collect(context.Background(), june); ev.Problem != nil {
			out = append(out, ev.Problem.EN, ev.Problem.FR)
		}
	}
	all := strings.Join(out, "\n")
	// The configured label and the missing file's name are the user's own
	// input, echoed on purpose: drop those two lines before looking.
	var kept []string
	for _, l := range strings.Split(all, "\n") {
		if !strings.Contains(l, "leads.columns: email =") && !strings.Contains(l, "missing-jeanne") {
			kept = append(kept, l)
		}
	}
	all = strings.Join(kept, "\n")
	for _, s := range seeded {
		if strings.Contains(all, s) || strings.Contains(all, strings.ReplaceAll(s, " ", "")) && len(strings.ReplaceAll(s, " ", "")) > 8 {
			i := strings.Index(all, s)
			if i < 0 {
				i = strings.Index(all, strings.ReplaceAll(s, " ", ""))
			}
			t.Errorf("%q leaked: …%s…", s, all[max(0, i-80):min(len(all), i+80)])
		}
	}
	// And the checks did see them.
	for _, id := range []string{`"LEAD-SEN-005","family":"leads","status":"FAIL"`, `"LEAD-SEN-004","family":"leads","status":"FAIL"`,
		`"LEAD-SEN-007","family":"leads","status":"FAIL"`, `"LEAD-SEN-001","family":"leads","status":"FAIL"`, `"LEAD-SEC-001","family":"leads","status":"FAIL"`} {
		if !strings.Contains(all, id) {
			t.Errorf("expected %s", id)
		}
	}
}
