package contracts

import (
	"unicode/utf8"
	"unsafe"
)

// fold lowercases s, strips French accents and unifies apostrophes, quotes,
// dashes and spaces, so that "Données", "donnees" and "DONNÉES" match one
// pattern. Published French texts are sometimes written without accents.
// The result is ASCII for Latin text, so byte offsets are cheap to work with.
//
// It runs on every byte of every contract, hence the tables: no rune
// decoding or map lookup for ASCII, and no builder.
func fold(s string) string {
	if s == "" {
		return ""
	}
	// No replacement is longer than what it replaces ("œ", two bytes, is
	// "oe"; "…", three, is "..."), so len(s) bytes are enough.
	buf := make([]byte, len(s))
	n := 0
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			f := asciiFold[c]
			if f == ' ' {
				if space {
					continue
				}
				space = true
			} else {
				space = false
			}
			buf[n] = f
			n++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		rep, ok := foldRune(r)
		if !ok {
			if isSpaceRune(r) {
				i += size
				if !space {
					buf[n] = ' '
					n++
				}
				space = true
				continue
			}
			rep = s[i : i+size] // kept as written (an invalid byte as well)
		}
		i += size
		n += copy(buf[n:], rep)
		space = false
	}
	return unsafe.String(&buf[0], n) // buf is not touched again
}

// asciiFold lowercases ASCII and turns tabs and line breaks into spaces.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = byte(c)
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = byte(c) + 'a' - 'A'
	}
	t['\t'], t['\n'], t['\r'] = ' ', ' ', ' '
	return t
}()

func isSpaceRune(r rune) bool {
	return r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '\u2007' || r == '\u200b' || r == '\u2028' || r == '\u2029'
}

// foldRune is the ASCII a non-ASCII rune folds to, if any.
func foldRune(r rune) (string, bool) {
	if r < rune(len(latinFold)) {
		rep := latinFold[r]
		return rep, rep != ""
	}
	switch r {
	case '’', '‘', 'ʼ', '´':
		return "'", true
	case '“', '”', '„':
		return `"`, true
	case '‐', '‑', '‒', '–', '—', '−', '•':
		return "-", true
	case '…':
		return "...", true
	case 'œ', 'Œ':
		return "oe", true
	case 'Ÿ':
		return "y", true
	}
	return "", false
}

// latinFold folds Latin-1: accented letters to their base letter.
var latinFold = func() (t [0x100]string) {
	for base, letters := range map[string]string{
		"a": "àáâãäåÀÁÂÃÄÅ", "c": "çÇ", "e": "èéêëÈÉÊË", "i": "ìíîïÌÍÎÏ", "n": "ñÑ",
		"o": "òóôõöøÒÓÔÕÖØ", "u": "ùúûüÙÚÛÜ", "y": "ýÿÝ",
	} {
		for _, r := range letters {
			t[r] = base
		}
	}
	t['«'], t['»'], t['·'] = `"`, `"`, "-"
	t['æ'], t['Æ'], t['ß'], t['°'] = "ae", "ae", "ss", "o"
	t['´'] = "'"
	return t
}()
