package report

import (
	"github.com/vigie-security/vigie/internal/check"
)

// Count is n with its noun as n asks in l: "1 target", "2 targets",
// « 1 cible », « 0 échec » (French takes the singular under two). Each form
// holds one %d.
func Count(l check.Lang, n int, one, many check.Text) string { return check.Count(n, one, many).In(l) }

// targetCount is "1 target", "3 targets".
func targetCount(l check.Lang, n int) string {
	return Count(l, n, check.Text{EN: "%d target", FR: "%d cible"}, check.Text{EN: "%d targets", FR: "%d cibles"})
}
