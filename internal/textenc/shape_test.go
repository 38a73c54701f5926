package textenc

import (
	"strings"
	"testing"
)

// reviewerNote is review 7 H2's: a note over four lines, two of them with
// a 3-column table's count of commas.
const reviewerNote = "Rappeler lundi\nIntéressée par A, B, C\nDevis envoyé, relance, ok\nFin"

// A quoted cell's lines are swallowed rows only when they look like the
// table's rows: the typed columns filled with their kind, no prose spaces.
func TestRecordsInCell(t *testing.T) {
	lead := strings.Split("id,email,notes", ",")
	leadKinds := []Kind{Key, Email, Any}
	five := strings.Split("email,nom,prenom,ville,notes", ",")
	fiveKinds := []Kind{Email, Any, Any, Any, Any}
	cases := []struct {
		name   string
		header []string
		kinds  []Kind
		rows   []string // learned before the cell
		cell   string
		want   int
	}{
		{"trial's stray quote", lead, leadKinds, nil, "runaway\n2,b@gmail.com,x\n3,c@gmail.com,x\n4,\"d", 2},
		{"trial's stray quote, cut after a line break", lead, leadKinds, nil, "runaway\n2,b@gmail.com,x\n3,c@gmail.com,x\n", 2},
		{"rows with empty cells", lead, leadKinds, nil, "runaway\n2,,x\n,c@gmail.com,\n4,\"d", 2},
		{"kinds learned from the rows", strings.Split("a,b,c", ","), nil, []string{"1,a@gmail.com,x", "2,b@gmail.com,", "3,c@gmail.com,y"},
			"runaway\n4,d@gmail.com,x\n5,e@gmail.com,x\n", 2},
		{"an export that writes \", \"", strings.Split("id, email, notes", ","), leadKinds, nil, "runaway\n2, b@gmail.com, x\n3, c@gmail.com, x\n", 2},
		{"semicolons, dates", strings.Split("created;email;notes", ";"), []Kind{Date, Email, Any}, nil,
			"runaway\n2024-03-01 10:00;b@gmail.com;x\n01/03/2024;c@gmail.com;x\n", 2},
		{"one line: a note may hold that", lead, leadKinds, nil, "runaway\n2,b@gmail.com,x\n", 0},
		{"reviewer's note, 3 columns", strings.Split("email,nom,notes", ","), []Kind{Email, Any, Any}, nil, reviewerNote, 0},
		{"reviewer's note, id first", lead, leadKinds, nil, reviewerNote, 0},
		{"reviewer's note, 5 columns", five, fiveKinds, nil, "Rappeler lundi\nIntéressée par A, B, C, D, E\nDevis envoyé, relance, ok, vu, fin\nFin", 0},
		{"French prose, many commas", lead, leadKinds, nil,
			"Appelée le 3, puis le 5, sans réponse\nA dit : oui, mais plus tard, en mars\n2 relances, 1 devis, 0 suite\nÀ revoir, peut-être, en avril\n", 0},
		{"English prose, many commas", five, fiveKinds, nil,
			"Met at the fair\nWants A, B, C, and D\nCall back Monday, Tuesday, or Friday, after 5\nPrice, terms, delivery, support: ok\n", 0},
		{"prose with no spaces after the commas", lead, leadKinds, nil, "Notes\nA,B,C\nvu,revu,ok\n", 0},
		{"address block", lead, leadKinds, nil, "Société X\n12 rue X, bât. B\n75011 Paris, France\n", 0},
		{"address block, two lines", lead, leadKinds, nil, "12 rue X,\n75011 Paris, France", 0},
		{"a line unlike a row in the middle", lead, leadKinds, nil, "runaway\n2,b@gmail.com,x\nno answer\n3,c@gmail.com,x\n", 0},
		{"no typed column: never judged", strings.Split("nom,ville,notes", ","), nil, []string{"Anne,Paris,x", "Bob,Lyon,y", "Zoé,Nice,z"},
			"runaway\nCléa,Caen,x\nDan,Metz,y\n", 0},
		// Rows that do not hold e-mails where the header says so: the
		// header's kind is not this table's, and nothing else is typed.
		{"header kind the rows deny", strings.Split("email,nom,notes", ","), []Kind{Email, Any, Any}, []string{"oui,Anne,x", "non,Bob,y", "oui,Zoé,z"},
			"runaway\noui,Cléa,x\nnon,Dan,y\n", 0},
		{"two columns", strings.Split("id,email", ","), []Kind{Key, Email}, nil, "a\n1,b@gmail.com\n2,c@gmail.com\n", 2},
		{"one column", []string{"notes"}, nil, nil, "a\nb\nc\n", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			comma := ','
			if strings.HasPrefix(tc.name, "semicolons") {
				comma = ';'
			}
			s := NewShape(comma, tc.header, tc.kinds)
			for _, r := range tc.rows {
				s.Learn(strings.Split(r, ","))
			}
			if got := s.RecordsInCell(tc.cell); got != tc.want {
				t.Errorf("%q: %d, want %d", tc.cell, got, tc.want)
			}
		})
	}
}

// Semicolon-split rows with dates and inventory kinds (a processor named,
// a file name) read as rows; the same lines as prose do not.
func TestRecordsInCellInventory(t *testing.T) {
	s := NewShape(';', strings.Split("processor;contract;signed_on", ";"), []Kind{Filled, File, Date})
	for cell, want := range map[string]int{
		"a.pdf;2024-01-01\nBar;b.pdf;2024-03-01\nBaz;c.docx;01/03/2024\nQux;\"d":  2,
		"a.pdf\nBar;b.pdf;\nBaz;;1.3.24\n":                                        2,
		"Renouvelé; voir avenant\nsigné; puis résilié; en 2024\nrevu; ok; 2025\n": 0,
		"x\n;b.pdf;2024-03-01\n;c.pdf;2024-03-01\n":                               0, // no processor named
		"x\nBar;b;2024\nBaz;c;2024\n":                                             0, // neither a file nor a date
	} {
		if got := s.RecordsInCell(cell); got != want {
			t.Errorf("%q: %d, want %d", cell, got, want)
		}
	}
}

func TestKinds(t *testing.T) {
	for _, tc := range []struct {
		k   Kind
		yes []string
		no  []string
	}{
		{Email, []string{"a.b@gmail.com", "x@y.fr"}, []string{"@gmail.com", "a@b", "a@b.", "Intéressée par A", "a b@c.fr", "a@b@c.fr"}},
		{Date, []string{"2024-03-01", "01/03/2024", "1.3.24", "2024-03-01T10:00:00Z", "2024-03-01 10:00"}, []string{"06.12.34.56.78", "12/03", "2024", "lundi 3", "2024-03/01"}},
		{Phone, []string{"06 12 34 56 78", "+33 6 12 34 56 78", "(01) 23-45-67-89"}, []string{"12", "06 12 ab", "rue 75011 Paris"}},
		{File, []string{"a.pdf", "DPA Acme 2024.docx"}, []string{"ok.", "A.B", "voir. puis", "pdf"}},
		{Key, []string{"12", "C-00123", "4f1e0c2a-9b", "#42"}, []string{"abc", "2 relances", "a@b.fr", strings.Repeat("1", 65)}},
	} {
		for _, v := range tc.yes {
			if !is(tc.k, v) {
				t.Errorf("kind %d: %q not taken", tc.k, v)
			}
		}
		for _, v := range tc.no {
			if is(tc.k, v) {
				t.Errorf("kind %d: %q taken", tc.k, v)
			}
		}
	}
}

// Learning stops after learnRows: a long file pays for its first rows only.
func TestLearnBounded(t *testing.T) {
	s := NewShape(',', []string{"a", "b"}, nil)
	for range learnRows + 10 {
		s.Learn([]string{"1", "a@b.fr"})
	}
	if s.learned != learnRows || s.cols[1].seen != learnRows {
		t.Errorf("learned %d rows, %d cells", s.learned, s.cols[1].seen)
	}
}
