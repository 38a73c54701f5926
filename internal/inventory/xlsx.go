package inventory

import (
	"archive/zip"
	"bytes"
	"errors"

	"github.com/xuri/excelize/v2"

	"github.com/vigie-security/vigie/checks/contracts"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/textenc"
)

// loadXLSX reads the sheet row by row with excelize's streaming iterator
// (a big sheet is parsed from a temporary file, never held as rows), and
// stops at the first limit passed.
func loadXLSX(path string, opt Options) ([]contracts.Processor, error) {
	raw, err := readBounded(path, MaxFile)
	if err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(raw), excelize.Options{UnzipSizeLimit: 64 << 20, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		if errors.Is(err, zip.ErrFormat) { // its text says only this, in English
			return nil, check.Errorf("not a readable XLSX workbook: not a zip archive", "classeur XLSX illisible : pas une archive zip")
		}
		return nil, check.Errorf("not a readable XLSX workbook: %v", "classeur XLSX illisible : %v", err)
	}
	raw = nil
	defer f.Close()
	sheet := opt.Sheet
	if sheet == "" {
		sheet = f.GetSheetName(0)
	} else if idx, err := f.GetSheetIndex(sheet); err != nil || idx < 0 {
		names := f.GetSheetList()
		if list, ok := textenc.Labels(names); ok {
			return nil, check.Errorf("no sheet named %q (sheets: %s)", "aucune feuille nommée %q (feuilles : %s)", sheet, list)
		}
		count := check.Textf("%d sheets", "%d feuilles", len(names))
		if len(names) == 1 {
			count = check.Text{EN: "1 sheet", FR: "1 feuille"}
		}
		return nil, check.Errorf("no sheet named %q (the workbook has %s)", "aucune feuille nommée %q (le classeur a %s)", sheet, count)
	}
	// Messages name the sheet, unless its name reads as a value.
	at := check.Textf("sheet %q", "feuille %q", sheet)
	if opt.Sheet == "" && !textenc.IsLabel(sheet) {
		at = check.Text{EN: "the first sheet", FR: "première feuille"}
	}
	in := func(err error) error { return check.Errorf("%s: %v", "%s : %v", at, err) }
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, in(err)
	}
	defer rows.Close()
	var (
		m    Mapping
		out  []contracts.Processor
		kept budget
	)
	// Raw values keep dates as serial numbers: the displayed form depends
	// on the cell's locale format (is 02/01 the 2nd of January?).
	for n := 1; rows.Next(); n++ {
		rec, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, check.Errorf("%s, row %d: %v", "%s, ligne %d : %v", at, n, err)
		}
		if m == nil {
			if textenc.Blank(rec) {
				continue
			}
			if m, err = mapHeader(rec, opt.Columns, rowAt(n)); err != nil {
				return nil, in(err)
			}
			continue
		}
		p, ok, err := row(rec, m, n)
		if err != nil {
			return nil, in(err)
		}
		if !ok {
			continue
		}
		if len(out) == MaxRows {
			return nil, in(tooMany(rowAt(n)))
		}
		if err := kept.take(rec, m, rowAt(n)); err != nil {
			return nil, in(err)
		}
		out = append(out, p)
	}
	if err := rows.Error(); err != nil {
		return nil, in(err)
	}
	if m == nil {
		return nil, check.Errorf("%s is empty", "%s vide", at)
	}
	return out, nil
}
