package leadscan

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/vigie-security/vigie/checks/leads"
	"github.com/vigie-security/vigie/internal/check"
)

var june = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

// private copies a fixture into a 0600 file, as an export should be.
func private(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func findings(t *testing.T, src Source, now time.Time) map[string]check.Finding {
	t.Helper()
	p, err := Prepare(src)
	if err != nil {
		t.Fatal(err)
	}
	units := p.Units(now)
	if len(units) != 1 {
		t.Fatalf("%d units", len(units))
	}
	ev, err := units[0].Collect(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]check.Finding{}
	for _, c := range units[0].Checks {
		f := c.Evaluate(ev)
		out[f.CheckID] = f
	}
	return out
}

type want struct {
	status  check.Status
	records int
}

func expect(t *testing.T, name string, got map[string]check.Finding, wants map[string]want) {
	t.Helper()
	for id, w := range wants {
		f := got[id]
		n, _ := f.Evidence["records"].(int)
		if f.Status != w.status || (w.status != check.Skipped && n != w.records) {
			t.Errorf("%s %s: %s with %d records (%s), want %s with %d", name, id, f.Status, n, f.Message.EN, w.status, w.records)
		}
	}
}

func TestHubSpotExport(t *testing.T) {
	got := findings(t, Source{Path: private(t, "hubspot.csv")}, june)
	expect(t, "hubspot", got, map[string]want{
		"LEAD-RET-001": {check.Fail, 1},    // 1001: collected 2021, opened in 2026
		"LEAD-RET-002": {check.Fail, 0},    // 1005 dated 2027: future, counted apart
		"LEAD-RET-003": {check.Fail, 1},    // 1001 kept on an open
		"LEAD-CON-001": {check.Fail, 2},    // webmail, no consent column
		"LEAD-CON-005": {check.Fail, 1},    // 1003 unsubscribed yet a marketing contact
		"LEAD-CON-002": {check.Skipped, 0}, // no consent column at all
		"LEAD-SEN-001": {check.Fail, 1},    // diabétique, not Cancer Research Foundation
		"LEAD-SEN-003": {check.Fail, 1},    // chômage
		"LEAD-SEC-006": {check.Pass, 0},
		"LEAD-SRC-001": {check.Pass, 0},
	})
	for id, f := range got {
		if _, ok := f.Evidence["records"].(int); !ok {
			t.Errorf("%s: no count of records in its evidence", id)
		}
	}
	if len(got) != len(leads.All()) {
		t.Errorf("%d findings for %d checks", len(got), len(leads.All()))
	}
	if f := got["LEAD-RET-002"]; f.Evidence["future_dated"] != 1 {
		t.Errorf("future dates: %v", f.Evidence)
	}
	if f := got["LEAD-CON-001"]; f.Evidence["record_keys_from"] != "Record ID" {
		t.Errorf("record keys from %v", f.Evidence["record_keys_from"])
	}
}

func TestSalesforceExport(t *testing.T) {
	got := findings(t, Source{Path: private(t, "salesforce.csv")}, june)
	expect(t, "salesforce", got, map[string]want{
		"LEAD-RET-001": {check.Fail, 1}, // 12/01/2019, month first: 1 Dec 2019
		"LEAD-SEN-005": {check.Fail, 1}, // 00Q2's card; 00Q3's order number fails Luhn, 00Q4's is masked
		"LEAD-SEN-007": {check.Fail, 1},
		"LEAD-SEN-004": {check.Fail, 1}, // Corsican NIR
		"LEAD-CON-006": {check.Fail, 2},
		"LEAD-INF-004": {check.Warn, 1},
		"LEAD-CON-009": {check.Fail, 2},
	})
}

func TestFrenchWindows1252Export(t *testing.T) {
	got := findings(t, Source{Path: private(t, "french_1252.csv")}, june)
	expect(t, "french", got, map[string]want{
		"LEAD-RET-001": {check.Fail, 1},
		"LEAD-CON-001": {check.Fail, 1},
		"LEAD-CON-002": {check.Fail, 2},
		"LEAD-SEN-001": {check.Fail, 1}, // catholique; not "enceinte bluetooth"
		"LEAD-SEN-008": {check.Fail, 2},
		"LEAD-SEC-001": {check.Fail, 2},
	})
	if cols := fmt.Sprint(got["LEAD-CON-001"].Evidence["columns"]); !strings.Contains(cols, "la société « société »") {
		t.Errorf("Windows-1252 header not decoded: %v", got["LEAD-CON-001"].Evidence["columns"])
	}
}

func TestXLSX(t *testing.T) {
	path := filepath.Join(t.TempDir(), "leads.xlsx")
	f := excelize.NewFile()
	rows := [][]any{
		{"Email", "Téléphone", "Date de collecte", "Commentaire", "Source"},
		{"a.b@gmail.com", "0612345678", 43831, "séropositif", "Salon"}, // 2020-01-01 as a serial
		{"c.d@gmail.com", "", 46000, "", "Salon"},                      // 2025-12-09
		{"e.f@gmail.com"}, // a short row: trailing cells empty
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	os.Chmod(path, 0o600)
	got := findings(t, Source{Path: path}, june)
	expect(t, "xlsx", got, map[string]want{
		"LEAD-RET-001": {check.Fail, 1},
		"LEAD-RET-002": {check.Fail, 1},
		"LEAD-SEN-001": {check.Fail, 1},
		"LEAD-SRC-001": {check.Pass, 0},
	})
	// A wrong sheet is a usage mistake said before the scan, as a wrong
	// SQLite table is, with the sheets listed; sheets match as excelize
	// matches them, case aside.
	f.SetSheetName("Sheet1", "Prospects")
	f.NewSheet("Campagnes 2025")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	if _, err := Prepare(Source{Path: path, Table: "Nope"}); err == nil || err.Error() != path+`: no sheet named "Nope" (sheets: Prospects, Campagnes 2025)` {
		t.Errorf("missing sheet: %v", err)
	}
	p, err := Prepare(Source{Path: path, Table: "prospects"})
	if err != nil {
		t.Fatal(err)
	}
	if ev := p.Collect(context.Background(), june); ev.Problem != nil || ev.Counts.Rows != 3 {
		t.Errorf("sheet chosen by name: %v, %d rows", ev.Problem, ev.Counts.Rows)
	}
	// Not a workbook: the unit says why, as before.
	bad := filepath.Join(t.TempDir(), "bad.xlsx")
	os.WriteFile(bad, []byte("PK\x03\x04 not a zip"), 0o600)
	if _, err := Prepare(Source{Path: bad, Table: "Nope"}); err != nil {
		t.Errorf("unreadable workbook refused before its unit: %v", err)
	}
}

func sqliteFile(t *testing.T, stmts ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "crm.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	return path
}

func TestSQLite(t *testing.T) {
	path := sqliteFile(t,
		`CREATE TABLE prospects (lead_no INTEGER PRIMARY KEY, email TEXT, mobile TEXT, created_at TEXT, optin INTEGER, notes TEXT, source TEXT)`,
		`CREATE TABLE campaigns (id INTEGER PRIMARY KEY, name TEXT)`,
		`INSERT INTO prospects VALUES (7, 'a@gmail.com', '0612345678', '2020-01-01', 0, 'enceinte', 'Partenaire'), (8, 'b@gmail.com', NULL, 1767225600, 1, NULL, 'Formulaire')`)
	os.Chmod(path, 0o600)
	before, _ := os.ReadFile(path)
	st, _ := os.Stat(path)
	p, err := Prepare(Source{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	if p.Target != path+"#prospects" {
		t.Errorf("target %q", p.Target)
	}
	got := findings(t, Source{Path: path}, june)
	expect(t, "sqlite", got, map[string]want{
		"LEAD-RET-001": {check.Fail, 1},
		"LEAD-CON-001": {check.Fail, 1},
		"LEAD-SEN-001": {check.Fail, 1},
		"LEAD-SEC-006": {check.Pass, 0},
	})
	if keys := got["LEAD-RET-001"].Evidence["record_keys"]; len(keys.([]string)) != 1 || keys.([]string)[0] != "7" {
		t.Errorf("primary key not used: %v", keys)
	}
	after, _ := os.ReadFile(path)
	st2, _ := os.Stat(path)
	if string(before) != string(after) || !st.ModTime().Equal(st2.ModTime()) {
		t.Error("reading changed the database file")
	}
	// Several candidate tables: the user must choose.
	two := sqliteFile(t, `CREATE TABLE a (email TEXT)`, `CREATE TABLE b (email TEXT)`)
	if _, err := Prepare(Source{Path: two}); err == nil || !strings.Contains(err.Error(), "--table") {
		t.Errorf("two lead tables: %v", err)
	}
	if _, err := Prepare(Source{Path: two, Table: "b"}); err != nil {
		t.Error(err)
	}
	if _, err := Prepare(Source{Path: two, Table: "c"}); err == nil || !strings.Contains(err.Error(), "no table named") {
		t.Errorf("missing table: %v", err)
	}
	// No primary key: keys are row numbers, said so.
	nopk := sqliteFile(t, `CREATE TABLE leads (email TEXT, created_at TEXT)`, `INSERT INTO leads VALUES ('x@gmail.com', '2019-01-01')`)
	f := findings(t, Source{Path: nopk}, june)["LEAD-RET-001"]
	if f.Evidence["record_keys_from"].(check.Text).EN != "row numbers (no primary key column)" || f.Evidence["record_keys"].([]string)[0] != "row 1" {
		t.Errorf("no primary key: %v", f.Evidence)
	}
}

func TestSQLiteLockedAndCorrupt(t *testing.T) {
	path := sqliteFile(t, `PRAGMA journal_mode=DELETE`, `CREATE TABLE leads (email TEXT)`, `INSERT INTO leads VALUES ('x@gmail.com')`)
	p, err := Prepare(Source{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	db, _ := sql.Open("sqlite", path)
	defer db.Close()
	conn, _ := db.Conn(context.Background())
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), `BEGIN EXCLUSIVE`); err != nil {
		t.Fatal(err)
	}
	ev := p.Collect(context.Background(), june)
	if ev.Problem == nil || !strings.Contains(ev.Problem.EN, "locked") || !strings.Contains(ev.Problem.EN, path) {
		t.Errorf("locked: %v", ev.Problem)
	}
	conn.ExecContext(context.Background(), `ROLLBACK`)

	bad := filepath.Join(t.TempDir(), "broken.db")
	os.WriteFile(bad, append([]byte("SQLite format 3\x00"), make([]byte, 200)...), 0o600)
	if _, err := Prepare(Source{Path: bad}); err == nil || !strings.Contains(err.Error(), bad) {
		t.Errorf("corrupt: %v", err)
	}
}

func TestBadCSV(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(body), 0o600)
		return p
	}
	// A ragged row and a cell with a line break: the quoted break is one
	// record; the unquoted one makes two ragged rows, counted, not shown.
	p := write("ragged.csv", "id,email,created_at,notes\n1,a@gmail.com,2020-01-01,\"two\nlines\"\n2,b@gmail.com,2020-01-01,broken\nline,zz\n3,c@gmail.com\n")
	got := findings(t, Source{Path: p}, june)
	expect(t, "ragged", got, map[string]want{"LEAD-SRC-001": {check.Warn, 2}, "LEAD-RET-001": {check.Fail, 2}})
	if keys := got["LEAD-SRC-001"].Evidence["record_keys"].([]string); keys[0] != "row 5" {
		t.Errorf("ragged keys %v", keys)
	}
	// Duplicated header.
	p = write("dup.csv", "Email,Email,Create Date\na@gmail.com,b@gmail.com,2020-01-01\n")
	got = findings(t, Source{Path: p}, june)
	if notes, _ := got["LEAD-SRC-001"].Evidence["notes"].([]check.Text); len(notes) != 1 || !strings.Contains(notes[0].EN, "duplicated header") ||
		!strings.Contains(notes[0].FR, "en-tête en double") {
		t.Errorf("duplicated header: %v", got["LEAD-SRC-001"].Evidence)
	}
	// No header: found by values, nothing of the first row shown.
	p = write("noheader.csv", "1;jean@gmail.com;06 12 34 56 78\n2;marie@gmail.com;07 11 22 33 44\n3;paul@free.fr;0144556677\n")
	got = findings(t, Source{Path: p}, june)
	expect(t, "no header", got, map[string]want{"LEAD-CON-001": {check.Fail, 3}, "LEAD-SRC-001": {check.Warn, 0}})
	// Empty file, a line without end, a directory, an unknown format.
	ev := mustPlan(t, write("empty.csv", "")).Collect(context.Background(), june)
	if ev.Problem == nil || !strings.Contains(ev.Problem.EN, "empty") {
		t.Errorf("empty: %v", ev.Problem)
	}
	long := write("long.csv", "email\n\""+strings.Repeat("x", 2<<20))
	pl, _ := Prepare(Source{Path: long, Limits: Limits{MaxRecord: 1 << 20}})
	if ev := pl.Collect(context.Background(), june); ev.Problem == nil || !strings.Contains(ev.Problem.EN, "record over") {
		t.Errorf("long record: %v", ev.Problem)
	}
	if _, err := Prepare(Source{Path: dir}); err == nil {
		t.Error("a directory accepted")
	}
	if _, err := Prepare(Source{Path: write("x.pdf", "%PDF")}); err == nil || !strings.Contains(err.Error(), "not a lead file") {
		t.Errorf("pdf: %v", err)
	}
	if _, err := Prepare(Source{Path: p, Columns: map[string]string{"mail": "x"}}); err == nil {
		t.Error("unknown role accepted")
	}
	// Row limit: a stated sample.
	pl, _ = Prepare(Source{Path: p, Limits: Limits{MaxRows: 2}})
	if ev := pl.Collect(context.Background(), june); ev.Sample != 2 || ev.Counts.Rows != 2 {
		t.Errorf("sample: %d of %d", ev.Sample, ev.Counts.Rows)
	}
}

func mustPlan(t *testing.T, path string) *Plan {
	t.Helper()
	p, err := Prepare(Source{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestExportPermissions: every file source (CSV, workbook, SQLite base)
// is judged on who may read it and where it lies; a database reached by
// DSN is not a file (server_test.go).
func TestExportPermissions(t *testing.T) {
	book := excelize.NewFile()
	book.SetSheetRow("Sheet1", "A1", &[]any{"email"})
	book.SetSheetRow("Sheet1", "A2", &[]any{"a@gmail.com"})
	var xlsx bytes.Buffer
	if err := book.Write(&xlsx); err != nil {
		t.Fatal(err)
	}
	base := sqliteFile(t, `CREATE TABLE leads (email TEXT)`, `INSERT INTO leads VALUES ('a@gmail.com')`)
	sqliteData, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{"leads.csv": []byte("email\na@gmail.com\n"), "leads.xlsx": xlsx.Bytes(), "crm.db": sqliteData}
	for name, data := range files {
		for _, tc := range []struct {
			dir      string
			mode     os.FileMode
			status   check.Status
			problems int
		}{
			{"public_html", 0o644, check.Fail, 2},
			{"public_html", 0o600, check.Fail, 1},
			{"exports", 0o644, check.Fail, 1},
			{"exports", 0o600, check.Pass, 0},
		} {
			dir := filepath.Join(t.TempDir(), tc.dir)
			os.Mkdir(dir, 0o700)
			p := filepath.Join(dir, name)
			if err := os.WriteFile(p, data, 0o600); err != nil {
				t.Fatal(err)
			}
			os.Chmod(p, tc.mode) // past the umask
			f := findings(t, Source{Path: p}, june)["LEAD-SEC-006"]
			problems, _ := f.Evidence["problems"].([]check.Text)
			if f.Status != tc.status || len(problems) != tc.problems {
				t.Errorf("%s in %s, %o: %s %q %v, want %s with %d problems", name, tc.dir, tc.mode, f.Status, f.Message.EN, f.Evidence, tc.status, tc.problems)
			}
		}
	}
}
