package contracts

import (
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

// place is a country as a report names it: in English, in French, and
// "in it" in French, whose preposition goes by the name (« en Inde », « au
// Maroc », « aux États-Unis », « à Singapour »).
type place struct{ en, fr, frIn string }

// places are the countries of countries.go, by ISO code.
var places = map[string]place{
	"AT": {"Austria", "Autriche", "en Autriche"}, "BE": {"Belgium", "Belgique", "en Belgique"}, "BG": {"Bulgaria", "Bulgarie", "en Bulgarie"},
	"HR": {"Croatia", "Croatie", "en Croatie"}, "CY": {"Cyprus", "Chypre", "à Chypre"}, "CZ": {"Czechia", "Tchéquie", "en Tchéquie"},
	"DK": {"Denmark", "Danemark", "au Danemark"}, "EE": {"Estonia", "Estonie", "en Estonie"}, "FI": {"Finland", "Finlande", "en Finlande"},
	"FR": {"France", "France", "en France"}, "DE": {"Germany", "Allemagne", "en Allemagne"}, "GR": {"Greece", "Grèce", "en Grèce"},
	"HU": {"Hungary", "Hongrie", "en Hongrie"}, "IE": {"Ireland", "Irlande", "en Irlande"}, "IT": {"Italy", "Italie", "en Italie"},
	"LV": {"Latvia", "Lettonie", "en Lettonie"}, "LT": {"Lithuania", "Lituanie", "en Lituanie"}, "LU": {"Luxembourg", "Luxembourg", "au Luxembourg"},
	"MT": {"Malta", "Malte", "à Malte"}, "NL": {"the Netherlands", "Pays-Bas", "aux Pays-Bas"}, "PL": {"Poland", "Pologne", "en Pologne"},
	"PT": {"Portugal", "Portugal", "au Portugal"}, "RO": {"Romania", "Roumanie", "en Roumanie"}, "SK": {"Slovakia", "Slovaquie", "en Slovaquie"},
	"SI": {"Slovenia", "Slovénie", "en Slovénie"}, "ES": {"Spain", "Espagne", "en Espagne"}, "SE": {"Sweden", "Suède", "en Suède"},
	"IS": {"Iceland", "Islande", "en Islande"}, "LI": {"Liechtenstein", "Liechtenstein", "au Liechtenstein"}, "NO": {"Norway", "Norvège", "en Norvège"},

	"AD": {"Andorra", "Andorre", "en Andorre"}, "AR": {"Argentina", "Argentine", "en Argentine"}, "FO": {"the Faroe Islands", "îles Féroé", "aux îles Féroé"},
	"GG": {"Guernsey", "Guernesey", "à Guernesey"}, "IL": {"Israel", "Israël", "en Israël"}, "IM": {"the Isle of Man", "île de Man", "sur l'île de Man"},
	"JP": {"Japan", "Japon", "au Japon"}, "JE": {"Jersey", "Jersey", "à Jersey"}, "NZ": {"New Zealand", "Nouvelle-Zélande", "en Nouvelle-Zélande"},
	"KR": {"South Korea", "Corée du Sud", "en Corée du Sud"}, "CH": {"Switzerland", "Suisse", "en Suisse"},
	"GB": {"the United Kingdom", "Royaume-Uni", "au Royaume-Uni"}, "UY": {"Uruguay", "Uruguay", "en Uruguay"}, "CA": {"Canada", "Canada", "au Canada"},

	"US": {"the United States", "États-Unis", "aux États-Unis"}, "IN": {"India", "Inde", "en Inde"}, "CN": {"China", "Chine", "en Chine"},
	"MA": {"Morocco", "Maroc", "au Maroc"}, "TN": {"Tunisia", "Tunisie", "en Tunisie"}, "MG": {"Madagascar", "Madagascar", "à Madagascar"},
	"MU": {"Mauritius", "Maurice", "à Maurice"}, "SN": {"Senegal", "Sénégal", "au Sénégal"}, "PH": {"the Philippines", "Philippines", "aux Philippines"},
	"BR": {"Brazil", "Brésil", "au Brésil"}, "RU": {"Russia", "Russie", "en Russie"}, "SG": {"Singapore", "Singapour", "à Singapour"},
	"AU": {"Australia", "Australie", "en Australie"}, "VN": {"Vietnam", "Viêt Nam", "au Viêt Nam"}, "UA": {"Ukraine", "Ukraine", "en Ukraine"},
	"TR": {"Turkey", "Turquie", "en Turquie"}, "EG": {"Egypt", "Égypte", "en Égypte"}, "CI": {"Côte d'Ivoire", "Côte d'Ivoire", "en Côte d'Ivoire"},
	"CM": {"Cameroon", "Cameroun", "au Cameroun"}, "MX": {"Mexico", "Mexique", "au Mexique"},
	"AE": {"the United Arab Emirates", "Émirats arabes unis", "aux Émirats arabes unis"}, "ZA": {"South Africa", "Afrique du Sud", "en Afrique du Sud"},
	"RS": {"Serbia", "Serbie", "en Serbie"}, "AL": {"Albania", "Albanie", "en Albanie"}, "BY": {"Belarus", "Biélorussie", "en Biélorussie"},
}

// thirdNames are the names of the countries that need a transfer tool
// (countries.go's third), as rule terms.
var thirdNames = terms(runningNames(third)...)

// placeOf is the place of a country written as a code or a name.
func placeOf(name string) (place, bool) {
	_, code := ZoneOf(name)
	p, ok := places[code]
	return p, ok
}

// countryText is a country the inventory or a contract names, in each
// language when vigie knows it, as written otherwise.
func countryText(name string) check.Text {
	if p, ok := placeOf(name); ok {
		return t(p.en, p.fr)
	}
	return t(name, name)
}

// countryList is the countries, as shown (cut, counted), in each language:
// "Ireland, Germany", « Irlande, Allemagne ».
func countryList(names []string) check.Text {
	var en, fr []string
	for _, n := range shownList(names) {
		c := countryText(n)
		en, fr = append(en, c.EN), append(fr, c.FR)
	}
	return t(strings.Join(en, ", "), strings.Join(fr, ", "))
}

// inCountries is "in Morocco and India", « au Maroc et en Inde »; a
// country vigie does not know is « dans le pays : X ».
func inCountries(names []string) check.Text {
	var en, fr []string
	for _, n := range shownList(names) {
		switch p, ok := placeOf(n); {
		case ok:
			en, fr = append(en, p.en), append(fr, p.frIn)
		case strings.HasPrefix(n, "…"): // the count of the rest
			en, fr = append(en, n), append(fr, n)
		default:
			en, fr = append(en, n), append(fr, "dans le pays : "+n)
		}
	}
	return t("in "+andList(en, "and"), andList(fr, "et"))
}

// andList joins xs with commas and and before the last.
func andList(xs []string, and string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " " + and + " " + xs[len(xs)-1]
}

// specialKinds name the special categories (Art. 9 and 10) an inventory
// cell may name, by a word of its folded text.
var specialKinds = []struct {
	words  []string
	en, fr string
}{
	{[]string{"sante", "health", "medic"}, "health", "santé"},
	{[]string{"biometri"}, "biometrics", "biométrie"},
	{[]string{"genetic", "genetique"}, "genetics", "génétique"},
	{[]string{"religio"}, "religion", "religion"},
	{[]string{"politi"}, "political opinions", "opinions politiques"},
	{[]string{"syndic", "trade union"}, "trade-union membership", "appartenance syndicale"},
	{[]string{"sexual", "sexuel", "orientation"}, "sex life or orientation", "vie ou orientation sexuelles"},
	{[]string{"racial", "ethni"}, "racial or ethnic origin", "origine raciale ou ethnique"},
	{[]string{"criminal", "penal", "infraction", "condamnation"}, "criminal offences", "infractions et condamnations"},
	{[]string{"handicap", "disabilit"}, "disability", "handicap"},
}

// specialList is the special categories of the inventory's cells, named in
// each language when vigie knows them (as written otherwise), each once.
func specialList(cells []string) check.Text {
	var en, fr []string
	seen := map[string]bool{}
	for _, c := range cells {
		name := t(c, c)
		f := fold(c)
	kinds:
		for _, k := range specialKinds {
			for _, w := range k.words {
				if strings.Contains(f, w) {
					name = t(k.en, k.fr)
					break kinds
				}
			}
		}
		if !seen[name.EN] {
			seen[name.EN] = true
			en, fr = append(en, name.EN), append(fr, name.FR)
		}
	}
	en, fr = shownList(en), shownList(fr)
	return t(strings.Join(en, ", "), strings.Join(fr, ", "))
}
