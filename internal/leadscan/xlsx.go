package leadscan

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/textenc"
)

type xlsxRows struct {
	f     *excelize.File
	rows  *excelize.Rows
	at    check.Text
	n     int
	notes []check.Text
}

// openBook opens a workbook within the source's size limits.
func openBook(src Source) (*excelize.File, error) {
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
	return f, nil
}

// openXLSX streams one sheet with excelize's row iterator; raw cell values
// keep dates as serial numbers, whatever the cell's display locale. The
// other sheets that hold leads are named in a note: the sheet read is then
// not the whole workbook.
func openXLSX(src Source) (*xlsxRows, error) {
	f, err := openBook(src)
	if err != nil {
		return nil, err
	}
	sheet := src.Table
	if sheet == "" {
		sheet = f.GetSheetName(0)
	} else if idx, err := f.GetSheetIndex(sheet); err != nil || idx < 0 {
		f.Close()
		return nil, noSheet(sheet, f.GetSheetList())
	}
	at := check.Textf("sheet %q", "feuille %q", sheet)
	if !textenc.IsLabel(sheet) {
		at = check.Text{EN: "the sheet", FR: "la feuille"}
	}
	x := &xlsxRows{f: f, at: at}
	if !src.sheetPeeked {
		x.notes = otherLeadSheets(f, sheet)
	}
	if x.rows, err = f.Rows(sheet); err != nil {
		f.Close()
		return nil, check.Errorf("%s: %v", "%s : %v", at, err)
	}
	return x, nil
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
func (x *xlsxRows) Serial() bool        { return true }
func (x *xlsxRows) PK() string          { return "" }
func (x *xlsxRows) Header() []string    { return nil }
func (x *xlsxRows) Notes() []check.Text { return x.notes }

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

// noSheet is the error for a sheet the workbook lacks, listing its sheets
// when their names read as labels (a name may be a person's).
func noSheet(sheet string, sheets []string) error {
	if list, ok := textenc.Labels(sheets); ok {
		return check.Errorf("no sheet named %q (sheets: %s)", "aucune feuille nommée %q (feuilles : %s)", sheet, list)
	}
	return check.Errorf("no sheet named %q", "aucune feuille nommée %q", sheet)
}

// maxWorkbookPart bounds the workbook part and its relations read for the
// sheet list; excelize's own limit for one XML part is the same.
const maxWorkbookPart = 16 << 20

// sheetNames lists a workbook's sheets from its workbook part, found
// through the package relations as excelize finds it.
func sheetNames(path string) ([]string, bool) {
	z, err := zip.OpenReader(path)
	if err != nil {
		return nil, false
	}
	defer z.Close()
	part := "xl/workbook.xml"
	if target := xmlAttr(z, "_rels/.rels", "Relationship", "Target", func(a map[string]string) bool {
		return strings.HasSuffix(a["Type"], "/officeDocument")
	}); len(target) > 0 {
		part = strings.TrimPrefix(target[0], "/")
	}
	names := xmlAttr(z, part, "sheet", "name", nil)
	return names, len(names) > 0
}

// xmlAttr returns attribute attr of each element named elem in the zip's
// file name (when keep accepts its attributes); nil when it cannot be read.
func xmlAttr(z *zip.ReadCloser, name, elem, attr string, keep func(map[string]string) bool) []string {
	f, err := z.Open(name)
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []string
	d := xml.NewDecoder(&sizeLimit{r: f, max: maxWorkbookPart}) // past the bound is an error, not a silent end
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			return nil // a part cut or malformed partway: its list would be partial (the unit says what is wrong)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != elem {
			continue
		}
		attrs := map[string]string{}
		for _, a := range se.Attr {
			attrs[a.Name.Local] = a.Value
		}
		if v, ok := attrs[attr]; ok && (keep == nil || keep(attrs)) {
			out = append(out, v)
		}
	}
}
