package leadscan

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

// Notes written over several lines, with commas, are one cell of a valid
// row: the row is judged and the file read in full (review 7 H2). A stray
// quote that swallows rows of the table is still a row not judged.
func TestMultiLineNotes(t *testing.T) {
	const crm = "id,email,created_at,notes\n"
	cases := []struct {
		name, body string
		rows       int // judged
		swallowed  int // lines read as rows in a quoted cell
	}{
		{"valid multi-line note is judged", "", 2, 0}, // testdata/multiline_note.csv
		{"reviewer's note, 5 columns", "email,nom,prenom,ville,notes\nanne@example.com,Durand,Anne,Paris,\"Rappeler lundi\nIntéressée par A, B, C, D, E\nDevis envoyé, relance, ok, vu, fin\nFin\"\nbob@example.com,Martin,Bob,Lyon,RAS\n", 2, 0},
		// Each line of these has the table's count of commas.
		{"French note, many commas", crm + "1,anne@example.com,2026-01-05,\"Appelée le 3, puis le 5, sans réponse, à revoir\nA dit : oui, mais plus tard, en mars, peut-être\n2 relances, 1 devis, 0 suite, rien\nFin\"\n2,bob@example.com,2026-01-06,RAS\n", 2, 0},
		{"English note, many commas", crm + "1,anne@example.com,2026-01-05,\"Met at the fair\nWants A, B, and C, maybe D\nCall back Monday, Tuesday, or Friday, after 5\nok\"\n2,bob@example.com,2026-01-06,ok\n", 2, 0},
		{"address block", "id,email,adresse\n1,anne@example.com,\"12 rue X,\n75011 Paris, France\"\n2,bob@example.com,\"Société Y\nBâtiment B, 2e étage, porte 4\n12 rue X, 75011, Paris\nFrance\"\n", 2, 0},
		{"stray quote", "email,nom,notes\nanne@example.com,Anne,\"stray\nbob@example.com,Bob,RAS\ncid@example.com,Cid,RAS\ndan@example.com,Dan,\"x\"\neve@example.com,Eve,RAS\n", 1, 3},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := private(t, "multiline_note.csv")
			if tc.body != "" {
				path = filepath.Join(t.TempDir(), "leads.csv")
				if err := os.WriteFile(path, []byte(tc.body), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			p, err := Prepare(Source{Path: path})
			if err != nil {
				t.Fatal(err)
			}
			ev := p.Collect(context.Background(), june)
			if ev.Problem != nil || ev.Counts.Rows != tc.rows || ev.Read.Swallowed.Lines != tc.swallowed {
				t.Fatalf("problem %v, %d rows judged, %d lines swallowed; want %d, %d", ev.Problem, ev.Counts.Rows, ev.Read.Swallowed.Lines, tc.rows, tc.swallowed)
			}
			src := findings(t, Source{Path: path}, june)["LEAD-SRC-001"]
			if want := map[bool]check.Status{true: check.Fail, false: check.Pass}[tc.swallowed > 0]; src.Status != want {
				t.Errorf("LEAD-SRC-001 %s %q, want %s", src.Status, src.Message.EN, want)
			}
		})
	}
}
