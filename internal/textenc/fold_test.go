package textenc

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestFoldReplacerMasksEveryCase(t *testing.T) {
	r := NewFoldReplacer("s3cr3tT0kenValue42", "***", "Clé-Ünïcødé", "***", "kilo", "***")
	for text, want := range map[string]string{
		"pass=s3cr3tT0kenValue42":                          "pass=***",
		"X-Powered-By: PHP/8.1 pass=S3CR3TT0KENVALUE42":    "X-Powered-By: PHP/8.1 pass=***", // what the trial saw in clear
		"pass=s3cr3tt0kenvalue42":                          "pass=***",
		"pass=S3cr3tt0kenvalue42 (title)":                  "pass=*** (title)",
		"pass=S3cR3Tt0KeNvAlUe42;again s3cr3tT0kenValue42": "pass=***;again ***",
		"clé=CLÉ-ÜNÏCØDÉ.":                                 "clé=***.",
		"clé=clé-ünïcødé":                                  "clé=***",
		"\u212aILO, then KILO and Kilo":                    "***, then *** and ***", // the Kelvin sign folds to k
		"then KILO":                                        "then ***",
		"\u212ailo.":                                       "***.", // nothing else to find it by
		"kkkk kk kIlO":                                     "kkkk kk ***",
		"KKKK KK kilo, Kilo.":                              "KKKK KK ***, ***.",
		"kil":                                              "kil",
		"s3cr3tT0kenValue4 is not the secret, kil0 either": "s3cr3tT0kenValue4 is not the secret, kil0 either",
		"":                             "",
		"bad \xff utf-8 then KILO\xfe": "bad \xff utf-8 then ***\xfe",
	} {
		if got := r.Replace(text); got != want {
			t.Errorf("Replace(%q) = %q, want %q", text, got, want)
		}
	}
}

// Where olds overlap, the longest is replaced whole; text is replaced left
// to right, without overlaps; and where the text holds the olds as written,
// the result is strings.Replacer's.
func TestFoldReplacerIsStringsReplacerButForCase(t *testing.T) {
	pairs := []string{"abcdef", "[6]", "abcd", "[4]", "cdxy", "[c]", "%2Fk", "[k]"}
	r, exact := NewFoldReplacer(pairs...), strings.NewReplacer(pairs...)
	for _, text := range []string{"abcdefg", "xabcdxy", "abcdxy abcdef abcd", "cdxyabcd", "a%2Fk%2Fk", "abc", "ab cd ef", "aaaabcdeff"} {
		if got, want := r.Replace(text), exact.Replace(text); got != want {
			t.Errorf("Replace(%q) = %q, strings.Replacer gives %q", text, got, want)
		}
		if got, want := r.Replace(strings.ToUpper(text)), exact.Replace(text); !strings.EqualFold(got, want) {
			t.Errorf("Replace(%q) = %q, want %q but for case", strings.ToUpper(text), got, want)
		}
	}
	if got := NewFoldReplacer("Key", "1", "KEY", "2", "", "x").Replace("key"); got != "1" {
		t.Errorf("olds equal but for case: the first given is kept, empty ones ignored: %q", got)
	}
}

// The filter that skips text without a secret finds one anywhere in a text,
// among runes outside ASCII too.
func TestFoldReplacerFindsSecretsAnywhere(t *testing.T) {
	const secret = "s3cr3tT0kenValue42"
	r := NewFoldReplacer(secret, "***")
	for _, at := range []int{0, 1, 490, 500, 505, 511, 512, 513, 1000, 1020, 5000} {
		for _, filler := range []string{"x", "é"} {
			text := strings.Repeat(filler, at) + strings.ToUpper(secret) + "!"
			if got := r.Replace(text); !strings.HasSuffix(got, "***!") {
				t.Errorf("secret after %d × %q: not masked", at, filler)
			}
		}
	}
}

// A secret without ASCII letters or digits cannot be filtered for: every
// text is searched, in any case.
func TestFoldReplacerWithoutAnchor(t *testing.T) {
	r := NewFoldReplacer("#%&/?=+ ;", "***", "éàü€", "***")
	if got := r.Replace("q=#%&/?=+ ; and ÉÀÜ€, éàü€"); got != "q=*** and ***, ***" {
		t.Errorf("got %q", got)
	}
}

// A short secret is masked where it is, in any case, and nowhere else: not
// in a word that holds part of it, not beyond its own length.
func TestFoldReplacerShortSecretDoesNotOverMask(t *testing.T) {
	r := NewFoldReplacer("Ab1x", "***")
	if got := r.Replace("ab1 Ab1 xab1y AB1X ab1xab1X Ab1"); got != "ab1 Ab1 xab1y *** ****** Ab1" {
		t.Errorf("got %q", got)
	}
}

// canon folds to ASCII only from ASCII, the Kelvin sign and the long s:
// the filter maps exactly those to ASCII letters.
func TestOnlyKelvinAndLongSFoldToASCII(t *testing.T) {
	for c := rune(utf8.RuneSelf); c <= unicode.MaxRune; c++ {
		if canon(c) < utf8.RuneSelf && c != '\u212a' && c != '\u017f' {
			t.Errorf("%U folds to %q", c, canon(c))
		}
	}
	if !strings.EqualFold("\u212a\u017f", "ks") || canon('\u212a') != 'K' || canon('\u017f') != 'S' {
		t.Error("the Kelvin sign and the long s no longer fold to k and s")
	}
}

func TestFoldReplacerCleanTextAllocatesNothing(t *testing.T) {
	r := NewFoldReplacer("s3cr3tT0kenValue42", "***", "tok3n-s3cret", "***")
	clean := strings.Repeat("The page at https://127.0.0.1/3 sets a Cookie without Secure; ", 20)
	if n := testing.AllocsPerRun(100, func() { _ = r.Replace(clean) }); n != 0 {
		t.Errorf("%v allocations for text without a secret", n)
	}
	var none *FoldReplacer
	if none.Replace("x") != "x" || NewFoldReplacer().Replace("x") != "x" {
		t.Error("a replacer without olds changes text")
	}
}
