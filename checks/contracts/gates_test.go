package contracts

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"testing"
)

// A gate — both(terms(…), rx(…)) — lets the expression run only on a text
// that holds one of its words. Written by hand, a gate can miss a word the
// expression matches, and hide the clause. For every gated expression of
// the rules and judges, each shape the expression matches (one sample per
// alternative) must hold a word of its gate.
func TestGatesCoverTheirExpressions(t *testing.T) {
	var all []named
	for _, r := range compiled().rules {
		all = append(all, r.patterns()...)
	}
	for name, p := range map[string]pattern{"flowObligations": flowObligations, "flowLiable": flowLiable, "endExtra": endExtra, "deadlineMatch": deadlineMatch} {
		all = append(all, named{name, p})
	}
	gates := 0
	for _, n := range all {
		walk(n.p, func(p pattern) {
			if !p.and || p.b.re == nil {
				return
			}
			gates++
			for _, s := range samples(p.b.re) {
				if p.b.re.MatchString(s) && !p.a.in(s) {
					t.Errorf("%s: the gate of %.80q misses %q, which the expression matches", n.name, p.b.re, s)
				}
			}
		})
	}
	if gates < 20 {
		t.Errorf("%d gated expressions found: the walk misses them", gates)
	}
}

type named struct {
	name string
	p    pattern
}

// patterns lists every compiled expression of the rule, named by where it is.
func (r *rule) patterns() []named {
	var out []named
	add := func(where string, p *pattern) {
		if p != nil {
			out = append(out, named{r.id + " " + where, *p})
		}
	}
	add("need", r.need)
	add("gives", r.gives)
	for k := range r.clause {
		add("clause", &r.clause[k])
	}
	for k := range r.notUnder {
		add("notUnder", &r.notUnder[k])
	}
	for _, set := range [][]marker{r.exclude, r.excludeClause, r.deferred, r.bare, r.near, r.weak, r.enough, r.signals} {
		for k := range set {
			add(set[k].why.EN, &set[k].re)
			add(set[k].why.EN+" (unless)", set[k].unless)
		}
	}
	return out
}

func walk(p pattern, f func(pattern)) {
	f(p)
	if p.a != nil {
		walk(*p.a, f)
	}
	if p.b != nil {
		walk(*p.b, f)
	}
	for _, s := range p.any {
		walk(s, f)
	}
}

// samples are short texts re matches, one per alternative it has: each
// alternation is taken branch by branch, everything else at its shortest.
func samples(re *regexp.Regexp) []string {
	tree, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return nil
	}
	return gen(tree)
}

const maxSamples = 400

func gen(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{string(re.Rune)}
	case syntax.OpCharClass:
		return []string{string(classRune(re.Rune))}
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return []string{"x"}
	case syntax.OpCapture:
		return gen(re.Sub[0])
	case syntax.OpPlus:
		return gen(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min == 0 {
			return []string{gap(re.Sub[0])}
		}
		var out []string
		for _, s := range gen(re.Sub[0]) {
			out = append(out, strings.Repeat(s, re.Min))
		}
		return out
	case syntax.OpStar:
		return []string{gap(re.Sub[0])}
	case syntax.OpQuest:
		return []string{""}
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			out = append(out, gen(sub)...)
		}
		return capped(out)
	case syntax.OpConcat:
		parts := make([][]string, len(re.Sub))
		for k, sub := range re.Sub {
			parts[k] = gen(sub)
		}
		// each alternative of each part, the others at their first
		var out []string
		for k := range parts {
			for _, alt := range parts[k] {
				var b strings.Builder
				for j := range parts {
					switch {
					case j == k:
						b.WriteString(alt)
					case len(parts[j]) > 0:
						b.WriteString(parts[j][0])
					}
				}
				out = append(out, b.String())
			}
		}
		return capped(out)
	}
	return []string{""} // anchors and boundaries match no text
}

// gap is what a run of any character, at its shortest, stands for between
// two words: a space (".{0,80}" joins "continued use" and "consent" with
// words, not glued to them).
func gap(sub *syntax.Regexp) string {
	if sub.Op == syntax.OpAnyChar || sub.Op == syntax.OpAnyCharNotNL {
		return " "
	}
	return ""
}

func capped(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] && len(out) < maxSamples {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// classRune is a rune of a character class, a letter or a space when the
// class has one (folded text is lower case).
func classRune(ranges []rune) rune {
	for _, want := range []rune{'a', ' ', '0'} {
		for k := 0; k+1 < len(ranges); k += 2 {
			if ranges[k] <= want && want <= ranges[k+1] {
				return want
			}
		}
	}
	for k := 0; k+1 < len(ranges); k += 2 {
		if ranges[k] >= 0x20 {
			return ranges[k]
		}
	}
	return 'x'
}

// The check itself finds a gate that misses a branch of its expression.
func TestGateCheckFindsAMiss(t *testing.T) {
	p := must(compileX(both(terms("within"), rx(`within \d+ hours|sous \d+ heures`))))
	var missed []string
	for _, s := range samples(p.b.re) {
		if p.b.re.MatchString(s) && !p.a.in(s) {
			missed = append(missed, s)
		}
	}
	if len(missed) != 1 || !strings.HasPrefix(missed[0], "sous ") {
		t.Errorf("missed %q, want the French branch only", missed)
	}
}
