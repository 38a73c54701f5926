package password

import (
	"math"
	"strings"
	"testing"
	"time"
)

// Hostile numbers reaching the pure checks (from a parser vigie does not
// know of, or the what-if) never wrap: no negative rounding, no panic.
func TestHostileNumbersDoNotOverflow(t *testing.T) {
	for _, n := range []int{math.MaxInt, 9_200_000_000_000_000_000, math.MinInt, -1} {
		p := Policy{Name: "u", MinLength: &n, MaxAgeDays: &n, LockoutThreshold: &n, HistoryCount: &n, MaxLength: &n}
		if err := p.SetClasses("lower", "upper", "digits", "specials"); err != nil {
			t.Fatal(err)
		}
		a := Assess(p)
		if a.Rounded < 0 || a.Bits < 0 || math.IsNaN(a.Bits) || math.IsInf(a.Bits, 0) {
			t.Errorf("length %d: bits %v rounded to %d", n, a.Bits, a.Rounded)
		}
		if n > 0 && a.Case != 1 {
			t.Errorf("length %d: case %d", n, a.Case)
		}
		for _, c := range Checks() {
			f := c.Evaluate(Evidence{Target: "t", Policy: p})
			if msg := f.Message.EN + f.Message.FR; strings.Contains(msg, "rounded to -") || strings.Contains(msg, "arrondis à -") {
				t.Errorf("length %d: %s says %s", n, f.CheckID, msg)
			}
		}
	}
	if v := roundTo(1e300, 1); v != 1e300 {
		t.Errorf("roundTo(1e300) = %v", v)
	}
	long := time.Duration(math.MaxInt64)
	p := Policy{ResetLinkLifetime: &long, LockoutDuration: &long}
	for _, c := range Checks() {
		c.Evaluate(Evidence{Target: "t", Policy: p}) // must not panic
	}
}
