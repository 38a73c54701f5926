package report

import (
	"bufio"
	"strings"
	"unicode/utf8"

	"github.com/vigie-security/vigie/internal/check"
)

// ANSI styles; applied after padding so widths stay right.
const (
	bold    = "1"
	red     = "31"
	green   = "32"
	yellow  = "33"
	magenta = "35"
	dim     = "2"
)

type printer struct {
	w     *bufio.Writer
	width int
	color bool
}

func (p *printer) line(s string) {
	p.w.WriteString(s)
	p.w.WriteByte('\n')
}

func (p *printer) paint(style, s string) string {
	if !p.color || style == "" {
		return s
	}
	return "\x1b[" + style + "m" + s + "\x1b[0m"
}

func (p *printer) gradeColor(g check.Grade, s string) string {
	switch g {
	case "A+", "A":
		return p.paint(green, s)
	case "B", "C":
		return p.paint(yellow, s)
	case "":
		return s
	}
	return p.paint(red, s)
}

func statusColor(s check.Status) string {
	switch s {
	case check.Fail:
		return red
	case check.Warn:
		return yellow
	case check.Pass:
		return green
	case check.Error:
		return magenta
	}
	return dim
}

// wrapped prints prefix then text, wrapping text at the page width with
// continuation lines indented to col.
func (p *printer) wrapped(prefix string, col int, text string) {
	room := p.width - col
	if room < 20 {
		room = 20
	}
	lines := wrap(text, room)
	if len(lines) == 0 {
		lines = []string{""}
	}
	p.line(strings.TrimRight(prefix+lines[0], " "))
	for _, l := range lines[1:] {
		p.line(strings.Repeat(" ", col) + l)
	}
}

// wrap splits text into lines of at most width runes, breaking long words.
func wrap(text string, width int) []string {
	var lines []string
	cur := ""
	for _, word := range strings.Fields(text) {
		for utf8.RuneCountInString(word) > width {
			if cur != "" {
				lines, cur = append(lines, cur), ""
			}
			r := []rune(word)
			lines, word = append(lines, string(r[:width])), string(r[width:])
		}
		switch {
		case cur == "":
			cur = word
		case utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(word) <= width:
			cur += " " + word
		default:
			lines, cur = append(lines, cur), word
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

func pad(s string, n int) string {
	if c := utf8.RuneCountInString(s); c < n {
		return s + strings.Repeat(" ", n-c)
	}
	return s
}

func padLeft(s string, n int) string {
	if c := utf8.RuneCountInString(s); c < n {
		return strings.Repeat(" ", n-c) + s
	}
	return s
}

// fit shortens s to n runes with an ellipsis, for one-line headings.
func fit(s string, n int) string {
	if n < 1 {
		return ""
	}
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
