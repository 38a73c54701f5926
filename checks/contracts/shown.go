package contracts

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// An inventory row's cells reach about eight findings each: what a finding
// shows of a cell is cut, so a 4 KiB cell or a list of 500 countries is not
// repeated in full through the report (a 10,000-row inventory made 64 MB).
const (
	shownRunes = 120 // of one value
	shownItems = 10  // of one list; the rest is counted
)

// shown is s cut to shownRunes, with an ellipsis when cut.
func shown(s string) string {
	if utf8.RuneCountInString(s) <= shownRunes {
		return s
	}
	r := []rune(s)
	return string(r[:shownRunes-1]) + "…"
}

// shownList is the first shownItems values of xs, each shown, then "… (+N)".
func shownList(xs []string) []string {
	n := min(len(xs), shownItems)
	out := make([]string, 0, n+1)
	for _, x := range xs[:n] {
		out = append(out, shown(x))
	}
	if len(xs) > n {
		out = append(out, fmt.Sprintf("… (+%d)", len(xs)-n))
	}
	return out
}

func joinShown(xs []string, sep string) string { return strings.Join(shownList(xs), sep) }
