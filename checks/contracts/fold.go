package contracts

import (
	"strings"
	"unicode/utf8"
)

// fold lowercases s, strips French accents and unifies apostrophes, quotes,
// dashes and spaces, so that "Données", "donnees" and "DONNÉES" match one
// pattern. Published French texts are sometimes written without accents.
// The result is ASCII for Latin text, so byte offsets are cheap to work with.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
				if !space {
					b.WriteByte(' ')
				}
				space = true
				continue
			}
			space = false
			b.WriteByte(c)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		rep, ok := foldTable[r]
		if !ok {
			if isSpaceRune(r) {
				if !space {
					b.WriteByte(' ')
				}
				space = true
				continue
			}
			b.WriteRune(r)
			space = false
			continue
		}
		b.WriteString(rep)
		space = false
	}
	return b.String()
}

func isSpaceRune(r rune) bool {
	return r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '\u2007' || r == '\u200b' || r == '\u2028' || r == '\u2029'
}

var foldTable = func() map[rune]string {
	m := map[rune]string{
		'’': "'", '‘': "'", 'ʼ': "'", '`': "'", '´': "'", '«': `"`, '»': `"`, '“': `"`, '”': `"`, '„': `"`,
		'‐': "-", '‑': "-", '‒': "-", '–': "-", '—': "-", '−': "-", '…': "...", '•': "-", '·': "-",
		'œ': "oe", 'Œ': "oe", 'æ': "ae", 'Æ': "ae", 'ß': "ss", '°': "o",
	}
	groups := map[string]string{
		"a": "àáâãäåÀÁÂÃÄÅ", "c": "çÇ", "e": "èéêëÈÉÊË", "i": "ìíîïÌÍÎÏ", "n": "ñÑ",
		"o": "òóôõöøÒÓÔÕÖØ", "u": "ùúûüÙÚÛÜ", "y": "ýÿÝŸ",
	}
	for base, letters := range groups {
		for _, r := range letters {
			m[r] = base
		}
	}
	return m
}()
