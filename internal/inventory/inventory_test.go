package inventory

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"github.com/vigie-security/vigie/checks/contracts"
)

func write(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCSVFrenchExport(t *testing.T) {
	// What Excel in French saves as "CSV (séparateur : point-virgule)": a
	// BOM, ";" and day-first dates.
	csv := "\ufeffSous-traitant;Finalité;Données traitées;Contrat;Signé;Date de signature;Date de fin;Prochaine revue;Pays;Outil de transfert\n" +
		"Routeur Express;emailing;nom, email;dpa-routeur.pdf;oui;02/01/2025;31/12/2026;01/06/2026;France;\n" +
		";;;;;;;;;\n" +
		"CallSud;appels;nom, téléphone, santé;callsud.docx | annexe.pdf;non;;;bientôt;Maroc;CCT 2021/914\n"
	rows, err := Load(write(t, "inv.csv", []byte(csv)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("%d rows, want 2 (blank row skipped): %+v", len(rows), rows)
	}
	r := rows[0]
	if r.Name != "Routeur Express" || r.Signed != contracts.Yes || r.SignedOn == nil || r.SignedOn.Format("2006-01-02") != "2025-01-02" ||
		r.End.Format("2006-01-02") != "2026-12-31" || len(r.DataCategories) != 2 || r.Row != 2 {
		t.Errorf("row 1 = %+v", r)
	}
	c := rows[1]
	if c.Signed != contracts.No || len(c.Contracts) != 2 || c.Contracts[1] != "annexe.pdf" || c.Mechanism != "CCT 2021/914" || c.Row != 4 {
		t.Errorf("row 2 = %+v", c)
	}
	if !strings.Contains(c.Problems["review"], "not a date") || strings.Contains(c.Problems["review"], "bientôt") {
		t.Errorf("an unreadable date is kept as a problem, without the cell: %+v", c.Problems)
	}
}

func TestCSVWindows1252Comma(t *testing.T) {
	text := "Processor,Purpose,Contract,Signed,Countries\r\nDonnées Santé SA,hébergement,hds.pdf,yes,\"France, Suisse\"\r\n"
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := Load(write(t, "inv.csv", b), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rows[0].Name != "Données Santé SA" || rows[0].Service != "hébergement" || len(rows[0].Countries) != 2 {
		t.Errorf("Windows-1252 row = %+v", rows[0])
	}
}

func TestColumnsOverride(t *testing.T) {
	path := write(t, "inv.csv", []byte("Raison du partenaire;Pièce\nAcme;acme.pdf\n"))
	if _, err := Load(path, Options{}); err == nil || !strings.Contains(err.Error(), "no processor column") {
		t.Errorf("unmapped processor column: %v", err)
	}
	rows, err := Load(path, Options{Columns: map[string]string{"processor": "Raison du partenaire", "contracts": "pièce"}})
	if err != nil || rows[0].Name != "Acme" || rows[0].Contracts[0] != "acme.pdf" {
		t.Errorf("override: %+v, %v", rows, err)
	}
	if _, err := Load(path, Options{Columns: map[string]string{"procesor": "x"}}); err == nil || !strings.Contains(err.Error(), `unknown field "procesor"`) {
		t.Errorf("typo in columns: %v", err)
	}
	if _, err := Load(path, Options{Columns: map[string]string{"processor": "Nom"}}); err == nil || !strings.Contains(err.Error(), `no column named "Nom"`) {
		t.Errorf("override naming no column: %v", err)
	}
}

func TestBadInventories(t *testing.T) {
	for name, tc := range map[string]struct{ file, data, want string }{
		"duplicate":   {"i.csv", "processor,contract\nAcme,a.pdf\nacme,b.pdf\n", `row 3: same processor name as row 2`},
		"no name":     {"i.csv", "processor,contract\n,a.pdf\n", "line 2: no processor name"},
		"empty":       {"i.csv", "processor,contract\n", "no processor rows"},
		"format":      {"i.ods", "x", "unsupported format"},
		"yaml field":  {"i.yaml", "processors:\n  - name: Acme\n    contrat: a.pdf\n", `line 3: unknown field "contrat"`},
		"yaml root":   {"i.yaml", "vendors: []\n", "processors"},
		"not xlsx":    {"i.xlsx", "not a zip", "not a readable XLSX"},
		"yaml noname": {"i.yaml", "processors:\n  - service: x\n", "line 2: a processor needs a name"},
		// Not a contract named "unterminated": the file is malformed.
		"open quote": {"q.csv", "processor;contract\nFoo;\"unterminated\n", "line 2: a quote opened on this line is never closed (the file ends inside it)"},
		"open quote, rows after": {"q.csv", "processor;contract\nFoo;\"a.pdf\nBar;b.pdf\nBaz;c.pdf\n",
			"line 2: a quote opened on this line is never closed: the 2 lines after it (lines 3 to 4, the end of the file) were read as one cell"},
		"open header quote": {"q.csv", "processor;\"contract\nFoo;a.pdf\n", "line 1: a quote opened on this line is never closed"},
		"stray quote": {"q.csv", "processor;contract;country\nFoo;\"a.pdf;FR\nBar;b.pdf;FR\nBaz;c.pdf;FR\nQux;\"d.pdf\";FR\n",
			"line 2: the quoted cell of column 2 holds 2 lines that read as rows of the inventory: a stray quote?"},
	} {
		_, err := Load(write(t, tc.file, []byte(tc.data)), Options{})
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), tc.file) {
			t.Errorf("%s: error %v, want it to name the file and say %q", name, err, tc.want)
		}
	}
}

func TestYAML(t *testing.T) {
	y := `processors:
  - name: Cloudbridge
    contracts: [dpa-cloudbridge.md]
    signed: yes
    signed_on: 2025-03-14
    countries: Ireland; Germany
    data_categories: [name, e-mail]
  - processor: Pixelscore
    contracts: pixelscore.txt
    countries: [US]
    mechanism: Data Privacy Framework
`
	rows, err := Load(write(t, "inv.yaml", []byte(y)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].SignedOn == nil || len(rows[0].Countries) != 2 || rows[1].Mechanism != "Data Privacy Framework" || rows[1].Row != 8 {
		t.Errorf("yaml rows = %+v", rows)
	}
}

func TestXLSX(t *testing.T) {
	f := excelize.NewFile()
	sheet := "Sous-traitants"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	for i, row := range [][]any{
		{"Nom du prestataire", "Contrat DPA", "Date de signature", "Pays"},
		{"Mailstream", "mailstream.html", 45677, "Irlande"}, // 2025-01-20 as an Excel serial
	} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "inv.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	rows, err := Load(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rows[0].Name != "Mailstream" || rows[0].SignedOn == nil || rows[0].SignedOn.Format("2006-01-02") != "2025-01-20" || rows[0].Row != 2 {
		t.Errorf("xlsx row = %+v", rows[0])
	}
	if _, err := Load(path, Options{Sheet: "Vendors"}); err == nil || !strings.Contains(err.Error(), `no sheet named "Vendors"`) {
		t.Errorf("missing sheet: %v", err)
	}
}

func FuzzCSV(f *testing.F) {
	f.Add([]byte("processor;contract;signed\nAcme;a.pdf;oui\n"))
	f.Add([]byte("\xff\xfe\x00p"))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		p := filepath.Join(dir, "f.csv")
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		rows, err := Load(p, Options{})
		if err == nil && len(rows) == 0 {
			t.Error("no error and no rows")
		}
	})
}

// Quoted cells over several lines, and stray quotes inside a cell, still
// load: only a quote left open, or one that swallows rows, is refused.
func TestCSVQuotedLines(t *testing.T) {
	data := "processor;contract;notes\nAcme;a.pdf;\"signed;\nrenewed; 2025\"\nDupont \"SA\";b.pdf;5\" screen\n"
	rows, err := Load(write(t, "q.csv", []byte(data)), Options{})
	if err != nil || len(rows) != 2 || rows[1].Name != `Dupont "SA"` {
		t.Fatalf("%d rows, %v", len(rows), err)
	}
}

// A note over several lines with the table's count of separators on each
// (review 7 H2) is one cell of a valid row, in French and English, as is
// an address block; the inventory loads whole.
func TestCSVMultiLineNotes(t *testing.T) {
	for name, data := range map[string]string{
		"reviewer's note": "processor,contract,notes\nAcme,a.pdf,\"Rappeler lundi\nIntéressée par A, B, C\nDevis envoyé, relance, ok\nFin\"\nBeta,b.pdf,RAS\n",
		"French":          "processor;contract;signed_on;notes\nAcme;a.pdf;2024-01-05;\"Signé le 5; avenant le 9; relu\nRenouvelé; voir avenant; 2025; ok\nrevu; puis; signé; encore\nFin\"\nBeta;b.pdf;2024-02-01;RAS\n",
		"English":         "processor,contract,notes\nAcme,a.pdf,\"Signed in May\nRenewed, amended, ok\nAudit, review, done\nEnd\"\nBeta,b.pdf,ok\n",
		"address block":   "processor,contract,address\nAcme,a.pdf,\"Acme SAS\n12 rue X, 75011, Paris\nBât. B, 2e étage, France\n\"\nBeta,b.pdf,\"12 rue X,\n75011 Paris, France\"\n",
	} {
		rows, err := Load(write(t, "n.csv", []byte(data)), Options{})
		if err != nil || len(rows) != 2 || rows[1].Name != "Beta" {
			t.Errorf("%s: %d rows, %v; want Acme and Beta", name, len(rows), err)
		}
	}
}
