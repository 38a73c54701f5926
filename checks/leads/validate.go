package leads

// Validators: a number counts only when its check digits hold, so order
// numbers and masked cards do not.

// luhn reports whether the digits pass the Luhn check.
func luhn(d []byte) bool {
	sum, double := 0, false
	for i := len(d) - 1; i >= 0; i-- {
		n := int(d[i] - '0')
		if double {
			if n *= 2; n > 9 {
				n -= 9
			}
		}
		sum += n
		double = !double
	}
	return sum%10 == 0
}

// cardIssuer names the scheme of a PAN by its issuer prefix and length, or "".
func cardIssuer(d []byte) string {
	n := len(d)
	p := func(k int) int {
		v := 0
		for i := 0; i < k && i < n; i++ {
			v = v*10 + int(d[i]-'0')
		}
		return v
	}
	switch {
	case d[0] == '4' && (n == 13 || n == 16 || n == 19):
		return "visa"
	case p(2) >= 51 && p(2) <= 55 && n == 16, p(4) >= 2221 && p(4) <= 2720 && n == 16:
		return "mastercard"
	case (p(2) == 34 || p(2) == 37) && n == 15:
		return "amex"
	case (p(4) == 6011 || p(2) == 65 || (p(3) >= 644 && p(3) <= 649)) && n >= 16 && n <= 19:
		return "discover"
	case p(4) >= 3528 && p(4) <= 3589 && n >= 16 && n <= 19:
		return "jcb"
	case (p(3) >= 300 && p(3) <= 305 || p(2) == 36 || p(2) == 38) && n == 14:
		return "diners"
	case p(2) == 62 && n >= 16 && n <= 19:
		return "unionpay"
	}
	return ""
}

// ibanLengths: the IBAN length of each country that uses one (SEPA and
// neighbours); an unknown country is not an IBAN.
var ibanLengths = map[string]int{
	"AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "EE": 20, "ES": 24,
	"FI": 18, "FR": 27, "GB": 22, "GI": 23, "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IS": 26, "IT": 27, "LI": 21,
	"LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31, "NL": 18, "NO": 15, "PL": 28, "PT": 25, "RO": 24, "SE": 24,
	"SI": 19, "SK": 24, "SM": 27, "VA": 22, "MA": 28, "TN": 24, "SN": 28, "CI": 28,
}

// validIBAN checks an upper-case IBAN without spaces by its length and mod 97.
func validIBAN(s []byte) bool {
	if len(s) < 15 || len(s) > 34 || ibanLengths[string(s[:2])] != len(s) || s[2] < '0' || s[2] > '9' || s[3] < '0' || s[3] > '9' {
		return false
	}
	rem := 0
	for i := 0; i < len(s); i++ {
		c := s[(i+4)%len(s)]
		switch {
		case c >= '0' && c <= '9':
			rem = (rem*10 + int(c-'0')) % 97
		case c >= 'A' && c <= 'Z':
			rem = (rem*100 + int(c-'A') + 10) % 97
		default:
			return false
		}
	}
	return rem == 1
}

// validNIR checks a French social security number of 15 characters: sex
// (1, 2, 3, 4, 7, 8), year, month (01–12, 20–42 or 50–99 for unknown or
// provisional ones), department (2A/2B for Corsica, counted as 19 and 18
// in the key), commune, order, and key = 97 − (first 13 mod 97).
func validNIR(s []byte) bool {
	if len(s) != 15 {
		return false
	}
	switch s[0] {
	case '1', '2', '3', '4', '7', '8':
	default:
		return false
	}
	month := int(s[3]-'0')*10 + int(s[4]-'0')
	if !(month >= 1 && month <= 12 || month >= 20 && month <= 42 || month >= 50 && month <= 99) {
		return false
	}
	corsica := 0
	switch s[6] {
	case 'A', 'a':
		corsica = 1_000_000 // 2A: 19 instead of 20 in the department digits
	case 'B', 'b':
		corsica = 2_000_000
	}
	if corsica != 0 && s[5] != '2' {
		return false
	}
	n := int64(0)
	for i := 0; i < 13; i++ {
		c := s[i]
		if i == 6 && corsica != 0 {
			c = '0'
		} else if c < '0' || c > '9' {
			return false
		}
		n = n*10 + int64(c-'0')
	}
	n -= int64(corsica)
	key := int(s[13]-'0')*10 + int(s[14]-'0')
	if s[13] < '0' || s[13] > '9' || s[14] < '0' || s[14] > '9' {
		return false
	}
	return key == 97-int(n%97)
}
