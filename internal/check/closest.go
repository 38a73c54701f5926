package check

// Closest is the known name a typo most likely meant: the nearest by edit
// distance, at most two edits away and fewer than half the typo's letters
// ("hgih" is high, but "foo" is not xor); "" when none is that near.
func Closest(typo string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if d := distance(typo, k); d < bestD && 2*d < len(typo)+1 {
			best, bestD = k, d
		}
	}
	return best
}

// DidYouMean is " (did you mean …?)" when a known name is close to typo,
// else empty: the hint every strict parser appends to an unknown name.
func DidYouMean(typo string, known []string) Text {
	if best := Closest(typo, known); best != "" {
		return Textf(" (did you mean %q?)", " (vouliez-vous dire %q ?)", best)
	}
	return Text{}
}

// distance is the Levenshtein distance between a and b, in bytes.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
