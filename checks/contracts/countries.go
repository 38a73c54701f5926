package contracts

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Country is how vigie knows a country: its ISO code and the names people
// write in inventories and contracts (folded).
type Country struct {
	Code  string
	Names []string
}

// EEA members (EU 27 plus Iceland, Liechtenstein, Norway): no transfer tool needed.
var eea = []Country{
	{"AT", []string{"austria", "autriche"}}, {"BE", []string{"belgium", "belgique"}}, {"BG", []string{"bulgaria", "bulgarie"}},
	{"HR", []string{"croatia", "croatie"}}, {"CY", []string{"cyprus", "chypre"}}, {"CZ", []string{"czechia", "czech republic", "republique tcheque", "tchequie"}},
	{"DK", []string{"denmark", "danemark"}}, {"EE", []string{"estonia", "estonie"}}, {"FI", []string{"finland", "finlande"}},
	{"FR", []string{"france"}}, {"DE", []string{"germany", "allemagne"}}, {"GR", []string{"greece", "grece"}},
	{"HU", []string{"hungary", "hongrie"}}, {"IE", []string{"ireland", "irlande"}}, {"IT", []string{"italy", "italie"}},
	{"LV", []string{"latvia", "lettonie"}}, {"LT", []string{"lithuania", "lituanie"}}, {"LU", []string{"luxembourg"}},
	{"MT", []string{"malta", "malte"}}, {"NL", []string{"netherlands", "pays-bas", "the netherlands", "holland", "hollande"}},
	{"PL", []string{"poland", "pologne"}}, {"PT", []string{"portugal"}}, {"RO", []string{"romania", "roumanie"}},
	{"SK", []string{"slovakia", "slovaquie"}}, {"SI", []string{"slovenia", "slovenie"}}, {"ES", []string{"spain", "espagne"}},
	{"SE", []string{"sweden", "suede"}}, {"IS", []string{"iceland", "islande"}}, {"LI", []string{"liechtenstein"}},
	{"NO", []string{"norway", "norvege"}},
}

// Countries with a Commission adequacy decision in force (list of
// 2025: the Commission's adequacy page). The United States is adequate only
// for organisations certified under the EU-US Data Privacy Framework, and
// Canada only for commercial organisations: the mechanism must say so.
var adequate = []Country{
	{"AD", []string{"andorra", "andorre"}}, {"AR", []string{"argentina", "argentine"}}, {"FO", []string{"faroe islands", "iles feroe"}},
	{"GG", []string{"guernsey", "guernesey"}}, {"IL", []string{"israel"}}, {"IM", []string{"isle of man", "ile de man"}},
	{"JP", []string{"japan", "japon"}}, {"JE", []string{"jersey"}}, {"NZ", []string{"new zealand", "nouvelle-zelande"}},
	{"KR", []string{"south korea", "republic of korea", "korea", "coree du sud", "coree"}}, {"CH", []string{"switzerland", "suisse"}},
	{"GB", []string{"united kingdom", "uk", "great britain", "royaume-uni", "england", "angleterre"}}, {"UY", []string{"uruguay"}},
	{"CA", []string{"canada"}},
}

// Third countries seen in processor inventories and contracts (offshore
// call centres, hosting, development): named so the cross-check can find
// them in a contract's text. Any other name still reads as a third country
// in an inventory when it is not in the lists above.
var third = []Country{
	{"US", []string{"united states", "usa", "u.s.", "etats-unis", "etats unis"}}, {"IN", []string{"india", "inde"}},
	{"CN", []string{"china", "chine"}}, {"MA", []string{"morocco", "maroc"}}, {"TN", []string{"tunisia", "tunisie"}},
	{"MG", []string{"madagascar"}}, {"MU", []string{"mauritius", "ile maurice"}}, {"SN", []string{"senegal"}},
	{"PH", []string{"philippines"}}, {"BR", []string{"brazil", "bresil"}}, {"RU", []string{"russia", "russie"}},
	{"SG", []string{"singapore", "singapour"}}, {"AU", []string{"australia", "australie"}}, {"VN", []string{"vietnam", "viet nam"}},
	{"UA", []string{"ukraine"}}, {"TR", []string{"turkey", "turkiye", "turquie"}}, {"EG", []string{"egypt", "egypte"}},
	{"CI", []string{"cote d'ivoire", "ivory coast"}}, {"CM", []string{"cameroon", "cameroun"}}, {"MX", []string{"mexico", "mexique"}},
	{"AE", []string{"united arab emirates", "emirats arabes unis", "uae"}}, {"ZA", []string{"south africa", "afrique du sud"}},
	{"RS", []string{"serbia", "serbie"}}, {"AL", []string{"albania", "albanie"}}, {"BY", []string{"belarus", "bielorussie"}},
}

// Zone is where a country stands for a transfer.
type Zone int

const (
	ZoneUnknown  Zone = iota
	ZoneEEA           // no transfer
	ZoneAdequate      // transfer covered by an adequacy decision
	ZoneThird         // transfer needs a Chapter V tool
)

// ZoneOf places a country written as an ISO code or a name (English or
// French, any case or accents).
func ZoneOf(name string) (Zone, string) {
	f := strings.TrimSpace(fold(name))
	if f == "" {
		return ZoneUnknown, ""
	}
	for _, z := range []struct {
		list []Country
		zone Zone
	}{{eea, ZoneEEA}, {adequate, ZoneAdequate}, {third, ZoneThird}} {
		for _, c := range z.list {
			if strings.EqualFold(f, c.Code) {
				return z.zone, c.Code
			}
			for _, n := range c.Names {
				if f == n {
					return z.zone, c.Code
				}
			}
		}
	}
	if f == "eu" || f == "ue" || f == "eee" || f == "eea" || strings.Contains(f, "europe") {
		return ZoneEEA, "EU"
	}
	return ZoneThird, strings.ToUpper(name)
}

// countryWords are the names of third countries and of countries with an
// adequacy decision, as words joined by one space ("cote d ivoire"), with the
// name to report; countryFirst are their first words. A sentence is read
// word by word against them.
var countryWords, countryFirst = func() (map[string]string, map[string]bool) {
	names, first := map[string]string{}, map[string]bool{}
	for _, n := range runningNames(append(append([]Country{}, third...), adequate...)) {
		ws := words(n)
		names[strings.Join(ws, " ")] = n
		first[ws[0]] = true
	}
	return names, first
}()

// runningNames are the countries' names a contract's running text is
// read for: "uk", "uae" are too ambiguous there.
func runningNames(list []Country) []string {
	var names []string
	for _, c := range list {
		for _, n := range c.Names {
			if len(n) > 3 || n == "usa" {
				names = append(names, n)
			}
		}
	}
	return names
}

// maxCountryWords is the most words a country's name has.
const maxCountryWords = 3

// words splits folded text into runs of word bytes (isWordByte: letters,
// digits, anything not ASCII).
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r < utf8.RuneSelf && !isWordByte(byte(r)) })
}

var (
	specialTerms = must(compileX(terms("special categor*", "catégories particulières", "données sensibles", "sensitive data", "article 9", "art. 9", "art 9",
		"health data", "données de santé", "biometric*", "biométrique*", "genetic*", "génétique*", "religio*", "political opinion*", "opinions politiques",
		"trade union*", "syndical*", "sexual orientation", "orientation sexuelle", "racial", "ethnic*", "raciale*", "ethnique*", "criminal*", "infractions",
		"condamnations")))
	specialNoneRe = regexp.MustCompile(`(no|not|neither|nor|aucune?|pas de|ni|exclu\w*|ne .{0,30} pas) .{0,40}(special categor|categories particulieres|donnees sensibles|sensitive data|article 9|art\.? ?9)`)
)

// must is for the fixed expressions compiled at start (here and in
// judges.go), as regexp.MustCompile is: one that does not compile stops
// every test at start instead of matching nothing. Rules are compiled by
// compileRules, which returns its error.
func must(p pattern, err error) pattern {
	if err != nil {
		panic("contracts: a fixed expression does not compile: " + err.Error())
	}
	return p
}

// mentions finds named third countries and special-category wording.
func mentions(sents []sentence) (countries []Mention, special *Mention, none bool) {
	seen := map[string]bool{}
	for _, s := range sents {
		var ws []string
		for i := 0; i < len(s.folded); i++ {
			// a country's name starts a word: look only where one starts
			if i > 0 && isWordByte(s.folded[i-1]) || !isWordByte(s.folded[i]) {
				continue
			}
			j := i
			for j < len(s.folded) && isWordByte(s.folded[j]) {
				j++
			}
			if countryFirst[s.folded[i:j]] {
				ws = words(s.folded[i:min(len(s.folded), i+60)])
				key := ""
				for n := 0; n < maxCountryWords && n < len(ws); n++ {
					key = strings.TrimPrefix(key+" "+ws[n], " ")
					if name, ok := countryWords[key]; ok && !seen[name] {
						seen[name] = true
						countries = append(countries, Mention{Term: name, Location: Location{Page: s.page, Paragraph: s.para}})
					}
				}
			}
			i = j
		}
		if special == nil {
			if m := specialTerms.find(s.folded); m != "" {
				special = &Mention{Term: m, Location: Location{Page: s.page, Paragraph: s.para}}
				none = specialNoneRe.MatchString(s.folded)
			}
		}
	}
	return countries, special, none
}
