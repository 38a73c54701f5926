package leadscan

import (
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/vigie-security/vigie/checks/leads"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/textenc"
)

// maxSheets bounds the sheets examined to choose one; peekRows the rows
// of each read to tell whether it holds leads.
const (
	maxSheets = 100
	peekRows  = 50
)

// chooseSheet picks the sheet as a SQLite table is picked: the configured
// one (case aside, as excelize matches them), else the only sheet with an
// e-mail or phone column, else the only sheet holding rows. several says
// the workbook has other sheets, so the target names the one read. A file
// that does not read as a workbook is left to its unit, which says why.
func chooseSheet(src Source) (sheet string, several bool, err error) {
	sheets, ok := sheetNames(src.Path)
	if !ok {
		return src.Table, false, nil
	}
	if src.Table != "" {
		for _, s := range sheets {
			if strings.EqualFold(s, src.Table) {
				return s, len(sheets) > 1, nil
			}
		}
		return "", false, noSheet(src.Table, sheets)
	}
	if len(sheets) == 1 {
		return sheets[0], false, nil
	}
	if len(sheets) > maxSheets {
		return "", false, check.Errorf("the workbook has %d sheets: choose one with --table or leads.table",
			"le classeur a %d feuilles : choisissez-en une avec --table ou leads.table", len(sheets))
	}
	f, err := openBook(src)
	if err != nil {
		return "", false, nil // the unit says why
	}
	defer f.Close()
	sheets = f.GetSheetList()
	var leadsLike, filled []string
	for _, s := range sheets {
		switch data, lead := peekSheet(f, s); {
		case lead:
			leadsLike = append(leadsLike, s)
			filled = append(filled, s)
		case data:
			filled = append(filled, s)
		}
	}
	switch {
	case len(leadsLike) == 1:
		return leadsLike[0], true, nil
	case len(leadsLike) == 0 && len(filled) == 1:
		return filled[0], true, nil
	case len(leadsLike) == 0 && len(filled) == 0:
		return sheets[0], true, nil // its unit says the sheet is empty
	}
	if len(leadsLike) == 0 {
		leadsLike = filled
	}
	return "", false, check.Errorf("several sheets could hold the leads (%s): choose one with --table or leads.table",
		"plusieurs feuilles pourraient contenir les prospects (%s) : choisissez-en une avec --table ou leads.table", sheetList(leadsLike))
}

// otherLeadSheets are the notes for the sheets other than the one read
// that hold an e-mail or phone column, and for those past the bound, not
// examined: they were not judged, so the workbook was not read in full.
func otherLeadSheets(f *excelize.File, read string) []check.Text {
	var others []string
	var notes []check.Text
	sheets := f.GetSheetList()
	for i, s := range sheets {
		if i == maxSheets {
			notes = append(notes, check.Count(len(sheets)-i, check.Text{EN: "%d more sheet was neither examined nor read", FR: "%d autre feuille n'a été ni examinée ni lue"},
				check.Text{EN: "%d more sheets were neither examined nor read", FR: "%d autres feuilles n'ont été ni examinées ni lues"}))
			break
		}
		if s == read {
			continue
		}
		if _, lead := peekSheet(f, s); lead {
			others = append(others, s)
		}
	}
	switch {
	case len(others) == 0:
		return notes
	case !slices.ContainsFunc(others, textenc.IsLabel):
		return append([]check.Text{check.Count(len(others),
			check.Text{EN: "%d other sheet with an e-mail or phone column was not read (check it with --table)",
				FR: "%d autre feuille ayant une colonne d'e-mail ou de téléphone n'a pas été lue (vérifiez-la avec --table)"},
			check.Text{EN: "%d other sheets with an e-mail or phone column were not read (check each with --table)",
				FR: "%d autres feuilles ayant une colonne d'e-mail ou de téléphone n'ont pas été lues (vérifiez chacune avec --table)"})}, notes...)
	}
	return append([]check.Text{check.Plural(len(others),
		check.Text{EN: "another sheet with an e-mail or phone column was not read: %s (check it with --table)",
			FR: "une autre feuille ayant une colonne d'e-mail ou de téléphone n'a pas été lue : %s (vérifiez-la avec --table)"},
		check.Text{EN: "other sheets with an e-mail or phone column were not read: %s (check each with --table)",
			FR: "d'autres feuilles ayant une colonne d'e-mail ou de téléphone n'ont pas été lues : %s (vérifiez chacune avec --table)"},
		sheetList(others))}, notes...)
}

// peekSheet reads a sheet's first rows: whether it holds any, and whether
// a column is an e-mail or phone one, by its name or its values, as the
// unit finds columns. A sheet that cannot be read (a chart sheet) is
// neither.
func peekSheet(f *excelize.File, sheet string) (data, lead bool) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return false, false
	}
	defer rows.Close()
	var header []string
	var sample [][]string
	for len(sample) < peekRows && rows.Next() {
		rec, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			break
		}
		switch {
		case textenc.Blank(rec):
		case header == nil && sample == nil && !leads.HeaderIsValues(rec):
			header = rec
		default:
			sample = append(sample, rec)
		}
	}
	// A read error partway leaves the rows before it: a damaged sheet may
	// still be the one chosen, and its unit then says what is wrong.
	if header == nil && sample == nil {
		return false, false
	}
	if leads.LooksLikeLeads(header) {
		return true, true
	}
	width := len(header)
	if header == nil {
		for _, r := range sample {
			width = max(width, len(r))
		}
	}
	cols, err := leads.Detect(header, width, pad(sample, width), nil, true)
	return true, err == nil && (cols.Has(leads.Email) || cols.Has(leads.Phone))
}

// pad gives every sampled row the header's width: a sheet row stops at
// its last filled cell.
func pad(sample [][]string, width int) [][]string {
	for i, r := range sample {
		if len(r) < width {
			sample[i] = append(r, make([]string, width-len(r))...)
		}
	}
	return sample
}

// sheetList names sheets for a message, and counts those whose name could
// be a value (a sheet named after a person) or when the list is long.
func sheetList(names []string) check.Text {
	var shown []string
	for _, n := range names {
		if textenc.IsLabel(n) {
			shown = append(shown, textenc.Clean(n))
		}
	}
	list, rest := strings.Join(shown, ", "), len(names)-len(shown)
	switch {
	case len(list) > 300 || len(shown) == 0:
		return check.Count(len(names), check.Text{EN: "%d sheet", FR: "%d feuille"}, check.Text{EN: "%d sheets", FR: "%d feuilles"})
	case rest == 0:
		return check.Text{EN: list, FR: list}
	}
	return check.Plural(rest, check.Text{EN: "%s and %d other sheet", FR: "%s et %d autre feuille"},
		check.Text{EN: "%s and %d other sheets", FR: "%s et %d autres feuilles"}, list, rest)
}
