package contracts

import (
	"regexp"
	"regexp/syntax"
	"strings"
)

// pattern is a regular expression with a prefilter: the literals one of
// which any match must contain, worked out from the expression's syntax
// tree (as RE2's prefilter does). Most sentences hold none of them, and a
// substring search is a hundred times cheaper than running the expression:
// this is what keeps analysis above 20 MB/s.
type pattern struct {
	re  *regexp.Regexp
	any []string // nil: no literal is required, always run the expression
	ids []int    // the IDs of any, for texts already scanned
	has litMask  // the same, to test a scanned text for any of them
	// parts are the expression's alternatives, each split further by its
	// leading literals: "(notify|inform).{0,80}breach" becomes
	// "notify.{0,80}breach" and "inform.{0,80}breach". A part starting
	// with a literal lets the regexp package jump from one occurrence of
	// it to the next instead of trying every position, and a part runs
	// only when its own literals are in the text.
	parts []part
	words []word // a finite pattern: matched without the expression
}

type part struct {
	re    *regexp.Regexp
	all   []litMask // each set must have a literal in the text; empty: always run
	words []word
	gap   *gapped
	lead  *leading
}

// maxParts bounds how far an expression is split.
const maxParts = 64

func compile(expr string) pattern {
	re := regexp.MustCompile(expr)
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return pattern{re: re}
	}
	set, ok := required(tree.Simplify())
	if !ok || len(set) == 0 {
		return pattern{re: re}
	}
	p := pattern{re: re, any: set}
	for _, lit := range set {
		p.ids = append(p.ids, literalID(lit))
	}
	p.has = maskOf(p.ids)
	p.parts = split(tree)
	p.words = finiteWords(tree)
	return p
}

// split turns an expression into parts; nil when it cannot (the whole
// expression is then run).
func split(tree *syntax.Regexp) []part {
	tree = uncapture(tree)
	branches := []*syntax.Regexp{tree}
	if tree.Op == syntax.OpAlternate {
		branches = tree.Sub
	}
	var parts []part
	for bi, b := range branches {
		exprs := byPrefix(b)
		// Keep room for the branches still to come: a branch that would
		// split into too many parts stays whole.
		if len(parts)+len(exprs)+len(branches)-bi-1 > maxParts {
			exprs = []string{b.String()}
		}
		for _, expr := range exprs {
			re, err := regexp.Compile(expr)
			if err != nil {
				return nil
			}
			pt := part{re: re}
			if t, err := syntax.Parse(expr, syntax.Perl); err == nil {
				pt.all = conjunction(t.Simplify())
				pt.words = finiteWords(t)
				if pt.gap = toGapped(t); pt.gap != nil {
					for _, el := range pt.gap.elems {
						for i := range el {
							el[i].id = literalID(el[i].s)
						}
					}
				}
				pt.lead = toLeading(t)
			}
			parts = append(parts, pt)
		}
	}
	return parts
}

// uncapture strips the groups around an expression: they do not change
// what it matches.
func uncapture(re *syntax.Regexp) *syntax.Regexp {
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	return re
}

// byPrefix writes a branch as expressions that each start with a literal,
// when the branch starts with a finite set of them.
func byPrefix(b *syntax.Regexp) []string {
	if b.Op != syntax.OpConcat || len(b.Sub) < 2 {
		return []string{b.String()}
	}
	prefixes, n := []string{""}, 0
	for ; n < len(b.Sub)-1; n++ {
		e, ok := exact(b.Sub[n])
		if !ok || containsEmptyWidth(b.Sub[n]) {
			break
		}
		next := product(prefixes, e)
		if next == nil || len(next) > 48 {
			break
		}
		prefixes = next
	}
	if n == 0 {
		return []string{b.String()}
	}
	rest := &syntax.Regexp{Op: syntax.OpConcat, Sub: b.Sub[n:]}
	var out []string
	for _, pre := range prefixes {
		if pre == "" {
			return []string{b.String()}
		}
		out = append(out, regexp.QuoteMeta(pre)+rest.String())
	}
	return out
}

func containsEmptyWidth(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText, syntax.OpEmptyMatch:
		return true
	}
	for _, s := range re.Sub {
		if containsEmptyWidth(s) {
			return true
		}
	}
	return false
}

// in matches a text whose literals were scanned already.
func (p pattern) in(text string, lits litSet) bool {
	if p.any != nil && !lits.any(p.has) {
		return false
	}
	if p.words != nil {
		return matchWords(p.words, text, lits)
	}
	if p.parts == nil {
		return p.re.MatchString(text)
	}
	for _, pt := range p.parts {
		if !pt.possible(lits) {
			continue
		}
		if pt.words != nil {
			if matchWords(pt.words, text, lits) {
				return true
			}
			continue
		}
		if pt.gap != nil {
			if pt.gap.match(text, lits) {
				return true
			}
			continue
		}
		if pt.lead != nil {
			if pt.lead.match(text) {
				return true
			}
			continue
		}
		if pt.re.MatchString(text) {
			return true
		}
	}
	return false
}

// distinct counts the pattern's required literals present in a scanned
// text, not counting one inside another ("name" in "names"): how many of
// a list of words a text uses, without running the expression.
func (p pattern) distinct(lits litSet) int {
	var present []string
	for i, id := range p.ids {
		if lits.has(id) {
			present = append(present, p.any[i])
		}
	}
	n := 0
	for _, a := range present {
		inside := false
		for _, b := range present {
			if a != b && strings.Contains(b, a) {
				inside = true
				break
			}
		}
		if !inside {
			n++
		}
	}
	return n
}

// find returns the first match, running only the parts whose literals
// are present.
func (p pattern) find(text string, lits litSet) string {
	if p.any != nil && !lits.any(p.has) {
		return ""
	}
	if p.parts == nil {
		return p.re.FindString(text)
	}
	best, at := "", -1
	for _, pt := range p.parts {
		if !pt.possible(lits) {
			continue
		}
		from, to := -1, -1
		if pt.lead != nil {
			from, to = pt.lead.at(text)
		} else if loc := pt.re.FindStringIndex(text); loc != nil {
			from, to = loc[0], loc[1]
		}
		if from >= 0 && (at < 0 || from < at) {
			best, at = text[from:to], from
		}
	}
	return best
}

func (pt part) possible(lits litSet) bool {
	for _, set := range pt.all {
		if !lits.any(set) {
			return false
		}
	}
	return true
}

// conjunction lists, for a concatenation, the literal sets of each of its
// required parts: "(notify|inform).{0,80}(breach|incident)" needs one of
// each, and a sentence with "inform" but no breach is never handed to the
// expression.
func conjunction(re *syntax.Regexp) []litMask {
	re = uncapture(re)
	subs := []*syntax.Regexp{re}
	if re.Op == syntax.OpConcat {
		subs = re.Sub
	}
	var out []litMask
	for _, sub := range subs {
		set, ok := required(sub)
		if !ok || len(set) == 0 {
			continue
		}
		ids := make([]int, len(set))
		for i, lit := range set {
			ids[i] = literalID(lit)
		}
		out = append(out, maskOf(ids))
	}
	return out
}

// required returns literals one of which every match contains; ok is false
// when nothing is required (a match may be made of classes or be empty).
func required(re *syntax.Regexp) (set []string, ok bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		return []string{string(re.Rune)}, true
	case syntax.OpCapture:
		return required(re.Sub[0])
	case syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
		return nil, false
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			s, ok := required(sub)
			if !ok {
				return nil, false
			}
			all = append(all, s...)
		}
		return dedupe(all), true
	case syntax.OpConcat:
		// Every part is required: keep the most selective, the set whose
		// shortest literal is longest. Runs of parts with a finite language
		// ("ca" then "nada|meroun", as the parser factors "canada|cameroun")
		// are multiplied out first, so that factoring leaves no
		// one-letter literal that every sentence contains.
		var best []string
		bestLen := 0
		consider := func(s []string) {
			if m := shortest(s); m > bestLen {
				best, bestLen = s, m
			}
		}
		for i := 0; i < len(re.Sub); {
			run := []string{""}
			j := i
			for ; j < len(re.Sub); j++ {
				e, ok := exact(re.Sub[j])
				if !ok {
					break
				}
				next := product(run, e)
				if next == nil {
					break // too many: the next run starts here
				}
				run = next
			}
			if j > i {
				consider(run)
			}
			if j == i {
				if s, ok := required(re.Sub[i]); ok {
					consider(s)
				}
				j++
			}
			i = j
		}
		return best, best != nil
	}
	return nil, false
}

// maxExact bounds the finite languages multiplied out.
const maxExact = 64

// exact is the finite set of strings re matches, when there is one.
func exact(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		return []string{string(re.Rune)}, true
	case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText:
		return []string{""}, true
	case syntax.OpCapture:
		return exact(re.Sub[0])
	case syntax.OpQuest:
		e, ok := exact(re.Sub[0])
		if !ok {
			return nil, false
		}
		return append(e, ""), true
	case syntax.OpCharClass:
		return classChars(re)
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			e, ok := exact(sub)
			if !ok {
				return nil, false
			}
			out = append(out, e...)
			if len(out) > maxExact {
				return nil, false
			}
		}
		return out, true
	case syntax.OpConcat:
		out := []string{""}
		for _, sub := range re.Sub {
			e, ok := exact(sub)
			if !ok {
				return nil, false
			}
			if out = product(out, e); out == nil {
				return nil, false
			}
		}
		return out, true
	}
	return nil, false
}

// classChars lists a small character class's characters ([0-9] at most).
func classChars(re *syntax.Regexp) ([]string, bool) {
	var out []string
	for i := 0; i+1 < len(re.Rune); i += 2 {
		for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
			if len(out) == 10 {
				return nil, false
			}
			out = append(out, string(r))
		}
	}
	return out, true
}

// product is every a followed by every b, or nil past maxExact.
func product(a, b []string) []string {
	if len(a)*len(b) > maxExact {
		return nil
	}
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return dedupe(out)
}

func shortest(set []string) int {
	m := -1
	for _, s := range set {
		if m < 0 || len(s) < m {
			m = len(s)
		}
	}
	return m
}

func dedupe(in []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
