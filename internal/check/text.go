package check

import (
	"fmt"
	"io/fs"
	"strconv"
	"strings"
)

// Lang is a language vigie speaks to people in.
type Lang string

const (
	EN Lang = "en"
	FR Lang = "fr"
)

// Langs lists the supported languages, in the order they are offered.
var Langs = []Lang{EN, FR}

// ParseLang accepts "en", "fr" (any case, and locale forms such as "fr_FR.UTF-8").
func ParseLang(s string) (Lang, error) {
	l := strings.ToLower(strings.TrimSpace(s))
	switch {
	case l == "en" || strings.HasPrefix(l, "en_") || strings.HasPrefix(l, "en-"):
		return EN, nil
	case l == "fr" || strings.HasPrefix(l, "fr_") || strings.HasPrefix(l, "fr-"):
		return FR, nil
	}
	return "", Errorf("unknown language %q (want en or fr)", "langue inconnue %q (en ou fr)", s)
}

// LangFromEnv picks the language from the POSIX locale variables, in their
// precedence order; anything that is not French falls back to English.
func LangFromEnv(getenv func(string) string) Lang {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if l, err := ParseLang(v); err == nil {
				return l
			}
			return EN
		}
	}
	return EN
}

// Text is a sentence a person reads, in every supported language.
type Text struct {
	EN string `json:"en"`
	FR string `json:"fr"`
}

// In returns the text in lang, falling back to English.
func (t Text) In(lang Lang) string {
	if lang == FR && t.FR != "" {
		return t.FR
	}
	return t.EN
}

// Complete reports whether every language is present.
func (t Text) Complete() bool { return strings.TrimSpace(t.EN) != "" && strings.TrimSpace(t.FR) != "" }

// Textf formats both languages with the same arguments; an argument that is
// itself a Text is rendered in the language being formatted.
func Textf(en, fr string, args ...any) Text {
	return Text{EN: fmt.Sprintf(en, in(EN, args)...), FR: fmt.Sprintf(fr, in(FR, args)...)}
}

func in(l Lang, args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		switch t := a.(type) {
		case Text:
			a = t.In(l)
		case error:
			a = InLang(t, l)
		}
		out[i] = a
	}
	return out
}

// Days is a count of days in words: "1 day", "12 jours".
func Days(n int) Text {
	return Count(n, Text{EN: "%d day", FR: "%d jour"}, Text{EN: "%d days", FR: "%d jours"})
}

// Plural is one or many as n asks, in each language, formatted with args:
// English takes the singular for 1 alone, French under 2 (« 0 échec »).
func Plural(n int, one, many Text, args ...any) Text {
	en, fr := many.EN, many.FR
	if n == 1 || n == -1 {
		en = one.EN
	}
	if n > -2 && n < 2 {
		fr = one.FR
	}
	return Textf(en, fr, args...)
}

// Count is n with its noun (and verb) as n asks: "1 record has", "2 records
// have"; each form holds one %d.
func Count(n int, one, many Text) Text { return Plural(n, one, many, n) }

// Join joins texts in each language, with each one's separator (French
// spaces its semicolons: " ; ").
func Join(ts []Text, sepEN, sepFR string) Text {
	en, fr := make([]string, len(ts)), make([]string, len(ts))
	for i, t := range ts {
		en[i], fr[i] = t.EN, t.FR
	}
	return Text{EN: strings.Join(en, sepEN), FR: strings.Join(fr, sepFR)}
}

// Decimal writes v with prec decimals as a reader of l writes numbers:
// 79.6 in English, 79,6 in French.
func Decimal(l Lang, v float64, prec int) string {
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if l == FR {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// SignedDecimal is Decimal with a + before a positive value (+5,0 points).
func SignedDecimal(l Lang, v float64, prec int) string {
	s := Decimal(l, v, prec)
	if v > 0 {
		s = "+" + s
	}
	return s
}

// Num is a decimal as each reader writes it, for Textf: 79.6 and 79,6.
func Num(v float64, prec int) Text {
	return Text{EN: Decimal(EN, v, prec), FR: Decimal(FR, v, prec)}
}

// FileKind names what a file that is not a regular file is, for a person:
// "a folder", not "d---------".
func FileKind(m fs.FileMode) Text {
	switch {
	case m.IsDir():
		return Text{EN: "a folder", FR: "un dossier"}
	case m&fs.ModeNamedPipe != 0:
		return Text{EN: "a FIFO", FR: "un FIFO"}
	case m&fs.ModeSocket != 0:
		return Text{EN: "a socket", FR: "une socket"}
	case m&fs.ModeDevice != 0:
		return Text{EN: "a device", FR: "un périphérique"}
	case m&fs.ModeSymlink != 0:
		return Text{EN: "a symbolic link", FR: "un lien symbolique"}
	}
	return Text{EN: m.Type().String(), FR: m.Type().String()}
}
