package leadscan

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/vigie-security/vigie/internal/textenc"
)

type csvRows struct {
	f    *os.File
	r    *csv.Reader
	lim  *recordLimit
	line int // of the last record read
}

// openCSV streams a CSV: encoding from textenc (UTF-8 with or without BOM,
// UTF-16 with BOM, else Windows-1252), delimiter from the first line.
func openCSV(src Source) (*csvRows, error) {
	f, err := os.Open(src.Path)
	if err != nil {
		return nil, unwrap(err)
	}
	br := bufio.NewReaderSize(textenc.NewReader(&sizeLimit{r: f, max: src.Limits.MaxFile}), 64<<10)
	head, _ := br.Peek(64 << 10)
	lim := &recordLimit{r: br, max: int64(src.Limits.MaxRecord)}
	r := csv.NewReader(lim)
	r.Comma = textenc.Delimiter(head)
	r.FieldsPerRecord = -1 // a ragged row is counted, not fatal
	r.LazyQuotes = true
	r.ReuseRecord = false // rows go to other goroutines
	return &csvRows{f: f, r: r, lim: lim}, nil
}

func (c *csvRows) Next() ([]string, int, error) {
	c.lim.start = c.r.InputOffset()
	rec, err := c.r.Read()
	switch {
	case errors.Is(err, io.EOF):
		return nil, 0, io.EOF
	case err != nil:
		if pe, ok := err.(*csv.ParseError); ok {
			// The message names the line, never its content.
			return nil, 0, fmt.Errorf("line %d: %v", pe.StartLine, pe.Err)
		}
		return nil, 0, fmt.Errorf("after line %d: %v", c.line, err)
	}
	c.line, _ = c.r.FieldPos(0)
	return rec, c.line, nil
}

func (c *csvRows) Close() error     { return c.f.Close() }
func (c *csvRows) Serial() bool     { return false }
func (c *csvRows) PK() string       { return "" }
func (c *csvRows) Header() []string { return nil }
