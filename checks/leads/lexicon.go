package leads

import (
	"strings"
	"unicode"
	"unicode/utf8"
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
		"on medication", "medical condition", "heart attack", "stroke patient"},
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
		"moron", "stupid", "crazy", "psycho", "jerk", "asshole", "bitch", "bad payer", "hysterical", "drunk", "alcoholic", "lunatic"},
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
	w     string // folded
	cap   bool   // first letter upper case
	upper bool   // every letter upper case
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

// tokens splits text into folded words; buf is reused between calls.
func tokens(s string, buf []token, sb *strings.Builder) []token {
	buf = buf[:0]
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := s[start:end]
		sb.Reset()
		capital, upper := false, true
		for i, r := range w {
			if i == 0 {
				capital = unicode.IsUpper(r)
			}
			if unicode.IsLower(r) {
				upper = false
			}
			sb.WriteRune(fold(r))
		}
		buf = append(buf, token{w: sb.String(), cap: capital, upper: upper && utf8.RuneCountInString(w) > 1})
		start = -1
	}
	for i, r := range s {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(s))
	return buf
}

// scanNotes reports the categories a note mentions, once each.
type noteScanner struct {
	buf []token
	sb  strings.Builder
}

func (n *noteScanner) scan(s string, hit func(Category)) {
	if !hasLetter(s) {
		return
	}
	n.buf = tokens(s, n.buf, &n.sb)
	seen := 0 // bit set over the categories, so each is reported once
	report := func(c Category) {
		bit := 1 << catIndex(c)
		if seen&bit == 0 {
			seen |= bit
			hit(c)
		}
	}
	t := n.buf
	for i := range t {
		if starts[t[i].w] {
			for k := 2; k <= 5 && i+k <= len(t); k++ {
				if e, ok := phrases[join(t[i:i+k])]; ok && n.counts(t, i, i+k, e) {
					report(e.cat)
				}
			}
		}
		if e, ok := words[t[i].w]; ok && n.counts(t, i, i+1, e) {
			report(e.cat)
		}
	}
}

// counts decides whether a lexicon hit over t[i:j] is about the person.
func (n *noteScanner) counts(t []token, i, j int, e entry) bool {
	if e.upper && !t[i].upper {
		return false
	}
	if j < len(t) {
		for _, w := range notAfter[t[j-1].w] {
			if t[j].w == w {
				return false
			}
		}
	}
	if i > 0 {
		for _, w := range notBefore[t[i].w] {
			if t[i-1].w == w {
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
	for lo > 0 && (t[lo-1].cap || smallWord(t[lo-1].w)) && i-lo < 4 {
		lo--
	}
	for hi < len(t) && (t[hi].cap || smallWord(t[hi].w)) && hi-j < 4 {
		hi++
	}
	for k := lo; k < hi; k++ {
		if t[k].cap && orgWords[t[k].w] {
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

func join(t []token) string {
	var b strings.Builder
	for i, x := range t {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(x.w)
	}
	return b.String()
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
