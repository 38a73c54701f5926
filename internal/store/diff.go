package store

import (
	"sort"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

func failing(s check.Status) bool { return s == check.Fail || s == check.Error }

// Diff compares a report with an earlier scan's findings (Previous, or
// Baseline for --baseline), by fingerprint. Unlike Compare, every failure
// that was not one before is New, WARN → FAIL included: it is what a
// threshold on regressions must catch.
func Diff(prev Scan, before map[string]check.Status, r report.Report) report.Changes {
	c := report.Changes{Since: prev.ID, PreviousScore: prev.Score, SinceTime: prev.StartedAt}
	seen := map[string]bool{}
	for f := range r.Verdicts() {
		seen[f.Fingerprint] = true
		old, had := before[f.Fingerprint]
		now := report.Change{CheckID: f.CheckID, Target: f.Target, Status: f.Status, Before: old}
		switch {
		case failing(f.Status) && (!had || !failing(old)):
			c.New = append(c.New, now)
		case failing(f.Status):
			c.StillFailing++
		case had && failing(old) && f.Status == check.Pass:
			c.Fixed = append(c.Fixed, now)
		}
	}
	for fp, old := range before {
		if !seen[fp] && failing(old) {
			c.Disappeared++
		}
	}
	order := func(l []report.Change) {
		sort.Slice(l, func(i, j int) bool { return l[i].Target+l[i].CheckID < l[j].Target+l[j].CheckID })
	}
	order(c.New)
	order(c.Fixed)
	return c
}
