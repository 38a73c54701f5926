package inventory

import (
	"bufio"
	"encoding/csv"
	"errors"
	"io"

	"github.com/vigie-security/vigie/checks/contracts"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/fileread"
	"github.com/vigie-security/vigie/internal/textenc"
)

// loadCSV streams the file: memory holds one record and the rows kept,
// and reading stops at the first limit passed.
func loadCSV(path string, opt Options) ([]contracts.Processor, error) {
	f, err := fileread.Open(path)
	if err != nil {
		return nil, check.FileReason(err)
	}
	defer f.Close()
	br := bufio.NewReaderSize(textenc.NewReader(&sizeLimit{r: f}), 64<<10)
	head, _ := br.Peek(64 << 10)
	lim := &recordLimit{r: br}
	r := csv.NewReader(lim)
	r.Comma = textenc.Delimiter(head)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.ReuseRecord = false // kept rows point into their record
	line := 1             // of the record being read, for errors
	read := func() ([]string, error) {
		lim.start = r.InputOffset()
		rec, err := r.Read()
		if err == nil {
			line, _ = r.FieldPos(0)
		}
		return rec, err
	}
	header, err := read()
	if errors.Is(err, io.EOF) {
		return nil, check.Errorf("the file is empty", "le fichier est vide")
	}
	if err != nil {
		return nil, check.Errorf("line 1: reading the header: %v", "ligne 1 : lecture de l'en-tête : %v", err)
	}
	m, err := mapHeader(header, opt.Columns, lineAt(line))
	if err != nil {
		return nil, err
	}
	var (
		out  []contracts.Processor
		kept budget
	)
	for {
		rec, err := read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, check.Errorf("after line %d: %v", "après la ligne %d : %v", line, err)
		}
		p, ok, err := row(rec, m, line)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		if len(out) == MaxRows {
			return nil, tooMany(lineAt(line))
		}
		if err := kept.take(rec, m, lineAt(line)); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
}
