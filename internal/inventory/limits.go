package inventory

import (
	"fmt"
	"io"
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
		return 0, fmt.Errorf("over the %d-byte limit", MaxFile)
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
		return 0, fmt.Errorf("a record over %d KB (a line without end, or an unclosed quote?)", MaxRecord>>10)
	}
	return n, err
}

// tooMany is the error for a file past MaxRows.
func tooMany(where string) error {
	return fmt.Errorf("more than %d processor rows (%s is row %d): a processor inventory has hundreds; check that this is the right file, or split it",
		MaxRows, where, MaxRows+1)
}

// budget counts the bytes of the cells kept, against MaxKept.
type budget int

func (b *budget) take(rec []string, m Mapping, where string) error {
	for _, i := range m {
		if i < len(rec) {
			*b += budget(len(rec[i]))
		}
	}
	if *b > MaxKept {
		return fmt.Errorf("the cells vigie reads total more than %d MiB by %s: a processor inventory is far smaller; check that this is the right file", MaxKept>>20, where)
	}
	return nil
}

// cellLimit refuses a mapped cell past MaxCell, a name past MaxName; the
// message names the column by field, never by content.
func cellLimit(rec []string, m Mapping) error {
	if i := m["processor"]; i < len(rec) && len(rec[i]) > MaxName {
		return fmt.Errorf("column %d (processor): a name of %d bytes, over the %d-byte limit for a processor name", i+1, len(rec[i]), MaxName)
	}
	for _, f := range Fields {
		if i, ok := m[f]; ok && i < len(rec) && len(rec[i]) > MaxCell {
			return fmt.Errorf("column %d (%s): a cell of %d bytes, over the %d-byte limit for one cell", i+1, f, len(rec[i]), MaxCell)
		}
	}
	return nil
}
