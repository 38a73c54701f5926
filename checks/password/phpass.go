package password

import (
	"strconv"
	"strings"
)

// phpass reads a phpass portable hash: $P$ (WordPress before 6.8) or $H$
// (phpBB 3.0), a cost character (log2 of the MD5 iterations, 7 to 30: what
// phpass itself accepts), an 8-character salt and 22 characters of MD5
// output, all in the crypt alphabet.
func phpass(s string) (Hash, bool) {
	if len(s) != 34 || !strings.HasPrefix(s, "$P$") && !strings.HasPrefix(s, "$H$") || !cryptAlphabet(s[3:]) {
		return Hash{}, false
	}
	cost := strings.IndexByte(cryptChars, s[3])
	// 16 bytes in 22 characters: the last one holds the last byte's top 2
	// bits only, so a value past 3 was never written by phpass.
	if cost < 7 || cost > 30 || strings.IndexByte(cryptChars, s[33]) > 3 {
		return Hash{}, false
	}
	n := 1 << cost
	return Hash{Algorithm: "phpass-md5", Cost: cost, Rounds: n, Params: "rounds=" + strconv.Itoa(n)}, true
}

// drupal7 reads Drupal 7's $S$: phpass's construction on SHA-512 (a cost
// character, 7 to 30, an 8-character salt, the digest cut so the whole is
// 55 characters). An iterated unkeyed digest, like phpass: no
// password-hashing function.
func drupal7(s string) (Hash, bool) {
	if len(s) != 55 || !strings.HasPrefix(s, "$S$") || !cryptAlphabet(s[3:]) {
		return Hash{}, false
	}
	cost := strings.IndexByte(cryptChars, s[3])
	if cost < 7 || cost > 30 {
		return Hash{}, false
	}
	n := 1 << cost
	return Hash{Algorithm: "drupal7-sha512", Cost: cost, Rounds: n, Params: "rounds=" + strconv.Itoa(n)}, true
}

// wordpressBcrypt reads WordPress 6.8+'s "$wp" + bcrypt of a base64
// HMAC-SHA384 of the password: bcrypt, with bcrypt's cost. WordPress adds
// the prefix to bcrypt only, so nothing else follows it.
func wordpressBcrypt(s string) (Hash, bool) {
	rest, ok := strings.CutPrefix(s, "$wp$2")
	if !ok {
		return Hash{}, false
	}
	if h := Recognise("$2" + rest); h.Algorithm == "bcrypt" {
		return h, true
	}
	return Hash{}, false
}
