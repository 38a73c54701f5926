package report

import (
	"sort"

	"github.com/vigie-security/vigie/internal/check"
)

// sortedKeys gives map keys in a fixed order, so output is reproducible.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// familiesInOrder puts the known families in display order, then any other
// in the order it was met.
func familiesInOrder(met []check.Family) []check.Family {
	var out []check.Family
	in := map[check.Family]bool{}
	for _, f := range met {
		in[f] = true
	}
	for _, f := range check.Families {
		if in[f] {
			out = append(out, f)
			delete(in, f)
		}
	}
	for _, f := range met {
		if in[f] {
			out = append(out, f)
		}
	}
	return out
}
