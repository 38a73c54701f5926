package leads

import (
	"strings"
	"unicode/utf8"
)

// Masks show the shape of a value, never enough of it to find the person.

// maskEmail: jean.dupont@example.com → j***@e***.com.
func maskEmail(local, domain string) string {
	first := func(s string) string {
		r, _ := utf8.DecodeRuneInString(s)
		if r == utf8.RuneError {
			return "*"
		}
		return string(r)
	}
	tld := ""
	if i := strings.LastIndexByte(domain, '.'); i >= 0 {
		tld = domain[i:]
	}
	return first(local) + "***@" + first(domain) + "***" + tld
}

// maskPhone: 0612345678 → 06 ** ** ** 78; other countries keep their first
// two and last two digits.
func maskPhone(kind phoneKind, digits string) string {
	if len(digits) < 6 {
		return "** ** **"
	}
	if kind == foreign {
		return "+… " + digits[:2] + " ** ** " + digits[len(digits)-2:]
	}
	return digits[:2] + " ** ** ** " + digits[len(digits)-2:]
}

// maskCard keeps the first four and last four digits (PCI DSS allows six and four).
func maskCard(d []byte) string {
	return string(d[:4]) + " **** **** " + string(d[len(d)-4:])
}

// maskIBAN keeps the country and the last three characters.
func maskIBAN(s []byte) string {
	return string(s[:2]) + "** **** **** " + string(s[len(s)-3:])
}

// maskNIR shows the shape only: the number gives sex, birth month and place.
const maskNIR = "* ** ** ** *** *** **"

// maxKey bounds a record key taken from the key column; a longer or odd
// one is replaced by the row number.
const maxKey = 64

// cleanKey returns the key cell if it reads as an identifier.
func cleanKey(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > maxKey {
		return "", false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '_' || c == '.' || c == ':') {
			return "", false
		}
	}
	if _, _, ok := email(s); ok {
		return "", false
	}
	if k, _ := phone(s); k != notPhone {
		return "", false
	}
	return s, true
}
