package leads

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/textenc"
)

// Columns is where each role sits in one table, and how it was found.
type Columns struct {
	Names    []string         // each column as reports name it ("column 7" when its label reads as a value)
	At       map[Role][]int   // role → column indexes
	How      map[Role]string  // "name", "values" or "config"
	MDY      map[int]bool     // date columns written month first
	Serial   bool             // dates may be spreadsheet serial numbers (XLSX)
	NoHeader bool             // the first row held values: columns found by their values only
	Notes    []check.Text     // duplicated headers and the like, for LEAD-SRC-001
	keyCol   int              // key column + 1; 0: record keys are row numbers
	sensCols map[int]struct{} // structured sensitive columns
}

// Has reports whether role was found.
func (c Columns) Has(r Role) bool { return len(c.At[r]) > 0 }

// Name is the shown name of role's columns, joined.
func (c Columns) Name(r Role) string {
	var out []string
	for _, i := range c.At[r] {
		out = append(out, c.Names[i])
	}
	return strings.Join(out, ", ")
}

// KeyColumn is the column record keys come from, or "" for row numbers.
func (c Columns) KeyColumn() string {
	if c.keyCol == 0 {
		return ""
	}
	return c.Names[c.keyCol-1]
}

// Found lists role → column names, for evidence.
func (c Columns) Found() map[string]string {
	out := map[string]string{}
	for r := range c.At {
		out[string(r)] = c.Name(r)
	}
	return out
}

// HeaderIsValues reports whether a first row holds data rather than labels:
// an e-mail, a phone number, a date or a long text in any cell.
func HeaderIsValues(cells []string) bool {
	for _, c := range cells {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		if _, _, ok := email(c); ok {
			return true
		}
		if k, _ := phone(c); k != notPhone {
			return true
		}
		if _, ok := parseDate(c, false, false); ok {
			return true
		}
		if len(c) > 80 {
			return true
		}
	}
	return false
}

// ColumnError is a configured column (leads.columns, --column) that names
// a role vigie does not know, or a column the header does not hold: a usage
// mistake, said before the scan when the header can be read then.
type ColumnError struct{ check.Prefixed }

// Detect finds the columns of a table from its header (nil when the file
// has none), a sample of its first rows, and the configured overrides
// (role → header label). serial says dates may be spreadsheet numbers.
func Detect(header []string, width int, sample [][]string, override map[string]string, serial bool) (Columns, error) {
	if header != nil {
		width = len(header)
	}
	c := Columns{Names: make([]string, width), At: map[Role][]int{}, How: map[Role]string{}, MDY: map[int]bool{},
		Serial: serial, NoHeader: header == nil}
	roleOf := make([]Role, width)
	norms := make([]string, width)
	seen := map[string]int{}
	for i := range width {
		c.Names[i] = fmt.Sprintf("column %d", i+1)
		if header == nil {
			continue
		}
		h := textenc.Clean(header[i])
		r := byName(h)
		if h != "" && (r != "" || textenc.IsLabel(h)) {
			c.Names[i] = h
		}
		n := Normalize(h)
		if n == "" {
			continue
		}
		if j, dup := seen[n]; dup {
			c.Notes = append(c.Notes, check.Textf("%s: duplicated header (columns %d and %d), column %d used",
				"%s : en-tête en double (colonnes %d et %d), colonne %d retenue", c.Names[i], j+1, i+1, j+1))
			continue
		}
		seen[n] = i
		roleOf[i], norms[i] = r, n
	}
	// A named column whose sampled values contradict its name loses the
	// role; a phone column only to another phone column (a lone phone
	// column of unreadable values stays, for CON-009 to say so).
	agree := make([]bool, width)
	phones := 0 // named phone columns whose values are numbers
	for i, r := range roleOf {
		agree[i] = valuesAgree(r, sample, i)
		if r == Phone && agree[i] {
			phones++
		}
	}
	for i, r := range roleOf {
		if r != "" && !agree[i] && (r != Phone || phones > 0) {
			roleOf[i] = ""
		}
	}
	// A bare "Title" or "Type" yields to a precise name of the same role
	// (Outlook's "Title" is the honorific, its "Job Title" the job).
	for i, r := range roleOf {
		if r == "" || multi(r) || !weakNames[norms[i]] {
			continue
		}
		for j, o := range roleOf {
			if j != i && o == r && !weakNames[norms[j]] {
				roleOf[i] = ""
				break
			}
		}
	}
	// Configured columns first: they win over names and values.
	taken := map[int]bool{}
	keys := make([]string, 0, len(override))
	for k := range override {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		r := Role(k)
		if err := CheckRoles(map[string]string{k: ""}); err != nil {
			return c, err
		}
		i := c.index(header, override[k])
		if i < 0 {
			return c, ColumnError{check.Prefixed{Prefix: "leads.columns: ", Err: check.Errorf("%s = %q: no such column in the header",
				"%s = %q : aucune colonne de ce nom dans l'en-tête", k, override[k])}}
		}
		c.add(r, i, "config")
		taken[i] = true
	}
	for i, r := range roleOf {
		if r == "" || taken[i] || (!multi(r) && c.Has(r)) {
			continue
		}
		if r == Sensitive {
			c.sensitive(i)
		}
		c.add(r, i, "name")
		taken[i] = true
	}
	// Values: a column of addresses is an e-mail column whatever its name,
	// and wins over named ones whose sampled cells hold none.
	for i := range width {
		if taken[i] {
			continue
		}
		switch kind := valueKind(sample, i); {
		case kind == Email && !c.addressIn(sample):
			c.At[Email] = append([]int{i}, c.At[Email]...)
			c.How[Email] = "values"
			taken[i] = true
		case kind == Phone:
			c.add(kind, i, "values")
			taken[i] = true
		}
	}
	if c.Has(Key) {
		c.keyCol = c.At[Key][0] + 1
	}
	for _, r := range []Role{Created, LastActivity, LastOpen, LastSent, LastOrder, ConsentAt, OptOutAt, NoticeAt, BloctelAt, BirthDate, Customer} {
		for _, i := range c.At[r] {
			c.MDY[i] = monthFirst(sample, i)
		}
	}
	return c, nil
}

// CheckRoles says a configured role vigie does not know (leads.columns,
// --column), in the order of the roles' names.
func CheckRoles(columns map[string]string) error {
	for _, k := range slices.Sorted(maps.Keys(columns)) {
		if !KnownRole(Role(k)) {
			return ColumnError{check.Prefixed{Prefix: "leads.columns: ", Err: check.Errorf("unknown role %q (roles: %s)", "rôle inconnu %q (rôles : %s)", k, roleList())}}
		}
	}
	return nil
}

func (c *Columns) add(r Role, i int, how string) {
	if !multi(r) && c.Has(r) {
		return
	}
	c.At[r] = append(c.At[r], i)
	if c.How[r] == "" {
		c.How[r] = how
	}
}

func (c *Columns) sensitive(i int) {
	if c.sensCols == nil {
		c.sensCols = map[int]struct{}{}
	}
	c.sensCols[i] = struct{}{}
}

// index finds a configured column: by its label, or as "column N".
func (c Columns) index(header []string, label string) int {
	for i, h := range header {
		if strings.EqualFold(textenc.Clean(h), strings.TrimSpace(label)) || Normalize(h) == Normalize(label) {
			return i
		}
	}
	var n int
	if _, err := fmt.Sscanf(strings.ToLower(strings.TrimSpace(label)), "column %d", &n); err == nil && n >= 1 && n <= len(c.Names) {
		return n - 1
	}
	return -1
}

// KnownRole reports whether r is one of Roles.
func KnownRole(r Role) bool {
	for _, k := range Roles {
		if k == r {
			return true
		}
	}
	return false
}

func roleList() string {
	out := make([]string, len(Roles))
	for i, r := range Roles {
		out[i] = string(r)
	}
	return strings.Join(out, ", ")
}

// valuesAgree is false, so the name's role is dropped, when the column's
// sampled cells are filled and none is an address or a number: Google Contacts'
// "E-mail 1 - Type" holds "* Home", its addresses are in "E-mail 1 - Value".
// Outlook's "Title" is the honorific (Mme, M.), not the job title.
func valuesAgree(r Role, sample [][]string, i int) bool {
	var filled, hits int
	for _, row := range sample {
		if i >= len(row) || strings.TrimSpace(row[i]) == "" {
			continue
		}
		filled++
		v := row[i]
		switch r {
		case Email:
			if _, _, ok := email(v); ok {
				hits++
			}
		case Phone:
			if k, _ := phone(v); k != notPhone {
				hits++
			}
		case JobTitle:
			if !honorifics[strings.ToLower(strings.TrimSpace(v))] {
				hits++
			}
		default:
			return true
		}
	}
	return filled == 0 || hits > 0
}

// weakNames are labels too general to beat a precise one.
var weakNames = set("title", "type", "role", "position", "status", "statut", "client", "account")

var honorifics = set("m", "m.", "mr", "mr.", "mme", "mme.", "mlle", "mlle.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.",
	"monsieur", "madame", "mademoiselle", "me", "me.", "pr", "pr.", "prof.", "sir")

// addressIn reports whether the e-mail columns found so far hold an
// address in the sample.
func (c Columns) addressIn(sample [][]string) bool {
	for _, i := range c.At[Email] {
		for _, row := range sample {
			if i < len(row) {
				if _, _, ok := email(row[i]); ok {
					return true
				}
			}
		}
	}
	return false
}

// valueKind says what most non-empty values of column i are, if anything.
func valueKind(sample [][]string, i int) Role {
	var n, mails, phones int
	for _, row := range sample {
		if i >= len(row) || strings.TrimSpace(row[i]) == "" {
			continue
		}
		n++
		if _, _, ok := email(row[i]); ok {
			mails++
		} else if k, _ := phone(row[i]); k != notPhone {
			phones++
		}
	}
	switch {
	case n < 3:
		return ""
	case mails*10 >= n*8:
		return Email
	case phones*10 >= n*8:
		return Phone
	}
	return ""
}

// monthFirst: a column of a/b/yyyy dates is month first when some a is
// over 12 never, and some b is. Day first otherwise (the French default).
func monthFirst(sample [][]string, i int) bool {
	firstBig, secondBig := false, false
	for _, row := range sample {
		if i >= len(row) {
			continue
		}
		s := strings.TrimSpace(row[i])
		var a, b int
		if k, _ := fmt.Sscanf(s, "%d/%d/", &a, &b); k == 2 && a <= 31 {
			firstBig = firstBig || a > 12
			secondBig = secondBig || b > 12
		}
	}
	return secondBig && !firstBig
}

// LooksLikeLeads reports whether a header names an e-mail or phone column:
// the table of a database most likely to hold the leads.
func LooksLikeLeads(header []string) bool {
	for _, h := range header {
		if r := byName(h); r == Email || r == Phone {
			return true
		}
	}
	return false
}
