package contracts

import (
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

// All returns the family's checks: documents, then inventories.
func All() check.Catalogue {
	return append(append(DocumentChecks(), InventoryChecks()...), FolderChecks()...)
}

var metaReadable = check.Meta{ID: "CTR-DOC-001", Family: check.FamilyContracts, Severity: check.High,
	Title: t("Contract document can be read", "Le document contractuel est lisible"),
	Description: t("The file is a readable document with a text layer; a scanned PDF is reported as such, not as a contract without clauses.",
		"Le fichier est un document lisible avec une couche texte ; un PDF scanné est signalé comme tel, pas comme un contrat sans clauses."),
	Risk: t("A contract nobody can read or search cannot be checked, shown to the CNIL or enforced.",
		"Un contrat illisible ou non consultable ne peut être vérifié, présenté à la CNIL ni opposé."),
	Remediation: t("Provide the text version (DOCX, ODT, PDF with text), or run OCR on the scan; repair or replace corrupt files.",
		"Fournissez la version texte (DOCX, ODT, PDF avec texte) ou passez le scan à l'OCR ; réparez ou remplacez les fichiers corrompus."),
	References: []check.Reference{refGDPR28}, Frameworks: map[string][]string{"gdpr": {"28(9)"}}}

// DocumentChecks: the readability check, then one check per element.
func DocumentChecks() check.Catalogue {
	out := check.Catalogue{check.Typed[Evidence]{M: metaReadable, Fn: evalReadable}}
	for _, el := range Elements {
		out = append(out, check.Typed[Evidence]{M: el.Meta(), Fn: evalElement(el.ID)})
	}
	return out
}

// Meta is the element's check metadata.
func (el Element) Meta() check.Meta {
	refs := []check.Reference{refGDPR28, refSCC915, refEDPB, refCNILGuide}
	if el.ID == "A28-44-transfers" {
		refs = append(refs, refGDPRCh5, refSCC914)
	}
	return check.Meta{ID: el.CheckID, Family: check.FamilyContracts, Severity: el.Severity,
		Title: el.Title,
		Description: check.Textf("%s (%s) %s Graded specific, present, restated (only repeats the Article) or missing; a negated or carved-out clause is missing.",
			"%s (%s) %s Évalué précis, présent, recopié (ne fait que reprendre l'article) ou absent ; une clause niée ou vidée par une exception est absente.",
			el.Title, el.ID, el.Wants),
		Risk: t("The CNIL sanctions processor contracts that lack Article 28 mentions (Dedalus 2022, Canal+ 2023, Slimpay 2021); a missing clause leaves the controller without a remedy when the processor fails.",
			"La CNIL sanctionne les contrats de sous-traitance sans les mentions de l'article 28 (Dedalus 2022, Canal+ 2023, Slimpay 2021) ; une clause absente laisse le responsable sans recours quand le sous-traitant défaille."),
		Remediation: check.Textf("%s Model: %s", "%s Modèle : %s", el.Fix, el.Model),
		References:  refs,
		Frameworks:  map[string][]string{"gdpr-art28": {el.ID}},
	}
}

func evalReadable(e Evidence) check.Outcome {
	ev := map[string]any{"format": e.Format}
	if e.Pages > 0 {
		ev["pages"] = e.Pages
	}
	switch {
	case e.NoText:
		return check.Outcome{Status: check.Error, Evidence: ev, Message: t(
			"scanned document: no text layer, so no clause could be read (this is not \"no clauses\"); run OCR on it or provide the text version",
			"document scanné : pas de couche texte, aucune clause n'a pu être lue (ce n'est pas « aucune clause ») ; passez-le à l'OCR ou fournissez la version texte")}
	case e.Problem != nil || e.Analysis == nil:
		msg := t("the document could not be read", "le document n'a pas pu être lu")
		if e.Problem != nil {
			msg = *e.Problem
		}
		return check.Outcome{Status: check.Error, Evidence: ev, Message: msg}
	}
	a := e.Analysis
	ev["language"], ev["sentences"], ev["chars"] = string(a.Language), a.Sentences, a.Chars
	sentences := check.Textf("%d sentences", "%d phrases", a.Sentences)
	if a.Sentences == 1 {
		sentences = check.Text{EN: "1 sentence", FR: "1 phrase"}
	}
	return check.Outcome{Status: check.Pass, Evidence: ev, Message: check.Textf(
		"read: %s, %v, language %s", "lu : %s, %v, langue %s", e.Format, sentences, langName(a.Language))}
}

func langName(l Language) check.Text {
	switch l {
	case LangEN:
		return t("English", "anglais")
	case LangFR:
		return t("French", "français")
	case LangMixed:
		return t("mixed French and English", "mixte français et anglais")
	}
	return t("undetermined", "indéterminée")
}

func evalElement(id string) func(Evidence) check.Outcome {
	return func(e Evidence) check.Outcome {
		if e.Analysis == nil {
			return check.Outcome{Status: check.Skipped, Message: t("not analysed: the document could not be read (see CTR-DOC-001)",
				"non analysé : le document n'a pas pu être lu (voir CTR-DOC-001)")}
		}
		r, ok := e.Analysis.Result(id)
		if !ok { // Analyze judges every element: an analysis without this one is a bug to show, not a FAIL
			return check.Outcome{Status: check.Error, Message: check.Textf("the analysis has no result for %s", "l'analyse n'a pas de résultat pour %s", id)}
		}
		o := ElementOutcome(r)
		if len(e.Processors) > 0 {
			o.Evidence["processors"] = e.Processors
		}
		return o
	}
}

// ElementOutcome turns a result into a finding's outcome: specific passes,
// present and restated warn (EDPB 07/2020 §109: the contract must say how),
// missing fails.
func ElementOutcome(r Result) check.Outcome {
	ev := map[string]any{"element": r.Element, "code": ElementCode(r.Element), "level": r.Level.String()}
	status := map[Level]check.Status{Specific: check.Pass, Present: check.Warn, Restated: check.Warn, Missing: check.Fail}[r.Level]
	level := check.Textf("[%s] %s", "[%s] %s", r.Element, t(r.Level.Label(check.EN), r.Level.Label(check.FR)))
	if r.Sentence == "" {
		return check.Outcome{Status: status, Evidence: ev, Message: check.Textf("%s: %s", "%s : %s", level, r.Why)}
	}
	ev["sentence"], ev["location"] = r.Sentence, r.Location.String()
	if r.Rejected {
		ev["rejected"] = true
		return check.Outcome{Status: status, Evidence: ev, Message: check.Textf("%s: %q (%s) does not count: %s", "%s : « %s » (%s) ne compte pas : %s",
			level, r.Sentence, r.Location.String(), r.Why)}
	}
	return check.Outcome{Status: status, Evidence: ev, Message: check.Textf("%s: %s — %q (%s)", "%s : %s — « %s » (%s)",
		level, r.Why, r.Sentence, r.Location.String())}
}

// ElementCode is the matrix column code of an element ID ("SP"), or "".
func ElementCode(id string) string {
	if el, ok := ElementByID(id); ok {
		return el.Short
	}
	return ""
}

// IsElementCheck reports whether a check ID reports an element.
func IsElementCheck(checkID string) bool {
	return strings.HasPrefix(checkID, "CTR-") && !strings.HasPrefix(checkID, "CTR-INV-") && checkID != metaReadable.ID
}
