package contracts

// elementSpecs are the rules of the twenty elements, in the language of
// rule.go and pattern.go.
var elementSpecs = map[string]spec{
	"A28-3-subject-matter": {
		standIn: "A28-3-nature-purpose",
		triggers: []string{"subject", "objet", "scope", "purpose of this", "applies to", "s'applique", "services", "prestation", "in connection with", "concerning", "relating to",
			"in relation to", "dans le cadre de", "relatif a", "relative a", "concernant"},
		// a sales contract's own "objet" is not the processing's subject matter
		need: needs(`subject.matter|traitement|donnees|data|process|pour le compte|on behalf|campagne|campaign|prospect|annexe|addendum|\bdpa\b|service|prestation|sous-traitant|responsable|\bleads?\b`),
		clause: []x{
			terms("subject matter", "subject-matter"),
			heading("scope", "objet", "subject matter", "subject-matter"),
			within(1, terms("objet du", "objet des", "objet de", "objet de la"), terms("traitement", "sous-traitance", "prestation", "contrat", "présent", "présente", "présentes")),
			contractFor,
			// "X is authorised to process, on behalf of the Client, the data
			// needed to provide the payroll service": the mission named
			within(12, terms("autorisé à traiter", "authorised to process", "authorized to process", "processes personal data", "traite des données"),
				terms("pour le compte", "on behalf", "afin de", "in order to", "for the purpose", "pour la", "pour les")),
		},
		bare: []sig{contractObject},
		exclude: []sig{
			listedElsewhere,
			onwardTransfers,
			mk(terms("dispute", "claim arising", "litige", "governing law", "droit applicable", "jurisdiction"), "this is the dispute or governing-law clause, not the subject matter", "il s'agit de la clause de litige ou de droit applicable, pas de l'objet"),
			mk(terms("faisant l'objet", "font l'objet", "fait l'objet", "faire l'objet"), "\"faisant l'objet\" says data is processed, not what the processing is for", "« faisant l'objet » dit que des données sont traitées, pas à quoi sert le traitement"),
		},
		deferred: []sig{deferred},
		weak:     []sig{unfilled},
		signals: []sig{
			mk(terms("hosting", "host", "crm", "emailing", "e-mailing", "newsletter*", "call center", "call centre", "payroll", "prospect*", "marketing",
				"campaign*", "analytics", "customer support", "helpdesk", "help desk", "maintenance", "software", "saas", "cloud", "platform*", "lead generation",
				"enrichment", "telemarketing", "hébergement", "héberger", "centre d'appels", "paie", "bulletins de paye", "campagne*", "plateforme*", "logiciel*",
				"routage", "enrichissement", "émission d'appels", "émissions d'appels", "support client", "infogérance", "génération de leads", "appel*", "lead*",
				"qualification", "scoring", "service public numérique", "online services", "products", "produit*", "website*", "site*", "application*"),
				"names the service concerned", "nomme le service concerné"),
			reference(mk(annex, "refers to an annex describing it", "renvoie à une annexe qui le décrit")),
		},
	},
	"A28-3-duration": {
		triggers: []string{"duration", "duree", "term", "terme", "until", "jusqu", "period", "periode", "vigueur", "force", "effect"},
		clause: []x{
			within(2, terms("duration of"), terms("processing", "data processing", "this dpa", "this addendum")),
			// "Specified in the Services Agreement (duration of the Services Agreement)"
			within(2, terms("duration of the", "for the term of the", "durée du", "durée de la"), terms("agreement", "services agreement", "main agreement", "contrat", "contrat principal", "convention")),
			within(2, terms("durée du", "durée des", "durée de la", "durée de ce"), terms("traitement*", "sous-traitance", "prestation*", "contrat", "clauses", "convention", "avenant")),
			within(10, terms("processing", "traitement", "process personal data", "traite les données"),
				within(2, terms("for", "during", "pendant", "pour"), terms("term of", "duration of", "durée du", "durée de la"))),
			heading("term", "duration", "durée"),
			within(6, terms("dpa", "addendum", "agreement", "contrat", "convention", "avenant", "clauses", "annex", "annexe"),
				terms("remain in force", "remains in force", "remain in effect", "remains in effect", "continue in force", "continues in force", "restera en vigueur",
					"resteront en vigueur", "demeure en vigueur", "demeureront en vigueur", "entre en vigueur", "entrera en vigueur", "s'applique pendant", "reste en vigueur")),
			terms("enter into force", "enters into force", "entre en vigueur", "entrera en vigueur"),
		},
		exclude: []sig{
			listedElsewhere,
			onwardTransfers,
			mk(terms("au préalable et pendant toute la durée", "before and throughout the processing"), "the controller's duty to watch over the processing, not its duration", "le devoir du responsable de veiller au traitement, pas sa durée"),
			// "has instructed and throughout the duration of the processing
			// services will instruct": when instructions are given, not how
			// long the processing lasts
			mk(near(12, terms("throughout the duration", "pendant toute la durée"), terms("instruct", "instructs", "instructed", "instructions", "instruire", "instruction", "instructions")),
				"says when the instructions are given, not how long the processing lasts", "dit quand les instructions sont données, pas combien de temps dure le traitement"),
		},
		gives: ptr(terms("until", "as long as", "for the term", "effective", "in force", "shall apply for", "for the duration", "from the date", "years", "months",
			"jusqu'à", "jusqu'au", "tant que", "pendant", "en vigueur", "durée du contrat", "durée de la prestation", "à compter", "ans", "années", "mois")),
		deferred: []sig{deferred},
		weak: []sig{
			mk(both(terms("as long as", "aussi longtemps", "le temps nécessaire", "pour la durée nécessaire"), rx(`as long as (is )?(necessary|required|needed)|aussi longtemps que (necessaire|requis)|le temps necessaire|pour la duree necessaire`)), "gives a retention period, not the duration of the processing", "donne une durée de conservation, pas la durée du traitement"),
			unfilled,
		},
		signals: []sig{
			mk(both(terms("of the", "durée du", "durée de la", "durée des", "fin du", "terme du", "expiration du", "résiliation du", "until", "jusqu'à", "jusqu'au"), rx(`(term|duration|expiry|expiration|termination|end) of the (\w+ ){0,3}(agreement|contract|services)|duree (du|de la|des) (contrat|convention|prestation|services)( principale?)?|(fin|terme|expiration|resiliation) du contrat|until (the )?(termination|expiry|expiration|end)|jusqu'(a|au) (la )?(fin|terme|resiliation|expiration|echeance)`)),
				"ties the duration to the main contract", "lie la durée au contrat principal"),
			mk(both(terms("as long as", "tant que"), rx(`as long as the (\w+ ){0,4}(agreement|contract) (is|remains) in force|tant que (le|la) (\w+ ){0,3}(contrat|convention) (est|reste) en vigueur`)), "ties the duration to the main contract", "lie la durée au contrat principal"),
			mk(both(number(), rx(`\b\d+ (months?|years?|mois|ans?|annees?)\b|\b(19|20)\d\d\b`)), "gives a period or a date", "donne une période ou une date"),
		},
	},
	"A28-3-nature-purpose": {
		triggers: []string{"nature", "purpose", "finalit", "operations", "details of", "description"},
		bare:     []sig{contractObject},
		clause: []x{
			within(1, terms("nature of", "nature des", "nature du"), terms("processing", "operations", "opérations", "traitement", "traitements")),
			within(1, terms("purpose of", "purposes of"), terms("processing", "data processing")),
			terms("processing purpose*"),
			// "the processing operations are: …", not "the people concerned by
			// the processing operations"
			within(4, processingOperations, terms("are", "include", "includes", "consist", "consists", "sont", "comprennent", "incluent", "consistent", "consiste", ":", "following", "suivantes")),
			heading("processing operations", "opérations de traitement", "opérations réalisées", "opérations effectuées", "operations performed"),
			within(1, terms("finalité du", "finalités du", "finalité des", "finalités des", "finalité de", "finalités de"), terms("traitement*", "sous-traitance")),
			heading("finalité", "finalités", "purpose", "purposes"),
			terms("nature and purpose*", "purpose and nature", "purposes and nature", "nature et finalité*", "finalité et nature", "finalités et nature",
				"for the following purposes", "pour les finalités suivantes"),
			heading("details of processing", "details of the processing", "description of processing", "description of the processing", "description du traitement",
				"description des traitements", "processing operations", "nature of processing", "nature of the processing", "nature du traitement"),
		},
		exclude: []sig{
			listedElsewhere,
			onwardTransfers,
			mk(both(terms("into account", "compte tenu", "compte de", "account of", "scope"), rx(`(tak(e|es|ing) into account|compte tenu de|tient compte de|tenant compte de|account of) (the |la |de la )?(\w+ (and |et )?){0,2}(state of the art|nature|purposes?|finalites?)|(nature|type), scope,? (and )?(context|purpose)`)), "names the nature of the processing as a factor, without describing it", "cite la nature du traitement comme un facteur, sans la décrire"),
			// the standard clauses' 8.6(a): encrypt "where the purpose of
			// processing can be fulfilled in that manner"
			mk(within(6, terms("purpose", "purposes", "finalité", "finalités"), terms("can be fulfilled", "may be fulfilled", "can be achieved", "peut être atteinte", "peuvent être atteintes")),
				"a condition on a measure (where the purpose allows it), not the purpose itself", "une condition d'une mesure (si la finalité le permet), pas la finalité elle-même"),
		},
		deferred: []sig{deferred},
		weak: []sig{
			mk(`^.{0,80}(to|in order to|for the purpose of|afin de|pour) (perform|provide|deliver|execute|fournir|executer|realiser) (the|les|la|le) (services?|prestations?|agreement|contrat)\.?$`, "the purpose is circular: to perform the services", "la finalité est circulaire : exécuter les services"),
			unfilled,
		},
		signals: []sig{
			mk(terms("collect*", "record*", "storage", "store", "stored", "storing", "host*", "retriev*", "consult*", "transmi*", "sending", "send", "disclos*",
				"eras*", "analys*", "enrich*", "segment*", "deduplicat*", "scor*", "call", "calls", "calling", "routage", "envoi", "envois", "collecte",
				"enregistrement", "conservation", "hébergement", "stockage", "sauvegarde*", "backup*", "consultation", "analyse", "enrichissement", "segmentation",
				"dédoublonnage", "appel", "appels", "emailing", "email campaign*", "e-mail campaign*", "prospection", "campagne*", "marketing", "support",
				"paie", "bulletins de paye", "payroll", "billing", "facturation", "newsletter*", "campaign*", "audience*", "reporting", "targeting", "ciblage",
				"advertising", "publicité", "analytics", "modification", "extraction", "suppression", "destruction", "organisation", "structuration", "organization", "structuring",
				"adaptation", "alteration", "use", "utilisation", "combination", "rapprochement", "interconnexion", "limitation", "effacement", "deletion",
				"prise de rendez-vous", "rendez-vous", "gestion", "management", "authentification", "authentication", "monitoring", "surveillance"),
				"names the operations", "nomme les opérations"),
			reference(mk(annex, "refers to an annex describing it", "renvoie à une annexe qui le décrit")),
		},
		distinct:   true,
		minSignals: 2,
	},
	"A28-3-data-types": {
		triggers: []string{"categor", "type", "kind", "include", "such as", "notamment", "comprennent", "incluent", "personal data:", "donnees personnelles :", "donnees a caractere personnel :", "donnees traitees", "donnees concernees", "donnees personnelles traitees", "data processed", "data concerned", "personal data:", "donnees :"},
		clause: []x{
			// "categories of data", not "categories of data subjects"
			both(terms("categor*", "type*", "kind*"), rx(`(categor(y|ies)|types?|kinds?) of (personal )?data($|[^ a-z]| ([a-rt-z]|s[^u]))`)),
			terms("personal data categor*", "data categor*"),
			terms("catégories de données", "types de données", "type de données"),
			// "Personal data: names, e-mail addresses …": the label with data named
			both(heading("personal data", "données personnelles", "données à caractère personnel", "data types", "types of data"), dataNamed),
			// "Customer may submit Personal Data …, which may include names, e-mail addresses …"
			both(within(14, terms("personal data", "données personnelles", "données à caractère personnel"),
				terms("may include", "include", "includes", "such as", "comprennent", "incluent", "notamment")), dataNamed),
			within(3, dataProcessed, terms("sont les suivantes", "are the following", "include", "comprennent", "incluent")),
			// "the data processed are names …", or "… are those the client
			// chooses" (deferred), not "the data processed are inaccurate"
			both(within(3, dataProcessed, terms("sont", "are")), either(dataNamed, deferredTo)),
			heading("données traitées", "données concernées", "données à caractère personnel traitées", "données personnelles traitées",
				"personal data processed", "personal data concerned"),
		},
		exclude: []sig{
			listedElsewhere,
			onwardTransfers,
			mk(terms("approximate number", "nombre approximatif"), "this is the content of a breach notification, not the description of the data", "il s'agit du contenu d'une notification de violation, pas de la description des données"),
		},
		deferred: []sig{deferred},
		weak: []sig{
			mk(both(terms("as defined", "au sens de", "needed", "necessary", "required", "nécessaires", "any personal data"), rx(`as defined in (art(icle|\.)? ?4|the gdpr)|au sens de l'article 4|(data|donnees) (needed|necessary|required|necessaires) (for|to|a|pour)|any personal data`)), "the data is not described, only defined by reference", "les données ne sont pas décrites, seulement définies par renvoi"),
			unfilled,
		},
		judge: judgeDataTypes,
		gives: ptr(either(dataNamed, dataKinds)),
	},
	"A28-3-data-subjects": {
		triggers: []string{"data subject", "personnes concernees", "concerned persons", "individuals", "categories de personnes", "affected person",
			"donnees a caractere personnel des", "donnees personnelles des", "les donnees des", "personal data of", "personal data relating to", "affected"},
		clause: []x{
			within(0, terms("category of", "categories of"), terms("data subjects", "individuals", "persons")),
			heading("data subjects", "data subject categories", "personnes concernées", "affected persons", "affected people", "categories of affected persons", "circle of affected persons"),
			terms("those affected", "persons affected", "people affected"),
			terms("catégories de personnes", "data subjects are", "data subjects include", "data subjects concerned are", "data subjects concerned include",
				"personnes concernées sont", "personnes concernées comprennent", "personnes concernées incluent"),
			within(8, terms("personal data of", "personal data relating to", "données à caractère personnel des", "données personnelles des", "les données des"),
				terms("employees", "staff", "customers", "clients", "users", "salariés", "employés", "agents", "usagers", "utilisateurs", "prospects")),
		},
		exclude: []sig{
			listedElsewhere,
			onwardTransfers,
			mk(terms("approximate number", "nombre approximatif"), "this is the content of a breach notification, not the description of the data subjects", "il s'agit du contenu d'une notification de violation, pas de la description des personnes"),
			mk(terms("information to the data subjects", "information des personnes", "fournir l'information", "droit d'information", "exercent", "exercise their rights", "exercice des droits"),
				"this is about informing people or their rights, not the description of who they are", "il s'agit de l'information ou des droits des personnes, pas de la description de qui elles sont"),
		},
		deferred: []sig{deferred},
		weak:     []sig{unfilled},
		signals: []sig{
			mk(terms("employee*", "staff", "worker*", "customer*", "client*", "prospect*", "lead*", "user*", "visitor*", "subscriber*", "patient*", "student*",
				"supplier*", "contact*", "candidate*", "applicant*", "member*", "consumer*", "salarié*", "employé*", "personnel", "utilisateur*", "visiteur*",
				"abonné*", "fournisseur*", "candidat*", "adhérent*", "membre*", "internaute*", "consommateur*", "élève*", "bénévole*", "volunteer*",
				"usager*", "agent*", "representative*", "représentant*", "end-user*", "end user*", "contractor*", "collaborat*", "partner*", "partenaire*"),
				"names the categories of people", "nomme les catégories de personnes"),
		},
	},
	"A28-3-controller-obligations-rights": {
		triggers: []string{"controller", "customer", "responsable", "client", "exporter"},
		context:  true,
		clause: []x{
			within(0, terms("obligations of the", "responsibilities of the", "duties of the", "rights of the"), terms("controller", "customer", "data exporter")),
			within(0, terms("controller", "customer", "controller's", "customer's", "controllers", "customers"), terms("obligations", "responsibilities", "duties", "rights")),
			within(0, terms("obligations du", "obligations et droits du", "droits du"), terms("responsable", "client")),
			within(8, within(0, terms("controller", "customer", "client", "data exporter"), terms("shall", "must", "warrants", "represents", "undertakes", "agrees", "is responsible",
				"will", "acknowledges", "remains responsible", "is solely responsible")),
				terms("lawful*", "legal basis", "legitimate", "instruction*", "inform the data subjects", "information to data subjects", "consent*", "accura*",
					"comply*", "complian*", "document*", "supervise", "supervises", "supervision of", "provide the processor", "notice*", "privacy notice*", "obtain*", "rights")),
			within(14, within(3, terms("responsable", "client"), terms("s'engage", "garantit", "doit", "est responsable", "est seul responsable", "veille", "reste responsable")),
				terms("licit*", "base légale", "instruction*", "informer", "informe", "information des personnes", "consentement*", "exactitude",
					"documenter", "superviser", "fournir au sous-traitant", "fournir au prestataire", "au préalable", "conformité", "respect")),
			// the CNIL model's list under its own heading: "Documenter par écrit
			// toute instruction…", "Veiller, au préalable…"
			within(6, terms("documenter par écrit", "fournir au sous-traitant", "veiller, au préalable", "veiller au préalable", "superviser le traitement"),
				terms("instruction*", "données", "respect", "audits", "traitement")),
		},
		exclude: []sig{
			mk(terms("means", "désigne", "signifie", "définit comme"), "a definition of the controller, not its obligations", "une définition du responsable, pas ses obligations"),
		},
		signals: []sig{
			mk(terms("lawful*", "legal basis", "base légale", "licite*", "consent*", "consentement*"), "names a legal basis or lawful instructions", "mentionne la base légale ou la licéité"),
			mk(both(terms("inform*", "information des", "informer les"), rx(`inform(ation)? (of |to )?(the )?data subjects|information des personnes|informer les personnes`)), "covers informing data subjects", "couvre l'information des personnes"),
			mk(both(terms("document*", "in writing", "par écrit"), rx(`document(er|ed)? (par ecrit |in writing )?(any |all |toute |chaque )?instructions?|instructions? (documentees?|in writing|par ecrit)`)), "requires documented instructions", "exige des instructions documentées"),
			mk(terms("supervise", "supervises", "supervision of", "superviser", "audit*", "object*", "terminate*", "résilier"), "states a right of the controller", "énonce un droit du responsable"),
			mk(terms("accura*", "exactitude", "à jour", "up to date"), "covers data accuracy", "couvre l'exactitude des données"),
		},
	},
	"A28-3a-instructions": {
		triggers: []string{"instruction"},
		clause: []x{
			terms("complete and final instructions"),
			within(12, terms("process*", "trait*", "act", "acts", "agit", "agir", "use", "uses", "utilise*", "comply", "complies", "follow*", "respect*", "suivre", "suit",
				"se conformer", "se conforme"), terms("documented instruction*", "instruction documentée", "instructions documentées")),
			within(8, terms("only on", "only upon", "only in accordance with", "only pursuant to", "only according to", "only as instructed", "only following",
				"solely on", "solely in accordance with", "exclusively on", "exclusively in accordance with"), terms("instruction*")),
			within(6, terms("act only on", "act only upon", "acts only on", "process only on"), terms("instruction*")),
			within(14, terms("only process", "only processes", "process only", "processes only", "only act", "only acts"), terms("instruction*")),
			within(3, terms("uniquement", "exclusivement", "seulement", "que sur", "que selon", "que conformément"), terms("instruction*", "l'instruction")),
		},
		exclude: []sig{
			removes(terms("instruction*"), terms("only", "solely", "exclusively", "uniquement", "exclusivement", "seulement")),
			mk(both(terms("must be", "shall be", "doivent être", "doit être"), rx(`(controller|customer)('s)? instructions? (must|shall) be lawful\.?$|instructions? du (responsable|client)( de traitement| du traitement)? (doivent|doit) etre (licites?|conformes?)\.?$`)), "only says the controller's instructions must be lawful: no commitment of the processor", "dit seulement que les instructions du responsable doivent être licites : aucun engagement du sous-traitant"),
		},
		weak: []sig{
			mk(both(terms("may", "can", "is entitled", "reserves the right", "peut", "pourra", "se réserve"), rx(`(may|can|is entitled to|reserves the right to|peut|pourra|se reserve le droit d[e'] ?)( also| egalement)? (use|process|exploit|utiliser|traiter|exploiter) .{0,80}(own purposes|improv|analytics|statistic|derived|aggregat|benchmark|propres fins|ameliorer|amelioration|statistiques|agreg)`)),
				"lets the processor use the data for its own purposes, which makes it a controller (Art. 28(10))", "permet au sous-traitant d'utiliser les données à ses propres fins, ce qui en fait un responsable (art. 28(10))"),
		},
		signals: []sig{
			mk(either(terms("complete and final instructions"), near(10, terms("instruction*"), annex)), "the instructions are set out in the contract or an annex", "les instructions sont fixées au contrat ou en annexe"),
			mk(terms("by email", "by e-mail", "par courriel", "par email", "par e-mail", "par courrier", "written form", "in writing", "par écrit", "ticket*", "portal", "portail",
				"console", "settings", "configuration", "paramétr*", "recorded", "record of instructions", "records of instructions", "consigne*", "traçab*", "register",
				"registre", "procedure*", "procédure*", "named contact", "interlocuteur*"),
				"says how instructions are given and recorded", "dit comment les instructions sont données et conservées"),
		},
	},
	"A28-3-infringing-instruction": {
		triggers: []string{"instruction"},
		clause: []x{
			within(24, terms("inform*", "notify*", "tell*", "alert*", "advise*"), within(14, terms("instruction*"), terms("infring*", "violat*", "breach*", "contrar*", "contraven*", "unlawful", "illegal", "non-complian*"))),
			within(40, within(14, terms("instruction*"), terms("infring*", "violat*", "contrar*", "contraven*", "unlawful", "illegal")), terms("inform*", "notify*", "alert*", "advise*")),
			within(24, terms("informe*", "alerte*", "avertit", "avertir", "signale*", "notifie*"), within(14, terms("instruction*"), terms("violation", "contraire*", "enfrein*", "viole*", "illicite*", "non conforme*"))),
			within(40, within(14, terms("instruction*"), terms("constitue une violation", "contraire*", "enfrein*", "viole*", "illicite*")), terms("informe*", "alerte*", "avertit", "signale*", "notifie*")),
		},
		exclude: []sig{
			mk(both(terms("unable to", "not able", "not be able", "impossibilité"), rx(`unable to (follow|comply)|not (be )?able to comply|dans l'impossibilite de (se conformer|respecter)`)), "this is the duty to say it cannot comply (SCC 2021/914 clause 8.1(b)), a different duty", "il s'agit de l'obligation de signaler une impossibilité (CCT 2021/914 clause 8.1(b)), une autre obligation"),
		},
		signals: []sig{
			mk(either(terms("suspend*", "suspension", "suspendre", "refuse*", "refus*", "by email", "by e-mail", "par courriel", "par écrit", "in writing"),
				rx(`until (the )?(controller|customer) (confirms|amends|withdraws)|jusqu'a (confirmation|modification)|within \d+`)),
				"says what happens next (suspension, written form, delay)", "dit ce qui se passe ensuite (suspension, écrit, délai)"),
		},
	},
	"A28-3b-confidentiality": {
		triggers: []string{"confidential", "secrecy", "secret professionnel", "non-disclosure", "nda"},
		// under a confidentiality heading: "the staff are bound to secrecy"
		gives: ptr(near(12, either(terms("persons", "staff", "employees", "salariés", "employés", "collaborateurs", "personnes", "préposés", "agents"), staffPersonnel),
			terms("bound", "tenu", "tenus", "tenues", "secret", "obligation*", "undertak*", "commit*", "sign*", "engag*", "soumis", "soumises"))),
		exclude: []sig{
			removes(terms("confidential*", "secrecy", "secret*", "non-disclosure", "discretion", "discrétion")),
			mk(terms("confidentiality and integrity", "confidentiality, integrity", "security, confidentiality", "security and confidentiality of",
				"confidentiality and security of the", "integrity and confidentiality", "confidentialité et l'intégrité", "confidentialité, l'intégrité",
				"confidentialité, intégrité", "sécurité et la confidentialité", "confidentialité et la sécurité des données", "intégrité et la confidentialité"),
				"the security of the data (confidentiality, integrity), not the undertaking of the persons who process it",
				"la sécurité des données (confidentialité, intégrité), pas l'engagement des personnes qui les traitent").
				except(terms("personnel", "staff", "employees", "authorised persons", "authorized persons", "personnes autorisées", "salariés", "collaborateurs",
					"obligated", "committed", "undertak*", "bound", "engagement*", "s'engagent", "tenus", "soumis", "soumises")),
		},
		clause: []x{
			// "staff are bound by professional secrecy", « soumis au secret professionnel »
			near(12, either(terms("persons", "staff", "employees", "salariés", "employés", "collaborateurs", "personnes"), staffPersonnel),
				terms("professional secrecy", "duty of secrecy", "obligation of secrecy", "secret professionnel", "non-disclosure", "nda", "ndas")),
			near(24, either(terms("persons", "staff", "employees", "individuals", "people", "anyone", "agents", "contractors", "personnes", "salariés",
				"employés", "collaborateurs", "préposés"), staffPersonnel), terms("confidential*", "confidentialité")),
			terms("statutory obligation of confidentiality", "statutory duty of confidentiality", "obligation légale de confidentialité", "obligation légale appropriée de confidentialité"),
			within(5, terms("sign", "signs", "signed", "signé", "signe", "signent", "signer"),
				rx(`confidentiality (agreement|undertaking)s?|(engagements?|accords?) de confidentialite`)),
		},
		signals: []sig{
			mk(terms("need-to-know", "need to know", "besoin d'en connaître", "strictement nécessaire"), "limits access to need-to-know", "limite l'accès au besoin d'en connaître"),
			mk(terms("written confidentiality", "confidentiality agreement*", "confidentiality undertaking*", "confidentiality clause*", "confidentiality commitment*",
				"non-disclosure", "nda", "engagement de confidentialité", "engagements de confidentialité", "engagement écrit de confidentialité", "accord de confidentialité",
				"accords de confidentialité", "clause de confidentialité", "clauses de confidentialité", "charte"),
				"requires written confidentiality undertakings", "exige des engagements écrits de confidentialité"),
			mk(terms("training", "trained", "formation*", "formé", "formés", "formées", "sensibilis*", "awareness", "survive*", "after the end", "after termination",
				"after the termination", "après la fin", "après la cessation", "list of", "liste des"),
				"adds training, a list of persons or a duration", "ajoute une formation, une liste des personnes ou une durée"),
		},
	},
	"A28-3c-security-art32": {
		// the record of processing lists "a general description of the
		// measures" among its contents (Art. 30): not the processor's own
		// under a security heading: "the Processor encrypts the data"
		gives: ptr(securityMeasures),
		notUnder: []x{terms("registre", "record of processing", "records of processing", "record of processing activities", "registre des traitements"),
			// the controller's own share of security is not the processor's measures
			terms("customer responsibilit*", "controller responsibilit*", "responsibilities of the customer", "responsibilities of the controller", "obligations of the customer",
				"obligations of the controller", "customer obligations", "controller obligations", "obligations du responsable", "obligations du client",
				"responsabilités du client", "responsabilité du client"),
			// the audit section's documents and assurances are not the measures
			terms("audit rights", "audit right", "droit d'audit", "droits d'audit", "inspection rights")},
		triggers: []string{"32", "securit", "technical and organ", "techniques et organ", "toms", "measures"},
		clause: []x{
			terms("article 32", "art. 32", "art 32", "art.32", "technical and organisational measures", "technical and organizational measures",
				"technical and organisational security measures", "technical and organizational security measures"),
			terms("security measures", "mesures techniques et organisationnelles", "mesures de sécurité", "sécurité des traitements", "sécurité du traitement",
				"toms", "level of security", "niveau de sécurité", "security policy", "security policies", "information security", "politique de sécurité",
				"politiques de sécurité", "sécurité de l'information", "sécurité des systèmes d'information"),
			heading("security", "sécurité"),
		},
		exclude: []sig{
			removes(either(securityDone, terms("measures", "mesures", "secur*", "sécurit*", "mettre en œuvre", "mise en œuvre", "mise en place", "prendre",
				"appliquer", "adopter", "article 32", "art. 32", "art 32")), securityDone),
			mk(within(40, terms("assist*", "aide*", "aider", "help*"), terms("request*", "demande*", "rights", "droits", "articles 32 to 36", "articles 32 à 36", "data subject*", "personnes concernées")),
				"this is the assistance clause, not the processor's own security", "il s'agit de la clause d'aide, pas de la sécurité du sous-traitant"),
			mk(`^.{0,40}(the )?(controller|customer|client|responsable)( de traitement)? (shall|is|will|must|reste|est|doit)( be)? (solely |seul )?(responsible|responsable) .{0,20}(security|securite)`, "puts security on the controller, not the processor", "met la sécurité à la charge du responsable, pas du sous-traitant"),
			mk(terms("means", "désigne", "signifie"), "a definition, not the processor's commitment", "une définition, pas l'engagement du sous-traitant"),
			mk(terms("security incident*", "breach of security", "incident de sécurité", "incidents de sécurité", "violation de la sécurité"),
				"this is about security incidents, not the measures", "il s'agit des incidents de sécurité, pas des mesures").except(terms("technical and organi*", "mesures techniques", "article 32", "art. 32", "encrypt*", "chiffr*")),
			mk(terms("description générale des mesures", "general description of the technical", "general description of the security"), "the record of processing's list of contents (Art. 30), not the processor's measures", "le contenu du registre des traitements (art. 30), pas les mesures du sous-traitant"),
			// SCC 2021/915 clause 7.5 (restrictions for sensitive data), a
			// clause of its own: it does not say the Art. 32 measures for all
			// the data
			mk(within(14, terms("lorsque", "where", "when", "if"), terms("articles 9 et 10", "article 9", "articles 9 and 10", "special categories", "catégories particulières", "données sensibles", "sensitive data")),
				"the extra safeguards for sensitive data, not the Art. 32 measures for all the data", "les garanties de plus pour les données sensibles, pas les mesures de l'art. 32 pour toutes les données").
				except(terms("article 32", "art. 32", "technical and organi*", "mesures techniques")),
			mk(terms("garanties suffisantes", "sufficient guarantees", "sufficient expertise", "expertise, reliability and resources", "connaissances spécialisées, de fiabilité et de ressources"), "the guarantees asked of a (sub-)processor, not the processor's own measures", "les garanties demandées à un sous-traitant, pas ses propres mesures"),
			mk(within(5, controllerParty, terms("is solely responsible", "shall be solely responsible", "will be solely responsible", "remains solely responsible", "has sole responsibility",
				"assumes sole responsibility", "est seul responsable", "reste seul responsable", "demeure seul responsable")),
				"puts security on the controller, not the processor", "met la sécurité à la charge du responsable, pas du sous-traitant"),
			mk(terms("state of the art", "état des connaissances", "état de l'art"), "names the factors of Art. 32 without committing to any measure", "cite les critères de l'art. 32 sans engager aucune mesure").
				except(within(14, terms("implement*", "maintain*", "take", "takes", "adopt*", "apply", "applies", "mettre en œuvre", "met en œuvre", "mettent en œuvre", "prend", "prendre", "adopte*", "applique*"),
					terms("measures", "mesures"))),
			mk(terms("audit*", "auditor*", "auditeur*"), "this is the audit clause: security documents shown to an auditor are not the measures", "il s'agit de la clause d'audit : les documents de sécurité montrés à un auditeur ne sont pas les mesures").
				except(terms("technical and organi*", "mesures techniques", "article 32", "art. 32", "encrypt*", "chiffr*", "implement*", "met en œuvre", "mettre en œuvre")),
		},
		weak: []sig{
			mk(both(terms("may", "can", "reserves", "peut", "pourra", "se réserve"), rx(`(may|can|reserves the right to|peut|pourra|se reserve le droit de) .{0,30}(modify|change|update|amend|alter|modifier|changer|faire evoluer) .{0,40}(measures|mesures) .{0,40}(at any time|sole discretion|unilateral|without notice|a tout moment|discretion|sans preavis|unilateralement)`)),
				"the processor can change the measures unilaterally", "le sous-traitant peut modifier les mesures unilatéralement"),
			mk(both(terms("http", "https"), rx(`https?://`)), "the measures are only behind a link that can change", "les mesures ne sont accessibles que par un lien qui peut changer"),
		},
		signals: []sig{
			mk(annex, "refers to an annex of measures", "renvoie à une annexe des mesures"),
			mk(securityMeasures, "names concrete measures", "nomme des mesures concrètes"),
		},
	},
	"A28-3d-subprocessors": {
		triggers: []string{"sub-processor", "subprocessor", "sub processor", "subcontract", "sub-contract", "another processor", "other processor", "sous-trait"},
		context:  true,
		clause: []x{
			// the CNIL model: prior notice of changes, and no sub-processing if the
			// controller objects
			both(objectWords, near(40, either(subProcessor, terms("cette sous-traitance", "la sous-traitance", "such sub-processing")), objectWords)),
			near(34, either(subProcessor, terms("subcontract*", "sub-contract*", "sous-traiter")),
				terms("authoris*", "authoriz*", "consent*", "approv*", "autorisation*", "autorise*", "accord écrit", "accord préalable", "agrément", "consentement*")),
			within(14, terms("engage*", "appoint*", "use", "recruit*", "recrute*", "recruter", "faire appel", "avoir recours", "confier"),
				within(14, terms("only", "uniquement", "qu'avec", "qu'après", "subject to", "sous réserve"), terms("authori*", "consent*", "approv*", "autoris*", "accord*", "agrément"))),
			// a ban on sub-processing at all is Art. 28(2) at its strictest:
			// "shall not engage any sub-processor", « ne recourt à aucun sous-traitant ultérieur »
			both(terms("shall not", "will not", "must not", "may not", "does not", "is not permitted", "ne recourt", "ne recourra", "ne fait appel", "ne fera appel", "aucun"),
				rx(`\b(shall|will|must|may|does) not (engage|appoint|use|subcontract|recruit|retain)( to)?( any| another| other| a)? (sub-?processors?|sub-?contractors?|other processors?|third[- ]party processors?)`+
					`|\b(shall|will|must|may) not subcontract\b|\bis not permitted to (engage|appoint|use) (any|another|other|a) (sub-?processors?|processors?)`+
					`|\bne (recourt|recourra|fait appel|fera appel|fait pas appel|recourt pas)( pas)? a (aucun|un) (autre )?sous-traitant( ulterieur)?`)),
		},
		exclude: []sig{
			removes(consentWords).except(either(removalLimits, terms("specific", "spécifique", "further", "each", "individual"))),
			consentNotNeeded,
			mk(terms("means", "désigne", "signifie"), "a definition, not the authorisation", "une définition, pas l'autorisation"),
			mk(noObjection, "the controller is given no right to object", "le responsable n'a aucun droit d'objection").except(consentWords),
			mk(terms("third countr*", "pays tiers", "chapter v", "international organisation*", "international organization*", "organisation internationale", "organisations internationales"),
				"this is the transfers clause, not the authorisation of sub-processors", "il s'agit de la clause des transferts, pas de l'autorisation des sous-traitants ultérieurs").
				except(terms("engage", "engages", "engaging", "appoint*", "recrut*", "recours", "faire appel", "subcontract*", "sous-traiter")),
			// "Only persons who require access … shall be authorised": who
			// may see the data (confidentiality), not which processors
			mk(within(20, terms("only persons", "persons who", "seules les personnes", "personnes qui"), terms("authorised", "authorized", "autorisées", "habilitées")),
				"the persons given access to the data, not the sub-processors", "les personnes qui ont accès aux données, pas les sous-traitants ultérieurs"),
		},
		excludeClause: []sig{
			freeOf(terms("engage*", "appoint*", "use", "uses", "subcontract*", "recourir", "recourt", "faire appel", "fait appel", "recruter", "recrute*", "sous-traiter", "confier"),
				"the processor may engage sub-processors without authorisation", "le sous-traitant peut recruter des sous-traitants ultérieurs sans autorisation"),
			mk(both(terms("continued use", "poursuite", "continuation"), rx(`continued use.{0,80}(consent|accept|approv|authori)|(poursuite|continuation) (de l'utilisation|du service).{0,60}(vaut|emporte|constitue) (acceptation|accord|consentement)`)), "continued use is not authorisation", "la poursuite de l'utilisation ne vaut pas autorisation"),
		},
		bare: []sig{
			// « n'est pas autorisé à … sans l'autorisation », « n'autorise pas … sans son accord »
			// are the prohibition, not a general authorisation
			mk(notAfter(terms("autorise", "authorises", "authorizes", "hereby authorise", "hereby authorize", "grants a general", "donne une autorisation générale",
				"accorde une autorisation générale"), "pas", "nullement", "aucunement", "jamais"),
				"a general authorisation with no list, no notice of changes and no right to object (Art. 28(2))", "une autorisation générale sans liste, sans information des changements ni droit d'objection (art. 28(2))").
				except(terms("n'autorise pas", "n'autorisent pas", "n'autorisera pas", "n'autoriseront pas")),
		},
		near: []sig{
			mk(near(27, subProcessor, terms("notice", "notify", "notif*", "inform*", "informer", "informe", "information")), "notice only: informing the controller is not asking its authorisation, and leaves no right to object", "simple information : informer le responsable n'est pas lui demander son autorisation, et ne lui laisse aucun droit d'objection").
				except(terms("object", "objects", "objection*", "opportunity to object", "right to object", "s'opposer", "opposer", "opposition", "droit d'objection",
					"reject", "refuse", "refuser")),
		},
		signals: []sig{
			mk(either(terms("list", "liste"), annex), "keeps a list of sub-processors", "tient une liste des sous-traitants ultérieurs"),
			mk(both(either(number(), terms("thirty", "fifteen", "ten", "trente", "quinze", "dix")), rx(`\b\d+ ?(\(\d+\) )?(calendar |business |working )?(days|jours)|\b(thirty|fifteen|ten|trente|quinze|dix) (\(\d+\) )?(days|jours)`)), "gives a notice period", "donne un délai de préavis"),
			mk(terms("object", "objects", "objection", "objections", "s'opposer", "s'y opposer", "opposition", "reject", "refuse", "refuser", "terminat*", "résili*"),
				"gives a right to object", "donne un droit d'objection").except(noObjection),
		},
		// a specific authorisation per sub-processor needs no list or notice
		enough: []sig{
			mk(both(terms("specific", "spécifique"), rx(`(prior )?specific (prior )?(written )?(authori[sz]ation|consent)|(autorisation|accord) (ecrite? )?(prealable )?(et )?specifique`)), "requires a specific authorisation for each", "exige une autorisation spécifique pour chacun"),
		},
		minSignals: 2,
	},
	"A28-4-flowdown": {
		need: ptr(either(subProcessor, terms("sub-processing", "subcontract*", "third part*", "tiers", "onward", "sous-traitance"))),
		// "7.4 Safeguards imposed on sub-processors" over a list of them
		needUnder: true,
		triggers:  []string{"same", "memes", "identiques", "equivalent", "no less", "at least as", "substantially", "liable", "responsable", "impose", "protective", "similar", "omissions", "niveau de protection"},
		clause: []x{
			terms("same standard", "same level of protection", "equivalent level of protection", "materially the same", "at least the same level", "substantially similar",
				"même niveau de protection", "niveau de protection équivalent", "mêmes exigences"),
			within(6, terms("liable for", "responsible for", "responsable des", "responsable de"), terms("acts and omissions", "acts or omissions", "actes et omissions", "agissements")),
			terms("same obligations", "same data protection obligations", "no less protective", "no less onerous", "no less stringent", "at least as protective",
				"at least equivalent", "at least the same", "substantially the same", "substantially same", "equivalent obligations", "equivalent data protection obligations",
				"mêmes obligations", "obligations identiques", "obligations équivalentes", "obligations au moins équivalentes", "identiques obligations", "mêmes garanties"),
			within(2, terms("remain", "remains", "shall remain", "stay", "stays"), terms("liable")),
			within(0, terms("fully liable", "fully responsible"), terms("to", "towards", "for")),
			within(1, terms("demeure", "reste", "restera", "demeurera"), terms("responsable")),
		},
		// "the same obligations of return or deletion": the end-of-contract
		// duty passed on, not the data protection obligations
		exclude: []sig{mk(within(3, terms("same obligations", "mêmes obligations"), terms("return", "deletion", "restitution", "suppression", "destruction")),
			"passes on the end-of-contract duties only, not the data protection obligations", "ne transmet que les devoirs de fin de contrat, pas les obligations de protection des données")},
		excludeClause: []sig{
			mk(both(terms("not", "no", "never", "exclu*", "cap*", "limit*", "shall not", "pas", "plafonn*"), rx(`(not|no|never) (be )?(liable|responsible|liability).{0,60}(sub-?processor|subcontractor)|(sub-?processor|subcontractor).{0,80}(liability|liable).{0,40}(excluded|exclude|capped|limited|shall not)|(n'est|ne sera|n'etant) pas responsable.{0,60}sous-traitant|sous-traitant.{0,60}responsabilite.{0,30}(exclue|limitee|plafonnee)`)),
				"excludes or caps the processor's liability for its sub-processors", "exclut ou plafonne la responsabilité du sous-traitant pour ses sous-traitants ultérieurs"),
		},
		weak: []sig{
			mk(terms("as appropriate", "where appropriate", "le cas échéant", "si nécessaire", "dans la mesure du possible"), "the flow-down is only \"as appropriate\"", "l'imposition n'est que « le cas échéant »"),
		},
		judge: judgeFlowdown,
		gives: ptr(either(flowObligationWords, flowLiableWords)),
	},
	"A28-3e-data-subject-rights": {
		triggers: []string{"right", "request", "droit", "demande", "12 to 2", "12 a 2", "chapter iii", "chapitre iii"},
		clause: []x{
			within(0, terms("data subject", "data subjects", "data subject's", "data subjects'", "individuals", "individuals'", "persons", "persons'"), terms("rights", "requests", "request")),
			both(terms("data subject*", "individual*", "persons", "personnes", "affected", "their rights", "leurs droits", "consumer*", "users"),
				within(3, terms("exercise", "exercise of"), terms("rights"))),
			terms("rights of data subjects", "rights of the data subjects", "articles 12 to 22", "articles 12 to 23", "article 12 to 22", "articles 12-22", "articles 12-23", "chapter iii"),
			near(7, terms("request*", "demande*"), terms("data subject*", "personnes concernées", "affected person*")),
			within(12, terms("affected person*", "data subject*", "personne concernée", "personnes concernées"), terms("contacts the", "contact the", "s'adresse", "saisit", "exerce")),
			terms("access requests", "portability requests", "erasure requests", "deletion requests", "exercice des droits", "exercice de leurs droits", "exercice de ses droits",
				"droits des personnes", "demandes des personnes", "demandes d'exercice", "articles 12 à 22", "articles 12 à 23", "chapitre iii"),
		},
		exclude: []sig{
			removes(dsrHelp, dsrHelp),
			mk(terms("means", "désigne", "signifie"), "a definition, not the assistance", "une définition, pas l'assistance"),
			mk(terms("risques pour les droits", "risque pour les droits", "risk to the rights", "risks to the rights", "risk for the rights", "risks for the rights",
				"rights and freedoms", "droits et libertés"),
				"the risk to the data subjects' rights (Art. 32 to 35), not their requests", "le risque pour les droits des personnes (art. 32 à 35), pas leurs demandes").
				except(terms("request", "requests", "demande", "demandes")),
			// Art. 46(1)'s safeguards, which the standard clauses say they are
			mk(terms("enforceable data subject rights", "droits opposables des personnes concernées", "droits opposables"),
				"the safeguards of a transfer tool (Art. 46), not the processor's help with requests", "les garanties d'un outil de transfert (art. 46), pas l'aide du sous-traitant pour les demandes"),
			// the standard clauses' 8.3: what of the clauses the data subject
			// may see, and what is redacted
			mk(terms("redact", "redacts", "redacted", "redaction", "redactions"),
				"what of the clauses the data subject sees, not help with requests", "ce que la personne concernée voit des clauses, pas l'aide pour les demandes"),
			mk(within(8, controllerParty, terms("reste responsable", "remains responsible", "demeure responsable", "est seul responsable", "is solely responsible",
				"doit traiter", "traite directement", "shall handle", "will handle", "is responsible for handling", "will be responsible for handling",
				"gère l'exercice", "gère les demandes", "handles the requests", "manages the requests", "handles requests")),
				"leaves the requests to the controller, without the processor's help", "laisse les demandes au responsable, sans l'aide du sous-traitant").
				except(within(3, terms("assist", "assists", "aide", "aider", "help", "helps", "support", "supports"), controllerParty)),
			// the list of what sub-processors undertake toward the processor:
			// the flow-down, not the processor's help to the controller
			mk(within(3, terms("sous-traitants ultérieurs", "sub-processors", "subprocessors"), terms("s'engagent", "undertake", "undertakes", "shall", "must", "doivent")),
				"what sub-processors owe the processor (the flow-down), not the processor's help with requests", "ce que les sous-traitants ultérieurs doivent au sous-traitant (la répercussion), pas l'aide pour les demandes"),
		},
		excludeClause: []sig{
			mk(both(terms("solely", "seul", "exclusively", "exclusivement", "have no", "not have any", "bear no", "not be obliged", "not be required", "aucune obligation"), rx(`(controller|customer|responsable|client) (is |est |shall be |sera )?(solely|seul|exclusively|exclusivement) (responsible|responsable)|(processor|supplier|provider|sous-traitant|prestataire) (shall|will) (have no|not have any|bear no|not be (obliged|required)).{0,40}(obligation|assist|help|duty)|(n'a|n'aura) aucune obligation`)),
				"leaves the requests to the controller alone", "laisse les demandes au seul responsable"),
		},
		signals: []sig{
			mk(terms("forward*", "transmit*", "transfer it", "transfer them", "transfer the request", "pass on", "redirect*", "transmet*", "transmettre", "transmission", "renvoie", "renvoyer", "réorient*", "notify*", "notif*", "inform*"),
				"says requests received are forwarded", "prévoit la transmission des demandes reçues"),
			mk(either(both(number(), rx(`within \d+|no later than \d+|sous \d+|dans (un delai de|les) \d+|\d+ (calendar |business |working )?(days|hours|jours|heures)`)),
				terms("upon receipt", "on receipt", "dès réception", "promptly", "immediately", "immédiatement", "sans délai", "without undue delay")),
				"gives a time frame", "donne un délai"),
			mk(terms("tool*", "functionalit*", "self-service", "interface", "api", "export", "outil*", "fonctionnalité*", "console", "portal", "portail"), "names the tools offered", "nomme les outils offerts"),
			mk(both(terms("directly", "y répondre", "not respond"), rx(`(not|never|ne) (respond|answer|repondra|repond) .{0,30}directly|ne pas y repondre|not respond to|sans y repondre`)), "says the processor will not answer directly", "précise que le sous-traitant ne répond pas lui-même"),
		},
	},
	"A28-3f-assist-32-36": {
		// the processor's own risk analysis, or a transfer impact
		// assessment, is not its help with the controller's
		need:     ptr(assistVerbs),
		gives:    ptr(assistVerbs),
		triggers: []string{"impact", "dpia", "aipd", "consultation", "32 to 36", "32 a 36", "32-36", "35"},
		clause: []x{
			terms("data protection impact assessment*", "impact assessment*", "dpia", "dpias", "aipd", "analyse d'impact", "analyses d'impact", "évaluation d'impact",
				"évaluations d'impact", "étude d'impact", "études d'impact", "prior consultation*", "consultation préalable"),
			terms("articles 32 to 36", "article 32 to 36", "articles 32-36", "articles 32 à 36", "article 35", "articles 35", "art. 35", "art 35"),
		},
		exclude: []sig{removes(assistVerbs, terms("assist*", "help*", "aide", "aider", "support*", "cooperat*", "coopér*"))},
		weak: []sig{
			mk(terms("sole discretion", "absolute discretion", "own discretion", "sa seule discrétion", "sa propre discrétion", "sa libre appréciation", "son entière discrétion"), "assistance is at the processor's sole discretion", "l'aide est laissée à la seule discrétion du sous-traitant"),
		},
		signals: []sig{
			mk(both(either(number(), terms("dans un délai")), rx(`within \d+|\d+ (calendar |business |working )?(days|jours)|dans un delai|sous \d+`)), "gives a time frame", "donne un délai"),
			mk(terms("documentation", "questionnaire*", "template*", "modèle*", "report*", "rapport*"), "says what is supplied", "dit ce qui est fourni"),
			mk(terms("at no cost", "at its own cost", "at the controller's cost", "at the customer's cost", "at no additional cost", "expense*", "aux frais", "sans frais", "fees", "tarif*", "cost*", "coût*"), "says who bears the cost", "dit qui en supporte le coût"),
		},
	},
	"A28-33-breach-notify": {
		triggers: []string{"breach", "incident", "violation"},
		section:  true,
		// under a breach heading: "the Processor informs the Customer …"
		gives: ptr(near(6, notifyWords, either(controllerParty, terms("you", "vous")))),
		clause: []x{
			near(27, breachWords, notifyWords),
			terms("notifier toute violation", "notifie toute violation", "notification of a personal data breach", "notify customer of a personal data breach"),
		},
		exclude: []sig{
			removes(noticeOwed, breachDone),
			mk(terms("means", "désigne", "signifie", "s'entend"), "a definition of a breach, not the duty to notify it", "une définition de la violation, pas l'obligation de la notifier"),
			mk(terms("breach notification law", "breach notification laws", "breach notification requirements", "lois sur la notification des violations"),
				"compliance with the breach-notification laws, not the notice to the controller", "le respect des lois sur la notification des violations, pas la notification au responsable"),
			// Art. 33(5): "maintains a record of security incidents … to whom
			// the incident was reported"
			mk(terms("record of security incidents", "record of incidents", "record of breaches", "record of personal data breaches", "register of breaches",
				"registre des violations", "registre des incidents"),
				"the record kept of breaches (Art. 33(5)), not the notice to the controller", "le registre des violations (art. 33(5)), pas la notification au responsable").
				except(terms("notify", "notifies", "inform", "informs", "notifie", "informe")),
			// a bullet list of kinds of breach, or of what to report, is not the duty
			mk(`^- [^.]{0,120}$`, "an item of a list, not the duty to notify", "un élément de liste, pas l'obligation de notifier"),
			mk(terms("protection des données contre toute violation", "protect against", "protection against", "prevent*", "prévenir", "empêcher"), "protection against breaches, not the duty to notify them", "la protection contre les violations, pas l'obligation de les notifier"),
			otherRecipient,
			mk(within(4, terms("notification"), terms("under clause", "under section", "pursuant to clause", "pursuant to section", "referred to in", "visée à", "visée au", "prévue à", "prévue au", "mentioned in")),
				"the content of a notification another clause requires: the duty is there", "le contenu d'une notification qu'une autre clause impose : l'obligation est là-bas"),
			mk(within(10, terms("assist*", "aide*", "aider", "help*", "support*", "coopér*", "cooperat*"),
				terms("complying with the obligations", "compliance with the obligations", "respect des obligations", "obligations concerning", "obligations incombant", "obligations under articles", "obligations prévues aux articles")),
				"the help with the controller's own duties (Art. 28(3)(f)), not the processor's notice to it", "l'aide aux obligations du responsable (art. 28(3)(f)), pas l'information que lui doit le sous-traitant").
				except(within(6, notifyWords, controllerParty)),
		},
		weak: []sig{
			mk(terms("if possible", "where possible", "si possible", "dans la mesure du possible"), "the delay is only \"if possible\"", "le délai n'est que « si possible »"),
			mk(both(terms("confirmed", "avérée*", "confirmée*", "avéré*", "confirmé*"), rx(`confirmed (security |personal data )?(breach|incident)|(breach|incident)s? (that|which) (is|are|has been|have been) confirmed|violations? (averee|confirmee)s?|incidents? (avere|confirme)s?`)), "only confirmed breaches are notified", "seules les violations confirmées sont notifiées"),
		},
		signals: []sig{
			mk(breachContents, "lists what the notification contains (Art. 33(3))", "liste le contenu de la notification (art. 33(3))"),
			mk(both(number(), rx(`\b\d+ ?(\(\d+\) )?(hours?|hrs?|h|heures?)\b`)), "gives a delay", "donne un délai"),
			mk(either(terms("by email", "by e-mail", "by phone", "by telephone", "par courriel", "par email", "par e-mail", "par téléphone", "to the contact", "to the address", "à l'adresse", "hotline"), rx(`security@|dpo@`)),
				"says through which channel", "dit par quel canal"),
		},
	},
	"A28-33-breach-deadline": {
		triggers: []string{"hour", "heure", "day", "jour", " h ", "h.", "h,", "24h", "48h", "72h", "12h", "without undue delay", "sans delai", "meilleurs delais", "statutory", "delai legal", "retard injustifie"},
		need:     ptr(terms("breach*", "incident*", "violation*")),
		context:  true,
		inText:   true,
		clause:   []x{deadline},
		exclude: []sig{
			removes(noticeOwed),
			mk(terms("if possible", "where possible", "where feasible", "when possible", "to the extent possible", "if practicable", "si possible", "dans la mesure du possible", "lorsque cela est possible", "autant que possible"), "the deadline is qualified by \"if possible\"", "le délai est assorti d'un « si possible »"),
			otherRecipient,
			mk(terms("statutory maximum", "statutory deadline", "statutory period", "legal deadline", "legal period", "legal maximum", "délai légal", "délai réglementaire",
				"required by law", "required by the gdpr", "required by applicable law"), "the deadline is the statutory maximum: the controller's own 72 hours towards the authority", "le délai est le maximum légal : les 72 heures du responsable envers l'autorité"),
		},
		near: []sig{
			mk(terms("without undue delay", "sans délai indu", "sans délai injustifié", "dans les meilleurs délais", "sans retard indu", "sans retard injustifié", "as soon as possible",
				"as soon as practicable", "as soon as reasonably", "promptly", "dès que possible", "sans délai", "immediately", "immédiatement", "statutory", "délai légal"),
				"\"without undue delay\" alone gives no deadline", "« dans les meilleurs délais » seul ne donne aucun délai"),
		},
		judge: judgeDeadline,
	},
	"A28-3g-return-or-delete": {
		triggers: []string{"return", "delet", "destr", "eras", "supprim", "detrui", "restitu", "renvo", "efface", "sort des donnees", "export"},
		context:  true,
		clause: []x{
			near(20, terms("return*", "delete*", "destroy*", "erase*", "deletion", "destruction", "erasure"),
				terms("end", "termination", "terminat*", "expiry", "expiration", "completion", "cessation", "after the", "upon")),
			near(20, terms("supprim*", "détrui*", "destruction", "restitu*", "renvo*", "effac*", "suppression", "restitution", "effacement"),
				terms("fin", "terme", "issue", "expiration", "résiliation", "cessation", "achèvement")),
			terms("sort des données"),
			// Art. 28(3)(g)'s own shape: "at the choice of the controller, deletes or returns"
			within(12, terms("at the choice", "at the election", "at the option", "at the customer's choice", "at the controller's choice", "at customer's choice",
				"at the customer's option", "at the customer's election", "selon le choix", "au choix"),
				terms("delete*", "return*", "destroy*", "erase*", "supprim*", "renvo*", "restitu*", "détrui*", "effac*")),
		},
		exclude: []sig{
			mk(terms("means", "désigne", "signifie", "leading to the accidental", "entraînant, de manière accidentelle"), "a definition, not the end-of-contract rule", "une définition, pas la règle de fin de contrat"),
			mk(terms("drives", "hard disk*", "disques", "storage media", "data carriers", "supports de stockage", "supports de données"),
				"the wiping of storage media, a security measure, not the fate of the data at the end of the contract", "l'effacement des supports, une mesure de sécurité, pas le sort des données en fin de contrat"),
			mk(within(3, terms("retain", "keep", "keeps", "conserve*", "transfer*", "said", "this", "cette", "la"), terms("documentation")),
				"keeps the documentation of the processing, not the data", "conserve la documentation du traitement, pas les données"),
		},
		weak: []sig{
			mk(both(terms("anonymi*", "archiv*", "aggregat*", "agrég*", "as long as", "aussi longtemps"), rx(`(retain|keep|conserve|conserver|garder).{0,60}(anonymi[sz]|aggregat|archiv|agrege)|(anonymi[sz]|archiv).{0,40}(indefinitely|sans limitation|indefiniment)`)), "the processor may keep \"anonymised\" data or archives", "le sous-traitant peut conserver des données « anonymisées » ou des archives"),
			mk(terms("as long as necessary", "as long as is necessary", "aussi longtemps que nécessaire"), "retention \"as long as necessary\" replaces an end-of-contract rule", "une conservation « aussi longtemps que nécessaire » remplace la règle de fin de contrat"),
		},
		judge: judgeEnd,
		gives: ptr(either(endReturnWords, endDeleteWords)),
	},
	"A28-3h-audits-information": {
		triggers: []string{"audit", "inspect", "demonstrate", "demontrer"},
		clause: []x{
			terms("audit*", "inspection", "inspections"),
			within(1, terms("information necessary", "information needed", "information required", "informations nécessaires", "information nécessaire"),
				terms("to demonstrate", "for demonstrating", "to prove", "pour démontrer", "à démontrer", "permettant de démontrer")),
		},
		exclude: []sig{
			mk(terms("authorities", "supervisory authorit*", "autorité de contrôle", "autorités", "regulator*", "regulatory authorit*"),
				"inspections by the authorities, not the controller's audit", "les contrôles des autorités, pas l'audit du responsable").except(either(controllerParty, terms("you", "vous"))),
			mk(terms("audit log*", "audit trail*", "journal d'audit", "journaux d'audit", "piste d'audit", "pistes d'audit", "audit logging"), "audit logs are a security measure, not the controller's audit", "les journaux d'audit sont une mesure de sécurité, pas l'audit du responsable"),
		},
		excludeClause: []sig{
			mk(both(terms("no", "not", "never", "nor", "without", "waive*", "exclu*", "aucun*", "ne", "n'", "renonce*", "interdit*"), rx(`(no|not|never|nor|without any)( \w+){0,4} (right|entitled|entitlement|permitted|allowed|able)( \w+){0,3} (to )?(conduct |carry out |perform |request |require )?(an |any )?(audits?|inspections?|audit)|(shall|will|may|can) not (be (entitled|permitted|allowed) to )?(conduct|carry out|perform|request|require)( \w+){0,2} (audits?|inspections?)|\bno (audits?|inspections?)\b|(excludes?|waives?|waived|excluded)( \w+){0,3} (audits?|inspections?)|(audits?|inspections?)( \w+){0,3} (are|is|shall be) (excluded|not permitted|not allowed|waived)`)),
				"excludes audits: the word \"audit\" appears, but as a prohibition", "exclut les audits : le mot « audit » apparaît, mais comme une interdiction").except(either(onSite, limits)),
			mk(both(terms("no", "not", "never", "nor", "without", "waive*", "exclu*", "aucun*", "ne", "n'", "renonce*", "interdit*"), rx(`aucun( droit d')? (audit|inspection)|(ne|n') ?(pourra|peut|aura|sera|saurait|dispose)( \w+){0,7} (audit|auditer|inspection|inspecter)|renonce.{0,40}(audit|inspection)|(audits?|inspections?)( \w+){0,3} (sont|est) (exclus?|interdits?)|exclu\w*( \w+){0,3} (tout|les|d'un) (audits?|inspections?)`)),
				"excludes audits: the word \"audit\" appears, but as a prohibition", "exclut les audits : le mot « audit » apparaît, mais comme une interdiction").except(either(onSite, limits)),
		},
		weak: []sig{
			mk(both(terms("on-site", "onsite", "physical", "sur site", "sur place"), rx(`(on-?site|physical|onsite) (audits?|inspections?) .{0,20}(not|excluded)|(no|not|never|waives?|waived|excludes?|excluded|without)( [\w-]+){0,6} (on-?site|onsite|physical) (audits?|inspections?)|(audits?|inspections?) sur (site|place) .{0,20}(exclus|interdits?)|(aucun|ne|n'|exclu\w*)( \w+){0,8} (audits?|inspections?) sur (site|place)`)), "the audit right is cut down: on-site audits or inspections are excluded", "le droit d'audit est réduit : audits ou inspections sur site exclus"),
			mk(both(terms("only", "uniquement"), rx(`only (following|after|in the event of|in case of) (a )?(confirmed )?(breach|incident)|uniquement (apres|en cas de|suite a) (une )?(violation|incident)`)), "audits only after a confirmed breach", "des audits seulement après une violation"),
			mk(both(terms("only", "solely", "limited to", "uniquement", "seulement", "limité*"), rx(`(only|solely|limited to|uniquement|seulement|limite aux?) .{0,40}(summar|certificat|resume|synthese|soc ?[12]|iso ?27001|audit reports?|rapports? d'audit)`)), "audits limited to summaries of certifications", "audits limités à des résumés de certifications"),
		},
		signals: []sig{
			mk(both(either(number(), terms("once", "one time", "une fois", "annual*", "annuel*")), rx(`(once|one time|une fois) (per|a|par|every|each) (year|annum|an|calendar year|annee|12 months)|annual|annuel|\b\d+ (\(\d+\) )?(calendar |business |working )?(days|jours)('s)? (prior |written |advance )?(notice|preavis)|(notice|preavis) (of|de) \d+`)), "sets frequency or notice", "fixe la fréquence ou le préavis"),
			mk(both(terms("cost*", "expense*", "frais", "coût*"), rx(`(at|a) (its|the controller's|the customer's|the processor's|ses|leurs) (own )?(cost|expense|frais)|(cost|frais|couts?) .{0,30}(borne|supported|supportes|charge|a la charge)`)), "says who bears the cost", "dit qui en supporte le coût"),
			mk(terms("third-party auditor*", "third party auditor*", "independent auditor*", "auditeur indépendant", "auditeur tiers", "auditeur externe", "auditor it appoints",
				"auditor appointed", "auditeur qu'il désigne", "auditeur désigné", "auditeur mandaté", "soc 2", "soc2", "iso 27001", "iso27001", "audit report*", "rapport d'audit",
				"rapports d'audit", "on-site", "onsite", "sur site", "sur place"),
				"says who audits and how", "dit qui audite et comment"),
		},
	},
	"A28-9-written-form": {
		triggers: []string{"sign", "execut", "accept", "integral", "integrante", "part of", "incorporat", "exemplaire", "fait a", "witness", "on behalf", "pour le", "pour la", "date"},
		clause: []x{
			terms("sign", "signed", "signature", "signatures", "signe", "signes", "signee", "signees", "signataire", "signataires", "executed", "in witness whereof",
				"electronic signature", "electronically signed", "electronic acceptance", "electronically accepted", "e-signature", "esignature",
				"form part of", "forms part of", "forms an integral part of", "form an integral part of", "incorporated by reference", "incorporated into", "incorporated in",
				"partie intégrante", "deemed accepted", "réputé accepté", "réputée acceptée", "accepted by", "accepted electronically", "acceptance of this", "acceptance of the",
				"for and on behalf of"),
			// a signature block: "Pour le Client :", "Pour le compte de …"
			rx(`^(pour le compte de|pour le responsable|pour le sous-traitant|pour le client|pour le prestataire)\b`),
			rx(`fait en (deux|trois|\d+) exemplaires|\bfait a [a-z-]+,? le`),
			// the clauses are the general terms the client accepts with its order
			within(2, terms("présentes", "these"), terms("conditions générales", "general terms", "general terms and conditions", "terms of service", "conditions générales de vente")),
		},
		exclude: []sig{
			mk(terms("personnes autorisées", "authorised persons", "authorized persons", "persons authorised", "persons authorized", "confidentialité", "confidentiality"),
				"a sentence about confidentiality, not about the contract's form", "une phrase sur la confidentialité, pas sur la forme du contrat"),
			mk(either(subProcessor, terms("standard contractual clauses", "clauses contractuelles types", "scc", "sccs", "cct", "general authorisation", "general authorization", "autorisation générale")),
				"the signature of another instrument or authorisation (sub-processors, standard clauses), not the contract's own form",
				"la signature d'un autre acte ou d'une autre autorisation (sous-traitants, clauses types), pas la forme du contrat").
				except(terms("this dpa", "this addendum", "this agreement", "présent contrat", "présent accord", "présentes clauses", "le présent dpa", "the dpa")),
			mk(near(3, terms("sign*", "signé*"), terms("confidentiality*", "confidentialité", "non-disclosure", "nda", "engagement de confidentialité", "engagements de confidentialité")),
				"a confidentiality undertaking signed by staff, not the contract's own form", "un engagement de confidentialité signé par le personnel, pas la forme du contrat"),
			mk(both(terms("not", "no", "never", "ne", "unsigned", "non signé", "sans signature", "signature of the", "signature by the"), rx(`(not|no|never|ne) .{0,20}(sign|execut)|unsigned|non signe|sans signature|signature (of|by) the (data subject|user)`)), "says the document is not signed", "indique que le document n'est pas signé"),
		},
		weak: []sig{
			mk(both(terms("____", "......", "[", "date", "name", "nom", "signature"), rx(`_{4,}|\.{6,}|\[(signature|date|name|nom|signataire)[^\]]{0,20}\]|(date|name|nom|signature)\s*:\s*$`)), "the signature block is left blank", "le bloc de signature n'est pas rempli"),
		},
		signals: []sig{
			mk(both(number(), rx(`\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b(19|20)\d\d-\d\d-\d\d\b|\b\d{1,2} (january|february|march|april|may|june|july|august|september|october|november|december|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre) (19|20)\d\d\b`)), "carries a signature date", "porte une date de signature"),
			mk(terms("click*", "cliquant", "i agree", "j'accepte", "checkbox", "case à cocher", "docusign", "yousign", "adobe sign", "e-signature", "esignature",
				"electronic signature", "signature électronique", "signé électroniquement", "electronically signed", "accepted electronically", "electronically accepted",
				"electronic acceptance", "click-through", "accepté en ligne", "acceptation en ligne", "acceptée en ligne"),
				"names an electronic signature", "mentionne une signature électronique"),
			mk(both(terms("part of", "incorporated", "partie intégrante"), rx(`forms? (an integral )?part of the (\w+ ){0,3}(agreement|contract|terms|order)|incorporated (by reference )?into the (\w+ ){0,3}(agreement|contract|terms|order)|(fait|font) partie integrante (du|de la|de l'|des) `)), "is incorporated into the main agreement", "est intégré au contrat principal"),
		},
	},
	"A28-44-transfers": {
		triggers: []string{"transfer", "third countr", "outside", "eea", "2021/914", "adequacy", "privacy framework", "binding corporate", "chapter v", "pays tiers", "hors", "clauses contractuelles", "adequation", "located", "hosted", "heberge", "stocke", "localis", "union europeenne", "european union", "garanties", "safeguards", "scc", "cct"},
		clause: []x{
			either(terms("third countr*", "international transfer*", "international data transfer*", "standard contractual clauses", "scc", "sccs", "2021/914", "adequacy decision*",
				"data privacy framework", "binding corporate rules", "bcr", "bcrs", "chapter v", "pays tiers", "clauses contractuelles types", "cct",
				"décision d'adéquation", "règles d'entreprise contraignantes", "garanties appropriées", "appropriate safeguards", "adequate safeguards"),
				both(terms("outside", "transfer*", "hors", "dehors", "article*"), rx(`outside (of )?(the )?(eea|eu\b|european (economic )?area|european union)|transfers? of (the )?personal data|transfer (the )?personal data|hors (de l'|de la |de l')?(ue|eee|union europeenne|espace economique europeen)|en dehors de (l'union europeenne|l'ue|l'eee|l'espace economique europeen)|transferts? (de donnees|des donnees)|articles? 4[4-9]\b`))),
			within(8, terms("hosted", "stored", "located", "processed", "kept", "héberg*", "stock*", "localis*", "trait*", "conserv*"),
				terms("in the eu", "within the eu", "in the eea", "within the eea", "in the european union", "within the european union", "in the european economic area",
					"en france", "in france", "dans l'union européenne", "au sein de l'union européenne", "dans l'ue", "au sein de l'ue", "dans l'eee", "au sein de l'eee",
					"en europe", "in europe", "en allemagne", "in germany", "en irlande", "in ireland", "en belgique", "in belgium", "aux pays-bas", "in the netherlands", "ue/eee", "eu/eea")),
		},
		excludeClause: []sig{
			mk(both(terms("without", "sans"), rx(`(may|can|is (free|entitled) to|peut|pourra|est libre de)( freely| librement)? (transfer|transferer)\b.{0,120}(without|sans) .{0,40}(consent|authori|instruction|approv|accord|autorisation|consentement)`)), "lets the processor transfer data without the controller's consent, against Art. 28(3)(a)", "permet au sous-traitant de transférer sans l'accord du responsable, contrairement à l'art. 28(3)(a)"),
		},
		exclude: []sig{
			mk(terms("le cas échéant", "if applicable", "where applicable"), "only says transfers happen \"if applicable\", with no tool or place named", "dit seulement que des transferts ont lieu « le cas échéant », sans outil ni lieu"),
			mk(terms("est tenu de procéder", "tenu d'y procéder", "required to do so by", "unless required to do so", "sauf s'il est tenu", "à moins qu'il ne soit tenu"),
				"the carve-out of Art. 28(3)(a) for transfers the law requires, not a rule for transfers", "la réserve de l'art. 28(3)(a) pour les transferts imposés par la loi, pas une règle de transfert").except(terms("instruction*")),
		},
		near: []sig{
			mk(near(12, terms("transfer*", "transfér*", "export*", "hosted", "stored", "processed", "located", "héberg*", "stock*", "traitées", "traités", "localisé*"), thirdNames),
				"the clause names a country outside the EEA but no transfer tool (Chapter V: SCC 2021/914, adequacy decision, BCR)",
				"la clause nomme un pays hors EEE mais aucun outil de transfert (chapitre V : CCT 2021/914, décision d'adéquation, BCR)"),
		},
		weak: []sig{
			mk(rx(`module (one|1|un|four|4|quatre)\b`), "names the wrong SCC module for a controller-to-processor contract (module two is the one)", "cite le mauvais module des CCT pour un contrat responsable-sous-traitant (c'est le module 2)"),
		},
		signals: []sig{
			mk(either(terms("2021/914", "standard contractual clauses", "clauses contractuelles types", "scc", "sccs", "cct"), rx(`module (two|2|deux|three|3|trois)\b`)), "names the standard contractual clauses", "nomme les clauses contractuelles types"),
			mk(terms("adequacy decision*", "décision d'adéquation", "data privacy framework", "dpf", "binding corporate rules", "bcr", "bcrs", "règles d'entreprise contraignantes"), "names an adequacy decision, the DPF or BCRs", "nomme une décision d'adéquation, le DPF ou des BCR"),
			mk(within(8, terms("hosted", "stored", "located", "processed", "kept", "héberg*", "stock*", "localis*", "trait*", "conserv*"),
				terms("in the eu", "within the eu", "in the eea", "within the eea", "in the european union", "within the european union", "in the european economic area",
					"en france", "in france", "dans l'union européenne", "au sein de l'union européenne", "dans l'ue", "au sein de l'ue", "dans l'eee", "au sein de l'eee",
					"en europe", "in europe", "en allemagne", "in germany", "en irlande", "in ireland", "en belgique", "in belgium", "aux pays-bas", "in the netherlands", "ue/eee", "eu/eea")),
				"states where the data is located", "indique où sont les données"),
		},
	},
}
