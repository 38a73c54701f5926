package leadscan

import (
	"io"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

// maxServerMessage bounds one message a database server sends (a row, for
// the most part): a cell past MaxCell is not judged, but it must not be
// read whole first. A larger message fails the read, naming the source.
const maxServerMessage = 16 << 20

// Limits bound one read of a lead table.
type Limits struct {
	MaxFile   int64         // a CSV file, in bytes (streamed: memory does not grow with it)
	MaxXLSX   int64         // a workbook, in bytes (unzipped by excelize)
	MaxRows   int           // rows judged; past it the rest is not read and the findings say "sample"
	MaxCell   int           // one cell, in bytes; a row with a longer one is not judged
	MaxRecord int           // one CSV record, in bytes: a line without end cannot hold the file
	Timeout   time.Duration // a database read
}

// DefaultLimits: a CRM export of a few million leads passes.
func DefaultLimits() Limits {
	return Limits{MaxFile: 4 << 30, MaxXLSX: 256 << 20, MaxRows: 20_000_000, MaxCell: 64 << 10, MaxRecord: 1 << 20, Timeout: 5 * time.Minute}
}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.MaxFile <= 0 {
		l.MaxFile = d.MaxFile
	}
	if l.MaxXLSX <= 0 {
		l.MaxXLSX = d.MaxXLSX
	}
	if l.MaxRows <= 0 {
		l.MaxRows = d.MaxRows
	}
	if l.MaxCell <= 0 {
		l.MaxCell = d.MaxCell
	}
	if l.MaxRecord <= 0 {
		l.MaxRecord = d.MaxRecord
	}
	if l.Timeout <= 0 {
		l.Timeout = d.Timeout
	}
	return l
}

// sizeLimit fails past max bytes: the file may grow after the Stat.
type sizeLimit struct {
	r         io.Reader
	read, max int64
}

func (l *sizeLimit) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	if l.read += int64(n); l.read > l.max {
		return 0, check.Errorf("over the %d-byte limit", "au-delà de la limite de %d octets", l.max)
	}
	return n, err
}

// recordLimit fails once one CSV record pulls more than max bytes.
type recordLimit struct {
	r            io.Reader
	total, start int64
	max          int64
}

func (l *recordLimit) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	if l.total += int64(n); l.total-l.start > l.max {
		return 0, check.Errorf("a record over %d KiB (a line without end, or an unclosed quote?)",
			"un enregistrement de plus de %d Kio (une ligne sans fin, ou un guillemet non fermé ?)", l.max>>10)
	}
	return n, err
}
