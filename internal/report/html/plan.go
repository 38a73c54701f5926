package htmlreport

import (
	"sort"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/score"
)

// A plan answers "what grade would this reach if X were fixed": every
// what-if is scored again with internal/score, target by target, so caps,
// floors and the Observatory bonus rule apply exactly as in a real scan.

// unit is one target's findings as the plan sees them (fixed ones passed).
type unit struct {
	family check.Family
	name   string
	fs     []check.Finding
	res    score.Result
	single map[string]score.Result // result if one more check were fixed; reset when fs changes
}

// step is one fix of a plan and where the score stands after it.
type step struct {
	CheckID   string
	Targets   int // targets the check is fixed on
	After     score.Result
	LiftsCap  bool // the fix removes a grade cap (or one of several)
	Cumulated bool // After counts this step and the ones before it
}

type planner struct {
	lookup score.Lookup
	units  []*unit
	agg    func([]score.Result) score.Result
}

// fixable statuses: what a person can correct. ERROR is a check that could
// not run, whose fix is to make it run, not a change of configuration.
func fixable(s check.Status) bool { return s == check.Fail || s == check.Warn }

func scoreOf(fs []check.Finding, lookup score.Lookup) score.Result {
	if len(fs) == 0 {
		return score.Result{}
	}
	return score.Compute(fs, lookup).Targets[0].Result
}

// fixed returns fs with the fixable findings of id passing; an Observatory
// penalty becomes neutral (a bonus cannot be guessed).
func fixed(fs []check.Finding, id string) []check.Finding {
	out := make([]check.Finding, len(fs))
	copy(out, fs)
	for i, f := range out {
		if f.CheckID != id || !fixable(f.Status) {
			continue
		}
		f.Status = check.Pass
		if mod, ok := f.Evidence["observatory_modifier"]; ok && negative(mod) {
			ev := make(map[string]any, len(f.Evidence))
			for k, v := range f.Evidence {
				ev[k] = v
			}
			ev["observatory_modifier"] = 0
			f.Evidence = ev
		}
		out[i] = f
	}
	return out
}

func negative(v any) bool {
	switch x := v.(type) {
	case int:
		return x < 0
	case float64:
		return x < 0
	case interface{ Float64() (float64, error) }:
		f, err := x.Float64()
		return err == nil && f < 0
	}
	return false
}

func (p *planner) singleFor(u *unit, id string) score.Result {
	if u.single == nil {
		u.single = map[string]score.Result{}
	}
	if r, ok := u.single[id]; ok {
		return r
	}
	r := scoreOf(fixed(u.fs, id), p.lookup)
	u.single[id] = r
	return r
}

// candidates are the checks with a fixable finding, and where.
func (p *planner) candidates() map[string][]int {
	c := map[string][]int{}
	for i, u := range p.units {
		seen := map[string]bool{}
		for _, f := range u.fs {
			if fixable(f.Status) && !seen[f.CheckID] {
				seen[f.CheckID] = true
				c[f.CheckID] = append(c[f.CheckID], i)
			}
		}
	}
	return c
}

// capped counts failing findings that impose grade g: all of them must go
// before the grade can rise above g.
func (p *planner) capped(g check.Grade, only string) int {
	n := 0
	for _, u := range p.units {
		for _, f := range u.fs {
			if f.Status != check.Fail || (only != "" && f.CheckID != only) {
				continue
			}
			if m, ok := p.lookup(f.CheckID); ok && m.CapOnFail == g {
				n++
			}
		}
	}
	return n
}

func (p *planner) results() []score.Result {
	rs := make([]score.Result, len(p.units))
	for i, u := range p.units {
		rs[i] = u.res
	}
	return rs
}

// alone is the aggregate result if each check alone were fixed.
func (p *planner) alone() map[string]score.Result {
	out := map[string]score.Result{}
	base := p.results()
	scratch := make([]score.Result, len(base))
	for id, where := range p.candidates() {
		copy(scratch, base)
		for _, i := range where {
			scratch[i] = p.singleFor(p.units[i], id)
		}
		out[id] = p.agg(scratch)
	}
	return out
}

// toNextGrade fixes, one check at a time, the one that gains the most
// (score first; while capped, the fix that removes the most capping
// findings), until the grade rises, nothing helps, or max steps are taken.
func (p *planner) toNextGrade(max int, raw map[string]float64) []step {
	start := p.agg(p.results())
	var steps []step
	for len(steps) < max {
		cur := p.agg(p.results())
		if cur.Scored && cur.Grade.Rank() < start.Grade.Rank() {
			break
		}
		capGrade := check.Grade("")
		if cur.Cap != nil {
			capGrade = cur.Cap.Grade
		}
		capNow := p.capped(capGrade, "")
		cands := p.candidates()
		ids := make([]string, 0, len(cands))
		for id := range cands {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		base := p.results()
		scratch := make([]score.Result, len(base))
		bestID, bestCaps := "", 0
		var best score.Result
		better := func(r score.Result, caps int, id string) bool {
			if bestID == "" {
				return true
			}
			if r.Score != best.Score {
				return r.Score > best.Score
			}
			if a, b := capRank(r), capRank(best); a != b {
				return a < b
			}
			if caps != bestCaps {
				return caps < bestCaps
			}
			if raw[id] != raw[bestID] {
				return raw[id] > raw[bestID]
			}
			return false
		}
		for _, id := range ids {
			copy(scratch, base)
			for _, i := range cands[id] {
				scratch[i] = p.singleFor(p.units[i], id)
			}
			r := p.agg(scratch)
			caps := capNow
			if capGrade != "" {
				caps -= p.capped(capGrade, id)
			}
			if better(r, caps, id) {
				bestID, best, bestCaps = id, r, caps
			}
		}
		if bestID == "" || (best.Score <= cur.Score && capRank(best) >= capRank(cur) && bestCaps >= capNow) {
			break // nothing left that moves the score or a cap
		}
		for _, i := range cands[bestID] {
			u := p.units[i]
			u.res = p.singleFor(u, bestID)
			u.fs = fixed(u.fs, bestID)
			u.single = nil
		}
		steps = append(steps, step{CheckID: bestID, Targets: len(cands[bestID]), After: best,
			LiftsCap: capRank(best) < capRank(cur) || bestCaps < capNow, Cumulated: len(steps) > 0})
	}
	return steps
}

// capRank orders results by their cap: no cap is best (0).
func capRank(r score.Result) int {
	if r.Cap == nil {
		return 0
	}
	return len(check.Grades) - r.Cap.Grade.Rank()
}

// overall aggregates target results as internal/score does (score.Overall).
// A test holds it equal to score.Compute.
func overall(families []check.Family) func([]score.Result) score.Result {
	return func(rs []score.Result) score.Result {
		byFam := map[check.Family][]score.Result{}
		for i, r := range rs {
			byFam[families[i]] = append(byFam[families[i]], r)
		}
		return score.Overall(byFam)
	}
}
