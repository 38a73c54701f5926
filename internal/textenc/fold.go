package textenc

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// FoldReplacer replaces strings in text whatever the case either is written
// in, by Unicode simple case folding (as strings.EqualFold): a secret a
// server echoes upper-cased, title-cased or mixed is masked as surely as one
// it echoes as written. Like strings.Replacer, replacements are made left to
// right without overlapping; at one position the longest old wins, so a
// secret that holds another is replaced whole. Safe for concurrent use.
type FoldReplacer struct {
	olds []foldPair
	// byFirst lists, by the folded first rune of an old, the olds that
	// start with it (indices into olds, longest first); asciiFirst is its
	// part for ASCII runes, without a map lookup.
	byFirst    map[rune][]int
	asciiFirst [utf8.RuneSelf][]int
	// first marks the bytes an old may start with in some case: the scan
	// for olds skips every other byte without decoding it.
	first [256]bool
	// anchors are, per old, a run of its ASCII letters and digits: every
	// case of the old holds it in some case, so text holding none is
	// returned at once, without allocating (nearly every string of a
	// report). always is set when some old has no such run.
	anchors   []anchor
	minAnchor int
	always    bool
}

type foldPair struct{ old, new string }

// anchor is a run of ASCII letters and digits in lower case, searched for
// by its pivot byte: a digit, which has one case, else its rarest letter.
type anchor struct {
	text  string
	pivot int
}

// maxAnchorLen bounds an anchor: a part of a run is as good a filter.
const maxAnchorLen = 64

// NewFoldReplacer replaces each old by its new (pairs, as for
// strings.NewReplacer); empty olds are ignored, and of olds equal but for
// case the first given is kept.
func NewFoldReplacer(oldnew ...string) *FoldReplacer {
	if len(oldnew)%2 == 1 {
		panic("textenc.NewFoldReplacer: odd argument count") // a programming error, as for strings.NewReplacer
	}
	r := &FoldReplacer{byFirst: map[rune][]int{}}
	for i := 0; i < len(oldnew); i += 2 {
		old := oldnew[i]
		if old == "" || slices.ContainsFunc(r.olds, func(p foldPair) bool { return strings.EqualFold(p.old, old) }) {
			continue
		}
		r.olds = append(r.olds, foldPair{old, oldnew[i+1]})
	}
	slices.SortStableFunc(r.olds, func(a, b foldPair) int { return len(b.old) - len(a.old) })
	var runs []string
	for i, p := range r.olds {
		first, _ := utf8.DecodeRuneInString(p.old)
		if canon(first) < utf8.RuneSelf {
			r.asciiFirst[canon(first)] = append(r.asciiFirst[canon(first)], i)
		} else {
			r.byFirst[canon(first)] = append(r.byFirst[canon(first)], i)
		}
		for c := first; ; {
			r.first[string(c)[0]] = true
			if c = unicode.SimpleFold(c); c == first {
				break
			}
		}
		if a := alnumRun(p.old); a != "" {
			runs = append(runs, a)
		} else {
			r.always = true
		}
	}
	// A run holding another adds nothing: the shorter one is found first.
	slices.SortFunc(runs, func(a, b string) int { return len(a) - len(b) })
	for _, a := range runs {
		if !slices.ContainsFunc(r.anchors, func(k anchor) bool { return strings.Contains(a, k.text) }) {
			r.anchors = append(r.anchors, anchor{a, pivot(a)})
		}
	}
	if len(r.anchors) > 0 {
		r.minAnchor = len(r.anchors[0].text)
	}
	return r
}

// Replace returns s with every old, in any case, replaced.
func (r *FoldReplacer) Replace(s string) string {
	if r == nil || len(r.olds) == 0 || s == "" || !r.always && !r.mayHold(s) {
		return s
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); {
		if !r.first[s[i]] { // a continuation byte never is: runes are not cut
			i++
			continue
		}
		c, size := rune(s[i]), 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRuneInString(s[i:])
		}
		if n, repl, ok := r.match(s[i:], canon(c)); ok {
			if last == 0 && b.Cap() == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[last:i])
			b.WriteString(repl)
			i += n
			last = i
			continue
		}
		i += size
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// match finds the longest old t starts with, first being t's folded first rune.
func (r *FoldReplacer) match(t string, first rune) (n int, repl string, ok bool) {
	var olds []int
	if first < utf8.RuneSelf {
		olds = r.asciiFirst[first]
	} else {
		olds = r.byFirst[first]
	}
	for _, i := range olds {
		if n, ok := foldPrefix(t, r.olds[i].old); ok {
			return n, r.olds[i].new, true
		}
	}
	return 0, "", false
}

// foldPrefix reports whether t starts with old in some case, and how many
// bytes of t that is (cases may differ in length: K and the Kelvin sign).
func foldPrefix(t, old string) (int, bool) {
	i := 0
	for j := 0; j < len(old); {
		if i >= len(t) {
			return 0, false
		}
		a, as := rune(t[i]), 1
		if a >= utf8.RuneSelf {
			a, as = utf8.DecodeRuneInString(t[i:])
		}
		b, bs := rune(old[j]), 1
		if b >= utf8.RuneSelf {
			b, bs = utf8.DecodeRuneInString(old[j:])
		}
		if a != b && canon(a) != canon(b) {
			return 0, false
		}
		i, j = i+as, j+bs
	}
	return i, true
}

// canon is the smallest rune of r's case-folding orbit: two runes are equal
// but for case exactly when their canon is the same.
func canon(r rune) rune {
	if r < utf8.RuneSelf {
		if 'a' <= r && r <= 'z' {
			r -= 'a' - 'A'
		}
		return r
	}
	m := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		m = min(m, f)
	}
	return m
}

// mayHold reports whether s may hold an old: whether it holds an anchor in
// some case. The Kelvin sign and the long s are the only runes outside
// ASCII that fold to ASCII letters (k, s); text holding one is searched.
func (r *FoldReplacer) mayHold(s string) bool {
	if len(s) < r.minAnchor {
		return false
	}
	for _, a := range r.anchors {
		if a.in(s) {
			return true
		}
	}
	return strings.Contains(s, "\u212a") || strings.Contains(s, "\u017f")
}

// in reports whether s holds a in some ASCII case, finding the pivot's
// places with IndexByte (vectorised) and comparing around them.
func (a anchor) in(s string) bool {
	lo := a.text[a.pivot]
	up := lo
	if 'a' <= lo && lo <= 'z' {
		up -= 'a' - 'A'
	}
	end := len(s) - (len(a.text) - a.pivot) + 1 // the pivot's places: [a.pivot, end)
	nextLo, nextUp := -1, -1                    // the next place of each case, from i; -1: not searched
	for i := a.pivot; i < end; {
		if nextLo < i {
			if nextLo = strings.IndexByte(s[i:end], lo); nextLo >= 0 {
				nextLo += i
			} else {
				nextLo = end
			}
		}
		if up != lo && nextUp < i {
			if nextUp = strings.IndexByte(s[i:end], up); nextUp >= 0 {
				nextUp += i
			} else {
				nextUp = end
			}
		}
		at := nextLo
		if up != lo {
			at = min(at, nextUp)
		}
		if at >= end {
			return false
		}
		if asciiFoldEqual(s[at-a.pivot:at-a.pivot+len(a.text)], a.text) {
			return true
		}
		i = at + 1
	}
	return false
}

// asciiFoldEqual: t is lower, an ASCII run in lower case, but for case.
func asciiFoldEqual(t, lower string) bool {
	for i := 0; i < len(lower); i++ {
		c := t[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// alnumRun is the longest run of ASCII letters and digits in s, in lower
// case and at most maxAnchorLen long: escaping (URL, Go or JSON quoting)
// leaves it whole, and case folding maps it to itself.
func alnumRun(s string) string {
	best, start := "", -1
	for i := 0; i <= len(s); i++ {
		alnum := i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z' || s[i] >= '0' && s[i] <= '9')
		switch {
		case alnum && start < 0:
			start = i
		case !alnum && start >= 0:
			if i-start > len(best) {
				best = s[start:i]
			}
			start = -1
		}
	}
	return strings.ToLower(best[:min(len(best), maxAnchorLen)])
}

// byFrequency are the letters from the most to the least common in English
// and French text: the rarer the pivot, the fewer places to compare.
const byFrequency = "eastinrulodcmphgbfvqyjxzwk"

// pivot is the index of a's first digit (one case, and rare in prose),
// else of its rarest letter.
func pivot(a string) int {
	if i := strings.IndexAny(a, "0123456789"); i >= 0 {
		return i
	}
	best := 0
	for i := range len(a) {
		if strings.IndexByte(byFrequency, a[i]) > strings.IndexByte(byFrequency, a[best]) {
			best = i
		}
	}
	return best
}
