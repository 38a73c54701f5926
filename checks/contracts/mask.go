package contracts

import (
	"math/bits"
	"regexp"
	"strings"
	"unicode/utf8"
)

var (
	emailRe = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`)
	phoneRe = regexp.MustCompile(`(\+\d{1,3}[ .]?)?(\(?\d{1,4}\)?[ .-]?){3,6}\d{2,4}`)
	nameRe  = regexp.MustCompile(`(?i)\b(name|nom|signatory|signataire|by|par|represented by|représentée? par)\s*:\s*[^,;:\n]{1,60}`)
)

// What identifies a signatory beyond a name and a contact: an identity
// document's number after its name ("passport no. 19AB12345", « carte
// d'identité n° … », « numéro de sécurité sociale … »), a French NIR on its
// own, a street address ("12 rue des Lilas, 75011 Paris", "221B Baker
// Street, London"). An identity number is a run of tokens, the first holding
// a digit, the others starting with one, or after an ID card the nine
// letters and digits of the French card of 2021 ("XKRTB1PF4"). A street
// address ends with its postcode or, after a comma, its city: a number and a
// street word alone are as often a clause and its title ("Article 5 Place
// des données").
var (
	idDocRe = regexp.MustCompile(`(?i)\b(passports?|passeports?|identity card|id card|national id(?:entity)?(?: card| number)?|carte (?:nationale )?d['’]identit[ée]|cni|pi[eè]ce d['’]identit[ée]|driving licen[cs]e|driver['’]?s licen[cs]e|permis de conduire|social security(?: number)?|s[ée]curit[ée] sociale|nir|ssn|insee)` +
		`((?:\s*(?:no|n°|nº|num[ée]ro|number|nr|#|:)\.?)*)(\s*)([a-z]{0,3}\d[a-z0-9]*(?:[ .-]\d[a-z0-9]*)*|[a-z0-9]{9}\b)`)
	// lawNumberRe is a text's year and number (« loi n° 78-17 », "2016-679")
	lawNumberRe = regexp.MustCompile(`^\d{2,4}-\d{1,4}$`)
	nirRe       = regexp.MustCompile(`\b[12] ?\d{2} ?(?:0[1-9]|1[0-2]|[2-9]\d) ?(?:\d{2}|2[ABab]) ?\d{3} ?\d{3}(?: ?\d{2})?\b`)
	// cityEnd is ", City" ending an address: one to four capitalised words
	cityEnd  = `,\s*[\p{Lu}][\p{L}'’-]+(?:[\s-][\p{Lu}][\p{L}'’-]+){0,3}`
	streetFR = regexp.MustCompile(`\b\d{1,4}(?: ?(?:bis|ter|[a-cA-C]))?,? (?i:rue|avenue|av\.|boulevard|bd|blvd|place|chemin|all[ée]e|impasse|quai|route|cours|square|voie)` +
		`(?:\s+(?:(?:[dl]['’])?[\p{Lu}\d][\p{L}\d'’-]*|(?:d[eu]s?|la|le|les)\b)){1,6}(?:,?\s*\d{5}(?:\s+[\p{Lu}][\p{L}'’-]*(?:[\s-][\p{Lu}][\p{L}'’-]*){0,3})?|` + cityEnd + `)`)
	streetEN = regexp.MustCompile(`\b\d{1,5}[A-Za-z]?(?:\s+[\p{Lu}][\p{L}'’-]+){1,3}\s+(?i:street|st\.|road|rd\.|avenue|ave\.|lane|drive|way|boulevard|court|place|square|terrace|close)\b` +
		`(?:,?(?:\s+[\p{Lu}][\p{L}'’-]+){0,2},?\s*(?:[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|\d{5}(?:-\d{4})?)|` + cityEnd + `)`)
)

// Mask hides what could identify a person in an evidence sentence: e-mail
// addresses, phone numbers, identity-document numbers, street addresses
// and the names of signature blocks. Contracts name signatories and
// contacts; reports must not.
func Mask(s string) string {
	if strings.IndexByte(s, '@') >= 0 {
		s = maskEmails(s)
	}
	if n := digits(s); n > 0 {
		s = maskIdentity(s)
		if n >= 9 {
			s = maskPhones(s)
		}
	}
	if !nameLabel(s) {
		return s
	}
	return nameRe.ReplaceAllStringFunc(s, func(m string) string {
		return m[:strings.IndexByte(m, ':')+1] + " [name]"
	})
}

// nameLabel reports whether a ':' follows a word that introduces a name,
// before running the (case-insensitive, slower) expression that masks it.
func nameLabel(s string) bool {
	for i := strings.IndexByte(s, ':'); i >= 0; {
		j := i
		for j > 0 && s[j-1] == ' ' {
			j--
		}
		k := j
		for k > 0 && s[k-1] != ' ' && s[k-1] != '(' {
			k--
		}
		for _, label := range []string{"name", "nom", "signatory", "signataire", "by", "par"} {
			if strings.EqualFold(s[k:j], label) {
				return true
			}
		}
		next := strings.IndexByte(s[i+1:], ':')
		if next < 0 {
			break
		}
		i += next + 1
	}
	return false
}

// digits counts the ASCII digits in s. It runs on every evidence
// sentence, so it reads eight bytes at a time: in each byte of a word, the
// high bit of lo is set when the byte is at least '0', that of hi when it
// is at most '9', and the byte's own high bit when it is not ASCII.
func digits(s string) int {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	n, i := 0, 0
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		lo := (x | high) - ones*'0'
		hi := (high | ones*'9') - (x &^ high)
		n += bits.OnesCount64(lo & hi &^ x & high)
	}
	for ; i < len(s); i++ {
		if s[i]-'0' < 10 {
			n++
		}
	}
	return n
}

func maskEmails(s string) string {
	return emailRe.ReplaceAllStringFunc(s, func(m string) string {
		at := strings.IndexByte(m, '@')
		return m[:1] + "***" + m[at:]
	})
}

func maskPhones(s string) string {
	return phoneRe.ReplaceAllStringFunc(s, func(m string) string {
		if digits(m) < 9 { // dates, clause numbers, delays
			return m
		}
		return "[phone]"
	})
}

// maskIdentity hides identity-document numbers and street addresses
// (see idDocRe); a number without the document's shape after "passport"
// is left (a clause, a count or a regulation, not a document).
func maskIdentity(s string) string {
	// the expressions are slow (Unicode classes, any start): each runs only
	// on a sentence that holds one of its words
	lower := strings.ToLower(s)
	if containsAny(" "+openersToSpace.Replace(lower), idWords) {
		s = maskIDs(s)
	}
	if digits(s) >= 13 {
		s = nirRe.ReplaceAllString(s, "[id]")
	}
	if afterNumber(lower, streetWordsFR) {
		s = maskStreets(streetFR, s)
	}
	if containsAny(s, streetWordsEN) { // written with a capital in an address
		s = maskStreets(streetEN, s)
	}
	return s
}

// openersToSpace makes " cni" a word at the start of a sentence or after
// "(" too; built once, as every evidence sentence is masked.
var openersToSpace = strings.NewReplacer("(", " ", "[", " ", "«", " ")

// maskStreets masks the addresses re finds, but for a number that belongs
// to a reference ("Article 5", "Annex 3", "§ 12"): a clause title can look
// like a street.
func maskStreets(re *regexp.Regexp, s string) string {
	return replaceMatches(re, s, func(m []int) (string, bool) {
		return "[address]", !afterReference(s[:m[0]])
	})
}

// referenceWords name a part of a text before its number.
var referenceWords = []string{"article", "art.", "clause", "annex", "annexe", "schedule", "section", "§", "chapter", "chapitre", "point", "paragraph",
	"paragraphe", "appendix", "appendice", "alinéa", "al."}

// afterReference: whether before ends with one of the referenceWords,
// as a whole word.
func afterReference(before string) bool {
	before = strings.TrimRight(before, " ")
	i := strings.LastIndexAny(before, " (\n\t")
	last := strings.ToLower(before[i+1:])
	if j := strings.LastIndexAny(last, "'’"); j >= 0 { // « l'article 12 »
		_, size := utf8.DecodeRuneInString(last[j:])
		last = last[j+size:]
	}
	for _, w := range referenceWords {
		if last == w {
			return true
		}
	}
	return false
}

// replaceMatches replaces each match of re in s, given as its submatch
// indexes, by what f returns when f says to.
func replaceMatches(re *regexp.Regexp, s string, f func(m []int) (string, bool)) string {
	var b strings.Builder
	last := 0
	for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
		if with, ok := f(m); ok {
			b.WriteString(s[last:m[0]])
			b.WriteString(with)
			last = m[1]
		}
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// The words that gate idDocRe, streetFR and streetEN.
var (
	idWords = []string{"passport", "passeport", "identit", "id card", "national id", " cni", "driving licen", "s licen", "permis de conduire",
		"social security", "sécurité sociale", "securite sociale", " nir", " ssn", "insee"}
	streetWordsFR = []string{"rue ", "avenue ", "av. ", "boulevard ", "bd ", "blvd ", "place ", "chemin ", "allée ", "allee ", "impasse ", "quai ", "route ",
		"cours ", "square ", "voie "}
	streetWordsEN = []string{" Street", " St.", " Road", " Rd.", " Avenue", " Ave.", " Lane", " Drive", " Way", " Boulevard", " Court", " Place", " Square",
		" Terrace", " Close"}
)

// afterNumber: whether one of the words follows a street number ("12 rue",
// "5 bis avenue", "12, rue").
func afterNumber(s string, words []string) bool {
	for _, w := range words {
		for from := 0; ; {
			k := strings.Index(s[from:], w)
			if k < 0 {
				break
			}
			i := from + k
			from = i + 1
			j := i
			for j > 0 && (s[j-1] == ' ' || s[j-1] == ',') {
				j--
			}
			if j >= 3 && (strings.HasSuffix(s[:j], "bis") || strings.HasSuffix(s[:j], "ter")) {
				j -= 3
				for j > 0 && s[j-1] == ' ' {
					j--
				}
			} else if j >= 2 && s[j-1] >= 'a' && s[j-1] <= 'c' && isDigit(s[j-2]) {
				j--
			}
			if j < i && j > 0 && isDigit(s[j-1]) {
				return true
			}
		}
	}
	return false
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// maskIDs masks the numbers idDocRe finds when they have the shape of
// the document's: its length, and not a reference that goes on ("Passport
// 2016/679" is a regulation).
func maskIDs(s string) string {
	return replaceMatches(idDocRe, s, func(m []int) (string, bool) {
		label, num := strings.ToLower(s[m[2]:m[3]]), s[m[8]:m[9]]
		if rest := s[m[9]:]; len(rest) >= 2 && (rest[0] == '/' || rest[0] == '-') && isDigit(rest[1]) {
			return "", false
		}
		if !idShaped(label, num) || lawNumberRe.MatchString(num) {
			return "", false
		}
		return s[m[2]:m[7]] + "[id]", true
	})
}

// idShaped: whether num has the length of the document label names (its
// letters and digits, separators left out), with at least four digits or,
// on an ID card, the nine letters and digits of the French card of 2021.
func idShaped(label, num string) bool {
	n, d := 0, 0
	for i := 0; i < len(num); i++ {
		if num[i] != ' ' && num[i] != '.' && num[i] != '-' {
			n++
		}
		if isDigit(num[i]) {
			d++
		}
	}
	card := strings.Contains(label, "identit") || strings.Contains(label, "id card") || strings.Contains(label, "national id") || label == "cni"
	switch {
	case card && n == 9 && d >= 1:
		return true
	case d < 4:
		return false
	case strings.HasPrefix(label, "pass"):
		return n >= 6 && n <= 9
	case card:
		return n >= 8 && n <= 12
	case strings.Contains(label, "licen") || strings.Contains(label, "permis"):
		return n >= 6 && n <= 15
	}
	return n >= 9 && n <= 15 // social security numbers: SSN, NIR with its key
}
