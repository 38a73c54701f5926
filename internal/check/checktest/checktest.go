// Package checktest holds test helpers for packages whose errors are said
// in both languages: err.Error() in English, check.InLang(err, check.FR) in
// French.
package checktest

import (
	"strings"
	"testing"
	"unicode"

	"github.com/vigie-security/vigie/internal/check"
)

// english are words that betray an English text in a French one. None is
// a French word ("consent" is left out: "il consent").
var english = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the and with from every not found missing unknown
		must should want reading invalid expected readable directory row numbers prior`) {
		m[w] = true
	}
	return m
}()

// EnglishWord is the first English word of s, in any case, or "" when s
// has none. A word is a run of letters, digits, _ and @, so "noté" is not
// "not" (as it is for regexp's ASCII-only \b), and names such as
// shared_with or @every are not prose.
func EnglishWord(s string) string {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '@'
	}) {
		if english[strings.ToLower(w)] {
			return w
		}
	}
	return ""
}

// SaysFrench fails unless err reads in French with fr and no English word,
// and err.Error() stays English with en.
func SaysFrench(t testing.TB, err error, fr, en string) {
	t.Helper()
	if err == nil {
		t.Fatal("no error")
	}
	got := check.InLang(err, check.FR)
	if !strings.Contains(got, fr) {
		t.Errorf("French: %q, want %q", got, fr)
	}
	if w := EnglishWord(got); w != "" {
		t.Errorf("French: %q keeps the English word %q", got, w)
	}
	if !strings.Contains(err.Error(), en) {
		t.Errorf("English: %q, want %q", err.Error(), en)
	}
}
