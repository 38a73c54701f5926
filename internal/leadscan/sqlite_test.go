package leadscan

import (
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

// A generated column is in SELECT * but not in pragma_table_info: the
// row's width is the query's, not the pragma's.
func TestSQLiteGeneratedColumn(t *testing.T) {
	path := sqliteFile(t,
		`CREATE TABLE leads (id INTEGER PRIMARY KEY, email TEXT, created_at TEXT, domain TEXT GENERATED ALWAYS AS (substr(email, instr(email, '@') + 1)) VIRTUAL)`,
		`INSERT INTO leads (id, email, created_at) VALUES (1, 'x@gmail.com', '2019-01-01')`)
	f := findings(t, Source{Path: path}, june)["LEAD-RET-001"]
	if f.Status != check.Fail {
		t.Errorf("a table with a generated column: %s %v", f.Status, f.Message.EN)
	}
}
