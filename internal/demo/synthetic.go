package demo

import (
	"fmt"
	"math/big"
	"strings"
)

// Synthetic identifiers for the demo's lead data: each passes the check a
// real one would (NIR key, IBAN mod 97, Luhn), none belongs to anyone.

// Card numbers the card schemes publish for tests: Luhn-valid, never issued.
const (
	testVisa       = "4111 1111 1111 1111"
	testMastercard = "5555 5555 5555 4444"
)

// fictionPhone is a number in the ranges ARCEP keeps for fiction
// (01 99 00 xx xx, 06 39 98 xx xx): never given to a subscriber.
func fictionPhone(mobile bool, n int) string {
	prefix := "01 99 00"
	if mobile {
		prefix = "06 39 98"
	}
	return fmt.Sprintf("%s %02d %02d", prefix, n/100%100, n%100)
}

// nir builds a French social security number with its key (97 − the first
// 13 digits mod 97), written in its usual groups. wrongKey makes the key
// one off, for the number the check must not count.
func nir(sex, year, month int, dept string, commune, order int, wrongKey bool) string {
	body := fmt.Sprintf("%d%02d%02d%s%03d%03d", sex, year%100, month, dept, commune, order)
	n, _ := new(big.Int).SetString(body, 10)
	key := 97 - int(new(big.Int).Mod(n, big.NewInt(97)).Int64())
	if wrongKey {
		key = key%97 + 1
	}
	return fmt.Sprintf("%s %s %s %s %s %s %02d", body[:1], body[1:3], body[3:5], body[5:7], body[7:10], body[10:13], key)
}

// ibanFR builds a French IBAN from a 23-character BBAN (bank, branch,
// account, RIB key), with its two check digits, in groups of four.
func ibanFR(bban string) string {
	digits := func(s string) string {
		var b strings.Builder
		for _, c := range s {
			if c >= 'A' && c <= 'Z' {
				fmt.Fprintf(&b, "%d", c-'A'+10)
			} else {
				b.WriteRune(c)
			}
		}
		return b.String()
	}
	n, _ := new(big.Int).SetString(digits(bban+"FR00"), 10)
	check := 98 - new(big.Int).Mod(n, big.NewInt(97)).Int64()
	iban := fmt.Sprintf("FR%02d%s", check, bban)
	var groups []string
	for i := 0; i < len(iban); i += 4 {
		groups = append(groups, iban[i:min(i+4, len(iban))])
	}
	return strings.Join(groups, " ")
}

// localPart folds a name into an address's local part: "Chloé Noël" → "chloe.noel".
func localPart(first, last string) string {
	r := strings.NewReplacer("à", "a", "â", "a", "é", "e", "è", "e", "ë", "e", "ê", "e", "ï", "i", "î", "i", "ç", "c", "ô", "o", "û", "u", "ù", "u",
		" ", "-", "'", "", "&", "")
	return r.Replace(strings.ToLower(first)) + "." + r.Replace(strings.ToLower(last))
}
