package inventory

import (
	"bytes"
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/vigie-security/vigie/checks/contracts"
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
		return nil, fmt.Errorf("not a readable XLSX workbook: %v", err)
	}
	raw = nil
	defer f.Close()
	sheet := opt.Sheet
	if sheet == "" {
		sheet = f.GetSheetName(0)
	} else if idx, err := f.GetSheetIndex(sheet); err != nil || idx < 0 {
		names := f.GetSheetList()
		if list, ok := textenc.Labels(names); ok {
			return nil, fmt.Errorf("no sheet named %q (sheets: %s)", sheet, list)
		}
		return nil, fmt.Errorf("no sheet named %q (the workbook has %d sheets)", sheet, len(names))
	}
	// Messages name the sheet, unless its name reads as a value.
	at := fmt.Sprintf("sheet %q", sheet)
	if opt.Sheet == "" && !textenc.IsLabel(sheet) {
		at = "the first sheet"
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", at, err)
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
			return nil, fmt.Errorf("%s, row %d: %v", at, n, err)
		}
		if m == nil {
			if textenc.Blank(rec) {
				continue
			}
			if m, err = mapHeader(rec, opt.Columns, fmt.Sprintf("row %d", n)); err != nil {
				return nil, fmt.Errorf("%s: %w", at, err)
			}
			continue
		}
		p, ok, err := row(rec, m, n)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", at, err)
		}
		if !ok {
			continue
		}
		if len(out) == MaxRows {
			return nil, fmt.Errorf("%s: %w", at, tooMany(fmt.Sprintf("row %d", n)))
		}
		if err := kept.take(rec, m, fmt.Sprintf("row %d", n)); err != nil {
			return nil, fmt.Errorf("%s: %w", at, err)
		}
		out = append(out, p)
	}
	if err := rows.Error(); err != nil {
		return nil, fmt.Errorf("%s: %v", at, err)
	}
	if m == nil {
		return nil, fmt.Errorf("%s is empty", at)
	}
	return out, nil
}
