package contracts

import (
	"regexp"
	"strings"
)

// A contract may name the controller with a word of its own: « chaque
// Administration qui utilise le Produit numérique est responsable de
// traitement ». The rules know the usual words (controller, customer,
// responsable…), so that name is read as "responsable" in every sentence.
// A name the contract also calls the processor is left alone: a party may
// be controller of some data and processor of the rest.
var (
	controllerPhrases = []string{" est responsable de traitement", " est responsable du traitement", " est le responsable de traitement", " est le responsable du traitement",
		" agit en qualite de responsable", " is the controller", " is the data controller", " acts as controller", " acts as the controller", " shall be the controller"}
	processorPhrases = []string{" est sous-traitant", " est le sous-traitant", " agit en qualite de sous-traitant", " is the processor", " is the data processor",
		" acts as processor", " acts as the processor", " shall be the processor"}
	// partyBefore is the party a role phrase follows: "chaque administration
	// qui utilise le produit numerique", "l'anct".
	partyBefore = regexp.MustCompile(`(?:^|[^a-z])(?:chaque |each |l'|le |la |the )([a-z][a-z-]{3,30})(?: [a-z]{4,20})?(?: qui [^,.;]{0,60})?$`)
)

// controllerAlias is the name the document gives the controller, or "".
// Only the sentences holding a role phrase are read, and only the words
// before it.
func controllerAlias(sents []sentence) string {
	var names []string
	processors := map[string]bool{}
	for i := range sents {
		f := sents[i].folded
		if !strings.Contains(f, "responsable") && !strings.Contains(f, "controller") && !strings.Contains(f, "processor") && !strings.Contains(f, "sous-traitant") {
			continue
		}
		for _, p := range processorPhrases {
			if m := party(f, p); m != "" {
				processors[m] = true
			}
		}
		for _, p := range controllerPhrases {
			if m := party(f, p); m != "" {
				names = append(names, m)
			}
		}
	}
	for _, name := range names {
		switch {
		case processors[name]:
		case name == "controller", name == "customer", name == "client", name == "responsable", name == "exporter":
			// a word the rules know already
		default:
			return name
		}
	}
	return ""
}

// party is the party the first role phrase p of f is said of, or "".
func party(f, p string) string {
	k := strings.Index(f, p)
	if k < 0 {
		return ""
	}
	m := partyBefore.FindStringSubmatch(f[max(0, k-100):k])
	if m == nil {
		return ""
	}
	return m[1]
}

// readAlias reads the controller's own name as "responsable" in the
// sentences' folded text, their headings and their labels.
func readAlias(sents []sentence, name string) {
	word := regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + `\b`)
	for i := range sents {
		s := &sents[i]
		if !strings.Contains(s.folded, name) && !strings.Contains(s.head, name) {
			continue
		}
		if s.label > 0 {
			s.label = len(word.ReplaceAllString(s.folded[:s.label], "responsable"))
		}
		s.folded = word.ReplaceAllString(s.folded, "responsable")
		s.head = word.ReplaceAllString(s.head, "responsable")
	}
}
