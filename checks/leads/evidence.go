package leads

import (
	"fmt"
	"sort"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

// Evidence is one lead table, read whole (or a stated sample) into counts.
type Evidence struct {
	Target  string // the file, or file#table for a database
	Format  string // csv, xlsx, sqlite
	AsOf    time.Time
	Columns Columns
	Counts  Counts
	Read    Read
	File    *File       // nil for a database
	Problem *check.Text // the source could not be read: every check reports an error
	Sample  int         // rows judged when the source was sampled; 0 when every row was
	DB      *DB         // the server's facts for a database source; nil for a file
	// Thresholds the rows were judged with, for the messages; zero fields
	// are the defaults.
	Thresholds Thresholds
}

// th is the thresholds in force, defaults filled in.
func (e Evidence) th() Thresholds { return e.Thresholds.WithDefaults() }

// TargetName implements check.Subject.
func (e Evidence) TargetName() string { return e.Target }

// Read is how the reading went: rows that could not be judged, and why.
type Read struct {
	Ragged    Count        // rows whose cell count differs from the header's
	Oversized Count        // rows with a cell over the cell limit
	Swallowed Swallowed    // rows whose quoted cell holds other records
	Notes     []check.Text // duplicated headers, header-less file…
}

// Swallowed counts the rows a stray quote spread over other records: the
// quote that a later one closes turns the lines between into one cell.
type Swallowed struct {
	Count     // the rows, not judged
	Line  int // where the first one's quote opened
	Lines int // the lines that read as records, over all of them
}

// Record counts the row that starts on line row, whose quote opened on
// line and took lines lines.
func (s *Swallowed) Record(row, line, lines int) {
	if s.N == 0 {
		s.Line = line
	}
	s.Count.Record(row, fmt.Sprintf("row %d", row))
	s.Lines += lines
}

// File is what the file system says about an export (LEAD-SEC-006).
type File struct {
	Mode      uint32 // permission bits
	WebServed bool   // under a directory a web server publishes
	Modified  time.Time
}

// base is the evidence every finding carries.
func (e Evidence) base() map[string]any {
	// "records" is every finding's count of matching records; with() sets it.
	ev := map[string]any{"source": e.Target, "format": e.Format, "rows": e.Counts.Rows, "records": 0}
	if k := e.Columns.KeyColumn(); k != "" {
		ev["record_keys_from"] = k
	} else {
		ev["record_keys_from"] = t("row numbers (no primary key column)", "numéros de ligne (aucune colonne de clé primaire)")
		if e.DB != nil || e.Format == "postgres" || e.Format == "mysql" {
			ev["record_keys_from"] = t("row numbers in scan order (the table has no primary key; they change between scans)",
				"numéros de ligne dans l'ordre de lecture (la table n'a pas de clé primaire ; ils changent d'une analyse à l'autre)")
		}
	}
	if e.Sample > 0 {
		ev["sample_size"] = e.Sample
	}
	if n := e.Read.Ragged.N + e.Read.Oversized.N + e.Read.Swallowed.N; n > 0 {
		ev["rows_not_judged"] = n
	}
	return ev
}

// with adds a count to evidence: records, share of a population, keys, samples.
func with(ev map[string]any, c Count, of int) map[string]any {
	ev["records"] = c.N
	if of > 0 {
		ev["share_percent"] = pct(c.N, of)
	}
	if len(c.Keys) > 0 {
		ev["record_keys"] = c.Keys
	}
	if len(c.Samples) > 0 {
		ev["masked_samples"] = c.Samples
	}
	return ev
}

func pct(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(int(float64(n)*1000/float64(of)+0.5)) / 10
}

// cols names the columns of roles found, for evidence: each role in
// words, then the table's own header quoted (« transmis à »), so a reader
// tells vigie's words from the file's.
func (e Evidence) cols(roles ...Role) []check.Text {
	var out []check.Text
	for _, r := range roles {
		if e.Columns.Has(r) {
			out = append(out, check.Textf("%s \"%s\"", "%s « %s »", roleNames[r], e.Columns.Name(r)))
		}
	}
	return out
}

func (e Evidence) numberColumns(kind string) []string {
	var out []string
	for i := range e.Counts.NumberCols[kind] {
		out = append(out, e.Columns.Names[i])
	}
	sort.Strings(out)
	return out
}
