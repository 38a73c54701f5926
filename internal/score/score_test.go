package score

import (
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

var metas = map[string]check.Meta{
	"WEB-A-001": {ID: "WEB-A-001", Severity: check.Critical, CapOnFail: "E"},
	"WEB-B-001": {ID: "WEB-B-001", Severity: check.High},
	"WEB-C-001": {ID: "WEB-C-001", Severity: check.Medium},
	"WEB-D-001": {ID: "WEB-D-001", Severity: check.Critical, CapOnFail: "F"},
	"WEB-E-001": {ID: "WEB-E-001", Severity: check.High, CapOnFail: "F"},
}

func lookup(id string) (check.Meta, bool) { m, ok := metas[id]; return m, ok }

func f(target, id string, st check.Status) check.Finding {
	return check.Finding{CheckID: id, Family: check.FamilyWeb, Target: target, Status: st, Severity: metas[id].Severity}
}

func TestTargetScores(t *testing.T) {
	cases := []struct {
		name     string
		findings []check.Finding
		score    int
		grade    check.Grade
		cap      check.Grade
		capBy    string
		scored   bool
		deducted map[string]float64
		excluded int
	}{
		{name: "all pass", findings: []check.Finding{f("t", "WEB-A-001", check.Pass), f("t", "WEB-B-001", check.Pass)},
			score: 100, grade: "A+", scored: true},
		// 10+6+3 = 19 at stake; WARN on medium keeps 1.5: 17.5/19 = 92.1 → 92.
		{name: "one warn", findings: []check.Finding{f("t", "WEB-A-001", check.Pass), f("t", "WEB-B-001", check.Pass), f("t", "WEB-C-001", check.Warn)},
			score: 92, grade: "A", scored: true, deducted: map[string]float64{"WEB-C-001": 7.9}},
		// high FAIL: 13/19 = 68.4 → 68 (C).
		{name: "high fail", findings: []check.Finding{f("t", "WEB-A-001", check.Pass), f("t", "WEB-B-001", check.Fail), f("t", "WEB-C-001", check.Pass)},
			score: 68, grade: "C", scored: true, deducted: map[string]float64{"WEB-B-001": 31.6}},
		// critical FAIL capped at E: raw 9/19 = 47 is already E (35–49).
		{name: "cap E", findings: []check.Finding{f("t", "WEB-A-001", check.Fail), f("t", "WEB-B-001", check.Pass), f("t", "WEB-C-001", check.Pass)},
			score: 47, grade: "E", cap: "E", scored: true},
		// Capped F with a high raw score: 19/29 = 65 → clamped to 34.
		{name: "cap F clamps", findings: []check.Finding{f("t", "WEB-D-001", check.Fail), f("t", "WEB-A-001", check.Pass), f("t", "WEB-B-001", check.Pass), f("t", "WEB-C-001", check.Pass)},
			score: 34, grade: "F", cap: "F", scored: true},
		{name: "worst cap wins", findings: []check.Finding{f("t", "WEB-A-001", check.Fail), f("t", "WEB-D-001", check.Fail)},
			score: 0, grade: "F", cap: "F", scored: true},
		{name: "error counts as not passed", findings: []check.Finding{f("t", "WEB-B-001", check.Error), f("t", "WEB-C-001", check.Pass)},
			score: 33, grade: "F", scored: true},
		{name: "error does not cap", findings: []check.Finding{f("t", "WEB-A-001", check.Error), f("t", "WEB-B-001", check.Pass)},
			score: 37, grade: "E", scored: true},
		// Skipped and waived leave the denominator: only the PASS counts.
		{name: "skipped and waived excluded", findings: []check.Finding{f("t", "WEB-A-001", check.Skipped), f("t", "WEB-B-001", check.Waived), f("t", "WEB-C-001", check.Pass)},
			score: 100, grade: "A+", scored: true, excluded: 2},
		{name: "waived cap does not apply", findings: []check.Finding{f("t", "WEB-D-001", check.Waived), f("t", "WEB-B-001", check.Pass)},
			score: 100, grade: "A+", scored: true, excluded: 1},
		{name: "tie names the more severe check", findings: []check.Finding{f("t", "WEB-E-001", check.Fail), f("t", "WEB-D-001", check.Fail)},
			score: 0, grade: "F", cap: "F", capBy: "WEB-D-001", scored: true},
		{name: "nothing counted", findings: []check.Finding{f("t", "WEB-A-001", check.Skipped)}, scored: false, excluded: 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := Compute(tc.findings, lookup)
			if len(s.Targets) != 1 {
				t.Fatalf("targets = %d", len(s.Targets))
			}
			r := s.Targets[0].Result
			if r.Scored != tc.scored || r.Score != tc.score || (tc.scored && r.Grade != tc.grade) || r.Excluded != tc.excluded {
				t.Fatalf("got scored=%v score=%d grade=%s excluded=%d; want %v %d %s %d", r.Scored, r.Score, r.Grade, r.Excluded, tc.scored, tc.score, tc.grade, tc.excluded)
			}
			gotCap := check.Grade("")
			if r.Cap != nil {
				gotCap = r.Cap.Grade
			}
			if gotCap != tc.cap {
				t.Errorf("cap = %q, want %q", gotCap, tc.cap)
			}
			if tc.capBy != "" && r.Cap.CheckID != tc.capBy {
				t.Errorf("cap named by %s, want %s", r.Cap.CheckID, tc.capBy)
			}
			for id, pts := range tc.deducted {
				found := false
				for _, d := range r.Deductions {
					if d.CheckID == id {
						found = true
						if d.Points != pts {
							t.Errorf("%s deduction = %v, want %v", id, d.Points, pts)
						}
					}
				}
				if !found {
					t.Errorf("no deduction for %s in %+v", id, r.Deductions)
				}
			}
		})
	}
}

func TestDeductionsAddUp(t *testing.T) {
	s := Compute([]check.Finding{f("t", "WEB-A-001", check.Pass), f("t", "WEB-B-001", check.Warn), f("t", "WEB-C-001", check.Fail)}, lookup)
	r := s.Targets[0].Result
	lost := 0.0
	for _, d := range r.Deductions {
		lost += d.Points
	}
	if int(100-lost) != r.Score && int(100-lost+0.1) != r.Score {
		t.Errorf("deductions %v (%.1f) do not explain score %d", r.Deductions, lost, r.Score)
	}
}

func TestFamilyAndOverall(t *testing.T) {
	fs := []check.Finding{
		f("a", "WEB-B-001", check.Pass), f("a", "WEB-C-001", check.Pass), // 100
		f("b", "WEB-B-001", check.Fail), f("b", "WEB-C-001", check.Pass), // 3/9 = 33
		f("c", "WEB-A-001", check.Skipped), // unscored: not in the mean
	}
	s := Compute(fs, lookup)
	if len(s.Targets) != 3 || len(s.Families) != 1 {
		t.Fatalf("targets %d families %d", len(s.Targets), len(s.Families))
	}
	fam := s.Families[0]
	if fam.Score != 66 || fam.Grade != "C" || fam.Targets != 3 {
		t.Errorf("family = %+v, want 66 C over 3 targets", fam)
	}
	if s.Overall.Score != 66 || s.Overall.Grade != "C" {
		t.Errorf("overall = %+v", s.Overall)
	}

	// One capped target caps its family and the scan, and names where it came from.
	fs = append(fs, f("d", "WEB-D-001", check.Fail), f("d", "WEB-B-001", check.Pass), f("d", "WEB-C-001", check.Pass))
	s = Compute(fs, lookup)
	if s.Overall.Grade != "F" || s.Overall.Cap == nil || s.Overall.Cap.Target != "d" || s.Overall.Score > 34 {
		t.Errorf("overall with a capped target = %+v cap %+v", s.Overall.Score, s.Overall.Cap)
	}
	if s.Targets[3].Cap.Target != "" {
		t.Errorf("target-level cap should not repeat the target: %+v", s.Targets[3].Cap)
	}
}

func TestGradeBands(t *testing.T) {
	for score, want := range map[int]check.Grade{100: "A+", 99: "A", 90: "A", 89: "B", 80: "B", 79: "C", 65: "C", 64: "D", 50: "D", 49: "E", 35: "E", 34: "F", 0: "F"} {
		if g := GradeFor(score); g != want {
			t.Errorf("GradeFor(%d) = %s, want %s", score, g, want)
		}
	}
	for _, b := range bands {
		if GradeFor(ceiling(b.Grade)) != b.Grade {
			t.Errorf("ceiling(%s) = %d is not in its own band", b.Grade, ceiling(b.Grade))
		}
	}
}

func TestObservatory(t *testing.T) {
	obs := func(st check.Status, m any) check.Finding {
		return check.Finding{Status: st, Evidence: map[string]any{"observatory_modifier": m}}
	}
	cases := []struct {
		name  string
		fs    []check.Finding
		score int
		grade string
	}{
		// Penalties alone leave 95: bonuses count (+5 +10) → 110, graded A+.
		{"extra credit", []check.Finding{obs(check.Fail, -5), obs(check.Pass, 5), obs(check.Pass, 10)}, 110, "A+"},
		// Penalties leave 75: bonuses do not count.
		{"no extra credit", []check.Finding{obs(check.Fail, -25), obs(check.Pass, 5)}, 75, "B"},
		{"floored at zero", []check.Finding{obs(check.Fail, -50), obs(check.Fail, -25), obs(check.Fail, -20), obs(check.Fail, -20)}, 0, "F"},
		{"grade rounds down to 5", []check.Finding{obs(check.Fail, -11)}, 89, "A-"},
		{"json numbers", []check.Finding{obs(check.Fail, float64(-20))}, 80, "B+"},
		{"waived does not count", []check.Finding{obs(check.Waived, -20), obs(check.Pass, 0)}, 100, "A+"},
	}
	for _, tc := range cases {
		o := ObservatoryFor(tc.fs)
		if o == nil || o.Score != tc.score || o.Grade != tc.grade {
			t.Errorf("%s: %+v, want %d %s", tc.name, o, tc.score, tc.grade)
		}
	}
	if ObservatoryFor([]check.Finding{{Status: check.Pass}}) != nil {
		t.Error("no modifiers should give no Observatory score")
	}
}

func TestObservatoryPointsCombineWithWeights(t *testing.T) {
	metas["WEB-CSP-001"] = check.Meta{ID: "WEB-CSP-001", Severity: check.Medium, ObservatoryPoints: true}
	metas["WEB-XFO-001"] = check.Meta{ID: "WEB-XFO-001", Severity: check.Medium, ObservatoryPoints: true}
	defer delete(metas, "WEB-CSP-001")
	defer delete(metas, "WEB-XFO-001")
	hdr := func(id string, st check.Status, mod int) check.Finding {
		f := f("t", id, st)
		f.Evidence = map[string]any{"observatory_modifier": mod}
		return f
	}
	cases := []struct {
		name  string
		fs    []check.Finding
		score int
		grade check.Grade
	}{
		// Weighted part 100, then CSP -25 and XFO -20: 55.
		{"penalties", []check.Finding{f("t", "WEB-B-001", check.Pass), hdr("WEB-CSP-001", check.Fail, -25), hdr("WEB-XFO-001", check.Fail, -20)}, 55, "D"},
		// Bonuses apply at 90 or more but never lift above 100.
		{"bonuses capped at 100", []check.Finding{f("t", "WEB-B-001", check.Pass), hdr("WEB-CSP-001", check.Pass, 5), hdr("WEB-XFO-001", check.Pass, 5)}, 100, "A+"},
		// Weighted 68 (high FAIL): bonuses do not apply under 90.
		{"no bonus under 90", []check.Finding{f("t", "WEB-A-001", check.Pass), f("t", "WEB-B-001", check.Fail), f("t", "WEB-C-001", check.Pass), hdr("WEB-CSP-001", check.Pass, 10)}, 68, "C"},
		// Header points do not escape caps.
		{"caps still apply", []check.Finding{f("t", "WEB-A-001", check.Fail), f("t", "WEB-B-001", check.Pass), hdr("WEB-CSP-001", check.Pass, 10)}, 37, "E"},
		{"floored at zero", []check.Finding{f("t", "WEB-B-001", check.Pass), hdr("WEB-CSP-001", check.Fail, -60), hdr("WEB-XFO-001", check.Fail, -50)}, 0, "F"},
		// A header check that could not run has no modifier: it counts by weight, as not passed.
		{"error without modifier is weighted", []check.Finding{f("t", "WEB-B-001", check.Pass), f("t", "WEB-CSP-001", check.Error)}, 66, "C"},
	}
	for _, tc := range cases {
		r := Compute(tc.fs, lookup).Targets[0].Result
		if r.Score != tc.score || r.Grade != tc.grade {
			t.Errorf("%s: %d %s, want %d %s (deductions %+v)", tc.name, r.Score, r.Grade, tc.score, tc.grade, r.Deductions)
		}
	}
	r := Compute([]check.Finding{f("t", "WEB-B-001", check.Pass), hdr("WEB-CSP-001", check.Fail, -25)}, lookup).Targets[0].Result
	if len(r.Deductions) != 1 || r.Deductions[0].Points != 25 || r.Deductions[0].Basis != BasisObservatory {
		t.Errorf("deductions = %+v", r.Deductions)
	}
}

// A cap is applied only when it lowers the score: WEB-A-001 caps at E
// (ceiling 49); failing it with a passing medium check leaves 3/13 = 23,
// already under E, so the cap is on record but did not apply.
func TestCapAppliedOnlyWhenItLowers(t *testing.T) {
	below := Compute([]check.Finding{f("t", "WEB-A-001", check.Fail), f("t", "WEB-C-001", check.Pass)}, lookup)
	if r := below.Targets[0].Result; r.Cap == nil || r.Cap.Applied || r.Lowered() || r.Score != 23 {
		t.Errorf("score already under the cap: got %+v cap %+v, want 23 with a cap not applied", r, r.Cap)
	}
	// With two passing highs: 12/22 = 54 (D) → lowered to 49 (E).
	metas["WEB-F-001"] = check.Meta{ID: "WEB-F-001", Severity: check.High}
	defer delete(metas, "WEB-F-001")
	above := Compute([]check.Finding{f("t", "WEB-A-001", check.Fail), f("t", "WEB-B-001", check.Pass), f("t", "WEB-F-001", check.Pass)}, lookup)
	if r := above.Targets[0].Result; !r.Lowered() || r.Score != 49 {
		t.Errorf("score over the cap: got %d lowered=%v, want 49 lowered", r.Score, r.Lowered())
	}
	// The family's mean is judged again: a target at 23 (cap not applied)
	// and one at 100, two checks each, average 61, over E's ceiling, so the
	// cap carried up lowers the family.
	fam := Compute([]check.Finding{f("t", "WEB-A-001", check.Fail), f("t", "WEB-C-001", check.Pass), f("u", "WEB-C-001", check.Pass), f("u", "WEB-B-001", check.Pass)}, lookup)
	if r := fam.Families[0].Result; !r.Lowered() || r.Score != 49 {
		t.Errorf("family: got %d lowered=%v, want 49 lowered by the carried cap", r.Score, r.Lowered())
	}
}

// A family weighs each target by the checks run on it: a folder judged by
// one low check that fails moves the family as one check does, not as much
// as a processor judged by twenty; a skipped or waived check still weighs,
// so the target that could not be judged over HTTPS is not lightened.
func TestFamilyWeighsTargetsByTheirChecks(t *testing.T) {
	var fs []check.Finding
	fs = append(fs, f("contracts/", "WEB-C-001", check.Fail)) // one check, 0
	for range 19 {
		fs = append(fs, f("contracts/a.pdf", "WEB-C-001", check.Pass))
	}
	if r := Compute(fs, lookup).Families[0].Result; r.Score != 95 {
		t.Errorf("family of a 0 on 1 check and a 100 on 19: %d, want 95 (the plain mean would be 50)", r.Score)
	}
	skipped := []check.Finding{f("a", "WEB-C-001", check.Fail), f("b", "WEB-C-001", check.Pass)}
	for range 3 {
		skipped = append(skipped, f("a", "WEB-C-001", check.Skipped), f("a", "WEB-C-001", check.Waived))
	}
	if r := Compute(skipped, lookup).Families[0].Result; r.Score != 12 {
		t.Errorf("a 0 on 7 checks (6 skipped or waived) and a 100 on 1: %d, want 12", r.Score)
	}
	// The scan's score is still the plain mean of its families.
	other := f("p", "WEB-C-001", check.Pass)
	other.Family = check.FamilyPassword
	two := []check.Finding{fs[0], other}
	if r := Compute(two, lookup).Overall; r.Score != 50 {
		t.Errorf("overall of a family at 0 and one at 100: %d, want 50", r.Score)
	}
}
