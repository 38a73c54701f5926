package score

import (
	"github.com/vigie-security/vigie/internal/check"
)

// Observatory is the MDN HTTP Observatory score recomputed from the
// modifiers the web checks record ("observatory_modifier" in evidence), so
// users can compare vigie with the Observatory on the same site.
type Observatory struct {
	Score int    `json:"score"`
	Grade string `json:"grade"`
	Tests int    `json:"tests"` // Observatory tests that contributed
}

// observatoryGrades is the Observatory's GRADE_CHART, by score rounded down to 5.
var observatoryGrades = []struct {
	min   int
	grade string
}{{100, "A+"}, {90, "A"}, {85, "A-"}, {80, "B+"}, {70, "B"}, {65, "B-"}, {60, "C+"}, {50, "C"}, {45, "C-"},
	{40, "D+"}, {30, "D"}, {25, "D-"}, {0, "F"}}

// ObservatoryFor applies the Observatory's algorithm: start at 100, add the
// penalties; bonuses count only if the penalties leave 90 or more.
func ObservatoryFor(findings []check.Finding) *Observatory {
	penalties, bonuses, tests := 0, 0, 0
	for _, f := range findings {
		m, ok := modifier(f.Evidence["observatory_modifier"])
		if !ok || f.Status == check.Waived {
			continue
		}
		tests++
		if m < 0 {
			penalties += m
		} else {
			bonuses += m
		}
	}
	if tests == 0 {
		return nil
	}
	s := 100 + penalties
	if s >= 90 {
		s += bonuses
	}
	s = max(s, 0)
	rounded := min(s, 100) / 5 * 5
	o := &Observatory{Score: s, Tests: tests, Grade: "F"}
	for _, g := range observatoryGrades {
		if rounded >= g.min {
			o.Grade = g.grade
			break
		}
	}
	return o
}

func modifier(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case float64: // after a JSON round trip
		return int(n), true
	case interface{ Int64() (int64, error) }: // json.Number, when a reader kept numbers as written
		i, err := n.Int64()
		return int(i), err == nil
	}
	return 0, false
}
