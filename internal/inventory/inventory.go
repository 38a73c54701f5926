package inventory

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/vigie-security/vigie/checks/contracts"
	"github.com/vigie-security/vigie/internal/textenc"
)

// MaxFile bounds an inventory file; real ones are a few hundred rows.
const MaxFile = 16 << 20

// Options say how to read an inventory.
type Options struct {
	Columns map[string]string // field → header name, overriding the synonyms
	Sheet   string            // XLSX sheet; the first one when empty
}

// Load reads the inventory at path. Errors name the file, and the line or
// row when one is at fault. Cells that cannot be read (a date that is not
// one) do not stop the load: they are kept as problems on the row, and the
// checks that need them report them.
func Load(path string, opt Options) ([]contracts.Processor, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("inventory %s: %w", path, unwrap(err))
	}
	if st.Size() > MaxFile {
		return nil, fmt.Errorf("inventory %s: %d bytes, over the %d-byte limit", path, st.Size(), MaxFile)
	}
	var rows []contracts.Processor
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".csv", ".txt":
		rows, err = loadCSV(path, opt)
	case ".xlsx", ".xlsm":
		rows, err = loadXLSX(path, opt)
	case ".yaml", ".yml":
		rows, err = loadYAML(path)
	default:
		return nil, fmt.Errorf("inventory %s: unsupported format %q (want .csv, .xlsx or .yaml)", path, ext)
	}
	if err != nil {
		return nil, fmt.Errorf("inventory %s: %w", path, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("inventory %s: no processor rows", path)
	}
	seen := map[string]int{}
	for i := range rows {
		rows[i].Inventory = path
		key := strings.ToLower(rows[i].Name)
		if first, dup := seen[key]; dup {
			return nil, fmt.Errorf("inventory %s: row %d: processor %q already on row %d; merge the rows", path, rows[i].Row, rows[i].Name, first)
		}
		seen[key] = rows[i].Row
	}
	return rows, nil
}

// readBounded reads at most MaxFile bytes: the size checked in Load may
// have changed since.
func readBounded(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, unwrap(err)
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, MaxFile+1))
	if err != nil {
		return nil, unwrap(err)
	}
	if len(raw) > MaxFile {
		return nil, fmt.Errorf("over the %d-byte limit", MaxFile)
	}
	return raw, nil
}

func unwrap(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func loadCSV(path string, opt Options) ([]contracts.Processor, error) {
	raw, err := readBounded(path)
	if err != nil {
		return nil, err
	}
	text := textenc.Decode(raw)
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = sniffDelimiter(text)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("reading the header: %v", err)
	}
	m, err := mapHeader(header, opt.Columns)
	if err != nil {
		return nil, err
	}
	var out []contracts.Processor
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		line, _ := r.FieldPos(0)
		if err != nil {
			return nil, fmt.Errorf("line %d: %v", line, err)
		}
		p, ok, err := row(rec, m, line)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, p)
		}
	}
}

// sniffDelimiter picks , ; or tab from the header line: French spreadsheets
// export with ";" because "," is their decimal separator.
func sniffDelimiter(text string) rune {
	first, _, _ := strings.Cut(text, "\n")
	best, n := ',', strings.Count(first, ",")
	for _, c := range []rune{';', '\t'} {
		if k := strings.Count(first, string(c)); k > n {
			best, n = c, k
		}
	}
	return best
}

func loadXLSX(path string, opt Options) ([]contracts.Processor, error) {
	f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: 64 << 20, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		return nil, fmt.Errorf("not a readable XLSX workbook: %v", err)
	}
	defer f.Close()
	sheet := opt.Sheet
	if sheet == "" {
		sheet = f.GetSheetName(0)
	} else if idx, err := f.GetSheetIndex(sheet); err != nil || idx < 0 {
		return nil, fmt.Errorf("no sheet named %q (sheets: %s)", sheet, strings.Join(f.GetSheetList(), ", "))
	}
	// Raw values keep dates as serial numbers: the displayed form depends
	// on the cell's locale format (is 02/01 the 2nd of January?).
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("sheet %q: %v", sheet, err)
	}
	h := 0
	for h < len(rows) && blankRow(rows[h]) {
		h++
	}
	if h == len(rows) {
		return nil, fmt.Errorf("sheet %q is empty", sheet)
	}
	m, err := mapHeader(rows[h], opt.Columns)
	if err != nil {
		return nil, fmt.Errorf("sheet %q: %w", sheet, err)
	}
	var out []contracts.Processor
	for i := h + 1; i < len(rows); i++ {
		p, ok, err := row(rows[i], m, i+1)
		if err != nil {
			return nil, fmt.Errorf("sheet %q: %w", sheet, err)
		}
		if ok {
			out = append(out, p)
		}
	}
	return out, nil
}

func blankRow(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// row reads one record; ok is false for a blank row.
func row(rec []string, m Mapping, line int) (contracts.Processor, bool, error) {
	if blankRow(rec) {
		return contracts.Processor{}, false, nil
	}
	cell := func(field string) string {
		if i, ok := m[field]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	p := contracts.Processor{Row: line, Name: cell("processor")}
	if p.Name == "" {
		return p, false, fmt.Errorf("line %d: no processor name in a row that has data", line)
	}
	fill(&p, cell)
	return p, true, nil
}

// fill sets the row's fields from cell values, keeping unreadable ones as problems.
func fill(p *contracts.Processor, cell func(string) string) {
	bad := func(field, msg string) {
		if p.Problems == nil {
			p.Problems = map[string]string{}
		}
		p.Problems[field] = msg
	}
	p.Service = cell("service")
	p.DataCategories = list(cell("data_categories"))
	p.DataSubjects = list(cell("data_subjects"))
	p.Contracts = files(cell("contracts"))
	p.Countries = list(cell("countries"))
	p.Mechanism = cell("mechanism")
	p.SubProcessors = list(cell("subprocessors"))
	p.HasContact = cell("contact") != ""
	if v := cell("signed"); v != "" {
		if d, err := parseDate(v); err == nil {
			p.Signed, p.SignedOn = contracts.Yes, &d
		} else if s, ok := parseYesNo(v); ok {
			p.Signed = s
		} else {
			bad("signed", fmt.Sprintf("%q is neither yes/no nor a date", v))
		}
	}
	for _, f := range []struct {
		field string
		dst   **time.Time
	}{{"signed_on", &p.SignedOn}, {"start", &p.Start}, {"end", &p.End}, {"review", &p.Review}} {
		v := cell(f.field)
		if v == "" {
			continue
		}
		d, err := parseDate(v)
		if err != nil {
			bad(f.field, err.Error())
			continue
		}
		*f.dst = &d
		if f.field == "signed_on" && p.Signed == contracts.Unknown {
			p.Signed = contracts.Yes
		}
	}
}

var splitter = regexp.MustCompile(`\s*[;,|\n]\s*`)

func list(s string) []string {
	var out []string
	for _, v := range splitter.Split(s, -1) {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// files splits a contracts cell; commas may sit inside file names, so only
// ; | and new lines separate them.
func files(s string) []string {
	var out []string
	for _, v := range regexp.MustCompile(`\s*[;|\n]\s*`).Split(s, -1) {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func parseYesNo(v string) (contracts.Tri, bool) {
	switch normal(v) {
	case "yes", "y", "oui", "o", "x", "true", "1", "signed", "signe", "ok", "vrai":
		return contracts.Yes, true
	case "no", "n", "non", "false", "0", "unsigned", "non signe", "faux", "pending", "en cours":
		return contracts.No, true
	case "unknown", "inconnu", "?", "na", "n a":
		return contracts.Unknown, true
	}
	return contracts.Unknown, false
}

var dateLayouts = []string{"2006-01-02", "02/01/2006", "2/1/2006", "02.01.2006", "02-01-2006", "2006/01/02", "2006-01-02T15:04:05Z07:00", "2006-01-02 15:04:05"}

// parseDate reads ISO dates, French day-first dates and Excel serial numbers.
func parseDate(v string) (time.Time, error) {
	for _, l := range dateLayouts {
		if d, err := time.Parse(l, v); err == nil {
			return d, nil
		}
	}
	if n, err := strconv.ParseFloat(v, 64); err == nil && n > 20000 && n < 80000 {
		d, err := excelize.ExcelDateToTime(n, false)
		if err == nil {
			return d.Truncate(24 * time.Hour), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date (want 2025-01-31 or 31/01/2025)", v)
}
