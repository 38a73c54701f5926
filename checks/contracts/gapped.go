package contracts

import (
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// gapped is a pattern of the shape "words, gap, words, gap, words": each
// words a finite set, each gap any characters but a newline, counted in
// runes between bounds ("(notify|inform).{0,160}(breach|incident)").
// It is matched with substring searches, far faster than the regexp
// package's backtracker on such shapes.
type gapped struct {
	elems [][]word
	gaps  []gap // gaps[i] sits between elems[i] and elems[i+1]
}

type gap struct{ min, max int } // max < 0: unbounded

// toGapped recognises the shape; nil when re is anything else. A finite
// run too large to multiply out is cut into elements joined by empty gaps,
// and a word boundary between two runs becomes an empty gap with the
// boundary checked on both sides.
func toGapped(re *syntax.Regexp) *gapped {
	re = uncapture(re)
	if re.Op != syntax.OpConcat {
		return nil
	}
	g := &gapped{}
	var cur []word // the element being built
	pre := false   // a boundary is due before the next words
	push := func() {
		if cur != nil {
			if len(g.elems) > len(g.gaps) { // elements meet with no gap between them
				g.gaps = append(g.gaps, gap{0, 0})
			}
			g.elems = append(g.elems, cur)
			cur = nil
		}
	}
	for _, sub := range re.Sub {
		if gp, ok := asGap(sub); ok {
			push()
			if len(g.elems) == 0 {
				return nil // a leading gap: not this shape
			}
			if len(g.gaps) == len(g.elems) { // two gaps in a row add up
				last := &g.gaps[len(g.gaps)-1]
				last.min += gp.min
				if last.max < 0 || gp.max < 0 {
					last.max = -1
				} else {
					last.max += gp.max
				}
			} else {
				g.gaps = append(g.gaps, gp)
			}
			continue
		}
		if sub.Op == syntax.OpWordBoundary {
			if cur != nil {
				for i := range cur {
					cur[i].post = true
				}
				push()
			}
			pre = true
			continue
		}
		ws, ok := finite(sub)
		if !ok {
			return nil
		}
		if pre {
			for i := range ws {
				ws[i].pre = true
			}
			pre = false
		}
		if cur == nil {
			cur = ws
			continue
		}
		if len(cur)*len(ws) > maxExact || anyWord(cur, func(w word) bool { return w.post || w.tail }) || anyWord(ws, func(w word) bool { return w.pre }) {
			push()
			cur = ws
			continue
		}
		next := make([]word, 0, len(cur)*len(ws))
		for _, a := range cur {
			for _, b := range ws {
				next = append(next, word{s: a.s + b.s, pre: a.pre, post: b.post, tail: b.tail})
			}
		}
		cur = next
	}
	push()
	if pre || len(g.elems) < 2 || len(g.gaps) != len(g.elems)-1 {
		return nil
	}
	for k, el := range g.elems {
		for _, w := range el {
			if w.s == "" {
				return nil
			}
		}
		// A word running on (\w*) is matched to the end of its word, which
		// leaves the shortest gap after it: right for gaps with no minimum.
		if anyWord(el, func(w word) bool { return w.tail }) && k < len(g.gaps) && g.gaps[k].min > 0 {
			return nil
		}
	}
	return g
}

// anyWord reports whether a word of ws has the property.
func anyWord(ws []word, has func(word) bool) bool {
	for _, w := range ws {
		if has(w) {
			return true
		}
	}
	return false
}

// asGap reads .{m,n}, .*, .+ and .? (. without s: any rune but a newline).
func asGap(re *syntax.Regexp) (gap, bool) {
	any := func(r *syntax.Regexp) bool { return r.Op == syntax.OpAnyCharNotNL }
	switch re.Op {
	case syntax.OpStar:
		return gap{0, -1}, any(re.Sub[0])
	case syntax.OpPlus:
		return gap{1, -1}, any(re.Sub[0])
	case syntax.OpQuest:
		return gap{0, 1}, any(re.Sub[0])
	case syntax.OpRepeat:
		return gap{re.Min, re.Max}, any(re.Sub[0])
	}
	return gap{}, false
}

// match reports whether text holds the shape; lits, when not nil, are
// the literals text holds, and words not among them are not searched for.
func (g *gapped) match(text string, lits litSet) bool {
	return g.from(text, lits, 0, -1)
}

// from finds element k at or after pos; after is where the previous
// element ended (-1 for the first element, which may start anywhere).
func (g *gapped) from(text string, lits litSet, k, after int) bool {
	if k == len(g.elems) {
		return true
	}
	for _, w := range g.elems[k] {
		if lits != nil && !lits.has(w.id) {
			continue
		}
		for start := max(after, 0); ; {
			i := strings.Index(text[start:], w.s)
			if i < 0 {
				break
			}
			i += start
			if k > 0 {
				gp := g.gaps[k-1]
				between := text[after:i]
				n := utf8.RuneCountInString(between)
				if gp.max >= 0 && n > gp.max {
					break // later occurrences are further away still
				}
				if n < gp.min || strings.IndexByte(between, '\n') >= 0 {
					start = i + 1
					continue
				}
			}
			end := i + len(w.s)
			if w.tail {
				end = skipWord(text, end)
			}
			if (!w.pre || boundary(text, i)) && (!w.post || boundary(text, end)) && g.from(text, lits, k+1, end) {
				return true
			}
			start = i + 1
		}
	}
	return false
}
