package check

// Grade is a letter from A+ (best) to F (worst).
type Grade string

// Grades lists every grade from best to worst.
var Grades = []Grade{"A+", "A", "B", "C", "D", "E", "F"}

// Rank is the position of g in Grades (0 = A+); unknown grades rank last.
func (g Grade) Rank() int {
	for i, k := range Grades {
		if g == k {
			return i
		}
	}
	return len(Grades)
}

// Valid reports whether g is a known grade.
func (g Grade) Valid() bool { return g.Rank() < len(Grades) }

// Worse returns the worse of g and o.
func (g Grade) Worse(o Grade) Grade {
	if o.Rank() > g.Rank() {
		return o
	}
	return g
}
