package contracts

// The vocabulary the rules share, from the research note (art28.md §2), in
// English and French; terms are folded when the rules are compiled, so they
// are written here as a person would.
var (
	annex = terms("annex*", "schedule*", "appendix", "appendices", "appendice*", "exhibit*")
	// subProcessor is any way a contract names a sub-processor.
	subProcessor = terms("sub-processor*", "subprocessor*", "sub processor*", "subcontractor*", "sub-contractor*",
		"another processor", "other processor*", "sous-traitant ultérieur*", "sous-traitants ultérieurs",
		"sous-traitant secondaire*", "sous-traitants secondaires", "sous-traitant de second rang", "sous-traitance ultérieure",
		"autre sous-traitant", "autres sous-traitants", "sous-traitants")
	// staffPersonnel is the staff as "personnel", not the "caractère
	// personnel" of the data.
	staffPersonnel  = notAfter(terms("personnel", "personnels"), "caractère", "à caractère")
	controllerParty = terms("controller", "customer", "client", "data exporter", "responsable", "responsable du traitement",
		"responsable de traitement", "donneur d'ordre")
	// processingOperations name what a description of the processing lists.
	processingOperations = terms("processing operations", "opérations de traitement", "opérations réalisées", "opérations effectuées", "operations performed")
	// dataProcessed names the data a description lists.
	dataProcessed = terms("données à caractère personnel traitées", "données personnelles traitées", "données traitées", "personal data processed")
	// descriptionParts are the parts of the description of the processing
	// (Art. 28(3) opening paragraph).
	descriptionParts = terms("subject matter", "subject-matter", "duration", "nature", "purpose", "purposes", "types of personal data", "type of personal data",
		"categories of personal data", "categories of data", "data subjects", "objet", "durée", "finalité", "finalités", "catégories de données", "types de données",
		"catégories de personnes", "personnes concernées")
	// listedElsewhere is a sentence that names three or more parts of the
	// description to say where they are set out: it gives none of them.
	listedElsewhere = mk(both(several(3, descriptionParts), terms("specified in", "set out in", "described in", "detailed in", "listed in", "defined in",
		"further specified", "précisé*", "décrit*", "défini*", "figurent", "annex*", "schedule*", "appendix", "exhibit*", "ci-après", "below")),
		"names the parts of the description only to say where they are set out: it gives none of them",
		"nomme les parties de la description pour dire où elles figurent : il n'en donne aucune")
	// onwardTransfers is the SCC annex field on what sub-processors do
	// ("For transfers to (sub-) processors, also specify subject matter,
	// nature and duration of the processing"), not this processing.
	onwardTransfers = mk(terms("transfers to (sub-) processors", "transfers to (sub-)processors", "transfers to sub-processors", "transfers to subprocessors",
		"transferts vers des sous-traitants", "transferts vers des (sous-)traitants", "transferts aux sous-traitants"),
		"the standard clauses' field on what sub-processors do, not the description of this processing",
		"le champ des clauses types sur ce que font les sous-traitants ultérieurs, pas la description de ce traitement")
	// contractFor is the contract saying what it is for or what it goes
	// with: "these clauses define the conditions under which…", "this DPA
	// is entered into in connection with the contract concerning …".
	contractFor = either(within(3, terms("présentes", "présent", "this", "these", "ces"), within(0, terms("ont pour", "a pour", "has as its", "have as their"), terms("objet", "subject", "purpose"))),
		within(20, contractItself, terms("governs", "applies to", "sets out", "définit", "définissent", "régit", "régissent", "s'applique", "s'appliquent")),
		within(24, contractItself, terms("in connection with", "concerning", "in relation to", "relating to", "dans le cadre de", "relatif à", "relative à", "concernant")))
	contractItself = terms("this dpa", "this addendum", "this agreement", "this data processing", "the present", "le présent", "la présente", "les présentes", "cet accord")
	// contractObject is the contract saying what it is for ("these clauses
	// define the conditions under which…"): the subject matter only when
	// the service is named.
	contractObject = mk(contractFor,
		"says what the contract is for, without naming the service", "dit à quoi sert le contrat, sans nommer le service").
		except(terms("subject matter", "subject-matter", "objet du traitement")) // the Article's own words: restated, not the contract's object
	// placeholder is a template field left unfilled.
	placeholder = both(terms("[", "____", "......", "xxx*", "tbd", "to be", "à définir", "à compléter", "à préciser"), rx(`\[[^\]]{0,40}\]|_{4,}|\.{6,}|\bxxx+\b|\btbd\b|to be (defined|determined|agreed|completed)|a definir|a completer|a preciser`))
	// deferredTo: the contract leaves the description for the controller to
	// give later, which the labelling rule reads as not addressed.
	deferredTo = both(terms("by the controller", "by the customer", "by the client", "by controller", "by customer", "by client", "by the data exporter",
		"by the exporter", "par le responsable", "par le client", "par le donneur", "il appartient", "il revient", "it is for the", "it is up to the",
		"from time to time", "à définir par", "as determined by", "as defined by", "as specified by", "as identified by", "as decided by", "as chosen by",
		"que le client", "que le responsable", "customer chooses", "customer elects", "customer decides", "controller chooses", "controller decides"), either(
		rx(`\b(is|are|will be|shall be|to be|may be|be|being)( \w+)? (defined|determined|specified|identified|set out|described|decided|designated|selected|chosen|established|notified|communicated|provided)( later| separately| from time to time| at a later (date|stage)| in writing)?( to the (supplier|processor|provider|vendor))? by (the )?(data )?(controller|customer|client|exporter)\b`),
		rx(`\b(sont|est|seront|sera|etre|sont a|est a)( \w+)? (fixee?s?|definie?s?|precisee?s?|determinee?s?|identifiee?s?|etablie?s?|decidee?s?|indiquee?s?|communiquee?s?|choisie?s?|designee?s?)( ulterieurement| librement| separement| par ecrit)? par le (responsable|client|donneur d'ordre)`),
		rx(`\b(il appartient au|il revient au|it is for the|it is up to the) (responsable|client|controller|customer)( de traitement| du traitement)? (de|to) (definir|fixer|determiner|preciser|identifier|define|determine|specify|identify)`),
		rx(`as (instructed|defined|specified) by the (customer|controller) from time to time|a definir par le (responsable|client)`),
		rx(`\bas (determined|defined|specified|identified|decided|chosen) by (the )?(data )?(controller|customer|client|exporter)\b|\b(celles|ceux|celle|celui) que le (client|responsable)( de traitement| du traitement)? (choisit|decide|souhaite|determine|definit)|\b(whatever|any|such) (personal )?data (that |which )?(the )?(customer|controller|client) (chooses|elects|decides|wishes) to\b`),
	))
	deferred = mk(deferredTo, "left for the controller to define later: not addressed (art28.md: deferred = not addressed)",
		"renvoyé au responsable pour plus tard : non traité (art28.md : renvoyé = non traité)")
	// deadlineWords are a maximum delay, anywhere.
	deadlineWords = either(
		within(4, terms("within", "no later than", "not later than", "at the latest", "at most", "maximum", "max", "in less than", "less than",
			"not exceeding", "under", "dans un délai", "dans les", "sous", "au plus tard", "n'excédant pas", "en moins de", "au maximum"), delay()),
		within(1, delay(), terms("au plus tard", "at the latest", "maximum", "max")),
	)
	// deadline is a maximum delay for the notice, near the word that gives
	// it: "notify … within 24 hours", "no later than forty-eight (48) hours",
	// « informe … dans un délai maximum de 48 heures », "sous 24h", "48
	// heures au plus tard" (not "analysis within 4 hours"); the recipient's
	// contact details may sit between them ("notify Jane Roe (jane@…, +33 …),
	// … within 24 hours"), and the limit of the notice's "without undue
	// delay" is the notice's deadline, however far the notice is.
	deadline = either(withinPastAsides(16, notifyWords, deadlineWords), withinPastAsides(16, deadlineWords, notifyWords),
		both(undueDelay, withinPastAsides(30, notifyWords, either(within(4, undueDelay, deadlineWords),
			within(12, undueDelay, within(0, terms("in any event", "in any case", "in all cases", "en tout état de cause", "en tout cas", "dans tous les cas"), deadlineWords))))))
	// undueDelay is the notice's own timing, which a deadline may limit.
	undueDelay = terms("without undue delay", "sans délai indu", "sans délai injustifié", "dans les meilleurs délais", "sans retard indu", "sans retard injustifié")
	// dataNamed are kinds of personal data a description names.
	dataNamed = terms("name*", "e-mail*", "email*", "address*", "phone*", "ip address*", "identifier*", "nom", "noms", "prénom*", "adresse*", "courriel*",
		"téléphone*", "identifiant*")
	// onSite qualifies an audit as on the premises: excluding those leaves
	// the others.
	onSite = terms("on-site", "onsite", "on site", "physical", "sur site", "sur place")
	// limits qualify a prohibition into a limit: "no more than once a year".
	limits   = terms("more than", "unless", "except", "other than", "beyond", "plus de", "plus d'une", "sauf", "au-delà")
	unfilled = mk(placeholder, "a template placeholder is left unfilled", "un champ du modèle n'est pas rempli")
	// securityMeasures are concrete technical and organisational measures.
	securityMeasures = terms("encrypt*", "chiffr*", "pseudonym*", "access control*", "contrôle d'accès", "contrôle des accès", "contrôles d'accès", "backup*", "sauvegarde*", "logging",
		"journalis*", "multi-factor", "multifactor", "mfa", "authentification forte", "authentification multi*", "iso 27001", "iso27001", "soc 2", "soc2",
		"penetration test*", "test d'intrusion", "tests d'intrusion", "firewall*", "pare-feu", "aes", "tls", "vulnerab*", "patch*", "correctif*", "segregat*",
		"cloisonnement", "habilitation*")
	// assistVerbs say the processor helps the controller.
	assistVerbs = terms("assist*", "aide", "aider", "aidera", "aident", "help*", "support*", "cooperat*", "coopér*", "appui*", "appuy*", "accompagn*", "contribu*",
		"provide", "provides", "fournit", "fournir", "fournira", "make available", "met à disposition", "mettre à disposition", "participe*", "concours", "collabor*")
	// otherRecipient is a breach notice to someone other than the
	// controller: the data subjects, the authority, the processor's own
	// people ("notify its insurer", « informe ses équipes »), the police.
	otherRecipient = mk(either(terms("à la personne concernée", "aux personnes concernées", "à cette personne", "to the data subject", "to the data subjects", "to the affected",
		"à l'autorité de contrôle", "aux autorités", "to the supervisory authority", "to the authorities", "notification interne", "internal notification", "en interne", "internally"),
		within(0, noticeVerbs, terms("its", "their", "his", "her", "son", "sa", "ses", "leur", "leurs", "à son", "à sa", "à ses", "à leur", "à leurs")),
		both(otherRecipients, within(2, either(noticeVerbs, terms("to", "au", "aux", "à")), otherRecipients))),
		"notice to someone other than the controller (the data subject, the authority, the processor's own teams or insurer)",
		"une information d'un autre que le responsable (la personne concernée, l'autorité, les équipes ou l'assureur du sous-traitant)").
		// … unless the controller is told too ("notify its Customer", "its
		// insurer and the Customer", "its contact at the Customer")
		except(either(within(2, either(noticeVerbs, terms("to", "au", "à", "and", "et", "as well as", "ainsi que", "at", "chez")),
			either(controllerParty, terms("customers", "controllers", "clients", "responsables"))), terms("you", "vous")))
	// otherRecipients are those a processor may notify instead of the
	// controller.
	otherRecipients = terms("data subject*", "affected individual*", "personne concernée", "personnes concernées", "supervisory authorit*", "authorities",
		"autorité de contrôle", "autorités", "cnil", "regulator*", "insurer*", "assureur*", "police", "law enforcement", "forces de l'ordre", "gendarmerie",
		"sub-processor*", "subprocessor*", "sous-traitant ultérieur", "sous-traitants ultérieurs")
	// noticeVerbs give a notice to the recipient that follows them (or
	// name it: "notification to its insurer").
	noticeVerbs = terms("notif*", "inform*", "alert*", "advis*", "tell*", "warn*", "report*", "avert*", "prévien*", "prévenir", "signal*")
	// breachWords name a personal data breach or a security incident.
	breachWords = terms("personal data breach*", "data breach*", "security breach*", "security incident*", "breach of security", "breach notification*",
		"notification of breach*", "breach notice*", "notice of breach*",
		"incident*", "violation of personal data", "violations of personal data", "breach of personal data", "breaches of personal data", "personal data violation", "personal data violations", "violation de données", "violations de données", "violation de la sécurité",
		"violation de sécurité", "violations de sécurité", "violation des données", "violations des données")
	// breachContents are the items of Art. 33(3) a notice holds (or its
	// being given in stages, 33(4)): the nature of the breach, the
	// categories and numbers of people and records, the DPO's or another
	// contact point's details, the likely consequences, the measures. A
	// DPO named as the one notified, with an address in brackets, is no
	// list of contents.
	breachContents = either(
		terms("approximate number*", "nombre approximatif", "consequences", "conséquences", "measures taken", "measures proposed", "measures to be taken",
			"mesures prises", "mesures proposées", "mesures envisagées", "in stages", "in phases", "échelonn*", "par étapes"),
		within(3, terms("nature"), breachWords),
		within(5, terms("categor*", "number*", "nombre*", "volume*"), terms("data subject*", "personnes concernées", "records", "enregistrements", "data records", "individuals", "persons affected")),
		within(6, terms("contact details", "coordonnées", "contact point", "point de contact", "point of contact", "name and contact", "nom et les coordonnées"),
			terms("dpo", "data protection officer", "délégué*", "contact point", "point de contact", "point of contact", "more information", "plus d'informations", "informations supplémentaires")),
		within(3, terms("dpo", "data protection officer", "délégué à la protection des données", "délégué"), terms("contact details", "coordonnées")),
	)
	notifyWords = terms("notif*", "notice", "inform*", "alert*", "report*", "signal*", "avert*", "previen*", "prévenir", "tell*", "advise*")
)
