package contractdoc

// maxOperands bounds the operands a PDF content stream or font map may
// stack before an operator: the library keeps each one in memory (tens of
// bytes apiece) until the operator comes, so a page of bare numbers costs
// fifty times its size. Real operators take a handful; a kerned TJ array
// a few hundred.
const maxOperands = 1 << 16

// operandGuard follows the PDF token syntax just enough to count the
// operands between two operators (PDF 32000-1, 7.2 and 7.8.2): strings,
// hex strings, names, numbers and delimiters count, a keyword resets.
// It errs on counting more: array and dictionary contents count one by one.
type operandGuard struct {
	run        int
	strDepth   int  // inside ( ), nested
	escape     bool // after a backslash in a string
	hex        bool // inside < >
	lt         bool // a '<' whose next byte says hex string or dictionary
	comment    bool
	inToken    bool
	overflowed bool
}

func (g *operandGuard) Write(p []byte) (int, error) {
	for _, c := range p {
		g.byte(c)
	}
	if g.overflowed {
		return len(p), errOperands
	}
	return len(p), nil
}

type operandError struct{}

func (operandError) Error() string { return "operands" }

var errOperands = operandError{}

func (g *operandGuard) operand() {
	g.run++
	if g.run > maxOperands {
		g.overflowed = true
	}
}

func (g *operandGuard) byte(c byte) {
	switch {
	case g.comment:
		g.comment = c != '\n' && c != '\r'
		return
	case g.strDepth > 0:
		switch {
		case g.escape:
			g.escape = false
		case c == '\\':
			g.escape = true
		case c == '(':
			g.strDepth++
		case c == ')':
			g.strDepth--
		}
		return
	case g.lt:
		g.lt = false
		if c == '<' { // "<<": a dictionary opens
			g.operand()
			return
		}
		g.hex = true
		g.operand()
	}
	if g.hex {
		g.hex = c != '>'
		return
	}
	switch c {
	case 0, '\t', '\n', '\f', '\r', ' ':
		g.inToken = false
	case '%':
		g.inToken, g.comment = false, true
	case '(':
		g.inToken, g.strDepth = false, 1
		g.operand()
	case '<':
		g.inToken, g.lt = false, true
	case '>', '[', ']', '{', '}':
		g.inToken = false
		g.operand()
	case '/':
		g.inToken = true
		g.operand()
	default:
		if g.inToken {
			return
		}
		g.inToken = true
		if c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.' {
			g.operand()
		} else {
			g.run = 0 // a keyword: the operator takes its operands
		}
	}
}
