package contracts

import (
	"github.com/vigie-security/vigie/internal/check"
)

// The judges grade the elements whose specificity is more than a count of
// signals. Their expressions are fixed: a typo fails every test at start.

var (
	annexTerms = must(compileX(annex))
	dataKinds  = terms("name", "names", "surname", "surnames", "first name", "first names", "last name", "last names", "email", "emails", "e-mail",
		"e-mails", "email address", "email addresses", "e-mail address", "e-mail addresses", "postal address", "postal addresses", "address", "addresses", "phone",
		"phone number", "phone numbers", "telephone", "telephone number", "telephone numbers", "mobile", "ip address", "ip addresses", "date of birth",
		"dates of birth", "job title", "job titles", "position", "positions", "company", "employer", "identifier", "identifiers", "login", "logins", "user id",
		"user ids", "userid", "userids", "billing", "bank", "iban", "payment", "location", "geolocation", "cookie", "cookies", "device", "browsing", "purchase",
		"order history", "health", "nom", "noms", "prénom", "prénoms", "adresse", "adresses", "courriel", "courriels", "numéro", "numéros", "date de naissance",
		"fonction", "fonctions", "poste", "postes", "société", "entreprise", "identifiant", "identifiants", "coordonnées", "bancaire", "bancaires", "facturation",
		"localisation", "navigation", "achats", "santé", "civilité", "signature")
	dataWords   = must(compileX(dataKinds))
	peopleWords = must(compileX(terms("employee", "employees", "staff", "customer", "customers", "client", "clients", "prospect", "prospects", "lead", "leads",
		"user", "users", "visitor", "visitors", "subscriber", "subscribers", "patient", "patients", "student", "students", "supplier", "suppliers", "member",
		"members", "salarié", "salariés", "employé", "employés", "utilisateur", "utilisateurs", "visiteur", "visiteurs", "abonné", "abonnés", "fournisseur",
		"fournisseurs", "membre", "membres", "internaute", "internautes")))
)

// annexListing is judgeDataTypes' reason when the list is in an annex: a
// reference, not content (a deferred description it follows stays deferred).
var annexListing = t("refers to an annex listing them", "renvoie à une annexe qui les liste")

// judgeDataTypes: a list of data categories is specific; a list of groups
// of people under a "categories of data" label is the mislabelled annex the
// research note warns of.
func judgeDataTypes(f string) (Level, check.Text) {
	seen := dataWords.distinct(f)
	switch {
	case seen >= 2:
		return Specific, t("lists the categories of data", "liste les catégories de données")
	case seen == 0 && peopleWords.in(f):
		return Present, t("lists groups of people, not types of data: the annex is mislabelled", "liste des groupes de personnes, pas des types de données : l'annexe est mal renseignée")
	case annexTerms.in(f):
		return Specific, annexListing
	}
	return Present, t("the data is named without being listed", "les données sont nommées sans être listées")
}

var (
	flowObligationWords = both(terms("same", "no less", "at least", "substantially", "equivalent", "materially", "similar", "même*", "identiques",
		"équivalent*", "niveau de protection"), rx(`same standard|same level of protection|equivalent level of protection|materially the same|substantially similar|meme niveau de protection|niveau de protection equivalent|memes exigences|same (data protection )?obligations|no less (protective|onerous|stringent)|at least (as protective|equivalent)|substantially (the )?same|equivalent (data protection )?obligations|(memes|identiques|equivalentes) obligations|obligations (equivalentes|identiques|au moins equivalentes)|memes garanties`))
	flowObligations = must(compileX(flowObligationWords))
	flowLiableWords = both(terms("liable", "responsible", "responsable"), rx(`(liable|responsible|responsable) (for|des|de) (the |les |ses )?(acts (and|or) omissions|actes et omissions|agissements)|(remain|remains|stay|stays) (fully |wholly |entirely )?liable|fully (liable|responsible)|(demeure|reste|restera|demeurera) (pleinement |entierement )?responsable`))
	flowLiable      = must(compileX(flowLiableWords))
	flowWritten     = must(compileX(terms("written agreement", "written contract", "contract in writing", "contrat écrit", "acte juridique", "par contrat", "par écrit",
		"by contract", "by a contract", "by written contract", "by a written contract", "by way of contract", "by way of a contract", "by way of a written contract")))
	flowAudit = must(compileX(terms("audit*", "verif*", "vérif*", "copy of", "copie*")))
)

// judgeFlowdown: the same obligations imposed and full liability kept, or
// either with a written contract or audits of the sub-processor.
func judgeFlowdown(f string) (Level, check.Text) {
	ob, li := flowObligations.in(f), flowLiable.in(f)
	switch {
	case ob && li && (flowWritten.in(f) || flowAudit.in(f)):
		return Specific, t("imposes the same obligations by written contract and keeps the processor fully liable", "impose les mêmes obligations par contrat écrit et laisse le sous-traitant pleinement responsable")
	case ob && li:
		return Present, t("imposes the same obligations and keeps the processor liable, with nothing on how", "impose les mêmes obligations et maintient la responsabilité, sans modalités")
	case ob:
		return Present, t("imposes the same obligations, but says nothing of the processor's liability", "impose les mêmes obligations, sans rien dire de la responsabilité du sous-traitant")
	}
	return Present, t("keeps the processor liable, but does not impose the same obligations", "maintient la responsabilité du sous-traitant, sans imposer les mêmes obligations")
}

var (
	endReturnWords = terms("return*", "send back", "hand back", "hand over", "export*", "retriev*", "restitu*", "renvo*", "remettre", "transmettre",
		"récupér*")
	endReturn      = must(compileX(endReturnWords))
	endDeleteWords = terms("delet*", "destr*", "eras*", "supprim*", "détrui*", "effac*")
	endDelete      = must(compileX(endDeleteWords))
	endChoice      = must(compileX(terms("choice", "choose", "chooses", "decide", "decides", "choisit", "choisir", "election", "elect", "option", "at the request",
		"at the written request", "as instructed", "as directed", "as requested", "upon instruction", "upon written instruction", "au choix", "selon le choix",
		"à la demande", "sur demande", "sur simple demande", "sur instruction", "sur simple instruction", "selon les instructions", "opte*", "may export",
		"may retrieve", "may download", "peut exporter", "peut récupérer", "peut télécharger")))
	endExtra = must(compileX(either(both(number(), rx(`\b\d+ ?(\(\d+\) )?(calendar |business |working )?(days|jours|months|mois)\b`)),
		terms("certif*", "attest*", "procès-verbal", "backup", "backups", "sauvegarde", "sauvegardes", "format", "csv", "sql"))))
)

func judgeEnd(f string) (Level, check.Text) {
	ret, del := endReturn.in(f), endDelete.in(f)
	switch {
	case !ret:
		return Present, t("deletion only: no return option, no choice for the controller", "suppression seule : ni restitution, ni choix du responsable")
	case !del:
		return Present, t("return only: nothing on deleting copies", "restitution seule : rien sur la suppression des copies")
	case !endChoice.in(f):
		return Present, t("return and deletion, but the controller is given no choice", "restitution et suppression, sans choix laissé au responsable")
	case endExtra.in(f):
		return Specific, t("the controller chooses, with a time limit, format, backups or a deletion certificate", "le responsable choisit, avec un délai, un format, les sauvegardes ou un certificat de destruction")
	}
	return Present, t("the controller chooses between return and deletion, with no time limit or proof", "le responsable choisit entre restitution et suppression, sans délai ni preuve")
}

var (
	deadlineMatch = must(compileX(deadline))
	deadlineDelay = must(compileX(deadlineWords))
	numberWords   = map[string]int{"twenty-four": 24, "forty-eight": 48, "seventy-two": 72, "twelve": 12, "thirty-six": 36, "one": 1, "two": 2, "three": 3,
		"vingt-quatre": 24, "quarante-huit": 48, "soixante-douze": 72, "douze": 12, "trente-six": 36, "un": 1, "deux": 2, "trois": 3}
)

// judgeDeadline reads the delay in hours; a delay as long as the
// controller's own 72 hours towards the authority leaves it no time.
func judgeDeadline(f string) (Level, check.Text) {
	// The delay is read from the match alone, as the deadline found it
	// (the delay near the notice; a delay alone where the text is only that),
	// and in the match from its maximum: not from "(staffed 24 hours a day)"
	// between the notice and "within 48 hours".
	m := deadlineMatch.find(f)
	if m == "" {
		m = f
	}
	m = deadlineDelay.find(m)
	hours, ok := firstHours(m)
	if !ok {
		return Missing, t("no deadline", "aucun délai")
	}
	if hours < 72 {
		return Specific, check.Textf("sets a maximum delay of %d hours", "fixe un délai maximal de %d heures", hours)
	}
	return Present, check.Textf("sets %d hours: as long as the controller's own deadline towards the authority, which leaves it no time",
		"fixe %d heures : autant que le délai du responsable envers l'autorité, ce qui ne lui laisse aucune marge", hours)
}
