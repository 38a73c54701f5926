package leadscan

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/vigie-security/vigie/checks/leads"
)

// TestPrepareRefusesAMissingColumn: a configured column the header lacks is
// a usage mistake said by Prepare, before any unit runs (issue 16), not an
// ERROR on every check; a column the header has passes.
func TestPrepareRefusesAMissingColumn(t *testing.T) {
	p := filepath.Join(t.TempDir(), "leads.csv")
	if err := os.WriteFile(p, []byte("email,created\njean@example.com,2020-01-01\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var wrong leads.ColumnError
	if _, err := Prepare(Source{Path: p, Columns: map[string]string{"email": "courriel"}}); !errors.As(err, &wrong) {
		t.Errorf("a missing column: %v, want a ColumnError", err)
	}
	if _, err := Prepare(Source{Path: p, Columns: map[string]string{"emial": "email"}}); !errors.As(err, &wrong) {
		t.Errorf("an unknown role: %v, want a ColumnError", err)
	}
	if _, err := Prepare(Source{Path: p, Columns: map[string]string{"email": "email"}}); err != nil {
		t.Errorf("a column the header has: %v", err)
	}
}
