package tui

import "github.com/charmbracelet/lipgloss"

// wrapTo wraps text to width columns.
func wrapTo(text string, width int) string { return lipgloss.NewStyle().Width(width).Render(text) }
