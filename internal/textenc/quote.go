package textenc

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

// Quotes watches the text a csv.Reader with LazyQuotes reads. LazyQuotes
// forgives the stray quotes exports hold (a 5" screen, "Dupont" SA), but
// also a quote left open at the end of the file, which puts every line
// after it into one cell: Quotes tells that apart (csv.Reader, lazy, says
// nothing).
type Quotes struct {
	r     io.Reader
	total int64 // bytes read, the unit of csv.Reader.InputOffset
	eof   bool
	tail  []byte // the last bytes read
}

// tailSize is enough for the closing quote, escaped quotes before it and
// the line end after it.
const tailSize = 64

// NewQuotes watches r, the text given to csv.NewReader.
func NewQuotes(r io.Reader) *Quotes { return &Quotes{r: r, tail: make([]byte, 0, 2*tailSize)} }

func (q *Quotes) Read(p []byte) (int, error) {
	n, err := q.r.Read(p)
	q.total += int64(n)
	if n > 0 {
		if len(q.tail)+n > cap(q.tail) {
			keep := q.tail[max(0, len(q.tail)-tailSize):]
			q.tail = append(q.tail[:0], keep...)
		}
		q.tail = append(q.tail, p[max(0, n-tailSize):n]...)
	}
	if errors.Is(err, io.EOF) {
		q.eof = true
	}
	return n, err
}

// Unclosed is an error when rec, just read by cr from q, ends the text
// inside a quote: it names the line the quote opened on and how many lines
// after it were read into the cell. A record that does not end the text,
// or whose quote closes, gives nil.
func (q *Quotes) Unclosed(cr *csv.Reader, rec []string) error {
	if len(rec) == 0 || !q.eof || cr.InputOffset() != q.total {
		return nil
	}
	last := rec[len(rec)-1]
	// Only a quoted cell holds a line break; the file's last one is in it
	// when the quote stays open.
	if !strings.Contains(last, "\n") {
		return nil
	}
	end := bytes.TrimSuffix(bytes.TrimSuffix(q.tail, []byte("\n")), []byte("\r"))
	run := len(end) - len(bytes.TrimRight(end, `"`))
	if run%2 == 1 {
		return nil // a closing quote, after any escaped ("") ones
	}
	line, _ := cr.FieldPos(len(rec) - 1)
	return UnclosedQuote(line, strings.Count(strings.TrimSuffix(last, "\n"), "\n"))
}

// UnclosedQuote is the error for a quote opened on line and never closed,
// with swallowed lines after it read into its cell.
func UnclosedQuote(line, swallowed int) error {
	switch swallowed {
	case 0:
		return check.Errorf("line %d: a quote opened on this line is never closed (the file ends inside it)",
			"ligne %d : un guillemet ouvert sur cette ligne n'est jamais fermé (le fichier se termine à l'intérieur)", line)
	case 1:
		return check.Errorf("line %d: a quote opened on this line is never closed: the line after it (line %d, the last) was read into the same cell",
			"ligne %d : un guillemet ouvert sur cette ligne n'est jamais fermé : la ligne suivante (ligne %d, la dernière) a été lue dans la même cellule",
			line, line+1)
	}
	return check.Errorf("line %d: a quote opened on this line is never closed: the %d lines after it (lines %d to %d, the end of the file) were read as one cell",
		"ligne %d : un guillemet ouvert sur cette ligne n'est jamais fermé : les %d lignes suivantes (lignes %d à %d, la fin du fichier) ont été lues comme une seule cellule",
		line, swallowed, line+1, line+swallowed)
}
