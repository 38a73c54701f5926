package tui

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"

	"github.com/vigie-security/vigie/internal/check"
)

// wrapTo wraps text to width columns at spaces only: a command, a URL or a
// header name (Strict-Transport-Security) is never cut at its hyphens, so
// what a person copies from the screen still works. A word wider than the
// screen gets a line of its own, split at the width with nothing added.
func wrapTo(text string, width int) string {
	width = max(width, 1)
	var out []string
	for _, para := range strings.Split(text, "\n") {
		indent := para[:len(para)-len(strings.TrimLeft(para, " "))]
		words := strings.Fields(para)
		if len(words) == 0 {
			out = append(out, "")
			continue
		}
		line, lineW := indent, lipgloss.Width(indent)
		for _, w := range words {
			ww := lipgloss.Width(w)
			switch {
			case lineW > len(indent) && lineW+1+ww <= width:
				line, lineW = line+" "+w, lineW+1+ww
				continue
			case lineW > len(indent):
				out = append(out, line)
				line, lineW = indent, len(indent)
			}
			for lineW+ww > width && ww > 0 {
				head, rest := splitAt(w, width-lineW)
				if head == "" {
					break
				}
				out = append(out, line+head)
				line, lineW, w, ww = indent, len(indent), rest, lipgloss.Width(rest)
			}
			line, lineW = line+w, lineW+ww
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// splitAt cuts s after n runes (n ≥ 1 when s is not empty).
func splitAt(s string, n int) (string, string) {
	n = max(n, 1)
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i], s[i:]
}

// truncate cuts s to n runes with an ellipsis.
func truncate(s string, n int) string {
	if n <= 0 {
		return ""
	}
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	if n == 1 {
		return "…"
	}
	return string(r[:n-1]) + "…"
}

// tail keeps the end of s in n runes: targets differ by their end
// (demo/contracts/a.pdf, demo/contracts/b.pdf), so that is what stays.
func tail(s string, n int) string {
	if n <= 0 {
		return ""
	}
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	if n == 1 {
		return "…"
	}
	return "…" + string(r[len(r)-n+1:])
}

// pad fills s with spaces to n columns (runes, not bytes: É is one).
func pad(s string, n int) string {
	if w := lipgloss.Width(s); w < n {
		return s + strings.Repeat(" ", n-w)
	}
	return s
}

// familyName is a family as a person reads it, in the language.
func familyName(l check.Lang, f check.Family) string { return f.Label(l) }

func evidenceLabel(l check.Lang, k string) string { return check.EvidenceLabel(k, l) }
