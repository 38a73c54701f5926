// Package score turns findings into 0–100 scores and A+…F grades for each
// target, each family and the whole scan, explaining every point lost.
package score

import (
	"math"
	"sort"

	"github.com/vigie-security/vigie/internal/check"
)

// Weight is how many points a check of each severity puts at stake.
var Weight = map[check.Severity]float64{
	check.Critical: 10, check.High: 6, check.Medium: 3, check.Low: 1, check.Info: 0,
}

// Credit is the share of its weight a finding keeps; statuses absent here
// (SKIPPED, WAIVED) leave the denominator.
var Credit = map[check.Status]float64{
	check.Pass: 1, check.Warn: 0.5, check.Fail: 0, check.Error: 0,
}

// band is the lowest score of each grade, best first.
var bands = []struct {
	Grade check.Grade
	Min   int
}{{"A+", 100}, {"A", 90}, {"B", 80}, {"C", 65}, {"D", 50}, {"E", 35}, {"F", 0}}

// GradeFor returns the grade of a score.
func GradeFor(score int) check.Grade {
	for _, b := range bands {
		if score >= b.Min {
			return b.Grade
		}
	}
	return "F"
}

// ceiling is the highest score that still has grade g.
func ceiling(g check.Grade) int {
	for i, b := range bands {
		if b.Grade == g {
			if i == 0 {
				return 100
			}
			return bands[i-1].Min - 1
		}
	}
	return 100
}

// Cap records the grade limit a failing check imposes. Applied says whether
// it lowered the score: a score already under the capped grade's band keeps
// the cap on record (a family's mean may still meet it) but was not lowered.
type Cap struct {
	Grade   check.Grade `json:"grade"`
	CheckID string      `json:"check_id"`
	Target  string      `json:"target,omitempty"`
	Applied bool        `json:"applied,omitempty"`
}

// Deduction explains the points one finding cost (negative: a bonus).
type Deduction struct {
	CheckID string       `json:"check_id"`
	Status  check.Status `json:"status"`
	Points  float64      `json:"points"`
	Basis   string       `json:"basis"` // weight or observatory
}

// How a deduction was computed.
const (
	BasisWeight      = "weight"      // share of the severity weights at stake
	BasisObservatory = "observatory" // the check's MDN Observatory modifier
)

// Result is a score with its grade and how it was reached.
type Result struct {
	Scored     bool        `json:"scored"` // false when no check could be counted
	Score      int         `json:"score"`
	Grade      check.Grade `json:"grade"`
	Cap        *Cap        `json:"cap,omitempty"`
	Counted    int         `json:"counted"`  // findings in the denominator
	Excluded   int         `json:"excluded"` // skipped or waived findings, left out
	Deductions []Deduction `json:"deductions,omitempty"`
}

// Lowered reports whether a cap lowered this result's score.
func (r Result) Lowered() bool { return r.Cap != nil && r.Cap.Applied }

// Target is one target's score within one family.
type Target struct {
	Target string       `json:"target"`
	Family check.Family `json:"family"`
	Result
	// Observatory is the MDN Observatory-equivalent score of the target's
	// headers and redirects, when its checks record Observatory modifiers.
	Observatory *Observatory `json:"observatory,omitempty"`
}

// Family aggregates the targets of one family.
type Family struct {
	Family  check.Family `json:"family"`
	Targets int          `json:"targets"`
	Result
}

// Summary is every score of a scan.
type Summary struct {
	Targets  []Target `json:"targets"`
	Families []Family `json:"families"`
	Overall  Result   `json:"overall"`
}

// Lookup gives a check's metadata; findings for unknown checks count with their own severity.
type Lookup func(id string) (check.Meta, bool)

// Compute scores findings. Target order follows first appearance.
func Compute(findings []check.Finding, meta Lookup) Summary {
	t := NewTally(meta, 0)
	t.Add(0, findings)
	return t.Summary(nil)
}

func target(fs []check.Finding, meta Lookup) Result {
	var r Result
	var total, kept float64
	var capSeverity check.Severity
	var weightedFs []check.Finding
	penalties, bonuses := 0, 0
	var pointFs []check.Finding
	for _, f := range fs {
		c, counted := Credit[f.Status]
		if !counted {
			r.Excluded++
			continue
		}
		r.Counted++
		m, known := meta(f.CheckID)
		if f.Status == check.Fail && known && m.CapOnFail != "" {
			// The lowest cap wins; on a tie, the more severe check names it.
			if r.Cap == nil || m.CapOnFail.Rank() > r.Cap.Grade.Rank() ||
				(m.CapOnFail == r.Cap.Grade && f.Severity > capSeverity) {
				r.Cap = &Cap{Grade: m.CapOnFail, CheckID: f.CheckID}
				capSeverity = f.Severity
			}
		}
		if mod, ok := modifier(f.Evidence["observatory_modifier"]); ok && known && m.ObservatoryPoints {
			pointFs = append(pointFs, f)
			if mod < 0 {
				penalties += mod
			} else {
				bonuses += mod
			}
			continue
		}
		w := Weight[f.Severity]
		total += w
		kept += w * c
		weightedFs = append(weightedFs, f)
	}
	if r.Counted == 0 {
		return r
	}
	for _, f := range weightedFs {
		c := Credit[f.Status]
		if total == 0 || c == 1 {
			continue
		}
		if pts := math.Round(1000*Weight[f.Severity]*(1-c)/total) / 10; pts > 0 {
			r.Deductions = append(r.Deductions, Deduction{CheckID: f.CheckID, Status: f.Status, Points: pts, Basis: BasisWeight})
		}
	}
	score := 100
	if total > 0 {
		score = int(math.Floor(100*kept/total + 1e-9))
	}
	// Header points, the Observatory's way: penalties always, bonuses only
	// when the penalties leave 90 or more; never above 100.
	score += penalties
	withBonus := score >= 90
	if withBonus {
		score = min(100, score+bonuses)
	}
	for _, f := range pointFs {
		mod, _ := modifier(f.Evidence["observatory_modifier"])
		if mod < 0 || (mod > 0 && withBonus) {
			r.Deductions = append(r.Deductions, Deduction{CheckID: f.CheckID, Status: f.Status, Points: float64(-mod), Basis: BasisObservatory})
		}
	}
	return finish(r, max(0, score))
}

// finish sets the grade, clamping the score into the capped grade's band.
func finish(r Result, score int) Result {
	r.Scored = true
	if r.Cap != nil {
		r.Cap.Applied = score > ceiling(r.Cap.Grade)
		if r.Cap.Applied {
			score = ceiling(r.Cap.Grade)
		}
	}
	r.Score, r.Grade = score, GradeFor(score)
	return r
}

// Overall is the scan's result from its targets' results grouped by
// family, as Compute makes it: each family's targets weighed by their
// checks, then the mean of the families in display order. The HTML
// report's what-if path scores with it, so the two cannot drift.
func Overall(byFamily map[check.Family][]Result) Result {
	fams := make([]Result, 0, len(byFamily))
	for _, fam := range familyOrder(byFamily) {
		fams = append(fams, familyOf(byFamily[fam]))
	}
	return mean(fams, func(Result) int { return 1 })
}

// familyOf is a family's result: the mean of its targets' scores, each
// weighing as many checks as were run on it (skipped and waived ones
// included, so a site that cannot be judged over HTTPS, or a waiver, does
// not lighten it). A folder judged by one check then weighs one check, not a
// whole processor judged by twenty.
func familyOf(rs []Result) Result { return mean(rs, (Result).FamilyWeight) }

// FamilyWeight is what a target's result weighs in its family's score:
// the checks run on it, at least one.
func (r Result) FamilyWeight() int { return max(1, r.Counted+r.Excluded) }

// mean averages scored results, each weighing weight(r); the worst cap
// among them carries up.
func mean(rs []Result, weight func(Result) int) Result {
	var out Result
	sum, n := 0, 0
	for _, r := range rs {
		out.Counted += r.Counted
		out.Excluded += r.Excluded
		if !r.Scored {
			continue
		}
		w := weight(r)
		sum += w * r.Score
		n += w
		if r.Cap != nil && (out.Cap == nil || r.Cap.Grade.Rank() > out.Cap.Grade.Rank()) {
			c := *r.Cap
			out.Cap = &c
		}
	}
	if n == 0 {
		return out
	}
	return finish(out, int(math.Floor(float64(sum)/float64(n)+1e-9)))
}

func familyOrder(m map[check.Family][]Result) []check.Family {
	var out []check.Family
	for _, f := range check.Families {
		if _, ok := m[f]; ok {
			out = append(out, f)
		}
	}
	var extra []check.Family
	for f := range m {
		known := false
		for _, k := range check.Families {
			known = known || k == f
		}
		if !known {
			extra = append(extra, f)
		}
	}
	sort.Slice(extra, func(i, j int) bool { return extra[i] < extra[j] })
	return append(out, extra...)
}
