package contracts

import (
	"regexp"
	"strings"
)

// A clause can name a duty only to take it away: "shall not be required to
// notify", « n'est pas tenu de notifier », "not bound by any
// confidentiality obligation", "does not implement any … measures", "may
// engage sub-processors without authorisation". The words of the duty are
// there, so the clause is found; these expressions, in a rule's exclude,
// keep it from counting.
var (
	// notBound says a duty does not bind: "not required to", "under no
	// obligation", « n'est pas tenu de », « soumis à aucune », « aucune
	// obligation de ».
	notBound = either(notObliged, both(terms("waive*", "renonc*"), rx(`\bwaive[sd]?\b|\brenonce\w*\b`)))
	// notObliged is notBound without the waivers: "the Customer is not
	// required to" is the controller's freedom, "the Customer waives" takes
	// the processor's duty away.
	notObliged = both(terms("required", "obliged", "obligated", "bound", "compelled", "subject to", "under any", "under an", "obligation*", "duty", "duties",
		"requirement*", "tenu*", "oblig*", "astreint*", "contraint*", "soumis*", "lié", "liée", "liés", "liées", "devoir*", "engagement*",
		"exigence*", "dispens*", "libér*", "exonér*", "commitment*", "undertaking*"),
		rx(`\bnot (be |been |being )?(required|obliged|obligated|bound|compelled|subject to (any|an)|under (any|an)( \w+)? (obligation|duty))\b`+
			`|\b(no|free (of|from) any|relieved of any|released from any|under no)( \w+)? (obligations?|duty|duties|requirements?|commitments?|undertakings?)\b`+
			`|\b(n'est|ne sont|ne sera|ne seront|n'etant|ne soit|ne soient|ne serait|ne seraient|n'etre) (pas|nullement|aucunement|en rien) (tenue?s?|obligee?s?|astreinte?s?|contrainte?s?|soumise?s?|liee?s?)\b`+
			`|\bne pas etre (tenue?s?|obligee?s?|astreinte?s?|soumise?s?)\b|\b(tenue?s?|obligee?s?|astreinte?s?|soumise?s?|liee?s?) a (aucune?|nulle)\b`+
			`|\b(aucune?|nulle) (obligations?|devoirs?|engagements?|exigences?)\b|\b(dispensee?s?|liberee?s?|exoneree?s?) (de|d'|du|des)\b`))
	// exemptFrom frees the processor of the duty named right after it:
	// "exempt from notifying", "relieved of its obligation to notify", "not
	// responsible for notifying", « exempté de notifier », « n'est pas
	// responsable de la notification » (not "exempt from liability for the
	// incidents it notified").
	exemptFrom = both(terms("exempt*", "relieved", "released", "excused", "absolved", "dispensed", "not responsible", "not be responsible", "never responsible",
		"never be responsible", "no responsibility", "pas responsable*", "nullement responsable*", "aucunement responsable*"),
		rx(`\b(exempt(ed)?|relieved|released|excused|absolved|dispensed) (from|of)( (any|all|the|its|their|such))?( (obligations?|duty|duties|requirements?|need)( to| of)?)?`+
			`|\bexemptee?s? (de |d'|du )((toute|tout|son|sa|ses|l'|la) )?((obligations?|devoirs?) (de |d'|du ))?`+
			`|\b(not|never) (be )?responsible for\b|\b(has|have|bears?|assumes?|accepts?|takes?) no responsibility (for|to)\b`+
			`|\b(n'est|ne sont|ne sera|ne seront) (pas|nullement|aucunement) responsables? (de |d'|du )(la |l')?`))
	// notRequired, after the duty's noun, says it is not owed:
	// "Notification of breaches to the Controller is not required", « la
	// notification … n'est pas requise ». It ends the clause: "… is not
	// required to include …", "… for unsuccessful attempts" limit the duty.
	notRequired = both(terms("required", "necessary", "mandatory", "compulsory", "obligatory", "optional", "requis*", "exig*", "obligatoire*",
		"nécessaire*", "facultati*", "pas dus", "pas due", "pas dues", "nullement dus", "nullement due", "nullement dues", "aucunement dus", "aucunement due",
		"aucunement dues", "jamais dus", "jamais due", "jamais dues"),
		rx(`(\b(not|never) (be |been |being )?(required|necessary|mandatory|compulsory|obligatory)|\b(isn't|aren't) (required|necessary|mandatory)`+
			`|\b(is|are) optional|\b(n'est|ne sont|ne sera|ne seront) (pas|nullement|aucunement|jamais) (requise?s?|exigee?s?|obligatoires?|necessaires?|dus|dues?)`+
			`|\b(est|sont) facultatives?)`+clauseEnd))
	// isRequired, after "no" and the duty's noun: "No notification … is
	// required", « Aucune notification … n'est requise ».
	isRequired = both(terms("required", "necessary", "requis*", "exig*", "nécessaire*"),
		rx(`(\b(is|are|shall be|will be) (required|necessary)|\b(n'est|ne sont|ne sera|ne seront) (requise?s?|exigee?s?|necessaires?))`+clauseEnd))
	// notDoing is a negated verb: "does not", "will not", « ne … pas », « ne
	// s'engage pas à ».
	notDoing = either(both(terms("not", "cannot", "doesn't", "don't", "won't", "shan't", "needn't", "ne", "n'"),
		rx(`\b(does|do|did|will|shall|need|must|can|could|would|may) not\b|\b(cannot|doesn't|don't|won't|shan't|needn't)\b|\b(ne |n')[a-z]+ (pas|aucune?|jamais|nullement)\b`)),
		both(terms("ne se", "ne lui", "ne leur", "ne s'", "n'y", "n'en"), rx(`\b(ne (se|lui|leur) |ne s'|n'(y|en) )[a-z]+ (pas|aucune?|jamais|nullement)\b`)))
	// frNot closes a French negation right after the verb: « ne notifie pas ».
	frNot = terms("pas", "aucun", "aucune", "jamais", "nullement")
	// removalLimits make the negation a limit or about something else: a
	// condition ("unless", "where"), a contrast after the duty is set
	// ("… but is not required to notify unsuccessful attempts"), a
	// prohibition with its condition ("shall not notify the data subjects
	// without the Controller's approval"), a duty not to delay or lower,
	// the controller's own freedom.
	removalLimits = either(limits, terms("where", "to the extent", "insofar", "in so far", "lorsque", "lorsqu'", "dans la mesure", "but", "mais", "however",
		"toutefois", "cependant", "without", "sans", "delay*", "unreasonabl*", "fail*", "omit*", "retard*", "tarder",
		"manquer", "omettre", "reduc*", "lower*", "diminish*", "decreas*", "degrad*", "diminu*", "réduire", "abaisser", "infring*", "unlawful", "illegal",
		"illicite*", "contraire*", "third part*", "tiers", "code of conduct", "codes of conduct", "code de conduite", "codes de conduite", "certification*",
		// what the negation is about: another channel, more than the duty, a
		// harmful act, an abusive request
		"directly", "directement", "additional", "supplémentaire*", "compromise", "compromettre", "jeopardise", "jeopardize", "manifestly",
		"manifestement",
		// an exemption refused: "is not relieved of its obligation to notify", « ne le dispense pas de notifier »
		"not relieved", "not be relieved", "never relieved", "not exempt", "not be exempt", "not exempted", "not released", "not be released",
		"not relieve", "not release", "n'est pas dispensé", "ne sera pas dispensé", "n'est nullement dispensé", "n'est pas exempté", "n'est pas exonéré",
		"n'est pas libéré", "ne dispense pas", "ne dispense en rien", "ne le dispense pas", "ne libère pas", "ne le libère pas", "n'exonère pas", "ne l'exonère pas",
		// more than the duty: "does not merely notify", « ne se contente pas de notifier »
		"not merely", "not only", "not just", "not limited to", "ne se contente pas", "ne se limite pas", "ne se borne pas", "pas seulement",
		// a waiver refused keeps the duty: "does not waive its right to be notified"
		"not waive", "not waived", "never waive*", "no waiver", "ne renonce pas", "ne renoncent pas", "ne renonce en rien", "ne renonce nullement",
		"sans renoncer", "n'emporte pas renonciation", "ne vaut pas renonciation"),
		// the controller the subject ("the Customer is not required to"),
		// not the one notified ("notice to the Customer is not required")
		within(3, notAfter(controllerParty, "to the", "to", "au", "à", "à la"), notObliged))
	// dutyLead, right before a duty's verb, states the duty: "shall notify",
	// "the Processor implements", « le Sous-traitant notifie », « met en
	// œuvre », « s'engage à mettre en œuvre ». A "not" or « ne » between them
	// breaks the adjacency, so a negated duty is never one; nor is the
	// controller's ("the Customer shall notify the Processor …").
	dutyLead = notAfter(terms("shall", "will", "must", "undertakes to", "undertake to", "agrees to", "agree to", "is required to", "are required to",
		"processor", "sub-processor", "provider", "supplier", "vendor", "data importer", "doit", "doivent", "devra", "devront", "s'engage à",
		"s'engagent à", "s'oblige à", "s'obligent à", "est tenu de", "est tenue de", "sont tenus de", "met", "mettent", "mettra", "mettront",
		"sous-traitant", "prestataire", "fournisseur", "il", "elle"), "controller", "customer", "client", "exporter", "responsable", "traitement")
	// dutyMiddle may sit between the lead and the verb: "shall promptly
	// notify", « doit mettre en œuvre ».
	dutyMiddle = terms("promptly", "immediately", "also", "further", "at all times", "mettre", "également", "aussi", "immédiatement", "rapidement")

	// permission lets the processor act; negatedPermission forbids it.
	permission = terms("may", "can", "is free to", "is entitled to", "is permitted to", "is allowed to", "peut", "peuvent", "pourra", "pourront",
		"est libre de", "est autorisé à", "a le droit de")
	negatedPermission = terms("may not", "cannot", "can not", "shall not", "must not", "will not", "ne peut", "ne peuvent", "ne pourra", "ne pourront",
		"n'est pas libre", "n'est pas autorisé", "ne doit", "ne saurait",
		// a prohibition by its subject or an adverb: "No sub-processor may be engaged without…"
		"no sub-processor", "no sub-processors", "no subprocessor", "no subprocessors", "no other processor", "no sub-contractor",
		"no subcontractor", "no third party", "under no circumstances", "in no event", "in no case", "at no time",
		"aucun sous-traitant", "nul sous-traitant", "en aucun cas", "à aucun moment",
		// a general authorisation given instead of a specific one
		"specific", "spécifique", "further", "each", "individual")
	consentWords = terms("authori*", "consent*", "approv*", "agreement", "autoris*", "accord", "consentement*", "agrément", "permission")
)

// clauseEnd closes a clause: punctuation or the text's end, after at most
// the contract the words refer to ("under this Agreement", « au titre du
// présent contrat »).
const clauseEnd = `( (under|by) (this|these|the) [a-z-]+| au titre d(u|e la|es) [a-z ]{1,40}?)?($|[.;:,)])`

// removedWhy is why a clause that takes its duty away does not count.
var removedWhy = t("the clause removes the obligation instead of setting it", "la clause supprime l'obligation au lieu de la fixer")

// removes is a clause that takes away the duty whose words are owed (what
// is owed: "notify", "confidentiality") or done (the verb the processor
// would do: "implement", "notify"): not bound to it, or not doing it.
func removes(owed x, done ...x) sig {
	// the duty's words gate the rest: they are rarer than a negation
	forms := []x{both(owed, either(within(6, notBound, owed), within(1, exemptFrom, owed))),
		// the duty the sentence's subject, then not owed: a passive
		within(14, opening(`((the|a|an|any|such|la|le|les|une|toute|tout|toutes) |l')?`, owed), notRequired),
		within(14, opening(`(no|aucune?|nulle?) `, owed), isRequired)}
	for _, d := range done {
		forms = append(forms, both(d, either(within(3, notDoing, d), within(1, terms("ne", "n'"), within(0, d, frNot)))))
	}
	limit := removalLimits
	if len(done) > 0 {
		// a negation after the duty is set in the same sentence limits it:
		// "shall implement … and is not required to implement any other"
		var set []x
		for _, d := range done {
			set = append(set, within(0, dutyLead, d), within(0, dutyLead, within(0, dutyMiddle, d)))
		}
		limit = either(removalLimits, within(60, either(set...), either(forms...)))
	}
	return sig{expr: either(forms...), why: removedWhy}.except(limit)
}

// opening is a sentence that opens with the duty's words, after a list
// dash, a clause number and article: "Notification of …", « La
// notification … ». One anchored expression, so that the duty's words are
// looked for at the start only.
func opening(article string, owed x) x {
	var alts []string
	var add func(e x)
	add = func(e x) {
		for _, w := range e.words {
			end := `(?:[^a-z0-9\x{80}-\x{10FFFF}]|$)`
			if w.stem {
				end = ""
			}
			alts = append(alts, regexp.QuoteMeta(w.s)+end)
		}
		for _, sub := range e.any {
			add(sub)
		}
	}
	add(owed)
	return rx(`^(- )?([(]?[a-z0-9]{1,3}[.)] |\d+(\.\d+)+\.? )?` + article + `(` + strings.Join(alts, "|") + `)`)
}

// freeOf is a clause that lets the processor do action without the
// controller's consent: the duty to ask for it removed.
func freeOf(action x, en, fr string) sig {
	return mk(within(20, within(3, permission, action), within(5, terms("without", "sans"), consentWords)),
		"the clause removes the obligation: "+en, "la clause supprime l'obligation : "+fr).except(negatedPermission)
}

// The duties' verbs, for removes ("apply" is not one: "this section does
// not apply to …" sets a scope, it removes no measure).
var (
	securityDone = terms("implement*", "maintain*", "take", "takes", "adopt*", "en œuvre", "en place", "prend", "prennent", "maintient", "maintiennent")
	// breachDone are the verbs of a notice ("does not notify", « n'informe
	// pas »), not its nouns ("does not provide sufficient information").
	breachDone = terms("notify", "notifies", "notifier", "notifie", "notifiera", "inform", "informs", "informer", "informe", "informera", "alert", "alerts",
		"alerter", "alerte", "report", "reports", "signale", "signaler", "avertit", "avertir", "prévenir", "prévient", "tell", "tells", "advise", "advises")
	// noticeOwed is what the breach duties owe: a notice, not the
	// information it holds ("not required to include information …"), but
	// « aucune obligation d'information ».
	noticeOwed = terms("notif*", "notice", "inform", "informs", "informed", "informing", "informe*", "alert*", "report*", "signal*", "avert*", "previen*",
		"prévenir", "tell*", "advise*", "d'information")
	dsrHelp = terms("assist*", "help*", "support*", "aide*", "aider", "forward*", "transmet*", "transmettre", "coopér*", "cooperat*")
)
