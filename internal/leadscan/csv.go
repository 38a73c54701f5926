package leadscan

import (
	"bufio"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/vigie-security/vigie/checks/leads"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/textenc"
)

type csvRows struct {
	f         *os.File
	r         *csv.Reader
	lim       *recordLimit
	quotes    *textenc.Quotes
	line      int            // of the last record read
	shape     *textenc.Shape // the rows' shape, from the first record on
	columns   map[string]string
	notes     []check.Text
	swallowed leads.Swallowed
}

// openCSV streams a CSV: encoding from textenc (UTF-8 with or without BOM,
// UTF-16 with BOM, else Windows-1252), delimiter from the first line.
func openCSV(src Source) (*csvRows, error) {
	f, err := os.Open(src.Path)
	if err != nil {
		return nil, check.FileReason(err)
	}
	raw := make([]byte, 64<<10)
	n, _ := f.ReadAt(raw, 0) // pread: the stream below still starts at 0
	var notes []check.Text
	if mixedEncoding(raw[:n]) {
		notes = append(notes, check.Text{EN: "mixed encodings: UTF-8 text and bytes of another encoding (Windows-1252?) in the same file; accented text may be misread",
			FR: "encodages mélangés : du texte UTF-8 et des octets d'un autre encodage (Windows-1252 ?) dans le même fichier ; les accents peuvent être mal lus"})
	}
	br := bufio.NewReaderSize(textenc.NewReader(&sizeLimit{r: f, max: src.Limits.MaxFile}), 64<<10)
	head, _ := br.Peek(64 << 10)
	lim := &recordLimit{r: br, max: int64(src.Limits.MaxRecord)}
	quotes := textenc.NewQuotes(lim)
	r := csv.NewReader(quotes)
	r.Comma = textenc.Delimiter(head)
	r.FieldsPerRecord = -1 // a ragged row is counted, not fatal
	r.LazyQuotes = true
	r.ReuseRecord = false // rows go to other goroutines
	return &csvRows{f: f, r: r, lim: lim, quotes: quotes, columns: src.Columns, notes: notes}, nil
}

// Next returns the next record. A record that holds others in a quoted
// cell is not returned but counted (Swallowed); a quote open at the end of
// the file is an error: the lines it took were never judged.
func (c *csvRows) Next() ([]string, int, error) {
	for {
		c.lim.start = c.r.InputOffset()
		rec, err := c.r.Read()
		switch {
		case errors.Is(err, io.EOF):
			return nil, 0, io.EOF
		case err != nil:
			if pe, ok := err.(*csv.ParseError); ok {
				// The message names the line, never its content.
				return nil, 0, check.Errorf("line %d: %v", "ligne %d : %v", pe.StartLine, pe.Err)
			}
			return nil, 0, check.Errorf("after line %d: %v", "après la ligne %d : %v", c.line, err)
		}
		if err := c.quotes.Unclosed(c.r, rec); err != nil {
			return nil, 0, err
		}
		c.line, _ = c.r.FieldPos(0)
		if c.shape == nil && textenc.Blank(rec) {
			return rec, c.line, nil // the header (or first row) is further down
		}
		first := c.shape == nil
		if first {
			c.shape = shapeOf(c.r.Comma, rec, c.columns)
		}
		if c.swallows(rec) {
			continue
		}
		if !first || leads.HeaderIsValues(rec) {
			c.shape.Learn(rec)
		}
		return rec, c.line, nil
	}
}

// swallows records rec when one of its quoted cells holds lines that read
// as records: a stray quote that a later one closed.
func (c *csvRows) swallows(rec []string) bool {
	for i, cell := range rec {
		if !strings.Contains(cell, "\n") {
			continue
		}
		if n := c.shape.RecordsInCell(cell); n > 0 {
			line, _ := c.r.FieldPos(i)
			c.swallowed.Record(c.line, line, n)
			return true
		}
	}
	return false
}

// shapeOf is the shape of a table whose first record is first: its
// columns' kinds from the header's names and the configured columns, as
// the checks will find them (none when the first record holds values).
func shapeOf(comma rune, first []string, columns map[string]string) *textenc.Shape {
	if leads.HeaderIsValues(first) {
		return textenc.NewShape(comma, first, nil)
	}
	cols, err := leads.Detect(first, len(first), nil, columns, false)
	if err != nil {
		// A configured column the header lacks: the checks say so; the
		// names still tell.
		cols, _ = leads.Detect(first, len(first), nil, nil, false)
	}
	kinds := make([]textenc.Kind, len(first))
	for r, at := range cols.At {
		for _, i := range at {
			kinds[i] = kindOf(r)
		}
	}
	return textenc.NewShape(comma, first, kinds)
}

// kindOf is the shape of a role's cells, where it has one.
func kindOf(r leads.Role) textenc.Kind {
	switch r {
	case leads.Email:
		return textenc.Email
	case leads.Phone:
		return textenc.Phone
	case leads.Key:
		return textenc.Key
	case leads.Created, leads.LastActivity, leads.LastSent, leads.LastOrder, leads.ConsentAt,
		leads.OptOutAt, leads.NoticeAt, leads.BloctelAt, leads.BirthDate:
		return textenc.Date
	}
	return textenc.Any
}

// mixedEncoding: valid UTF-8 sequences and bytes that are not UTF-8 in the
// same start of file (an export concatenated from two tools, say).
func mixedEncoding(b []byte) bool {
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		b = b[3:]
	}
	var good, bad int
	for len(b) > 0 {
		if b[0] < utf8.RuneSelf {
			b = b[1:]
			continue
		}
		r, size := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && size == 1 && len(b) >= utf8.UTFMax:
			bad++
		case r != utf8.RuneError:
			good++
		}
		b = b[size:]
	}
	return good > 0 && bad > 0
}

func (c *csvRows) Notes() []check.Text        { return c.notes }
func (c *csvRows) Swallowed() leads.Swallowed { return c.swallowed }
func (c *csvRows) Close() error               { return c.f.Close() }
func (c *csvRows) Serial() bool               { return false }
func (c *csvRows) PK() string                 { return "" }
func (c *csvRows) Header() []string           { return nil }
