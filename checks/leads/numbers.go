package leads

// numberScanner finds validated card numbers, IBANs and NIRs in a cell.
type numberScanner struct {
	run []byte
}

type numberHit struct {
	kind   string // "card", "iban", "nir"
	masked string
}

// scan calls hit for each validated number in s. A run of digits may be
// grouped by single spaces, dashes or dots (4970 1012 3456 7890, 1 85 05 78
// 006 084 36); any other character ends it, so a masked 4970 **** **** 1234
// is no number.
func (n *numberScanner) scan(s string, hit func(numberHit)) {
	digits := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			digits++
		}
	}
	if digits < 13 {
		return
	}
	n.scanIBAN(s, hit)
	run := n.run[:0]
	sep := false
	flush := func() {
		n.judge(run, hit)
		run = run[:0]
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			run = append(run, c)
			sep = false
		case (c == 'A' || c == 'B' || c == 'a' || c == 'b') && len(run) == 6 && run[5] == '2' && !sep && (i+1 >= len(s) || s[i+1] < 'A'):
			run = append(run, c&^0x20) // Corsica's 2A/2B inside a NIR
		case (c == ' ' || c == '-' || c == '.') && len(run) > 0 && !sep:
			sep = true
		default:
			flush()
			sep = false
		}
		if len(run) > 19 {
			// Too long for any of them: skip to the run's end.
			for i+1 < len(s) && (s[i+1] >= '0' && s[i+1] <= '9' || s[i+1] == ' ' || s[i+1] == '-' || s[i+1] == '.') {
				i++
			}
			run = run[:0]
		}
	}
	flush()
	n.run = run
}

func (n *numberScanner) judge(run []byte, hit func(numberHit)) {
	switch {
	case len(run) == 15 && validNIR(run):
		hit(numberHit{kind: "nir", masked: maskNIR})
	case len(run) >= 13 && len(run) <= 19 && allDigits(run) && run[0] != '0' && luhn(run) && cardIssuer(run) != "":
		hit(numberHit{kind: "card", masked: maskCard(run)})
	}
}

func allDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// scanIBAN looks for two letters and two digits at a word start, then
// reads the country's length of characters, spaces allowed between groups.
// Letters may be lower case (a typed "iban fr76…"): the key decides.
func (n *numberScanner) scanIBAN(s string, hit func(numberHit)) {
	for i := 0; i+15 <= len(s); i++ {
		if !(isLetter(s[i]) && isLetter(s[i+1]) && isDigit(s[i+2]) && isDigit(s[i+3])) || i > 0 && (isLetter(s[i-1]) || isDigit(s[i-1])) {
			continue
		}
		want := ibanLengths[string([]byte{s[i] &^ 0x20, s[i+1] &^ 0x20})]
		if want == 0 {
			continue
		}
		var b [34]byte
		k := 0
		j := i
		for ; j < len(s) && k < want; j++ {
			c := s[j]
			switch {
			case isDigit(c) || isUpper(c):
				b[k] = c
				k++
			case c >= 'a' && c <= 'z':
				b[k] = c - 32
				k++
			case c == ' ' && j > i && s[j-1] != ' ':
			default:
				j = len(s)
			}
		}
		if k == want && validIBAN(b[:k]) {
			hit(numberHit{kind: "iban", masked: maskIBAN(b[:k])})
			i = j
		}
	}
}

func isUpper(c byte) bool  { return c >= 'A' && c <= 'Z' }
func isLetter(c byte) bool { return isUpper(c) || c >= 'a' && c <= 'z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
