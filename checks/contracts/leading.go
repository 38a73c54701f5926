package contracts

import (
	"regexp"
	"regexp/syntax"
)

// leading matches a part whose match can only start at a digit or a
// punctuation mark ("\b\d+ ?(hours?|h)\b", "\b\d{1,2}/\d{1,2}/\d{4}\b"):
// the expression is tried, anchored, at each such byte of the text, instead
// of at every position as the regexp package does when no literal starts
// the expression. Contracts hold few digits, so that is a few tries.
type leading struct {
	first    [256]bool      // the bytes a match can start with
	boundary bool           // \b before the first byte, checked here
	anchored *regexp.Regexp // \A and the part without its leading \b
}

// toLeading recognises the shape; nil when re is anything else.
func toLeading(re *syntax.Regexp) *leading {
	re = uncapture(re)
	if re.Op != syntax.OpConcat || len(re.Sub) < 2 {
		return nil
	}
	l := &leading{}
	subs := re.Sub
	if subs[0].Op == syntax.OpWordBoundary {
		l.boundary, subs = true, subs[1:]
	}
	if !firstBytes(subs[0], &l.first) {
		return nil
	}
	for b, ok := range l.first {
		if ok && (isWordChar(byte(b)) && (b < '0' || b > '9') || b == ' ') {
			return nil // letters and spaces are everywhere: no gain
		}
	}
	rest := &syntax.Regexp{Op: syntax.OpConcat, Sub: subs}
	anchored, err := regexp.Compile(`\A(?:` + rest.String() + `)`)
	if err != nil {
		return nil
	}
	l.anchored = anchored
	return l
}

// firstBytes adds the bytes a match of re starts with; false when re may
// match the empty string, or starts with something other than ASCII.
// Anything after the first byte is left to the anchored expression, whose
// text starts at that byte: so the first element must consume one.
func firstBytes(re *syntax.Regexp, set *[256]bool) bool {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 || re.Rune[0] >= 0x80 || re.Flags&syntax.FoldCase != 0 {
			return false
		}
		set[re.Rune[0]] = true
		return true
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1] >= 0x80 {
				return false
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				set[r] = true
			}
		}
		return len(re.Rune) > 0
	case syntax.OpCapture, syntax.OpPlus:
		return firstBytes(re.Sub[0], set)
	case syntax.OpRepeat:
		return re.Min >= 1 && firstBytes(re.Sub[0], set)
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if !firstBytes(sub, set) {
				return false
			}
		}
		return true
	case syntax.OpConcat:
		return len(re.Sub) > 0 && firstBytes(re.Sub[0], set)
	}
	return false
}

// at returns the offset and end of the leftmost match, or -1.
func (l *leading) at(text string) (int, int) {
	for j := 0; j < len(text); j++ {
		if !l.first[text[j]] || l.boundary && !boundary(text, j) {
			continue
		}
		if loc := l.anchored.FindStringIndex(text[j:]); loc != nil {
			return j, j + loc[1]
		}
	}
	return -1, -1
}

func (l *leading) match(text string) bool {
	for j := 0; j < len(text); j++ {
		if l.first[text[j]] && (!l.boundary || boundary(text, j)) && l.anchored.MatchString(text[j:]) {
			return true
		}
	}
	return false
}
