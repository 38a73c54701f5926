// Package inventory reads processor inventories (CSV, XLSX, YAML) into
// contracts.Processor rows. Columns are found by their French or English
// header names, or by the names a configuration gives.
package inventory

import (
	"strings"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
	"unicode"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/textenc"
)

// Fields are the inventory fields vigie reads, by their canonical key.
var Fields = []string{"processor", "service", "data_categories", "data_subjects", "contracts", "signed", "signed_on",
	"start", "end", "review", "countries", "mechanism", "subprocessors", "contact"}

// synonyms are header names seen in French and English inventories,
// normalised (lower case, no accents, words separated by one space).
var synonyms = map[string][]string{
	"processor":       {"processor", "processeur", "sous traitant", "soustraitant", "prestataire", "fournisseur", "vendor", "supplier", "provider", "name", "nom", "raison sociale", "societe", "company", "processor name", "nom du sous traitant", "nom du prestataire"},
	"service":         {"service", "services", "purpose", "finalite", "finalites", "prestation", "objet", "activite", "activity", "description", "traitement"},
	"data_categories": {"data categories", "categories de donnees", "donnees", "data", "types de donnees", "personal data", "donnees traitees", "data types", "categories of data", "donnees personnelles"},
	"data_subjects":   {"data subjects", "personnes concernees", "categories de personnes", "personnes", "categories of data subjects", "subjects"},
	"contracts":       {"contract", "contracts", "contrat", "contrats", "dpa", "document", "documents", "fichier", "fichiers", "file", "files", "contract file", "contract files", "fichier contrat", "contrat dpa", "dpa file"},
	"signed":          {"signed", "signe", "signature", "contrat signe", "dpa signed", "dpa signe", "is signed"},
	"signed_on":       {"signature date", "date de signature", "signed on", "signe le", "date signature", "signed date", "date signed"},
	"start":           {"start", "start date", "debut", "date de debut", "date debut", "debut du traitement", "since", "depuis"},
	"end":             {"end", "end date", "fin", "date de fin", "date fin", "expiry", "expiration", "echeance", "fin du contrat", "contract end"},
	"review":          {"review", "review date", "revue", "date de revue", "prochaine revue", "next review", "revision", "date de revision"},
	"countries":       {"countries", "country", "pays", "location", "locations", "localisation", "pays de traitement", "processing countries", "hosting", "hebergement", "lieu de traitement"},
	"mechanism":       {"transfer mechanism", "mechanism", "transfert", "transferts", "transfers", "transfer", "outil de transfert", "garanties", "mecanisme de transfert", "encadrement des transferts", "transfer tool"},
	"subprocessors":   {"subprocessors", "sub processors", "sous traitants ulterieurs", "sous traitants", "subcontractors"},
	"contact":         {"contact", "email", "e mail", "dpo", "referent", "interlocuteur", "contact dpo"},
}

var stripMarks = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// normal folds a header: lower case, no accents, punctuation as spaces.
func normal(s string) string {
	out, _, err := transform.String(stripMarks, s)
	if err != nil {
		out = s
	}
	out = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return ' '
	}, out)
	return strings.Join(strings.Fields(out), " ")
}

// Mapping says which column holds which field.
type Mapping map[string]int

// mapHeader finds each field's column: the configured name first, then the
// known synonyms. The processor column is required. where says which line
// the header is on. Errors list the header's cells only when they read as
// labels: a file without a header starts with a row of data.
func mapHeader(header []string, override map[string]string, where check.Text) (Mapping, error) {
	for k := range override {
		if !known(k) {
			return nil, check.Errorf("contracts.columns: unknown field %q (want one of %s)",
				"contracts.columns : champ %q inconnu (champs possibles : %s)", k, strings.Join(Fields, ", "))
		}
	}
	m := Mapping{}
	index := map[string]int{}
	for i, h := range header {
		if n := normal(h); n != "" {
			if _, dup := index[n]; !dup {
				index[n] = i
			}
		}
	}
	for field, name := range override {
		i, ok := index[normal(name)]
		if !ok {
			if labels, ok := textenc.Labels(header); ok {
				return nil, check.Errorf("contracts.columns.%s: no column named %q in the header on %s (columns: %s)",
					"contracts.columns.%s : aucune colonne nommée %q dans l'en-tête de la %s (colonnes : %s)", field, name, where, labels)
			}
			return nil, check.Errorf("contracts.columns.%s: no column named %q: %s does not look like a header (%s, not shown: they may be personal data); add a header line",
				"contracts.columns.%s : aucune colonne nommée %q : la %s ne ressemble pas à un en-tête (%s, non affichées : elles peuvent contenir des données personnelles) ; ajoutez une ligne d'en-tête",
				field, name, where, textenc.Columns(len(header)))
		}
		m[field] = i
	}
	for _, field := range Fields {
		if _, set := m[field]; set {
			continue
		}
		for _, syn := range synonyms[field] {
			if i, ok := index[syn]; ok && !taken(m, i) {
				m[field] = i
				break
			}
		}
	}
	if _, ok := m["processor"]; !ok {
		if labels, ok := textenc.Labels(header); ok {
			return nil, check.Errorf("no processor column in the header on %s (columns: %s); name it \"processor\" or \"sous-traitant\", or map it with contracts.columns.processor",
				"aucune colonne de sous-traitant dans l'en-tête de la %s (colonnes : %s) ; nommez-la \"sous-traitant\" ou \"processor\", ou indiquez-la dans contracts.columns.processor",
				where, labels)
		}
		return nil, check.Errorf("no processor column: %s does not look like a header (%s, not shown: they may be personal data); "+
			"add a header line (\"processor\" or \"sous-traitant\", \"contracts\", …) or map the column with contracts.columns.processor",
			"aucune colonne de sous-traitant : la %s ne ressemble pas à un en-tête (%s, non affichées : elles peuvent contenir des données personnelles) ; "+
				"ajoutez une ligne d'en-tête (\"sous-traitant\" ou \"processor\", \"contrats\", …) ou indiquez la colonne dans contracts.columns.processor",
			where, textenc.Columns(len(header)))
	}
	return m, nil
}

func known(field string) bool {
	for _, f := range Fields {
		if f == field {
			return true
		}
	}
	return false
}

func taken(m Mapping, i int) bool {
	for _, j := range m {
		if i == j {
			return true
		}
	}
	return false
}
