package textenc

import (
	"strings"
	"unicode"
)

// Kind is the shape a table's cells take in one column.
type Kind uint8

// The kinds a column can be known by. Email to Key are typed: a line of a
// quoted cell reads as a swallowed row only if it has one of them filled.
// They go from the most to the least particular: a column learned is the
// first most of its cells have (a date has a phone's shape too, a file
// name a key's).
const (
	Any    Kind = iota // not known: any cell
	Filled             // never empty (an inventory's processor name)
	Email
	Date
	Phone
	File // a file name with its extension (a contract)
	Key  // one token holding a digit: an id, a number, a reference
	kinds
)

// learnRows is how many rows a Shape learns from: enough to know a
// column, and past it the reading pays nothing more.
const learnRows = 1000

// Shape is what the rows of one table look like, column by column: the
// kinds its header names say, checked against and completed by the rows
// read. It tells a stray quote that swallowed rows from a note written
// over several lines with commas in it.
type Shape struct {
	comma   rune
	head    []Kind // from the header's names; nil or Any: not said
	cols    []column
	learned int
}

type column struct {
	seen, empty int // cells learned from, and how many were blank
	match       [kinds]int
	spaced      bool // a cell starts with a space: the export writes ", "
}

// NewShape is the shape of a table split by comma whose header (or first
// row) is first, with the kinds its columns are known to hold (nil: none
// known). A header cell after ", " makes that column's spaces ordinary.
func NewShape(comma rune, first []string, head []Kind) *Shape {
	s := &Shape{comma: comma, head: head, cols: make([]column, len(first))}
	for i, c := range first {
		s.cols[i].spaced = strings.HasPrefix(c, " ")
	}
	return s
}

// Learn takes rec, a row of the table read whole, into the shape.
func (s *Shape) Learn(rec []string) {
	if len(rec) != len(s.cols) || s.learned == learnRows {
		return
	}
	s.learned++
	for i, v := range rec {
		c := &s.cols[i]
		c.spaced = c.spaced || strings.HasPrefix(v, " ")
		if v = strings.TrimSpace(v); v == "" {
			c.empty++
			continue
		}
		c.seen++
		for k := Email; k < kinds; k++ {
			if is(k, v) {
				c.match[k]++
			}
		}
	}
}

// kind is what column i is known to hold: the header's kind while most
// rows read agree, else the kind most of at least three rows hold.
func (s *Shape) kind(i int) Kind {
	c := &s.cols[i]
	most := func(n, of int) bool { return n*10 >= of*8 }
	if i < len(s.head) {
		switch h := s.head[i]; {
		case h == Filled && most(c.seen, c.seen+c.empty):
			return h
		case h > Filled && most(c.match[h], c.seen):
			return h
		}
	}
	if c.seen >= 3 {
		for k := Email; k < kinds; k++ {
			if most(c.match[k], c.seen) {
				return k
			}
		}
	}
	return Any
}

// RecordsInCell counts the lines of a quoted cell, past its first, that
// read as rows of this table: a stray quote that a later one closes
// swallows the rows between. A line is a row when it has the table's cell
// count, each known column's cell has its kind (or is empty), a typed one
// is filled, and no cell starts with the space prose puts after a comma.
// It is 0 unless at least two lines are rows and every other line but the
// last (where the closing quote cut a row) is too. A table with no typed
// column is never judged: its rows cannot be told from prose.
func (s *Shape) RecordsInCell(cell string) int {
	if len(s.cols) < 2 || strings.Count(cell, "\n") < 2 {
		return 0
	}
	known := make([]Kind, len(s.cols))
	typed := false
	for i := range known {
		known[i] = s.kind(i)
		typed = typed || known[i] > Filled
	}
	if !typed {
		return 0
	}
	lines := strings.Split(strings.TrimSuffix(cell, "\n"), "\n")[1:]
	n := 0
	for i, l := range lines {
		if s.row(strings.TrimSuffix(l, "\r"), known) {
			n++
		} else if i < len(lines)-1 {
			return 0
		}
	}
	if n < 2 {
		return 0
	}
	return n
}

func (s *Shape) row(line string, known []Kind) bool {
	cells := strings.Split(line, string(s.comma))
	if len(cells) != len(known) {
		return false
	}
	typed := false
	for i, c := range cells {
		if strings.HasPrefix(c, " ") && !s.cols[i].spaced {
			return false
		}
		v := strings.TrimSpace(c)
		switch k := known[i]; {
		case k == Any:
		case k == Filled:
			if v == "" {
				return false
			}
		case v == "":
		case !is(k, v):
			return false
		default:
			typed = true
		}
	}
	return typed
}

// is reports whether v, trimmed and not empty, has kind k's shape.
func is(k Kind, v string) bool {
	switch k {
	case Email:
		return isEmail(v)
	case Phone:
		return isPhone(v)
	case Date:
		return isDate(v)
	case File:
		return isFile(v)
	case Key:
		return isKey(v)
	}
	return false
}

func isEmail(v string) bool {
	at := strings.IndexByte(v, '@')
	if at < 1 || len(v) > 254 || strings.ContainsAny(v, " ,;\t") || strings.Count(v, "@") != 1 {
		return false
	}
	dot := strings.LastIndexByte(v, '.')
	return dot > at+1 && dot < len(v)-1
}

func isPhone(v string) bool {
	digits := 0
	for _, r := range v {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune("+ .-()/", r):
		default:
			return false
		}
	}
	return digits >= 8 && digits <= 15
}

// isDate: digits, a separator, digits, the same separator, digits (2024-03-01,
// 01/03/2024, 1.3.24), then nothing or a time.
func isDate(v string) bool {
	var sep byte
	part := 0
	i := 0
	for part < 3 {
		j := i
		for j < len(v) && v[j] >= '0' && v[j] <= '9' {
			j++
		}
		if j == i || j-i > 4 {
			return false
		}
		part++
		i = j
		if part == 3 {
			break
		}
		if i == len(v) || !strings.ContainsRune("-/.", rune(v[i])) || (sep != 0 && v[i] != sep) {
			return false
		}
		sep = v[i]
		i++
	}
	if i == len(v) {
		return true
	}
	if v[i] != ' ' && v[i] != 'T' {
		return false
	}
	return strings.Trim(v[i+1:], "0123456789:.+-Z ") == ""
}

func isFile(v string) bool {
	dot := strings.LastIndexByte(v, '.')
	if dot < 1 || len(v)-dot-1 < 2 || len(v)-dot-1 > 5 {
		return false
	}
	for _, r := range v[dot+1:] {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func isKey(v string) bool {
	if len(v) > 64 {
		return false
	}
	digit := false
	for _, r := range v {
		switch {
		case r >= '0' && r <= '9':
			digit = true
		case unicode.IsLetter(r), strings.ContainsRune("-_./#:", r):
		default:
			return false
		}
	}
	return digit
}
