package score

import (
	"reflect"
	"slices"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

// A tally fed unit by unit, in the order units finish, sums up to
// Compute over every finding in plan order, a target split across two
// units included.
func TestTallyIsCompute(t *testing.T) {
	units := [][]check.Finding{
		{f("a", "WEB-B-001", check.Pass), f("a", "WEB-C-001", check.Fail)},
		{f("b", "WEB-D-001", check.Fail), f("b", "WEB-B-001", check.Pass)},
		{f("c", "WEB-A-001", check.Skipped), f("d", "WEB-C-001", check.Pass)}, // a unit with two subjects
		{f("a", "WEB-E-001", check.Fail)},                                     // a again, from another plan entry
		{f("e", "WEB-B-001", check.Waived)},
	}
	var all []check.Finding
	for _, u := range units {
		all = append(all, u...)
	}
	want := Compute(all, lookup)
	for _, order := range [][]int{{0, 1, 2, 3, 4}, {4, 3, 2, 1, 0}, {2, 0, 4, 1, 3}} {
		tl := NewTally(lookup, len(units))
		for _, i := range order {
			tl.Add(i, slices.Clone(units[i]))
		}
		got := tl.Summary(slices.Values(all))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("units finished in order %v:\n got %+v\nwant %+v", order, got, want)
		}
	}
	// The split target was scored on all its findings: its cap is WEB-E-001's.
	if a := want.Targets[0]; a.Target != "a" || a.Cap == nil || a.Cap.CheckID != "WEB-E-001" {
		t.Errorf("target a = %+v", a)
	}
}
