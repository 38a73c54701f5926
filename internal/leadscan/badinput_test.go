package leadscan

import (
	"context"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/checks/leads"
	"github.com/vigie-security/vigie/internal/check"
)

// The list of bad inputs, each read through every check: a clear
// finding or error naming the source, no value of the bad row shown, the
// other checks going on, and the source unchanged (the database ones are
// in server_test.go).
func TestBadInputs(t *testing.T) {
	const secret = "zoe.secret@gmail.com"
	cases := []struct {
		name, file, body string
		problem          string // in the error; "" when the source is read
		check            string // else: the finding that says it
		status           check.Status
		says             string
	}{
		{"ragged row", "ragged.csv", "id,email,created_at\n1,a.b@gmail.com,2020-01-01\n2," + secret + ",2020-01-01,extra\n", "", "LEAD-SRC-001", check.Warn, "cell count"},
		{"line break in a cell", "break.csv", "id,email,created_at,notes\n1,a.b@gmail.com,2020-01-01,\"two\nlines\"\n2," + secret + ",2020-01-01,un\nquoted\n", "", "LEAD-SRC-001", check.Warn, "cell count"},
		{"mixed encodings", "mixed.csv", "id,email,created_at,notes\n1,a.b@gmail.com,2020-01-01,diabète\n2," + secret + ",2020-01-01,diab\xe8te\n", "", "LEAD-SRC-001", check.Warn, "mixed encodings"},
		{"duplicated headers", "dup.csv", "Email,Email,Create Date\n" + secret + ",a.b@gmail.com,2020-01-01\n", "", "LEAD-SRC-001", check.Warn, "Email: duplicated header (columns 1 and 2), column 1 used"},
		{"header-less export", "nohead.csv", "1;" + secret + ";06 12 34 56 78\n2;b.c@gmail.com;07 11 22 33 44\n", "", "LEAD-SRC-001", check.Warn, "no header row"},
		{"runaway quote", "quote.csv", "id,email\n1,\"" + secret + strings.Repeat("x", 1<<20) + "\n", "record over", "", "", ""},
		// A short file: the quote never closes, every later row in its cell.
		{"unclosed quote", "open.csv", "id,email,notes\n1,a.b@gmail.com,\"runaway\n2," + secret + ",x\n3,c.d@gmail.com,x\n", "line 2: a quote opened on this line is never closed: the 2 lines after it", "", "", ""},
		{"unclosed quote on the last line", "open1.csv", "id,email,notes\n1,a.b@gmail.com,x\n2," + secret + ",\"runaway\n", "line 3: a quote opened on this line is never closed (the file ends inside it)", "", "", ""},
		// A stray quote that a later one closes: the rows between are one
		// cell, that row is not judged, the others are.
		{"stray quote", "stray.csv", "id,email,notes\n1,a.b@gmail.com,\"runaway\n2," + secret + ",x\n3,c.d@gmail.com,x\n4,e.f@gmail.com,\"x\"\n5,g.h@gmail.com,y\n", "", "LEAD-SRC-001", check.Fail,
			"1 row could not be judged (1 whose quoted cell, opened on line 2, holds 3 lines that read as records: a stray quote?)"},
		{"empty export", "empty.csv", "", "empty", "", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tc.file)
			if err := os.WriteFile(path, []byte(tc.body), 0o600); err != nil {
				t.Fatal(err)
			}
			before := digest(t, path)
			p, err := Prepare(Source{Path: path})
			if err != nil {
				t.Fatal(err)
			}
			ev := p.Collect(context.Background(), june)
			var all strings.Builder
			for _, c := range leads.All() {
				f := c.Evaluate(ev)
				all.WriteString(f.Message.EN + f.Message.FR + check.Textf("%v", "%v", f.Evidence).EN)
				if tc.problem != "" && f.Status != check.Error {
					t.Errorf("%s: %s, want ERROR", f.CheckID, f.Status)
				}
				if f.CheckID == tc.check && (f.Status != tc.status || !strings.Contains(f.Message.EN, tc.says) || f.Evidence["source"] != path) {
					t.Errorf("%s: %s %q %v, want %s saying %q and naming the source", f.CheckID, f.Status, f.Message.EN, f.Evidence, tc.status, tc.says)
				}
			}
			if tc.problem != "" && (ev.Problem == nil || !strings.Contains(ev.Problem.EN, tc.problem) || !strings.Contains(ev.Problem.EN, path)) {
				t.Errorf("problem %v, want %q naming %s", ev.Problem, tc.problem, path)
			}
			if tc.problem == "" && (ev.Problem != nil || ev.Counts.Rows == 0) {
				t.Errorf("problem %v, %d rows: the good rows must still be judged", ev.Problem, ev.Counts.Rows)
			}
			if strings.Contains(all.String(), "zoe") || strings.Contains(all.String(), "xxxx") {
				t.Errorf("a value of the bad row is shown: %s", all.String())
			}
			if digest(t, path) != before {
				t.Error("the source changed")
			}
		})
	}
}

// A SQLite base read whole: the file and its folder are as they were (no
// journal, no WAL left behind), even for a WAL-mode base.
func TestSQLiteUntouched(t *testing.T) {
	path := sqliteFile(t, `PRAGMA journal_mode=WAL`, `CREATE TABLE leads (id INTEGER PRIMARY KEY, email TEXT, created_at TEXT)`,
		`INSERT INTO leads VALUES (1, 'a.b@gmail.com', '2019-01-01')`, `PRAGMA wal_checkpoint(TRUNCATE)`)
	dir := filepath.Dir(path)
	list := func() string {
		es, _ := os.ReadDir(dir)
		var names []string
		for _, e := range es {
			if info, _ := e.Info(); info != nil && info.Size() > 0 {
				names = append(names, e.Name())
			}
		}
		return strings.Join(names, ",")
	}
	before, files := digest(t, path), list()
	got := findings(t, Source{Path: path}, june)
	if got["LEAD-RET-001"].Status != check.Fail {
		t.Fatalf("RET-001 %s", got["LEAD-RET-001"].Status)
	}
	if digest(t, path) != before || list() != files {
		t.Errorf("the base changed: %s → %s", files, list())
	}
}

func digest(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}
