package contracts

import "strings"

// atMostWordsPastAsides is atMostWords without the gap's asides: what sits
// in brackets closed within the gap, e-mail addresses, web addresses, and
// phone numbers (a run of number groups of eight digits or more), as in
// "notify Jane Roe (jane@example.com, +33 1 23 45 67 89), … within 24
// hours". A bracket left open is read: what it holds is not known to be
// an aside.
func atMostWordsPastAsides(gap string, n int) bool {
	for i := 0; i < len(gap); {
		if c := gap[i]; c == '(' || c == '[' {
			if j := strings.IndexByte(gap[i:], closer(c)); j > 0 {
				i += j + 1
				continue
			}
		}
		tok, next := token(gap, i)
		switch {
		case tok == "":
			i++
			continue
		case strings.Contains(tok, "@") || strings.Contains(tok, "://") || strings.HasPrefix(tok, "www."):
		case isNumberGroup(tok):
			end, nd := next, digits(tok)
			for end < len(gap) {
				t, after := token(gap, skipSpaces(gap, end))
				if t == "" || !isNumberGroup(t) {
					break
				}
				end, nd = after, nd+digits(t)
			}
			if nd < 8 { // a few numbers are words: "clause 5 2"
				if n -= len(words(gap[i:end])); n < 0 {
					return false
				}
			}
			next = end
		default:
			if n -= len(words(tok)); n < 0 {
				return false
			}
		}
		i = next
	}
	return true
}

func closer(open byte) byte {
	if open == '(' {
		return ')'
	}
	return ']'
}

// token is the run of gap from i to the next space or bracket, and where
// it ends.
func token(gap string, i int) (string, int) {
	j := i
	for j < len(gap) && gap[j] != ' ' && gap[j] != '(' && gap[j] != '[' {
		j++
	}
	return gap[i:j], j
}

// isNumberGroup: a token of a phone number, "+33", "45", "67-89", "01.23,".
func isNumberGroup(tok string) bool {
	digit := false
	for k := 0; k < len(tok); k++ {
		switch c := tok[k]; {
		case isDigit(c):
			digit = true
		case c != '+' && c != '-' && c != '.' && c != '/' && c != ',' && c != ')' && c != ';':
			return false
		}
	}
	return digit
}
