package leadscan

import (
	"archive/zip"
	"os"
	"path/filepath"
	"testing"
)

// A workbook part cut partway gives no sheet list rather than the sheets
// before the cut: "no sheet named X" would then be a wrong usage error.
func TestSheetNamesOfACutWorkbook(t *testing.T) {
	for name, part := range map[string]string{
		"whole": `<workbook><sheets><sheet name="Prospects"/><sheet name="Clients"/></sheets></workbook>`,
		"cut":   `<workbook><sheets><sheet name="Prospects"/><sheet name="Cli`,
	} {
		path := filepath.Join(t.TempDir(), "w.xlsx")
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		z := zip.NewWriter(f)
		w, _ := z.Create("xl/workbook.xml")
		w.Write([]byte(part))
		z.Close()
		f.Close()
		names, ok := sheetNames(path)
		if want := name == "whole"; ok != want || ok && len(names) != 2 {
			t.Errorf("%s: %v %v", name, names, ok)
		}
	}
}
