package contracts

import (
	"regexp/syntax"
	"strings"
)

// word is one string a finite pattern matches, with the word boundaries
// it requires at either end.
type word struct {
	s         string
	pre, post bool
	tail      bool // \w* follows: the word runs on to the end of the text's word
	id        int  // literal ID of s
}

// wordStar is \w*.
func wordStar(re *syntax.Regexp) bool {
	return re.Op == syntax.OpStar && re.Sub[0].Op == syntax.OpCharClass && string(re.Sub[0].Rune) == "09AZ__az"
}

// skipWord moves past the word characters at i.
func skipWord(text string, i int) int {
	for i < len(text) && isWordChar(text[i]) {
		i++
	}
	return i
}

// finite lists the strings re matches when its language is finite and its
// only assertions are word boundaries at the ends: `\b(annex|schedule)\b`,
// `\baudit`. Such a pattern is matched by substring search, no expression.
func finite(re *syntax.Regexp) ([]word, bool) {
	if wordStar(re) {
		return []word{{tail: true}}, true
	}
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		return []word{{s: string(re.Rune)}}, true
	case syntax.OpEmptyMatch:
		return []word{{}}, true
	case syntax.OpCapture:
		return finite(re.Sub[0])
	case syntax.OpQuest:
		w, ok := finite(re.Sub[0])
		return append(w, word{}), ok
	case syntax.OpCharClass:
		chars, ok := classChars(re)
		out := make([]word, len(chars))
		for i, c := range chars {
			out[i] = word{s: c}
		}
		return out, ok
	case syntax.OpAlternate:
		var out []word
		for _, sub := range re.Sub {
			w, ok := finite(sub)
			if !ok || len(out)+len(w) > maxExact {
				return nil, false
			}
			out = append(out, w...)
		}
		return out, true
	case syntax.OpConcat:
		out := []word{{}}
		for i, sub := range re.Sub {
			if sub.Op == syntax.OpWordBoundary {
				switch i {
				case 0:
					for k := range out {
						out[k].pre = true
					}
				case len(re.Sub) - 1:
					for k := range out {
						out[k].post = true
					}
				default:
					return nil, false
				}
				continue
			}
			w, ok := finite(sub)
			if !ok || len(out)*len(w) > maxExact {
				return nil, false
			}
			next := make([]word, 0, len(out)*len(w))
			for _, a := range out {
				for _, b := range w {
					// A boundary may open the word or close it, not sit inside.
					if b.pre && a.s != "" || (a.post || a.tail) && (b.s != "" || b.tail) || b.post && i < len(re.Sub)-1 {
						return nil, false // a boundary or \w* inside: leave it to the expression
					}
					next = append(next, word{s: a.s + b.s, pre: a.pre || b.pre, post: a.post || b.post, tail: a.tail || b.tail})
				}
			}
			out = next
		}
		return out, true
	}
	return nil, false
}

// finiteWords returns the words of a finite pattern with literal IDs, or
// nil when the pattern is not finite or may match the empty string.
func finiteWords(re *syntax.Regexp) []word {
	re = uncapture(re)
	ws, ok := finite(re)
	if !ok || len(ws) == 0 {
		return nil
	}
	for i := range ws {
		if ws[i].s == "" {
			return nil
		}
		ws[i].id = literalID(ws[i].s)
	}
	return ws
}

// matchWords finds any word in text, boundaries respected; lits, when
// not nil, skips the words text does not contain.
func matchWords(ws []word, text string, lits litSet) bool {
	for _, w := range ws {
		if lits != nil && !lits.has(w.id) {
			continue
		}
		for from := 0; ; {
			i := strings.Index(text[from:], w.s)
			if i < 0 {
				break
			}
			i += from
			end := i + len(w.s)
			if w.tail {
				end = skipWord(text, end)
			}
			if (!w.pre || boundary(text, i)) && (!w.post || boundary(text, end)) {
				return true
			}
			from = i + 1
		}
	}
	return false
}

// boundary is \b at position i: a word byte on one side only.
func boundary(text string, i int) bool {
	before := i > 0 && isWordChar(text[i-1])
	after := i < len(text) && isWordChar(text[i])
	return before != after
}

// isWordChar is \w in Go's regexp (ASCII): letters, digits, underscore.
func isWordChar(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_'
}
