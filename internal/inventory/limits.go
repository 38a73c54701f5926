package inventory

import (
	"io"

	"github.com/vigie-security/vigie/internal/check"
)

// Limits on an inventory. A processor inventory has hundreds of rows and
// short cells; each row becomes several findings, so a file past these is
// refused whole, before any row is judged, rather than half read.
const (
	// MaxFile bounds an inventory file, in bytes.
	MaxFile = 16 << 20
	// MaxYAML bounds a YAML inventory, in bytes: it is parsed whole, into a
	// tree up to 300 times its size. 1 MiB is some 4,000 processors.
	MaxYAML = 1 << 20
	// MaxYAMLMarks bounds the , - : [ { that can start a YAML node, so that
	// a file of "[a,a,a,…]" is refused before it is parsed into a million
	// nodes.
	MaxYAMLMarks = 100_000
	// MaxRows bounds the processor rows (blank rows do not count).
	MaxRows = 10_000
	// MaxCell bounds one cell vigie reads (processor, contracts, dates…), in bytes.
	MaxCell = 4 << 10
	// MaxName bounds a processor name, in bytes: it names the target of
	// every finding on the row.
	MaxName = 256
	// MaxKept bounds the bytes of all the cells vigie reads, over all rows:
	// each is repeated in several findings, so this bounds the report.
	MaxKept = 4 << 20
	// MaxRecord bounds one CSV record, read or not, in bytes: a line
	// without end or an unclosed quote cannot make the reader hold the file.
	MaxRecord = 256 << 10
)

// sizeLimit fails once more than MaxFile bytes are read: the size checked
// in Load may have changed since.
type sizeLimit struct {
	r    io.Reader
	read int64
}

func (l *sizeLimit) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	if l.read += int64(n); l.read > MaxFile {
		return 0, overLimit(MaxFile)
	}
	return n, err
}

// recordLimit fails once one CSV record has pulled more than MaxRecord
// bytes. The caller sets start to the record's input offset; the count
// includes the CSV reader's 4 KB read-ahead.
type recordLimit struct {
	r            io.Reader
	total, start int64
}

func (l *recordLimit) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	if l.total += int64(n); l.total-l.start > MaxRecord {
		return 0, check.Errorf("a record over %d KB (a line without end, or an unclosed quote?)",
			"un enregistrement de plus de %d Ko (une ligne sans fin, ou un guillemet non fermé ?)", MaxRecord>>10)
	}
	return n, err
}

// overLimit is the error for a file that grew past limit while read.
func overLimit(limit int64) error {
	return check.Errorf("over the %d-byte limit", "au-delà de la limite de %d octets", limit)
}

// lineAt and rowAt say where a record is, in a CSV and in a sheet.
func lineAt(n int) check.Text { return check.Textf("line %d", "ligne %d", n) }
func rowAt(n int) check.Text  { return check.Textf("row %d", "ligne %d", n) }

// tooMany is the error for a file past MaxRows.
func tooMany(where check.Text) error {
	return check.Errorf("more than %d processor rows (%s is row %d): a processor inventory has hundreds; check that this is the right file, or split it",
		"plus de %d lignes de sous-traitants (la %s est le sous-traitant n° %d) : un inventaire de sous-traitants en compte quelques centaines ; vérifiez qu'il s'agit du bon fichier, ou découpez-le",
		MaxRows, where, MaxRows+1)
}

// budget counts the bytes of the cells kept, against MaxKept.
type budget int

func (b *budget) take(rec []string, m Mapping, where check.Text) error {
	for _, i := range m {
		if i < len(rec) {
			*b += budget(len(rec[i]))
		}
	}
	if *b > MaxKept {
		return check.Errorf("the cells vigie reads total more than %d MiB by %s: a processor inventory is far smaller; check that this is the right file",
			"les cellules que lit vigie dépassent %d Mio au total à la %s : un inventaire de sous-traitants est bien plus petit ; vérifiez qu'il s'agit du bon fichier",
			MaxKept>>20, where)
	}
	return nil
}

// cellLimit refuses a mapped cell past MaxCell, a name past MaxName; the
// message names the column by field, never by content.
func cellLimit(rec []string, m Mapping) error {
	if i := m["processor"]; i < len(rec) && len(rec[i]) > MaxName {
		return check.Errorf("column %d (processor): a name of %d bytes, over the %d-byte limit for a processor name",
			"colonne %d (processor) : un nom de %d octets, au-delà de la limite de %d octets pour un nom de sous-traitant", i+1, len(rec[i]), MaxName)
	}
	for _, f := range Fields {
		if i, ok := m[f]; ok && i < len(rec) && len(rec[i]) > MaxCell {
			return check.Errorf("column %d (%s): a cell of %d bytes, over the %d-byte limit for one cell",
				"colonne %d (%s) : une cellule de %d octets, au-delà de la limite de %d octets pour une cellule", i+1, f, len(rec[i]), MaxCell)
		}
	}
	return nil
}
