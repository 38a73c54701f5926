package inventory

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

const seedBcrypt = "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"

var seeds = []string{"jean@x.fr", "Azerty123!", seedBcrypt, "Jean Dupont", "0612345678"}

func leaks(s string) string {
	for _, v := range seeds {
		if strings.Contains(s, v) {
			return v
		}
	}
	return ""
}

func xlsxFile(t testing.TB, rows [][]any) string {
	t.Helper()
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, r); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "inv.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestNoValueInErrors: a file without a header, or with personal values in
// cells, never has them printed (issue 17, item 2); the error says how many
// columns there are and on which line.
func TestNoValueInErrors(t *testing.T) {
	headerless := "jean@x.fr,Azerty123!,0612345678\nmarie@x.fr,Soleil42,0698765432\n"
	for name, tc := range map[string]struct {
		path string
		opt  Options
		want string
	}{
		"csv without header": {write(t, "u.csv", []byte(headerless)), Options{},
			"no processor column: line 1 does not look like a header (3 columns, not shown"},
		"csv, column mapped": {write(t, "u.csv", []byte(headerless)), Options{Columns: map[string]string{"processor": "Nom"}},
			`contracts.columns.processor: no column named "Nom": line 1 does not look like a header (3 columns`},
		"csv, hash in header": {write(t, "u.csv", []byte("email;"+seedBcrypt+"\n")), Options{}, "line 1 does not look like a header (2 columns"},
		"xlsx without header": {xlsxFile(t, [][]any{{}, {"jean@x.fr", "Azerty123!"}}), Options{},
			"no processor column: row 2 does not look like a header (2 columns"},
		"duplicate name": {write(t, "u.csv", []byte("nom,email\nJean Dupont,a\njean dupont,b\n")), Options{}, "row 3: same processor name as row 2"},
		"yaml key":       {write(t, "u.yaml", []byte("jean@x.fr: Azerty123!\n")), Options{}, "an unknown field"},
		"yaml scalar":    {write(t, "u.yaml", []byte("processors: jean@x.fr Azerty123!\n")), Options{}, "cannot unmarshal !!str a value"},
		"yaml row key":   {write(t, "u.yaml", []byte("processors:\n  - name: Acme\n    jean@x.fr: Azerty123!\n")), Options{}, "line 3: an unknown field"},
		"yaml dup key":   {write(t, "u.yaml", []byte("processors:\n  - name: Acme\n    name: Jean Dupont\n")), Options{}, "line 3"},
	} {
		_, err := Load(tc.path, tc.opt)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), filepath.Base(tc.path)) {
			t.Errorf("%s: error %v, want the file and %q", name, err, tc.want)
		}
		if err != nil && leaks(err.Error()) != "" {
			t.Errorf("%s: the error shows %q: %v", name, leaks(err.Error()), err)
		}
	}
}

// TestLabelsAreListed: a header of labels is still listed, it helps.
func TestLabelsAreListed(t *testing.T) {
	_, err := Load(write(t, "inv.csv", []byte("Raison du partenaire;Pièce\nAcme;acme.pdf\n")), Options{})
	if err == nil || !strings.Contains(err.Error(), "no processor column in the header on line 1 (columns: Raison du partenaire, Pièce)") {
		t.Errorf("err = %v", err)
	}
}

// TestProblemsQuoteNoCell: a cell that is not a date is reported by row and
// column, without its content.
func TestProblemsQuoteNoCell(t *testing.T) {
	rows, err := Load(write(t, "inv.csv", []byte("processor;signed;date de fin;revue\nAcme;Azerty123!;jean@x.fr;0612345678\n")), Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := rows[0].Problems
	if len(p) != 3 || !strings.Contains(p["end"], "not a date") || !strings.Contains(p["signed"], "neither yes/no nor a date") {
		t.Errorf("problems = %q", p)
	}
	if v := leaks(fmt.Sprint(p)); v != "" {
		t.Errorf("a problem shows %q: %q", v, p)
	}
}
