package report_test

import (
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/score"
)

// capReport is one web target failing WEB-REDIR-001 (cap C) at the given
// score; applied says whether the cap lowered it.
func capReport(s int, applied bool) report.Report {
	c := &score.Cap{Grade: "C", CheckID: "WEB-REDIR-001", Applied: applied}
	res := score.Result{Scored: true, Score: s, Grade: score.GradeFor(s), Cap: c, Counted: 3}
	return report.Report{
		ScanID:  "cap",
		Targets: []report.Target{{Name: "demo/no-redirect", Family: check.FamilyWeb, Completed: true}},
		Scores: score.Summary{
			Targets:  []score.Target{{Target: "demo/no-redirect", Family: check.FamilyWeb, Result: res}},
			Families: []score.Family{{Family: check.FamilyWeb, Targets: 1, Result: res}},
			Overall:  res,
		},
	}
}

// The table names a cap only when it lowered the score: 45/100 is already
// under C, so saying it was capped at C would be false.
func TestTableCapOnlyWhenApplied(t *testing.T) {
	for _, l := range []check.Lang{check.EN, check.FR} {
		word := map[check.Lang]string{check.EN: "capped", check.FR: "plafonn"}[l]
		below := string(render(t, report.Table{Options: report.Options{Lang: l}}, capReport(45, false)))
		if strings.Contains(below, word) {
			t.Errorf("%s: a cap that did not lower 45 is named:\n%s", l, below)
		}
		lowered := string(render(t, report.Table{Options: report.Options{Lang: l}}, capReport(79, true)))
		if n := strings.Count(lowered, word); n != 3 { // the target, its family, the overall
			t.Errorf("%s: a cap that lowered the score is named %d times, want 3:\n%s", l, n, lowered)
		}
	}
}
