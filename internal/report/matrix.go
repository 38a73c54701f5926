package report

import (
	"sort"

	"github.com/vigie-security/vigie/internal/check"
)

// Matrix is the contracts family at a glance: processors (or documents)
// by Article 28 element, each cell the best level any of the row's
// documents reaches. The table writer prints it; the TUI browses it.
type Matrix struct {
	Columns []MatrixColumn `json:"columns"`
	Rows    []MatrixRow    `json:"rows"`
}

// MatrixColumn is one element.
type MatrixColumn struct {
	Element string `json:"element"` // A28-… ID
	Code    string `json:"code"`    // two letters for narrow displays
	CheckID string `json:"check_id"`
}

// MatrixRow is one processor, or one document when no inventory names it.
type MatrixRow struct {
	Name      string   `json:"name"`
	Processor bool     `json:"processor"`
	Documents []string `json:"documents"`
	// Note explains a row with no document: "no-contract" (none named) or
	// "file-missing" (named, not on disk).
	Note  string       `json:"note,omitempty"`
	Cells []MatrixCell `json:"cells"` // one per column
}

// MatrixCell holds the level ("specific", "present", "restated",
// "missing"; "" when no readable document says) and the finding behind it.
type MatrixCell struct {
	Level   string         `json:"level"`
	Finding *check.Finding `json:"-"`
}

var levelRank = map[string]int{"missing": 1, "restated": 2, "present": 3, "specific": 4}

// ContractMatrix builds the matrix from the report's element findings (those
// whose evidence names an element); it is empty when no contract was checked.
func ContractMatrix(r Report) Matrix {
	var m Matrix
	col := map[string]int{}
	for _, meta := range r.Checks {
		if el := meta.Frameworks["gdpr-art28"]; meta.Family == check.FamilyContracts && len(el) == 1 {
			col[meta.ID] = len(m.Columns)
			m.Columns = append(m.Columns, MatrixColumn{Element: el[0], CheckID: meta.ID})
		}
	}
	if len(m.Columns) == 0 { // no contract was checked: no finding to read (a large web scan's are on disk)
		return m
	}
	rows := map[string]*MatrixRow{}
	var order []string
	row := func(name string, processor bool) *MatrixRow {
		key := map[bool]string{true: "p\x00", false: "d\x00"}[processor] + name
		if rw, ok := rows[key]; ok {
			return rw
		}
		rw := &MatrixRow{Name: name, Processor: processor, Cells: make([]MatrixCell, len(m.Columns))}
		rows[key], order = rw, append(order, key)
		return rw
	}
	for each := range r.All() {
		f := &each // a cell points at its deciding finding
		if f.Family != check.FamilyContracts {
			continue
		}
		if note := map[string]string{"CTR-INV-001": "no-contract", "CTR-INV-006": "file-missing"}[f.CheckID]; note != "" {
			if name, ok := f.Evidence["processor"].(string); ok && f.Status == check.Fail {
				if rw := row(name, true); rw.Note == "" {
					rw.Note = note
				}
			}
			continue
		}
		c, ok := col[f.CheckID]
		if !ok {
			continue
		}
		if code, ok := f.Evidence["code"].(string); ok {
			m.Columns[c].Code = code
		}
		level, _ := f.Evidence["level"].(string)
		owners := names(f.Evidence["processors"])
		var targets []*MatrixRow
		for _, o := range owners {
			targets = append(targets, row(o, true))
		}
		if len(owners) == 0 {
			targets = append(targets, row(f.Target, false))
		}
		for _, rw := range targets {
			addDoc(rw, f.Target)
			if cell := &rw.Cells[c]; levelRank[level] > levelRank[cell.Level] {
				cell.Level, cell.Finding = level, f
			}
		}
	}
	for _, k := range order {
		m.Rows = append(m.Rows, *rows[k])
	}
	sort.SliceStable(m.Rows, func(i, j int) bool { return m.Rows[i].Processor && !m.Rows[j].Processor })
	if len(m.Rows) == 0 {
		return Matrix{}
	}
	return m
}

// names reads a list of strings from evidence, as built or as decoded from JSON.
func names(v any) []string {
	switch x := v.(type) {
	case []string:
		return x
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func addDoc(rw *MatrixRow, doc string) {
	for _, d := range rw.Documents {
		if d == doc {
			return
		}
	}
	rw.Documents = append(rw.Documents, doc)
}
