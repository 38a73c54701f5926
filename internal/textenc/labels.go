package textenc

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vigie-security/vigie/internal/check"
)

// Labels joins the cells of a first line for a message, when they read as
// column labels. When any cell could be a value instead (an e-mail, a phone
// number, a hash, a password, a long text), ok is false and nothing of the
// row may be shown: a file without a header starts with personal data.
func Labels(cells []string) (joined string, ok bool) {
	seen := false
	for _, c := range cells {
		c = Clean(c)
		if c == "" {
			continue
		}
		if !IsLabel(c) {
			return "", false
		}
		seen = true
	}
	if !seen {
		return "", false
	}
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = Clean(c)
	}
	return strings.Join(out, ", "), true
}

// Clean trims a header cell: spaces, a BOM, surrounding quotes.
func Clean(c string) string {
	return strings.TrimSpace(strings.Trim(strings.TrimSpace(strings.TrimPrefix(c, "\ufeff")), `"`))
}

// maxLabel: column labels are short; "Encadrement des transferts hors UE"
// is 34 characters.
const maxLabel = 60

// IsLabel reports whether s reads as a column label rather than a value.
// It errs on the side of "value": a label it refuses is only not shown.
func IsLabel(s string) bool {
	s = Clean(s)
	if s == "" || len(s) > maxLabel*utf8.UTFMax || utf8.RuneCountInString(s) > maxLabel || !utf8.ValidString(s) {
		return false
	}
	if strings.ContainsAny(s, "@$!#%*+=<>\\~^|{}[]`") || strings.Contains(s, "://") || strings.HasPrefix(strings.ToLower(s), "www") {
		return false
	}
	digits, letters := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			digits++
		case unicode.IsLetter(r):
			letters++
		case unicode.IsControl(r):
			return false
		}
	}
	// Phone numbers, dates, IDs, amounts; "Col 2" stays a label.
	if letters == 0 || digits > 4 || digits*2 >= letters {
		return false
	}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '/' || r == '-' || r == '_' }) {
		if !labelWord(w) {
			return false
		}
	}
	return true
}

// labelWord refuses words shaped like secrets or addresses: one that mixes
// letters and digits (Azerty123), mixes cases inside (aGFzaA), is very long
// (base64, hex) or has a dot inside (x.fr).
func labelWord(w string) bool {
	if utf8.RuneCountInString(w) > 24 {
		return false
	}
	if i := strings.IndexByte(strings.TrimRight(w, "."), '.'); i > 0 {
		return false
	}
	digit, letter, upperAfterFirst := false, false, false
	for i, r := range []rune(w) {
		switch {
		case unicode.IsDigit(r):
			digit = true
		case unicode.IsLetter(r):
			letter = true
			if i > 0 && unicode.IsUpper(r) {
				upperAfterFirst = true
			}
		}
	}
	if digit && letter {
		return false
	}
	// "DPO", "RGPD", "ID" are labels; "aGFzaA" is not.
	return !upperAfterFirst || strings.ToUpper(w) == w
}

// Columns says how many cells a line has, for a message that may not show
// them: "1 column", "3 colonnes".
func Columns(n int) check.Text {
	return check.Count(n, check.Text{EN: "%d column", FR: "%d colonne"}, check.Text{EN: "%d columns", FR: "%d colonnes"})
}

// Blank reports whether every cell of a line is empty or spaces.
func Blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
