package leadscan

import (
	"archive/zip"
	"errors"
	"io"
	"os"

	"github.com/xuri/excelize/v2"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/textenc"
)

type xlsxRows struct {
	f    *excelize.File
	rows *excelize.Rows
	at   check.Text
	n    int
}

// openXLSX streams one sheet with excelize's row iterator; raw cell values
// keep dates as serial numbers, whatever the cell's display locale.
func openXLSX(src Source) (*xlsxRows, error) {
	fh, err := os.Open(src.Path)
	if err != nil {
		return nil, check.FileReason(err)
	}
	defer fh.Close()
	f, err := excelize.OpenReader(io.LimitReader(fh, src.Limits.MaxXLSX+1),
		excelize.Options{UnzipSizeLimit: src.Limits.MaxXLSX * 4, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		return nil, check.Errorf("not a readable XLSX workbook: %v", "classeur XLSX illisible : %v", openErr(err))
	}
	sheet := src.Table
	if sheet == "" {
		sheet = f.GetSheetName(0)
	} else if idx, err := f.GetSheetIndex(sheet); err != nil || idx < 0 {
		f.Close()
		if list, ok := textenc.Labels(f.GetSheetList()); ok {
			return nil, check.Errorf("no sheet named %q (sheets: %s)", "aucune feuille nommée %q (feuilles : %s)", sheet, list)
		}
		return nil, check.Errorf("no sheet named %q", "aucune feuille nommée %q", sheet)
	}
	at := check.Textf("sheet %q", "feuille %q", sheet)
	if !textenc.IsLabel(sheet) {
		at = check.Text{EN: "the sheet", FR: "la feuille"}
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		f.Close()
		return nil, check.Errorf("%s: %v", "%s : %v", at, err)
	}
	return &xlsxRows{f: f, rows: rows, at: at}, nil
}

func (x *xlsxRows) Next() ([]string, int, error) {
	if !x.rows.Next() {
		if err := x.rows.Error(); err != nil {
			return nil, 0, check.Errorf("%s: %v", "%s : %v", x.at, err)
		}
		return nil, 0, io.EOF
	}
	x.n++
	rec, err := x.rows.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, 0, check.Errorf("%s, row %d: %v", "%s, ligne %d : %v", x.at, x.n, err)
	}
	return rec, x.n, nil
}

func (x *xlsxRows) Close() error {
	x.rows.Close()
	return x.f.Close()
}
func (x *xlsxRows) Serial() bool     { return true }
func (x *xlsxRows) PK() string       { return "" }
func (x *xlsxRows) Header() []string { return nil }

// openErr says the two usual reasons a workbook does not open: a file that
// is not one, and an old or encrypted one (both OLE containers).
func openErr(err error) error {
	switch {
	case errors.Is(err, zip.ErrFormat):
		return check.Errorf("the file is not a zip archive, as an XLSX is (another file renamed?)",
			"le fichier n'est pas une archive zip, ce qu'est un XLSX (un autre fichier renommé ?)")
	case errors.Is(err, excelize.ErrWorkbookFileFormat):
		return check.Errorf("an old .xls or a password-protected workbook (save it as .xlsx without a password, or export it as CSV)",
			"un ancien .xls ou un classeur protégé par mot de passe (enregistrez-le en .xlsx sans mot de passe, ou exportez-le en CSV)")
	}
	return err
}
