package inventory

import (
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/vigie-security/vigie/checks/contracts"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/fileread"
	"github.com/vigie-security/vigie/internal/textenc"
)

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
		return nil, check.Errorf("inventory %s: %v", "inventaire %s : %v", path, check.FileReason(err))
	}
	if st.IsDir() {
		return nil, check.Errorf("inventory %s: a folder, not a file (the contracts' folder is contracts.folder, --folder)",
			"inventaire %s : un dossier, pas un fichier (le dossier des contrats est contracts.folder, --folder)", path)
	}
	if st.Size() > MaxFile {
		return nil, check.Errorf("inventory %s: %d bytes, over the %d-byte limit", "inventaire %s : %d octets, au-delà de la limite de %d octets",
			path, st.Size(), MaxFile)
	}
	var rows []contracts.Processor
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".csv", ".txt":
		rows, err = loadCSV(path, opt)
	case ".xlsx", ".xlsm":
		rows, err = loadXLSX(path, opt)
	case ".yaml", ".yml":
		if st.Size() > MaxYAML {
			return nil, check.Errorf("inventory %s: %d bytes, over the %d-byte limit for a YAML inventory (it is parsed whole; use CSV or XLSX for a larger one)",
				"inventaire %s : %d octets, au-delà de la limite de %d octets pour un inventaire YAML (il est lu en entier ; utilisez CSV ou XLSX pour un inventaire plus grand)",
				path, st.Size(), MaxYAML)
		}
		rows, err = loadYAML(path)
	default:
		return nil, check.Errorf("inventory %s: unsupported format %q (want .csv, .xlsx or .yaml)",
			"inventaire %s : format %q non pris en charge (formats acceptés : .csv, .xlsx ou .yaml)", path, ext)
	}
	if err != nil {
		return nil, check.Errorf("inventory %s: %v", "inventaire %s : %v", path, err)
	}
	if len(rows) == 0 {
		return nil, check.Errorf("inventory %s: no processor rows", "inventaire %s : aucune ligne de sous-traitant", path)
	}
	seen := map[string]int{}
	for i := range rows {
		rows[i].Inventory = path
		key := strings.ToLower(rows[i].Name)
		// The name is not repeated: a file that is not an inventory may
		// hold people's names in that column.
		if first, dup := seen[key]; dup {
			return nil, check.Errorf("inventory %s: row %d: same processor name as row %d; merge the rows",
				"inventaire %s : ligne %d : même nom de sous-traitant qu'à la ligne %d ; fusionnez les lignes", path, rows[i].Row, first)
		}
		seen[key] = rows[i].Row
	}
	return rows, nil
}

// readBounded reads at most limit bytes: the size checked in Load may
// have changed since.
func readBounded(path string, limit int64) ([]byte, error) {
	f, err := fileread.Open(path)
	if err != nil {
		return nil, check.FileReason(err)
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, check.FileReason(err)
	}
	if int64(len(raw)) > limit {
		return nil, overLimit(limit)
	}
	return raw, nil
}

// row reads one record; ok is false for a blank row.
func row(rec []string, m Mapping, line int) (contracts.Processor, bool, error) {
	if textenc.Blank(rec) {
		return contracts.Processor{}, false, nil
	}
	cell := func(field string) string {
		if i, ok := m[field]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	if err := cellLimit(rec, m); err != nil {
		return contracts.Processor{}, false, check.Errorf("line %d, %v", "ligne %d, %v", line, err)
	}
	p := contracts.Processor{Row: line, Name: cell("processor")}
	if p.Name == "" {
		return p, false, check.Errorf("line %d: no processor name in a row that has data",
			"ligne %d : aucun nom de sous-traitant sur une ligne qui contient des données", line)
	}
	fill(&p, cell)
	return p, true, nil
}

// fill sets the row's fields from cell values, keeping unreadable ones as
// problems. A problem never quotes the cell: it may hold personal data; the
// checks name the row and the column.
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
			bad("signed", "neither yes/no nor a date (want oui/non, yes/no, or a date such as 2025-01-31)")
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

// fileSplitter splits a contracts cell; commas may sit inside file names,
// so only ; | and new lines separate them.
var fileSplitter = regexp.MustCompile(`\s*[;|\n]\s*`)

func files(s string) []string {
	var out []string
	for _, v := range fileSplitter.Split(s, -1) {
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
	return time.Time{}, check.Errorf("not a date (want 2025-01-31 or 31/01/2025)", "pas une date (format attendu : 2025-01-31 ou 31/01/2025)")
}
