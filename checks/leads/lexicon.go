package leads

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vigie-security/vigie/internal/check"
)

// Category is a kind of sensitive content in free text.
type Category string

const (
	Health      Category = "health"
	Religion    Category = "religion"
	Orientation Category = "sexual_orientation"
	Politics    Category = "politics_trade_union"
	Ethnic      Category = "ethnic_origin"
	Subjective  Category = "subjective_or_insulting" // LEAD-SEN-003, not Article 9
)

// categoryNames say each category in words, for evidence a person reads.
var categoryNames = map[Category]check.Text{
	Health: {EN: "health", FR: "santé"}, Religion: {EN: "religion", FR: "religion"},
	Orientation: {EN: "sexual orientation", FR: "orientation sexuelle"}, Politics: {EN: "political opinions or trade union", FR: "opinions politiques ou syndicat"},
	Ethnic: {EN: "ethnic origin", FR: "origine ethnique"},
}

// Categories lists the Article 9 categories LEAD-SEN-001 looks for.
var Categories = []Category{Health, Religion, Orientation, Politics, Ethnic}

// The lexicons are folded (lower case, no accents). Words marked "!" count
// only when written in capitals (CGT, VIH): in lower case they are other
// words. Phrases are matched word by word.
var lexicon = map[Category][]string{
	Health: {"cancer", "cancers", "diabete", "diabetique", "enceinte", "grossesse", "handicap", "handicape", "handicapee",
		"depression", "depressif", "depressive", "!vih", "sida", "seropositif", "seropositive", "chimio", "chimiotherapie",
		"maladie", "malade", "hospitalise", "hospitalisee", "hospitalisation", "alzheimer", "parkinson", "epilepsie", "epileptique",
		"asthme", "asthmatique", "autisme", "autiste", "schizophrene", "bipolaire", "tumeur", "leucemie", "sclerose", "dialyse",
		"insuline", "!ivg", "fausse couche", "sous traitement", "arret maladie", "burn out", "burnout", "cardiaque", "avc",
		"diabetes", "diabetic", "pregnant", "pregnancy", "disabled", "disability", "depressed", "!hiv", "chemo", "chemotherapy",
		"hospitalized", "hospitalised", "alzheimers", "epilepsy", "epileptic", "asthma", "autism", "autistic", "schizophrenia",
		"bipolar", "tumor", "tumour", "leukemia", "leukaemia", "dialysis", "insulin", "miscarriage", "sick leave", "mental health",
		"on medication", "medical condition", "heart attack", "stroke patient",
		// Surgery, said as people say it (never "opération" alone: an
		// "opération commerciale" is a sale; never "chirurgien": a trade).
		"operation du genou", "operation de la hanche", "operation du dos", "operation du coeur", "operation de l epaule",
		"operation de la cataracte", "operation des yeux", "operation de l appendicite", "intervention chirurgicale",
		"opere du", "operee du", "opere de la", "operee de la", "opere des", "operee des", "post operatoire", "postoperatoire",
		"convalescence", "convalescent", "convalescente", "surgery", "knee operation", "hip operation", "had an operation"},
	Religion: {"musulman", "musulmane", "juif", "juive", "catholique", "protestant", "protestante", "chretien", "chretienne",
		"bouddhiste", "hindou", "hindoue", "athee", "pratiquant", "pratiquante", "ramadan", "mosquee", "synagogue", "temoin de jehovah",
		"muslim", "jewish", "catholic", "christian", "buddhist", "hindu", "atheist", "mosque", "jehovah s witness", "observant"},
	Orientation: {"gay", "lesbienne", "lesbian", "homosexuel", "homosexuelle", "homosexual", "bisexuel", "bisexuelle", "bisexual",
		"transgenre", "transgender", "!lgbt", "!lgbtq", "queer"},
	Politics: {"syndique", "syndiquee", "syndicaliste", "!cgt", "!cfdt", "delegue syndical", "deleguee syndicale", "militant",
		"militante", "front national", "rassemblement national", "france insoumise", "parti socialiste", "vote pour",
		"trade union", "union member", "unionized", "unionised", "union rep", "labour party", "votes for"},
	Ethnic: {"maghrebin", "maghrebine", "origine ethnique", "origine maghrebine", "origine africaine", "ethnicity",
		"of african descent", "hispanic", "latino", "latina"},
	Subjective: {"chomage", "chomeur", "chomeuse", "divorce", "divorcee", "en instance de divorce", "pete un plomb", "pete les plombs",
		"connard", "connasse", "debile", "idiot", "idiote", "abruti", "abrutie", "cingle", "cinglee", "hysterique", "relou",
		"chiant", "chiante", "mauvais payeur", "radin", "radine", "alcoolique", "alcoolo", "unemployed", "divorced",
		"imbecile", "imbeciles", "cretin", "cretine", "cretins", "cretines", "naze", "nazes", "bouffon", "bouffonne", "bouffons",
		"pauvre type", "pauvres types",
		"moron", "stupid", "crazy", "psycho", "jerk", "asshole", "bitch", "bad payer", "hysterical", "drunk", "alcoholic", "lunatic",
		"dumb", "idiotic", "fool", "fools"},
}

// Context words that turn a hit into something else: an "enceinte
// bluetooth" is a loudspeaker.
var notAfter = map[string][]string{
	"enceinte": {"bluetooth", "connectee", "acoustique", "audio", "portable", "sono", "hifi", "wifi", "intelligente", "jbl", "bose", "sonos"},
	"stroke":   {"of"},
}

// …or before it: "une enceinte", "les enceintes" are products; "elle est
// enceinte" is not.
var notBefore = map[string][]string{
	"enceinte": {"une", "les", "des", "cette", "ces", "nos", "vos", "l", "d"},
}

// Organisation words: a capitalised term next to one of these, also
// capitalised, is part of a name (Cancer Research Foundation, Ligue contre
// le Cancer, Institut Catholique), not a fact about the person.
var orgWords = set("foundation", "fondation", "institute", "institut", "research", "recherche", "ligue", "league", "association",
	"society", "societe", "center", "centre", "hospital", "hopital", "clinic", "clinique", "trust", "fund", "fonds", "inc", "ltd",
	"llc", "sa", "sas", "sarl", "gmbh", "university", "universite", "federation", "alliance", "council", "conseil", "bank",
	"banque", "group", "groupe", "school", "ecole", "college", "lycee", "church", "eglise", "cancerpole", "charity", "uk", "france",
	"international", "network", "reseau", "mutuelle", "assurance", "assurances", "magazine", "journal", "radio", "tv")

type entry struct {
	cat   Category
	upper bool // only in capitals
}

var (
	words   = map[string]entry{}
	phrases = map[string]entry{} // "w1 w2[ w3…]"
	starts  = map[string]bool{}  // first words of phrases
)

func init() {
	for cat, list := range lexicon {
		for _, w := range list {
			e := entry{cat: cat, upper: strings.HasPrefix(w, "!")}
			w = strings.TrimPrefix(w, "!")
			if i := strings.IndexByte(w, ' '); i > 0 {
				phrases[w] = e
				starts[w[:i]] = true
				continue
			}
			words[w] = e
		}
	}
}

type token struct {
	s, e  int  // the folded word is noteScanner.f[s:e]
	cap   bool // first letter upper case
	upper bool // every letter upper case, more than one
}

// fold lower-cases and strips the accents French and English text use.
func fold(r rune) rune {
	switch r {
	case 'à', 'á', 'â', 'ä', 'ã', 'À', 'Á', 'Â', 'Ä':
		return 'a'
	case 'é', 'è', 'ê', 'ë', 'É', 'È', 'Ê', 'Ë':
		return 'e'
	case 'î', 'ï', 'í', 'Î', 'Ï':
		return 'i'
	case 'ô', 'ö', 'ó', 'Ô', 'Ö':
		return 'o'
	case 'ù', 'û', 'ü', 'ú', 'Ù', 'Û', 'Ü':
		return 'u'
	case 'ç', 'Ç':
		return 'c'
	case 'œ', 'Œ':
		return 'o'
	}
	return unicode.ToLower(r)
}

// noteScanner reports the categories a note mentions, once each. The note
// is folded once into f, its words separated by single spaces, so a
// phrase of words i..j is f[t[i].s:t[j-1].e] and lookups allocate nothing.
type noteScanner struct {
	f []byte
	t []token
}

func (n *noteScanner) split(s string) {
	n.f, n.t = n.f[:0], n.t[:0]
	in := false
	for _, r := range s {
		if !unicode.IsLetter(r) {
			in = false
			continue
		}
		if !in {
			if len(n.t) > 0 {
				n.f = append(n.f, ' ')
			}
			n.t = append(n.t, token{s: len(n.f), cap: unicode.IsUpper(r), upper: true})
			in = true
		}
		w := &n.t[len(n.t)-1]
		if unicode.IsLower(r) {
			w.upper = false
		}
		if r < utf8.RuneSelf {
			c := byte(r)
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			n.f = append(n.f, c)
		} else {
			n.f = utf8.AppendRune(n.f, fold(r))
		}
		w.e = len(n.f)
	}
	for i := range n.t {
		if n.t[i].e-n.t[i].s < 2 {
			n.t[i].upper = false
		}
	}
}

func (n *noteScanner) word(i int) string { return string(n.f[n.t[i].s:n.t[i].e]) }

func (n *noteScanner) scan(s string, hit func(Category)) {
	if !hasLetter(s) {
		return
	}
	n.split(s)
	seen := 0 // bit set over the categories, so each is reported once
	report := func(c Category) {
		bit := 1 << catIndex(c)
		if seen&bit == 0 {
			seen |= bit
			hit(c)
		}
	}
	t := n.t
	for i := range t {
		w := n.f[t[i].s:t[i].e]
		if starts[string(w)] {
			for k := 2; k <= 5 && i+k <= len(t); k++ {
				if e, ok := phrases[string(n.f[t[i].s:t[i+k-1].e])]; ok && n.counts(i, i+k, e) {
					report(e.cat)
				}
			}
		}
		if e, ok := words[string(w)]; ok && n.counts(i, i+1, e) {
			report(e.cat)
		}
	}
}

// counts decides whether a lexicon hit over t[i:j] is about the person.
func (n *noteScanner) counts(i, j int, e entry) bool {
	t := n.t
	if e.upper && !t[i].upper {
		return false
	}
	if j < len(t) {
		for _, w := range notAfter[n.word(j-1)] {
			if n.word(j) == w {
				return false
			}
		}
	}
	if i > 0 {
		for _, w := range notBefore[n.word(i)] {
			if n.word(i-1) == w {
				return false
			}
		}
	}
	if !t[i].cap {
		return true
	}
	// A capitalised term inside a capitalised run that holds an
	// organisation word is a name.
	lo, hi := i, j
	for lo > 0 && (t[lo-1].cap || smallWord(n.word(lo-1))) && i-lo < 4 {
		lo--
	}
	for hi < len(t) && (t[hi].cap || smallWord(n.word(hi))) && hi-j < 4 {
		hi++
	}
	for k := lo; k < hi; k++ {
		if t[k].cap && orgWords[n.word(k)] {
			return false
		}
	}
	return true
}

// smallWord: the joining words of names ("Ligue contre le Cancer").
func smallWord(w string) bool {
	switch w {
	case "de", "du", "des", "la", "le", "les", "contre", "pour", "of", "for", "the", "and", "et", "d", "l":
		return true
	}
	return false
}

func catIndex(c Category) int {
	switch c {
	case Health:
		return 0
	case Religion:
		return 1
	case Orientation:
		return 2
	case Politics:
		return 3
	case Ethnic:
		return 4
	}
	return 5
}

func hasLetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= 0x80 {
			return true
		}
	}
	return false
}
