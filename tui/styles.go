package tui

import (
	"github.com/charmbracelet/lipgloss"

	"github.com/vigie-security/vigie/internal/check"
)

// styles are every style the interface uses, made from one renderer so
// that NO_COLOR and monochrome terminals get plain, readable text.
type styles struct {
	r                     *lipgloss.Renderer
	Title, Header, Muted  lipgloss.Style
	Selected, Bar, Key    lipgloss.Style
	Card, Box             lipgloss.Style
	Good, Fair, Bad, Info lipgloss.Style
}

func newStyles(r *lipgloss.Renderer) styles {
	if r == nil {
		r = lipgloss.DefaultRenderer()
	}
	return styles{
		r:        r,
		Title:    r.NewStyle().Bold(true),
		Header:   r.NewStyle().Bold(true).Underline(true),
		Muted:    r.NewStyle().Faint(true),
		Selected: r.NewStyle().Reverse(true),
		Bar:      r.NewStyle().Reverse(true).Padding(0, 1),
		Key:      r.NewStyle().Bold(true),
		Card:     r.NewStyle().Border(lipgloss.NormalBorder()).Padding(0, 1),
		Box:      r.NewStyle().Border(lipgloss.NormalBorder()).Padding(0, 1),
		Good:     r.NewStyle().Foreground(lipgloss.Color("2")),
		Fair:     r.NewStyle().Foreground(lipgloss.Color("3")),
		Bad:      r.NewStyle().Foreground(lipgloss.Color("1")).Bold(true),
		Info:     r.NewStyle().Foreground(lipgloss.Color("6")),
	}
}

// status colours a status label; the label itself carries the meaning.
func (s styles) status(st check.Status, label string) string {
	switch st {
	case check.Fail, check.Error:
		return s.Bad.Render(label)
	case check.Warn:
		return s.Fair.Render(label)
	case check.Pass:
		return s.Good.Render(label)
	}
	return s.Muted.Render(label)
}

// grade colours a grade the same way the table report does.
func (s styles) grade(g check.Grade, text string) string {
	switch g {
	case "A+", "A", "B":
		return s.Good.Render(text)
	case "C", "D":
		return s.Fair.Render(text)
	case "":
		return s.Muted.Render(text)
	}
	return s.Bad.Render(text)
}
