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
	quotes := textenc.NewQuotes(lim)
	r := csv.NewReader(quotes)
	r.Comma = textenc.Delimiter(head)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.ReuseRecord = false    // kept rows point into their record
	line := 1                // of the record being read, for errors
	var shape *textenc.Shape // the rows', once the header is read
	var malformed error      // a quote that took other lines in: not a read error, but fatal all the same
	read := func() ([]string, error) {
		lim.start = r.InputOffset()
		rec, err := r.Read()
		if err != nil {
			return rec, err
		}
		line, _ = r.FieldPos(0)
		if malformed = quotes.Unclosed(r, rec); malformed == nil && shape != nil {
			malformed = swallows(r, rec, shape)
		}
		return rec, nil
	}
	header, err := read()
	if errors.Is(err, io.EOF) {
		return nil, check.Errorf("the file is empty", "le fichier est vide")
	}
	if err != nil {
		return nil, check.Errorf("line 1: reading the header: %v", "ligne 1 : lecture de l'en-tête : %v", err)
	}
	if malformed != nil {
		return nil, malformed
	}
	m, err := mapHeader(header, opt.Columns, lineAt(line))
	if err != nil {
		return nil, err
	}
	shape = shapeOf(r.Comma, header, m)
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
		if malformed != nil {
			return nil, malformed
		}
		p, ok, err := row(rec, m, line)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		shape.Learn(rec)
		if len(out) == MaxRows {
			return nil, tooMany(lineAt(line))
		}
		if err := kept.take(rec, m, lineAt(line)); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
}

// shapeOf is the shape of the inventory's rows: a processor named in each,
// file names and dates in the columns that hold them.
func shapeOf(comma rune, header []string, m Mapping) *textenc.Shape {
	kinds := make([]textenc.Kind, len(header))
	for field, i := range m {
		switch field {
		case "processor":
			kinds[i] = textenc.Filled
		case "contracts":
			kinds[i] = textenc.File
		case "signed_on", "start", "end", "review":
			kinds[i] = textenc.Date
		}
	}
	return textenc.NewShape(comma, header, kinds)
}

// swallows is an error when a quoted cell of rec holds lines that read as
// rows of the inventory: a stray quote that a later one closed, the rows
// between lost into one cell.
func swallows(r *csv.Reader, rec []string, shape *textenc.Shape) error {
	for i, cell := range rec {
		if n := shape.RecordsInCell(cell); n > 0 {
			line, _ := r.FieldPos(i)
			return check.Errorf("line %d: the quoted cell of column %d holds %d lines that read as rows of the inventory: a stray quote? (quote the whole cell, or remove the quote)",
				"ligne %d : la cellule entre guillemets de la colonne %d contient %d lignes qui se lisent comme des lignes de l'inventaire : un guillemet égaré ? (mettez toute la cellule entre guillemets, ou retirez le guillemet)",
				line, i+1, n)
		}
	}
	return nil
}
