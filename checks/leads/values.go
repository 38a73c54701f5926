package leads

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"
)

// tri is a yes/no cell that may say neither.
type tri int8

const (
	unknown tri = iota
	yes
	no
)

var (
	yesWords = set("yes", "y", "oui", "o", "true", "vrai", "1", "x", "ok", "opt-in", "opt in", "optin", "opted in", "opted-in",
		"subscribed", "abonne", "abonné", "inscrit", "accepte", "accepté", "acceptée", "consenti", "granted", "given",
		"marketing contact", "contact marketing", "double opt-in", "confirmed", "confirme", "confirmé", "checked", "coché", "coche", "on")
	noWords = set("no", "n", "non", "false", "faux", "0", "opt-out", "opt out", "optout", "opted out", "unsubscribed",
		"desabonne", "désabonné", "désabonnée", "desinscrit", "désinscrit", "désinscrite", "refuse", "refusé", "refus", "denied", "withdrawn", "retire", "retiré", "retirée",
		"non-marketing contact", "contact non marketing", "no consent", "sans consentement", "pas de consentement", "unchecked", "off", "-", "n/a", "na", "none", "aucun")
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// truth reads a flag cell; a date in a flag column (unsubscribed: 2024-03-01)
// means yes.
func truth(s string) tri {
	s = strings.TrimSpace(s)
	if s == "" {
		return unknown
	}
	l := strings.ToLower(s)
	switch {
	case yesWords[l]:
		return yes
	case noWords[l]:
		return no
	}
	if _, ok := parseDate(s, false, false); ok {
		return yes
	}
	return unknown
}

// withdrawnWords: a consent or status cell that says the person opted out
// (Pipedrive's marketing status "Unsubscribed").
var withdrawnWords = set("unsubscribed", "desabonne", "désabonné", "désabonnée", "desinscrit", "désinscrit", "désinscrite",
	"opted out", "opted-out", "opt-out", "withdrawn", "retire", "retiré", "retirée")

// webmail domains: an address there belongs to a person, not a company (B2C).
var webmail = set("gmail.com", "googlemail.com", "hotmail.com", "hotmail.fr", "outlook.com", "outlook.fr", "live.com", "live.fr",
	"msn.com", "yahoo.com", "yahoo.fr", "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com", "orange.fr", "wanadoo.fr",
	"free.fr", "sfr.fr", "neuf.fr", "laposte.net", "bbox.fr", "numericable.fr", "club-internet.fr", "aliceadsl.fr",
	"gmx.fr", "gmx.com", "gmx.de", "web.de", "proton.me", "protonmail.com", "tutanota.com", "mail.com", "yandex.com", "hotmail.co.uk", "yahoo.co.uk",
	// Belgian, Swiss and other French consumer ISPs and webmails.
	"skynet.be", "telenet.be", "hotmail.be", "live.be", "outlook.be", "yahoo.be", "proximus.be", "scarlet.be", "voo.be",
	"bluewin.ch", "hotmail.ch", "gmx.ch", "sunrise.ch", "yahoo.ch", "protonmail.ch", "pm.me",
	"voila.fr", "aol.fr", "gmail.fr", "sfr.net", "noos.fr", "cegetel.net", "nordnet.fr", "akeonet.com", "dbmail.com")

// generic local parts are a company's mailbox, outside the consent rules.
var genericLocal = set("contact", "info", "infos", "hello", "bonjour", "accueil", "sales", "vente", "ventes", "commercial",
	"support", "admin", "office", "secretariat", "direction", "compta", "comptabilite", "rh", "hr", "jobs", "recrutement",
	"marketing", "service", "team", "equipe", "noreply", "no-reply", "facturation", "billing")

// email splits a plausible address into local part and lower-case domain.
func email(s string) (local, domain string, ok bool) {
	s = strings.TrimSpace(s)
	at := strings.IndexByte(s, '@')
	if at <= 0 || at != strings.LastIndexByte(s, '@') || len(s) > 254 || strings.ContainsAny(s, " \t,;<>") {
		return "", "", false
	}
	domain = strings.ToLower(s[at+1:])
	dot := strings.LastIndexByte(domain, '.')
	if dot <= 0 || dot >= len(domain)-2 {
		return "", "", false
	}
	return strings.ToLower(s[:at]), domain, true
}

// nominative: firstname.lastname style, the address of one person at work.
func nominative(local string) bool {
	i := strings.IndexAny(local, ".-_")
	if i <= 0 || i == len(local)-1 {
		return false
	}
	for _, r := range local {
		if !(r >= 'a' && r <= 'z' || r == '.' || r == '-' || r == '_' || r >= utf8.RuneSelf) {
			return false
		}
	}
	return !genericLocal[local[:i]]
}

// phoneKind is what a phone number says about its line.
type phoneKind int8

const (
	notPhone   phoneKind = iota
	frMobile             // 06, 07: a person's line
	frFixed              // 01–05: geographic, home or office
	frVoIP               // 09: box lines, mostly homes
	frBusiness           // 08: special-rate service numbers, always a business
	foreign
)

// phone classifies a number and returns it masked. French numbers are read from their digits
// (the ARCEP plan: 06/07 mobile, 01–05 geographic, 08 special, 09 VoIP),
// which is what libphonenumber decides for them (TestPhoneMatchesLibrary)
// at a fraction of its cost; other countries go to libphonenumber.
func phone(s string) (phoneKind, string) {
	var d [20]byte
	n, plus := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if n == len(d) {
				return notPhone, ""
			}
			d[n] = c
			n++
		case c == '+' && n == 0:
			plus = true
		case c == ' ' || c == '.' || c == '-' || c == '(' || c == ')' || c == '/':
		default:
			return notPhone, ""
		}
	}
	digits := d[:n]
	// nat: the ten national digits, built in place (no allocation per row).
	var nb [10]byte
	nat := nb[:0]
	national := func(rest []byte) {
		if len(rest) > 0 && rest[0] == '0' {
			rest = rest[1:]
		}
		if len(rest) == 9 {
			nat = append(append(nat, '0'), rest...)
		}
	}
	switch {
	case plus && n >= 11 && digits[0] == '3' && digits[1] == '3':
		national(digits[2:])
	case !plus && n >= 13 && string(digits[:4]) == "0033":
		national(digits[4:])
	case !plus && n == 11 && digits[0] == '3' && digits[1] == '3' && digits[2] != '0':
		national(digits[2:]) // Brevo and Excel: the country code without its plus
	case !plus && n == 10 && digits[0] == '0' && digits[1] != '0':
		nat = append(nat, digits...)
	case !plus && n == 9 && digits[0] >= '1' && digits[0] <= '9' && digits[0] != '8':
		national(digits) // a spreadsheet dropped the leading zero
	case plus || (n >= 11 && digits[0] == '0' && digits[1] == '0'):
		num, err := phonenumbers.Parse(s, "FR")
		if err != nil || !phonenumbers.IsValidNumber(num) {
			return notPhone, ""
		}
		return foreign, maskPhone(foreign, phonenumbers.GetNationalSignificantNumber(num))
	default:
		return notPhone, ""
	}
	if len(nat) != 10 {
		return notPhone, ""
	}
	var kind phoneKind
	switch nat[1] {
	case '6', '7':
		kind = frMobile
	case '1', '2', '3', '4', '5':
		kind = frFixed
	case '9':
		kind = frVoIP
	case '8':
		kind = frBusiness
	default:
		return notPhone, ""
	}
	return kind, frMasks[int(nat[1]-'0')*100+int(nat[8]-'0')*10+int(nat[9]-'0')]
}

// frMasks holds every French mask, "0X ** ** ** YZ", so judging a row
// allocates nothing for its phone number.
var frMasks [1000]string

func init() {
	for i := range frMasks {
		frMasks[i] = maskPhone(frMobile, fmt.Sprintf("0%d000000%02d", i/100, i%100))
	}
}

// months are the French (and English) month names and their usual
// abbreviations, folded (no accents, no dot).
var months = map[string]int{
	"janvier": 1, "janv": 1, "jan": 1, "january": 1, "fevrier": 2, "fevr": 2, "fev": 2, "feb": 2, "february": 2,
	"mars": 3, "mar": 3, "march": 3, "avril": 4, "avr": 4, "apr": 4, "april": 4, "mai": 5, "may": 5,
	"juin": 6, "jun": 6, "june": 6, "juillet": 7, "juil": 7, "jul": 7, "july": 7, "aout": 8, "aou": 8, "aug": 8, "august": 8,
	"septembre": 9, "sept": 9, "sep": 9, "september": 9, "octobre": 10, "oct": 10, "october": 10,
	"novembre": 11, "nov": 11, "november": 11, "decembre": 12, "dec": 12, "december": 12,
}

// longDate reads "décembre 2025", "déc. 2025" or "mars 2019 10:22" after
// the day d: hand-kept French tables write dates in words.
func longDate(d int, rest string) (day, bool) {
	name, year, ok := strings.Cut(strings.TrimSpace(rest), " ")
	if !ok {
		return 0, false
	}
	var b strings.Builder
	for _, r := range strings.TrimSuffix(name, ".") {
		b.WriteRune(fold(r))
	}
	m, ok := months[b.String()]
	year = strings.TrimSpace(year)
	if i := strings.IndexByte(year, ' '); i > 0 {
		year = year[:i] // a time may follow
	}
	if !ok || len(year) != 4 || !allDigits([]byte(year)) {
		return 0, false
	}
	y := int(year[0]-'0')*1000 + int(year[1]-'0')*100 + int(year[2]-'0')*10 + int(year[3]-'0')
	return civil(y, m, d)
}

// day counts days since 1970-01-01 in UTC.
type day int32

func dayOf(t time.Time) day { return day(t.UTC().Unix() / 86400) }

func civil(y, m, d int) (day, bool) {
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return 0, false
	}
	return dayOf(t), true
}

// parseDate reads the dates exports write: ISO (2024-03-01, with a time or
// not), day first (01/03/2024, 01.03.2024, 01-03-2024) or month first when
// the column says so (Salesforce's 3/1/2024), Unix seconds or milliseconds,
// and Excel serial days when serial is set (XLSX raw cells).
func parseDate(s string, mdy, serial bool) (day, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 5 {
		return 0, false
	}
	var f [3]int
	var w [3]int // digits in each field
	k := 0
	i := 0
	for ; i < len(s) && k < 3; i++ {
		c := s[i]
		if c >= '0' && c <= '9' {
			f[k] = f[k]*10 + int(c-'0')
			if w[k]++; w[k] > 13 {
				return 0, false
			}
			continue
		}
		if w[k] == 0 || (c != '-' && c != '/' && c != '.') {
			break
		}
		k++
	}
	if k < 3 && w[k] > 0 {
		k++ // the last field ended the string or met a space or a T
	}
	switch {
	case k == 1 && w[0] <= 2 && i < len(s) && s[i] == ' ':
		return longDate(f[0], s[i:]) // 3 décembre 2025, 3 déc. 2025
	case k == 1 && (w[0] == 10 || w[0] == 13) && i == len(s):
		sec := int64(f[0])
		if w[0] == 13 {
			sec /= 1000
		}
		return day(sec / 86400), true
	case serial && w[0] == 5 && (k == 1 || k == 2 && s[5] == '.'):
		// Excel counts from 1899-12-30 (its 1900 leap-year bug included).
		return day(f[0] - 25569), true
	case k == 3 && w[0] == 4:
		return civil(f[0], f[1], f[2])
	case k == 3 && w[2] == 4 || k == 3 && w[2] == 2:
		y := f[2]
		if w[2] == 2 {
			y += 2000
			if y > 2069 {
				y -= 100
			}
		}
		if mdy {
			return civil(y, f[0], f[1])
		}
		return civil(y, f[1], f[0])
	}
	return 0, false
}
