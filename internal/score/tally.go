package score

import (
	"iter"
	"slices"

	"github.com/vigie-security/vigie/internal/check"
)

// Tally scores a scan as its units finish, so that their findings need not
// be kept: each target's result is computed when its unit ends, and the
// summary is Compute's over every finding, in unit order. A target met in
// two units (rare: two plan entries naming one target) is scored again at
// the end from the findings given to Summary.
type Tally struct {
	meta  Lookup
	seen  map[tkey]int // index in done
	done  []tallied
	split map[tkey]bool
}

type tkey struct {
	t string
	f check.Family
}

type tallied struct {
	k        tkey
	unit     int
	pos      int // first appearance within the unit
	res      Result
	obs      *Observatory
	rescored bool
}

// NewTally starts a tally; meta gives the checks' metadata, targets how
// many targets to expect (sized once: a slice grown by doubling holds up
// to twice what a large scan needs).
func NewTally(meta Lookup, targets int) *Tally {
	return &Tally{meta: meta, seen: make(map[tkey]int, targets), done: make([]tallied, 0, targets), split: map[tkey]bool{}}
}

// Add scores the findings of one finished unit (unit is its place in the
// plan): every target they name is complete.
func (t *Tally) Add(unit int, fs []check.Finding) {
	var order []tkey
	groups := map[tkey][]check.Finding{}
	for _, f := range fs {
		k := tkey{f.Target, f.Family}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], f)
	}
	for pos, k := range order {
		if i, dup := t.seen[k]; dup {
			t.split[k] = true
			if d := &t.done[i]; unit < d.unit || (unit == d.unit && pos < d.pos) {
				d.unit, d.pos = unit, pos
			}
			continue
		}
		t.seen[k] = len(t.done)
		res := target(groups[k], t.meta)
		if cap(res.Deductions) > len(res.Deductions) { // kept to the end of the scan: no spare room
			res.Deductions = slices.Clone(res.Deductions)
		}
		t.done = append(t.done, tallied{k: k, unit: unit, pos: pos, res: res, obs: ObservatoryFor(groups[k])})
	}
}

// Summary is the scan's scores. all yields every finding again, in unit
// order; it is read only when a target was split across units.
func (t *Tally) Summary(all iter.Seq[check.Finding]) Summary {
	if len(t.split) > 0 && all != nil {
		groups := map[tkey][]check.Finding{}
		for f := range all {
			if k := (tkey{f.Target, f.Family}); t.split[k] {
				groups[k] = append(groups[k], f)
			}
		}
		for k, fs := range groups {
			d := &t.done[t.seen[k]]
			d.res, d.obs = target(fs, t.meta), ObservatoryFor(fs)
		}
	}
	done := t.done // a tally is summed up once, at the end
	slices.SortStableFunc(done, func(a, b tallied) int {
		if a.unit != b.unit {
			return a.unit - b.unit
		}
		return a.pos - b.pos
	})
	return summarize(done)
}

func summarize(done []tallied) Summary {
	var s Summary
	byFamily := map[check.Family][]Result{}
	for _, d := range done {
		s.Targets = append(s.Targets, Target{Target: d.k.t, Family: d.k.f, Result: d.res, Observatory: d.obs})
		// The family and the scan say which target a cap came from.
		up := d.res
		if d.res.Cap != nil {
			up.Cap = &Cap{Grade: d.res.Cap.Grade, CheckID: d.res.Cap.CheckID, Target: d.k.t}
		}
		byFamily[d.k.f] = append(byFamily[d.k.f], up)
	}
	var overall []Result
	for _, fam := range familyOrder(byFamily) {
		r := familyOf(byFamily[fam])
		s.Families = append(s.Families, Family{Family: fam, Targets: len(byFamily[fam]), Result: r})
		overall = append(overall, r)
	}
	s.Overall = mean(overall, func(Result) int { return 1 })
	return s
}
