package leadscan

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/vigie-security/vigie/internal/check"
)

type sheet struct {
	name string
	rows [][]any
}

// workbook writes the sheets, in order, into a new workbook (mode 0600).
func workbook(t *testing.T, sheets ...sheet) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for j, r := range s.rows {
			cell, _ := excelize.CoordinatesToCellName(1, j+1)
			if err := f.SetSheetRow(s.name, cell, &r); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	os.Chmod(path, 0o600)
	return path
}

var (
	summary  = sheet{"Résumé", [][]any{{"Indicateur", "Valeur"}, {"Nombre de contacts", 3}}}
	contacts = sheet{"Contacts", [][]any{{"Identifiant", "E-mail", "Date de collecte", "Consentement"},
		{"K1", "kevin.durand@gmail.com", 43466, "non"}, // 2019-01-01: over 3 years, no consent
		{"K2", "lea.martin@orange.fr", 46000, "non"},
		{"K3", "paul.roux@free.fr", 46000, "oui"}}}
	archive  = sheet{"Archives", [][]any{{"Courriel", "Créé le"}, {"anne.petit@laposte.net", 42005}}}
	byValues = sheet{"Export", [][]any{{"Destinataire", "Ville"}, {"anne.petit@laposte.net", "Lyon"}, {"marc.blanc@gmail.com", "Nantes"}, {"ines.noir@free.fr", "Brest"}}}
	cities   = sheet{"Villes", [][]any{{"Ville", "Habitants"}, {"Lyon", 520000}, {"Nantes", 320000}}}
	regions  = sheet{"Régions", [][]any{{"Région", "Chef-lieu"}, {"Bretagne", "Rennes"}}}
	empty    = sheet{"Feuil2", nil}
	person   = sheet{"jeanne.secret@gmail.com", [][]any{{"E-mail"}, {"jeanne.secret@gmail.com"}}}
)

// A workbook's sheet is chosen as a SQLite table is: --table, else the only
// sheet with an e-mail or phone column, else the only sheet holding rows;
// several candidates are a usage error that lists them. The first sheet is
// no longer read whatever it holds, and "read in full" is never said of a
// workbook whose other lead sheets were not read.
func TestSheetChosen(t *testing.T) {
	for _, tc := range []struct {
		name   string
		sheets []sheet
		table  string
		read   string // the sheet read, in the target; "" for the path alone
		rows   int
		src001 check.Status
		note   string // in LEAD-SRC-001's message, or the usage error
		fr     string
	}{
		{name: "summary first", sheets: []sheet{summary, contacts}, read: "Contacts", rows: 3, src001: check.Pass},
		{name: "summary after", sheets: []sheet{contacts, summary, empty}, read: "Contacts", rows: 3, src001: check.Pass},
		{name: "found by values", sheets: []sheet{cities, byValues}, read: "Export", rows: 3, src001: check.Pass},
		{name: "one sheet of rows", sheets: []sheet{empty, cities}, read: "Villes", rows: 2, src001: check.Pass},
		{name: "one sheet", sheets: []sheet{contacts}, rows: 3, src001: check.Pass},
		{name: "two lead sheets", sheets: []sheet{summary, contacts, archive},
			note: "several sheets could hold the leads (Contacts, Archives): choose one with --table or leads.table",
			fr:   "plusieurs feuilles pourraient contenir les prospects (Contacts, Archives) : choisissez-en une avec --table ou leads.table"},
		{name: "two sheets of rows, no leads", sheets: []sheet{cities, regions},
			note: "several sheets could hold the leads (Villes, Régions)", fr: "plusieurs feuilles pourraient contenir les prospects (Villes, Régions)"},
		{name: "a sheet named after a person", sheets: []sheet{contacts, person},
			note: "several sheets could hold the leads (Contacts and 1 other sheet)", fr: "(Contacts et 1 autre feuille)"},
		{name: "--table, another lead sheet", sheets: []sheet{summary, contacts, archive}, table: "contacts", read: "Contacts", rows: 3, src001: check.Warn,
			note: "another sheet with an e-mail or phone column was not read: Archives (check it with --table)",
			fr:   "une autre feuille ayant une colonne d'e-mail ou de téléphone n'a pas été lue : Archives (vérifiez-la avec --table)"},
		{name: "--table, another sheet named after a person", sheets: []sheet{contacts, person}, table: "Contacts", read: "Contacts", rows: 3, src001: check.Warn,
			note: "1 other sheet with an e-mail or phone column was not read (check it with --table)",
			fr:   "1 autre feuille ayant une colonne d'e-mail ou de téléphone n'a pas été lue (vérifiez-la avec --table)"},
		{name: "--table, the other sheets hold no leads", sheets: []sheet{summary, contacts, cities}, table: "Contacts", read: "Contacts", rows: 3, src001: check.Pass},
	} {
		path := workbook(t, tc.sheets...)
		src := Source{Path: path, Table: tc.table}
		if tc.rows == 0 {
			_, err := Prepare(src)
			if err == nil || !strings.Contains(err.Error(), tc.note) || !strings.Contains(check.InLang(err, check.FR), tc.fr) {
				t.Errorf("%s: %v", tc.name, err)
			}
			if err != nil && strings.Contains(err.Error()+check.InLang(err, check.FR), "jeanne") {
				t.Errorf("%s: a sheet named after a person is shown: %v", tc.name, err)
			}
			continue
		}
		p, err := Prepare(src)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		target := path
		if tc.read != "" {
			target += "#" + tc.read
		}
		ev := p.Collect(context.Background(), june)
		fs := findings(t, src, june)
		f := fs["LEAD-SRC-001"]
		if b, _ := json.Marshal(fs); strings.Contains(string(b)+p.Target, "jeanne") {
			t.Errorf("%s: a sheet named after a person is shown", tc.name)
		}
		switch {
		case p.Target != target:
			t.Errorf("%s: target %q, want %q", tc.name, p.Target, target)
		case ev.Problem != nil || ev.Counts.Rows != tc.rows:
			t.Errorf("%s: %v, %d records, want %d", tc.name, ev.Problem, ev.Counts.Rows, tc.rows)
		case f.Status != tc.src001 || !strings.Contains(f.Message.EN, tc.note) || !strings.Contains(f.Message.FR, tc.fr):
			t.Errorf("%s: LEAD-SRC-001 %s %q / %q", tc.name, f.Status, f.Message.EN, f.Message.FR)
		case tc.src001 != check.Pass && strings.Contains(f.Message.EN, "read in full"):
			t.Errorf("%s: %q", tc.name, f.Message.EN)
		}
	}
	// The summary-first workbook is judged on its contacts: K1 (2019, no
	// consent) and K2 (no consent) are found.
	fs := findings(t, Source{Path: workbook(t, summary, contacts)}, june)
	if f := fs["LEAD-CON-001"]; f.Status != check.Fail {
		t.Errorf("LEAD-CON-001 %s %q", f.Status, f.Message.EN)
	}
	if f := fs["LEAD-RET-001"]; f.Status != check.Fail {
		t.Errorf("LEAD-RET-001 %s %q", f.Status, f.Message.EN)
	}
}

// The sheets examined to choose one are bounded: past them, choosing is
// the user's.
func TestTooManySheets(t *testing.T) {
	sheets := make([]sheet, maxSheets+1)
	for i := range sheets {
		sheets[i] = sheet{fmt.Sprintf("S%d", i), [][]any{{"email"}, {"a.b@gmail.com"}}}
	}
	_, err := Prepare(Source{Path: workbook(t, sheets...)})
	if err == nil || !strings.Contains(err.Error(), "the workbook has 101 sheets: choose one with --table") ||
		!strings.Contains(check.InLang(err, check.FR), "le classeur a 101 feuilles : choisissez-en une avec --table") {
		t.Errorf("%v", err)
	}
}

// Past the bound, the lead sheets found before it are still named: the
// note for the sheets not examined does not replace them.
func TestOtherSheetsPastTheBound(t *testing.T) {
	sheets := make([]sheet, maxSheets+2)
	for i := range sheets {
		sheets[i] = sheet{fmt.Sprintf("S%d", i), [][]any{{"email"}, {"a.b@gmail.com"}}}
	}
	x, err := openXLSX(Source{Path: workbook(t, sheets...), Table: "S0", Limits: DefaultLimits()})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	notes := x.Notes()
	if len(notes) != 2 || !strings.Contains(notes[0].EN, "other sheets with an e-mail or phone column were not read") ||
		notes[1].EN != "2 more sheets were neither examined nor read" {
		t.Errorf("%q", notes)
	}
}
