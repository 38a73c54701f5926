package schedule

import (
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

// Policy says what counts as a regression.
type Policy struct {
	// MinSeverity: a new failing finding at or above it is a regression.
	MinSeverity check.Severity
	// MinDrop: the overall score falling by at least this many points is a
	// regression (values below 1 mean 1).
	MinDrop int
}

// DefaultPolicy: any score drop, or a new HIGH or CRITICAL failure.
var DefaultPolicy = Policy{MinSeverity: check.High, MinDrop: 1}

// Regression is what got worse since the previous scan.
type Regression struct {
	Compared    bool   // the report carries changes since a previous scan
	Since       string // previous scan ID
	ScoreBefore int
	ScoreAfter  int
	Grade       check.Grade
	ScoreDown   bool
	New         []Failure // new failing findings at or above the policy's severity, in the report's order of changes
	Fixed       int
	NewTotal    int // every new failing finding, whatever its severity
}

// Failure is one new failing finding, without its evidence or message:
// a webhook only says which check failed where.
type Failure struct {
	CheckID  string
	Severity check.Severity
	Status   check.Status // fail, or error when the check could not run
	Target   string
	Title    check.Text
}

// Any reports whether anything got worse.
func (g Regression) Any() bool { return g.ScoreDown || len(g.New) > 0 }

// Detect compares a report with the previous scan through its Changes (see
// store.Diff). The score is not compared for an interrupted scan: it covers
// fewer targets than the one before, so a lower score says nothing.
func Detect(r report.Report, p Policy) Regression {
	o := r.Scores.Overall
	g := Regression{ScoreAfter: o.Score, Grade: o.Grade}
	ch := r.Changes
	if ch == nil {
		return g
	}
	g.Compared, g.Since, g.ScoreBefore = true, ch.Since, ch.PreviousScore
	g.Fixed, g.NewTotal = len(ch.Fixed), len(ch.New)
	drop := max(p.MinDrop, 1)
	g.ScoreDown = o.Scored && !r.Interrupted && ch.PreviousScore-o.Score >= drop
	if len(ch.New) == 0 {
		return g
	}
	// Only the new failures' findings are indexed: a scan has far more findings than changes.
	type key struct{ id, target string }
	sev := make(map[key]check.Severity, len(ch.New))
	for _, c := range ch.New {
		sev[key{c.CheckID, c.Target}] = -1
	}
	for f := range r.Verdicts() {
		k := key{f.CheckID, f.Target}
		if _, ok := sev[k]; ok {
			sev[k] = f.Severity
		}
	}
	for _, c := range ch.New {
		m, known := r.Meta(c.CheckID)
		s := sev[key{c.CheckID, c.Target}]
		if s < 0 { // no finding: the check's own severity
			s = m.Severity
		}
		if s < p.MinSeverity {
			continue
		}
		title := m.Title
		if !known || title == (check.Text{}) {
			title = check.Text{EN: c.CheckID, FR: c.CheckID}
		}
		g.New = append(g.New, Failure{CheckID: c.CheckID, Severity: s, Status: c.Status, Target: c.Target, Title: title})
	}
	return g
}
