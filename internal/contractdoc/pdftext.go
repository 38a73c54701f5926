package contractdoc

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/ledongthuc/pdf"
)

// pdfRun is one text-showing operation and where the page puts it.
type pdfRun struct {
	x, y, size float64 // size: the font size on the page
	s          string
}

// pageText is a page's text in reading order, line by line: runs on the
// same baseline form a line, left to right, separated by a space; lines go
// from the top of the page down, and a gap wider than the usual spacing
// ends a paragraph (a blank line). Runs are never glued together: a delay
// in one table cell ("48 heures") and the next cell ("10 jours ouvrés")
// stay two numbers, wherever the content stream puts them.
func pageText(p pdf.Page, fonts map[string]*pdf.Font) (text string, err error) {
	runs, err := pageRuns(p, fonts)
	if err != nil {
		return "", err
	}
	type line struct {
		y    float64
		runs []pdfRun
	}
	var lines []*line
	byBand := map[float64]*line{} // lines by their baseline, in bands of sameLine points
	for _, r := range runs {
		band := math.Round(r.y / sameLine)
		at := byBand[band]
		for _, near := range []float64{band - 1, band + 1} {
			if l := byBand[near]; at == nil && l != nil && math.Abs(l.y-r.y) < sameLine {
				at = l
			}
		}
		if at == nil {
			at = &line{y: r.y}
			lines = append(lines, at)
			byBand[band] = at
		}
		at.runs = append(at.runs, r)
	}
	sort.SliceStable(lines, func(i, j int) bool { return lines[i].y > lines[j].y })
	var gaps []float64
	for i := 1; i < len(lines); i++ {
		gaps = append(gaps, lines[i-1].y-lines[i].y)
	}
	// The usual spacing is that of most lines, and at most that of a line
	// of the usual font size: a page of one-line paragraphs has no other.
	var sizes []float64
	for _, r := range runs {
		sizes = append(sizes, r.size)
	}
	usual := median(gaps)
	if fs := median(sizes); fs > 0 && (usual == 0 || usual > lineSpacing*fs) {
		usual = lineSpacing * fs
	}
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
			if usual > 0 && lines[i-1].y-l.y > paragraphGap*usual {
				b.WriteByte('\n')
			}
		}
		sort.SliceStable(l.runs, func(i, j int) bool { return l.runs[i].x < l.runs[j].x })
		for k, r := range l.runs {
			// runs shown one after the other at the same point are one
			// piece of text (kerning, a font change); others get a space
			if k > 0 && r.x != l.runs[k-1].x && !strings.HasSuffix(l.runs[k-1].s, " ") && !strings.HasPrefix(r.s, " ") {
				b.WriteByte(' ')
			}
			b.WriteString(r.s)
		}
	}
	return b.String(), nil
}

const (
	sameLine     = 2.0  // points: runs whose baselines differ by less are on one line
	paragraphGap = 1.45 // times the usual line spacing: a wider gap ends a paragraph
	lineSpacing  = 1.2  // times the font size: a line's usual height
	// kernSpace is the TJ adjustment (thousandths of an em, negative to
	// the right) that generators use as a word space.
	kernSpace = -200
)

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return s[len(s)/2]
}

// matrix is an affine transform [a b c d e f], as PDF writes them.
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// then is m followed by n.
func (m matrix) then(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// pageRuns interprets the page's content stream for its text-showing
// operators, keeping the position of each (text and line matrices, the
// current transformation, the leading). Widths are not computed: a run's
// position is where it starts.
func pageRuns(p pdf.Page, fonts map[string]*pdf.Font) (runs []pdfRun, err error) {
	defer func() {
		if r := recover(); r != nil { // the interpreter panics on a malformed stream
			runs, err = nil, fmt.Errorf("%v", r)
		}
	}()
	strm := p.V.Key("Contents")
	if p.V.IsNull() || strm.Kind() == pdf.Null {
		return nil, nil
	}
	var enc pdf.TextEncoding
	ctm, tm, lm := identity, identity, identity
	var stack []matrix
	leading, size := 0.0, 0.0
	add := func(s string) {
		if s == "" {
			return
		}
		at := tm.then(ctm)
		runs = append(runs, pdfRun{x: at[4], y: at[5], size: math.Abs(size * at[3]), s: s})
	}
	show := func(s string) {
		if enc != nil {
			s = enc.Decode(s)
		}
		add(s)
	}
	nextLine := func() {
		lm = matrix{1, 0, 0, 1, 0, -leading}.then(lm)
		tm = lm
	}
	pdf.Interpret(strm, func(stk *pdf.Stack, op string) {
		args := make([]pdf.Value, stk.Len())
		for i := len(args) - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].Float64()
			}
			return 0
		}
		switch op {
		case "q":
			stack = append(stack, ctm)
		case "Q":
			if n := len(stack); n > 0 {
				ctm, stack = stack[n-1], stack[:n-1]
			}
		case "cm":
			ctm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}.then(ctm)
		case "BT":
			tm, lm = identity, identity
		case "Td", "TD":
			if op == "TD" {
				leading = -num(1)
			}
			lm = matrix{1, 0, 0, 1, num(0), num(1)}.then(lm)
			tm = lm
		case "Tm":
			lm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}
			tm = lm
		case "TL":
			leading = num(0)
		case "T*":
			nextLine()
		case "Tf":
			enc, size = nil, num(1)
			if len(args) > 0 {
				if f, ok := fonts[args[0].Name()]; ok {
					enc = f.Encoder()
				}
			}
		case "'", "\"":
			nextLine()
			if len(args) > 0 {
				show(args[len(args)-1].RawString())
			}
		case "Tj":
			if len(args) > 0 {
				show(args[0].RawString())
			}
		case "TJ":
			if len(args) == 0 {
				return
			}
			var b strings.Builder
			v := args[0]
			for i := 0; i < v.Len(); i++ {
				switch e := v.Index(i); e.Kind() {
				case pdf.String:
					s := e.RawString()
					if enc != nil {
						s = enc.Decode(s)
					}
					b.WriteString(s)
				case pdf.Integer, pdf.Real:
					if e.Float64() <= kernSpace {
						b.WriteByte(' ')
					}
				}
			}
			add(b.String())
		}
	})
	return runs, nil
}
