package contracts

import (
	"github.com/vigie-security/vigie/internal/check"
)

// A marker is a pattern over folded text and why it matters.
type marker struct {
	re  pattern
	why check.Text
}

func mk(expr string, en, fr string) marker {
	return marker{re: compile(expr), why: t(en, fr)}
}

// rule finds one element in sentences. A sentence is a candidate when it
// holds a trigger (cheap substring test), a clause when a present pattern
// matches, and then: rejected (negation, carve-out), weak (never specific),
// specific, a restatement of the Article, or merely present.
type rule struct {
	triggers []string // folded substrings
	ctx      bool     // triggers may sit in the heading or previous sentence
	present  []pattern
	reject   []marker // the sentence does not count
	near     []marker // looks like the clause but is not one; shown when nothing counts
	weak     []marker // counts, never as specific
	specific []marker
	// minSpecific specific markers make the clause specific (default 1);
	// with distinct, it counts distinct words matched instead.
	minSpecific int
	distinct    bool
	// sufficient markers make the clause specific on their own.
	sufficient []marker
	// need, when set, must match the sentence or its context (the breach
	// deadline needs a breach nearby).
	need *pattern
	// judge, when set, decides specificity itself (e.g. the breach deadline).
	judge func(f string, lits litSet) (Level, check.Text)
}

func res(exprs ...string) []pattern {
	out := make([]pattern, len(exprs))
	for i, e := range exprs {
		out[i] = compile(e)
	}
	return out
}

func needs(expr string) *pattern {
	p := compile(expr)
	return &p
}

// Indicator vocabulary from the research note (art28.md §2), folded: no
// accents, lower case, straight apostrophes.
const (
	subWords    = `(sub-?processors?|sub-?contractors?|another processor|other processors?|sous-traitants? (ulterieurs?|secondaires?|de second rang)|sous-traitance ulterieure|autres? sous-traitants?)`
	annexWords  = `\b(annex|annexe|schedule|appendix|appendice|exhibit)\b`
	placeholder = `(\[[^\]]{0,40}\]|_{4,}|\.{6,}|\bxxx+\b|\btbd\b|to be (defined|determined|agreed|completed)|a definir|a completer|a preciser)`
	deferred    = `(will|shall|may) be (defined|determined|specified|set out|described) (later |separately )?by (the )?(controller|customer)|seront? (definie?s?|precisee?s?|determinee?s?) (ulterieurement )?par le (responsable|client)|as (instructed|defined) by the (customer|controller) from time to time`
)

var rules = map[string]rule{
	"A28-3-subject-matter": {
		triggers: []string{"subject", "objet", "scope", "purpose of this", "applies to", "s'applique"},
		// a sales contract's own "objet" is not the processing's subject matter
		need: needs(`traitement|donnees|data|process|pour le compte|on behalf|campagne|campaign|prospect|annexe|addendum|\bdpa\b|service|prestation|sous-traitant|responsable|\bleads?\b`),
		present: res(`subject[- ]matter`, `(^|- )(\d+\.? )?(scope|objet|subject[- ]matter)\b`, `\bobjet (du|des|de la|de ce|de cette) (traitement|sous-traitance|prestation|contrat|presente?s?)`,
			`(presentes?|present|this) (clauses?|contrat|convention|accord|addendum|dpa|agreement|avenant|annexe?|schedule)s? (ont|a|has|have) (pour|as (its|their)) (objet|subject|purpose)`,
			`(this|the present) (dpa|addendum|agreement|data processing agreement) (governs|applies to|sets out)`),
		weak: []marker{
			mk(deferred, "the description is deferred to the controller", "la description est renvoyée au responsable"),
			mk(placeholder, "a template placeholder is left unfilled", "un champ du modèle n'est pas rempli"),
		},
		specific: []marker{
			mk(`\b(hosting|host|crm|e-?mailing|newsletters?|call cent(er|re)|payroll|prospect\w*|marketing|campaigns?|analytics|customer support|helpdesk|maintenance|software|saas|cloud|platform|lead generation|enrichment|telemarketing|hebergement|heberger|centre d'appels|paie|campagnes?|plateforme|logiciel|routage|enrichissement|emissions? d'appels|support client|infogerance|generation de leads|appels?|leads?|qualification|scoring|enrichment)\b`,
				"names the service concerned", "nomme le service concerné"),
			mk(annexWords, "refers to an annex describing it", "renvoie à une annexe qui le décrit"),
		},
	},
	"A28-3-duration": {
		triggers: []string{"duration", "duree", "term", "terme", "until", "jusqu", "period", "periode"},
		present: res(`duration of (the )?(processing|data processing|this dpa|this addendum)`, `\bduree (du|des|de la|de ce) (traitement|sous-traitance|prestation|presente?s? (contrat|clauses?|convention|avenant))`,
			`(processing|traitement) .{0,60}(for|during|pendant|pour) (the |toute la )?(term|duration|duree) (of|du|de la)`, `(term|duration|duree)\s*:`,
			`(this|the) (dpa|addendum) (shall )?(remain|remains|continue) in (force|effect)`, `(presente?s?|cette) (convention|avenant|contrat|clauses?) .{0,30}(restera|resteront|demeure|demeureront|entre en vigueur)`,
			`(enters?|entre(ra)?) (into|en) (force|vigueur)`, `(agreement|dpa|addendum|annexe?|contrat) (remains?|shall remain|s'applique|reste) .{0,30}(in force|en vigueur|pendant|during|for the)`),
		weak: []marker{
			mk(`as long as (is )?(necessary|required|needed)|aussi longtemps que (necessaire|requis)|le temps necessaire|pour la duree necessaire`, "gives a retention period, not the duration of the processing", "donne une durée de conservation, pas la durée du traitement"),
			mk(deferred, "the duration is deferred to the controller", "la durée est renvoyée au responsable"),
			mk(placeholder, "a template placeholder is left unfilled", "un champ du modèle n'est pas rempli"),
		},
		specific: []marker{
			mk(`(term|duration|expiry|expiration|termination|end) of the (\w+ ){0,3}(agreement|contract|services)|duree (du|de la) (contrat|convention|prestation)( principale?)?|(fin|terme|expiration|resiliation) du contrat|until (the )?(termination|expiry|expiration|end)|jusqu'(a|au) (la )?(fin|terme|resiliation|expiration|echeance)`,
				"ties the duration to the main contract", "lie la durée au contrat principal"),
			mk(`as long as the (\w+ ){0,4}(agreement|contract) (is|remains) in force|tant que (le|la) (\w+ ){0,3}(contrat|convention) (est|reste) en vigueur`, "ties the duration to the main contract", "lie la durée au contrat principal"),
			mk(`\b\d+ (months?|years?|mois|ans?|annees?)\b|\b(19|20)\d\d\b`, "gives a period or a date", "donne une période ou une date"),
		},
	},
	"A28-3-nature-purpose": {
		triggers: []string{"nature", "purpose", "finalit", "operations"},
		present: res(`\b(nature|purposes?|finalites?)\b.{0,80}(will|shall) be (defined|determined|specified)|\b(nature|finalites?)\b.{0,80}seront? (definie?s?|precisee?s?)`,
			`\bnature (of (the )?(processing|operations)|des operations|du traitement|des traitements)`, `\bpurposes? (of (the )?processing|of (the )?data processing)\b`, `processing purposes?`,
			`\bfinalites? (du|des|de la|de ce) (traitement|sous-traitance)`, `\b(finalites?|purposes?)\s*:`, `processing operations`, `operations de traitement`, `(nature|purpose|finalite)s? (and|et) (purpose|nature|finalite)s?`),
		reject: []marker{
			mk(`(taking into account|compte tenu de|tient compte de|account of) (the |la )?nature`, "names the nature of the processing as a factor, without describing it", "cite la nature du traitement comme un facteur, sans la décrire"),
		},
		weak: []marker{
			mk(`^.{0,80}(to|in order to|for the purpose of|afin de|pour) (perform|provide|deliver|execute|fournir|executer|realiser) (the|les|la|le) (services?|prestations?|agreement|contrat)\.?$`, "the purpose is circular: to perform the services", "la finalité est circulaire : exécuter les services"),
			mk(deferred, "the description is deferred to the controller", "la description est renvoyée au responsable"),
			mk(placeholder, "a template placeholder is left unfilled", "un champ du modèle n'est pas rempli"),
		},
		specific: []marker{
			mk(`\b(collect\w*|record\w*|stor(age|e|ing)|host\w*|retriev\w*|consult\w*|transmi\w*|sending|send|disclos\w*|eras\w*|analys\w*|enrich\w*|segment\w*|deduplicat\w*|scor\w*|calls?|calling|routage|envois?|collecte|enregistrement|conservation|hebergement|stockage|consultation|analyse|enrichissement|segmentation|dedoublonnage|appels?|emailing|e-?mail(s|ing)? campaigns?|prospection|campagnes?|marketing|support|paie|payroll|billing|facturation|newsletters?|campaigns?|audiences?|reporting|targeting|ciblage|advertising|publicite)\b`,
				"names the operations", "nomme les opérations"),
			mk(annexWords, "refers to an annex describing it", "renvoie à une annexe qui le décrit"),
		},
		distinct:    true,
		minSpecific: 2,
	},
	"A28-3-data-types": {
		triggers: []string{"data", "donnees"},
		present: res(`(categor(y|ies)|types?|kinds?) of (personal )?data\b`, `personal data categor`, `\bdata categor`, `(categories|types) de donnees`,
			`donnees (traitees|concernees|personnelles traitees)\s*:`, `personal data (processed|concerned)\s*:`),
		reject: []marker{
			mk(`approximate number|nombre approximatif`, "this is the content of a breach notification, not the description of the data", "il s'agit du contenu d'une notification de violation, pas de la description des données"),
		},
		weak: []marker{
			mk(`as defined in (art(icle|\.)? ?4|the gdpr)|au sens de l'article 4|(data|donnees) (needed|necessary|required|necessaires) (for|to|a|pour)|any personal data`, "the data is not described, only defined by reference", "les données ne sont pas décrites, seulement définies par renvoi"),
			mk(deferred, "the description is deferred to the controller", "la description est renvoyée au responsable"),
			mk(placeholder, "a template placeholder is left unfilled", "un champ du modèle n'est pas rempli"),
		},
		judge: judgeDataTypes,
	},
	"A28-3-data-subjects": {
		triggers: []string{"data subject", "personnes concernees", "concerned persons", "individuals"},
		present: res(`categor(y|ies) of (data subjects|individuals|persons)`, `data subjects?( categories)?\s*:`, `categories de personnes( concernees)?`, `personnes concernees\s*:`,
			`(the )?data subjects (are|include|concerned (are|include))\b`, `personnes concernees (sont|comprennent)`,
			`data subjects\b.{0,40}(will|shall) be (defined|determined|specified)|personnes concernees\b.{0,40}seront? (definie?s?|precisee?s?)`),
		reject: []marker{
			mk(`approximate number|nombre approximatif`, "this is the content of a breach notification, not the description of the data subjects", "il s'agit du contenu d'une notification de violation, pas de la description des personnes"),
		},
		weak: []marker{
			mk(deferred, "the description is deferred to the controller", "la description est renvoyée au responsable"),
			mk(placeholder, "a template placeholder is left unfilled", "un champ du modèle n'est pas rempli"),
		},
		specific: []marker{
			mk(`\b(employees?|staff|workers?|customers?|clients?|prospects?|leads?|users?|visitors?|subscribers?|patients?|students?|suppliers?|contacts?|candidates?|applicants?|members?|consumers?|salaries?|employes?|personnel|utilisateurs?|visiteurs?|abonnes?|fournisseurs?|candidats?|adherents?|membres?|internautes?|consommateurs?|eleves?|benevoles?|volunteers?)\b`,
				"names the categories of people", "nomme les catégories de personnes"),
		},
	},
	"A28-3-controller-obligations-rights": {
		triggers: []string{"controller", "customer", "responsable", "client"},
		present: res(`(obligations|responsibilities|duties|rights) of the (controller|customer)`, `(controller|customer)'?s? (obligations|responsibilities|duties|rights)`,
			`obligations (et droits )?du (responsable|client)`, `droits du (responsable|client)`,
			`(the )?(controller|customer) (shall|must|warrants|represents|undertakes|agrees|is responsible|will) .{0,40}(lawful|legal basis|legitimate|instructions?|inform(ation)? (of )?(the )?data subjects|consents?|accura|comply|document|supervis|provide the processor)`,
			`(le )?(responsable( de traitement| du traitement)?|client) (s'engage|garantit|doit|est (seul )?responsable|veille) .{0,80}(licit|base legale|instructions?|informer|informe|information des personnes|consentements?|exactitude|documenter|superviser|fournir au (sous-traitant|prestataire)|au prealable)`),
		specific: []marker{
			mk(`lawful|legal basis|base legale|licite|consent|consentement`, "names a legal basis or lawful instructions", "mentionne la base légale ou la licéité"),
			mk(`inform(ation)? (of |to )?(the )?data subjects|information des personnes|informer les personnes`, "covers informing data subjects", "couvre l'information des personnes"),
			mk(`document(er|ed)? (par ecrit |in writing )?(any |all |toute |chaque )?instructions?|instructions? (documentees?|in writing|par ecrit)`, "requires documented instructions", "exige des instructions documentées"),
			mk(`supervis|superviser|audit|object|objection|terminate|resilier`, "states a right of the controller", "énonce un droit du responsable"),
			mk(`accura|exactitude|a jour|up to date`, "covers data accuracy", "couvre l'exactitude des données"),
		},
	},
	"A28-3a-instructions": {
		triggers: []string{"instruction"},
		present: res(`documented instructions?`, `instructions? documentees?`, `(only|solely|exclusively) (on|upon|in accordance with|pursuant to|according to|as instructed|following)( the)?( written| lawful| documented)*( instructions?| .{0,30}instructions?)`,
			`act only (on|upon) .{0,30}instructions?`, `(uniquement|exclusivement|seulement) (sur|selon|conformement aux?|dans le respect des?) (les )?(instructions?|l'instruction)`,
			`(ne traite|traite) .{0,60}que sur (instruction|les instructions)`, `complete and final instructions`),
		reject: []marker{
			mk(`(controller|customer|responsable|client)('s)? instructions? (must|shall|doivent|doit) (be|etre) (lawful|licites?)\.?$`, "only says the controller's instructions must be lawful: no commitment of the processor", "dit seulement que les instructions du responsable doivent être licites : aucun engagement du sous-traitant"),
		},
		weak: []marker{
			mk(`(may|can|is entitled to|reserves the right to|peut|pourra|se reserve le droit d[e'] ?)( also| egalement)? (use|process|exploit|utiliser|traiter|exploiter) .{0,80}(own purposes|improv|analytics|statistic|derived|aggregat|benchmark|propres fins|ameliorer|amelioration|statistiques|agreg)`,
				"lets the processor use the data for its own purposes, which makes it a controller (Art. 28(10))", "permet au sous-traitant d'utiliser les données à ses propres fins, ce qui en fait un responsable (art. 28(10))"),
		},
		specific: []marker{
			mk(`complete and final instructions|instructions? .{0,60}`+annexWords+`|`+annexWords+`.{0,60}instructions?`, "the instructions are set out in the contract or an annex", "les instructions sont fixées au contrat ou en annexe"),
			mk(`by e-?mail|par (courriel|e-?mail|courrier)|written form|in writing|par ecrit|ticket|portal|portail|console|settings|configuration|parametr|recorded|record(ed|s)? of (the )?instructions|consigne|tracab|register|registre|procedure|named contact|interlocuteur`,
				"says how instructions are given and recorded", "dit comment les instructions sont données et conservées"),
		},
	},
	"A28-3-infringing-instruction": {
		triggers: []string{"instruction"},
		present: res(`(inform|notify|tell|alert|advise)s?( the)?( controller| customer)?( immediately| promptly| forthwith)?.{0,120}instructions?.{0,80}(infring|violat|breach|contrar|contraven|unlawful|illegal|non-complian)`,
			`instructions?.{0,80}(infring|violat|contrar|contraven|unlawful|illegal).{0,120}(inform|notify|alert|advise)`,
			`(informe|informer|alerte|alerter|avertit|avertir|signale|signaler|notifie|notifier).{0,120}instructions?.{0,80}(violation|contraire|enfrein|viole|illicite|non conforme)`,
			`instructions?.{0,80}(constitue une violation|contraire|enfrein|viole|illicite).{0,120}(informe|alerte|avertit|signale|notifie)`),
		reject: []marker{
			mk(`unable to (follow|comply)|not (be )?able to comply|dans l'impossibilite de (se conformer|respecter)`, "this is the duty to say it cannot comply (SCC 2021/914 clause 8.1(b)), a different duty", "il s'agit de l'obligation de signaler une impossibilité (CCT 2021/914 clause 8.1(b)), une autre obligation"),
		},
		specific: []marker{
			mk(`suspend|suspension|suspendre|refuse|refus|until (the )?(controller|customer) (confirms|amends|withdraws)|jusqu'a (confirmation|modification)|by e-?mail|par (courriel|ecrit)|in writing|within \d+`, "says what happens next (suspension, written form, delay)", "dit ce qui se passe ensuite (suspension, écrit, délai)"),
		},
	},
	"A28-3b-confidentiality": {
		triggers: []string{"confidential"},
		present: res(`(persons|personnel|staff|employees|individuals|people|anyone|agents|contractors)\b.{0,140}confidential`, `confidential.{0,140}\b(persons|personnel|staff|employees|individuals|agents)\b`,
			`(personnes|personnel|salaries|employes|collaborateurs|preposes|agents)\b.{0,140}confidentialite`, `confidentialite.{0,140}\b(personnes|personnel|salaries|employes|collaborateurs|preposes)\b`,
			`statutory (obligation|duty) of confidentiality`, `obligation legale (appropriee )?de confidentialite`,
			`(sign|signs|signed|signe|signent|signer) .{0,30}(confidentiality (agreement|undertaking)s?|(engagements?|accords?) de confidentialite)`),
		specific: []marker{
			mk(`need[- ]to[- ]know|besoin d'en connaitre|strictement necessaire`, "limits access to need-to-know", "limite l'accès au besoin d'en connaître"),
			mk(`written confidentiality|confidentiality (agreement|undertaking|clause|commitment)s?|non-disclosure|\bnda\b|engagements? (ecrit )?de confidentialite|accords? de confidentialite|clauses? de confidentialite|charte`, "requires written confidentiality undertakings", "exige des engagements écrits de confidentialité"),
			mk(`training|trained|formation|forme(s|es)? |sensibilis|awareness|survive|after (the )?(end|termination)|apres la (fin|cessation)|list of|liste des`, "adds training, a list of persons or a duration", "ajoute une formation, une liste des personnes ou une durée"),
		},
	},
	"A28-3c-security-art32": {
		triggers: []string{"32", "securit", "technical and organ", "techniques et organ", "toms", "measures"},
		present: res(`\barticle 32\b|\bart\.? ?32\b`, `technical and organi[sz]ational (security )?measures`, `security measures`, `mesures techniques et organisationnelles`, `mesures de securite`,
			`securite (des|du) traitements?`, `\btoms\b`, `(level|niveau) of security|niveau de securite`, `(^|- )(\d+\.? )?(security|securite)\b`,
			`(information )?security polic(y|ies)|politiques? de securite|securite (de l'information|des systemes d'information)`),
		reject: []marker{
			mk(`(assist|aide|help)\w* .{0,200}(requests|demandes|rights|droits|articles? 32 (to|a) 36)`, "this is the assistance clause, not the processor's own security", "il s'agit de la clause d'aide, pas de la sécurité du sous-traitant"),
			mk(`^.{0,40}(the )?(controller|customer|client|responsable)( de traitement)? (shall|is|will|must|reste|est|doit)( be)? (solely |seul )?(responsible|responsable) .{0,20}(security|securite)`, "puts security on the controller, not the processor", "met la sécurité à la charge du responsable, pas du sous-traitant"),
		},
		weak: []marker{
			mk(`(may|can|reserves the right to|peut|pourra|se reserve le droit de) .{0,30}(modify|change|update|amend|alter|modifier|changer|faire evoluer) .{0,40}(measures|mesures) .{0,40}(at any time|sole discretion|unilateral|without notice|a tout moment|discretion|sans preavis|unilateralement)`,
				"the processor can change the measures unilaterally", "le sous-traitant peut modifier les mesures unilatéralement"),
			mk(`https?://`, "the measures are only behind a link that can change", "les mesures ne sont accessibles que par un lien qui peut changer"),
		},
		specific: []marker{
			mk(annexWords, "refers to an annex of measures", "renvoie à une annexe des mesures"),
			mk(`encrypt|chiffr|pseudonym|access control|controle d'acces|controle des acces|backups?|sauvegardes?|logging|journalis|multi-?factor|\bmfa\b|authentification (forte|multi)|iso ?27001|soc ?2|penetration test|tests? d'intrusion|firewall|pare-feu|\baes\b|\btls\b|vulnerab|patch|correctifs?|segregat|cloisonnement|habilitations?`,
				"names concrete measures", "nomme des mesures concrètes"),
		},
		minSpecific: 1,
	},
	"A28-3d-subprocessors": {
		triggers: []string{"sub-processor", "subprocessor", "sub processor", "subcontractor", "sub-contractor", "another processor", "other processor", "sous-traitant", "sous-traitance ulterieure"},
		ctx:      true,
		present: res(subWords+`.{0,200}(authori[sz]ation|authori[sz]ed|authori[sz]e|consent|approv|autorisation|autorise|accord (ecrit|prealable)|agrement|consentement)`,
			`(authori[sz]ation|authori[sz]e|consent|approv|autorisation|autorise|accord (ecrit|prealable)|agrement|consentement).{0,200}`+subWords,
			`(engage|appoint|use|recruit|recrute|recruter|faire appel|avoir recours|confier).{0,80}(only|uniquement|qu'avec|qu'apres|subject to|sous reserve).{0,80}(authori|consent|approv|autoris|accord|agrement)`),
		reject: []marker{
			mk(`continued use.{0,80}(consent|accept|approv|authori)|(poursuite|continuation) (de l'utilisation|du service).{0,60}(vaut|emporte|constitue) (acceptation|accord|consentement)`, "continued use is not authorisation", "la poursuite de l'utilisation ne vaut pas autorisation"),
			mk(`(may|can|is (free|entitled) to|peut|pourra|est libre de)( freely| librement)? (engage|appoint|use|subcontract|recourir|faire appel|recruter|sous-traiter).{0,120}(without|sans) (the |l'|le )?(prior |prealable )?(specific |general |specifique |generale )?(written |ecrite? )?(authori[sz]ation|consent|approval|autorisation|accord|consentement)`, "lets the processor engage sub-processors without authorisation", "permet au sous-traitant de recruter sans autorisation"),
		},
		near: []marker{
			mk(subWords+`.{0,160}(notice|notify|notif|inform|informer|informe|information)|(notice|notify|notif|inform|informer|informe).{0,160}`+subWords, "notice only: informing the controller is not asking its authorisation, and leaves no right to object", "simple information : informer le responsable n'est pas lui demander son autorisation, et ne lui laisse aucun droit d'objection"),
		},
		specific: []marker{
			mk(`\blist\b|\bliste\b|`+annexWords, "keeps a list of sub-processors", "tient une liste des sous-traitants ultérieurs"),
			mk(`\b\d+ ?(\(\d+\) )?(calendar |business |working )?(days|jours)|\b(thirty|fifteen|ten|trente|quinze|dix) (\(\d+\) )?(days|jours)`, "gives a notice period", "donne un délai de préavis"),
			mk(`\bobject(s|ion|ions)?\b|s'opposer|opposition|objections?|terminat|resili`, "gives a right to object", "donne un droit d'objection"),
		},
		// a specific authorisation per sub-processor needs no list or notice
		sufficient: []marker{
			mk(`(prior )?specific (prior )?(written )?(authori[sz]ation|consent)|(autorisation|accord) (ecrite? )?(prealable )?(et )?specifique`, "requires a specific authorisation for each", "exige une autorisation spécifique pour chacun"),
		},
		minSpecific: 2,
	},
	"A28-4-flowdown": {
		triggers: []string{"same", "memes", "identiques", "equivalent", "no less", "at least as", "substantially", "liable", "responsable", "impose"},
		present: res(`same (data protection )?obligations|no less (protective|onerous|stringent)|at least (as protective|equivalent|the same)|substantially (the )?same|equivalent (data protection )?obligations`,
			`(memes|identiques|equivalentes) obligations|obligations (equivalentes|identiques|au moins equivalentes)|memes garanties`,
			`(remain|remains|shall remain|stay|stays) (fully |wholly |entirely )?liable|fully (liable|responsible) (to|towards|for)`, `(demeure|reste|restera|demeurera) (pleinement |entierement |seul )?responsable`),
		reject: []marker{
			mk(`(not|no|never) (be )?(liable|responsible|liability).{0,60}(sub-?processor|subcontractor)|(sub-?processor|subcontractor).{0,80}(liability|liable).{0,40}(excluded|exclude|capped|limited|shall not)|(n'est|ne sera|n'etant) pas responsable.{0,60}sous-traitant|sous-traitant.{0,60}responsabilite.{0,30}(exclue|limitee|plafonnee)`,
				"excludes or caps the processor's liability for its sub-processors", "exclut ou plafonne la responsabilité du sous-traitant pour ses sous-traitants ultérieurs"),
		},
		weak: []marker{
			mk(`as appropriate|where appropriate|le cas echeant|si necessaire|dans la mesure du possible`, "the flow-down is only \"as appropriate\"", "l'imposition n'est que « le cas échéant »"),
		},
		judge: judgeFlowdown,
	},
	"A28-3e-data-subject-rights": {
		triggers: []string{"right", "request", "droit", "demande", "12 to 2", "12 a 2", "chapter iii", "chapitre iii"},
		present: res(`(data subjects?'?|individuals'?|persons'?) (rights|requests)|requests? (from|by|of) (data subjects|individuals)|exercise (of )?(their |the )?(data subject )?rights|rights of (the )?data subjects|articles? 12 (to|-|a) 2[23]|chapter iii`,
			`(requests?|demandes?) .{0,40}(data subjects?|personnes concernees)|(data subjects?|personnes concernees) .{0,30}(requests?|demandes?)|data subject'?s'? (rights|requests)|(access|portability|erasure|deletion) requests`,
			`exercice (de leurs |des |de ses )?droits|droits des personnes( concernees)?|demandes? (des|de|d'exercice|d'exercice de droits? des?) (personnes|droits)|articles? 12 a 2[23]|chapitre iii`),
		reject: []marker{
			mk(`(controller|customer|responsable|client) (is |est |shall be |sera )?(solely|seul|exclusively|exclusivement) (responsible|responsable)|(processor|supplier|provider|sous-traitant|prestataire) (shall|will) (have no|not have any|bear no|not be (obliged|required)).{0,40}(obligation|assist|help|duty)|(n'a|n'aura) aucune obligation`,
				"leaves the requests to the controller alone", "laisse les demandes au seul responsable"),
		},
		specific: []marker{
			mk(`forward|transmit|transfer (it|them|the request)|pass on|redirect|transmet|transmettre|transmission|renvo(ie|yer)|reorient`, "says requests received are forwarded", "prévoit la transmission des demandes reçues"),
			mk(`within \d+|no later than \d+|sous \d+|dans (un delai de|les) \d+|\d+ (calendar |business |working )?(days|hours|jours|heures)|upon receipt|on receipt|des (reception|reception)|promptly|immediately|immediatement|sans delai`, "gives a time frame", "donne un délai"),
			mk(`\b(tools?|functionalit|self-service|interface|api|export|outils?|fonctionnalites?|console|portal|portail)\b`, "names the tools offered", "nomme les outils offerts"),
			mk(`(not|never|ne) (respond|answer|repondra|repond) .{0,30}directly|ne pas y repondre|not respond to|sans y repondre`, "says the processor will not answer directly", "précise que le sous-traitant ne répond pas lui-même"),
		},
	},
	"A28-3f-assist-32-36": {
		triggers: []string{"impact", "dpia", "aipd", "consultation", "32 to 36", "32 a 36", "32-36", "35"},
		present:  res(`(data protection )?impact assessments?|\bdpias?\b|\baipd\b|analyses? d'impact|prior consultation|consultation prealable|articles? 32 (to|-|a) 36|articles? 35\b|art\.? ?35\b`),
		weak: []marker{
			mk(`(sole|absolute|own) discretion|sa (seule|propre|libre) (discretion|appreciation)|son (entiere|libre) discretion`, "assistance is at the processor's sole discretion", "l'aide est laissée à la seule discrétion du sous-traitant"),
		},
		specific: []marker{
			mk(`within \d+|\d+ (calendar |business |working )?(days|jours)|dans un delai|sous \d+`, "gives a time frame", "donne un délai"),
			mk(`documentation|questionnaires?|templates?|modeles?|reports?|rapports?|information (and|et) documentation|informations? (et|and) (la )?documentation`, "says what is supplied", "dit ce qui est fourni"),
			mk(`(at|a) (no|its own|the controller's|the customer's) (additional )?(cost|expense|charge)|aux frais|sans frais|fees|tarif|cost|cout`, "says who bears the cost", "dit qui en supporte le coût"),
		},
		minSpecific: 1,
	},
	"A28-33-breach-notify": {
		triggers: []string{"breach", "incident", "violation"},
		present: res(`(personal data breach|data breach|security (breach|incident)|breach of security|incidents?|violations? de (donnees|la securite|securite)|violations? de donnees a caractere personnel|incidents? de securite).{0,160}(notif|inform|alert|report|signal|avert|previen|tell)`,
			`(notif|inform|alert|report|signal|avert|previen|tell).{0,160}(personal data breach|data breach|security (breach|incident)|breach of security|incidents?|violations? de (donnees|la securite|securite)|incidents? de securite)`),
		weak: []marker{
			mk(`if possible|where possible|si possible|dans la mesure du possible`, "the delay is only \"if possible\"", "le délai n'est que « si possible »"),
			mk(`confirmed (security |personal data )?(breach|incident)|(breach|incident)s? (that|which) (is|are|has been|have been) confirmed|violations? (averee|confirmee)s?|incidents? (avere|confirme)s?`, "only confirmed breaches are notified", "seules les violations confirmées sont notifiées"),
		},
		specific: []marker{
			mk(`\bnature\b|categor|approximate number|nombre approximatif|consequences|(measures|mesures) (taken|proposed|prises|proposees|envisagees)|contact|dpo|delegue|in (stages|phases)|echelonn|par etapes`, "lists what the notification contains (Art. 33(3))", "liste le contenu de la notification (art. 33(3))"),
			mk(`\b\d+ ?(\(\d+\) )?(hours?|hrs?|h|heures?)\b`, "gives a delay", "donne un délai"),
			mk(`by (e-?mail|phone|telephone)|par (courriel|e-?mail|telephone)|to the (contact|address)|a l'adresse|hotline|security@|dpo@`, "says through which channel", "dit par quel canal"),
		},
		minSpecific: 1,
	},
	"A28-33-breach-deadline": {
		triggers: []string{"hour", "heure", "day", "jour", " h ", "h.", "h,", "24h", "48h", "72h", "12h", "without undue delay", "sans delai", "meilleurs delais", "statutory", "delai legal", "retard injustifie"},
		need:     needs(`breach|incident|violation`),
		ctx:      true,
		present:  res(deadlinePattern),
		reject: []marker{
			mk(`if possible|where possible|where feasible|when possible|to the extent possible|if practicable|si possible|dans la mesure du possible|lorsque cela est possible|autant que possible`, "the deadline is qualified by \"if possible\"", "le délai est assorti d'un « si possible »"),
			mk(`statutory (maximum|deadline|period)|legal (deadline|period|maximum)|delai (legal|reglementaire)|required by (law|the gdpr|applicable law)`, "the deadline is the statutory maximum: the controller's own 72 hours towards the authority", "le délai est le maximum légal : les 72 heures du responsable envers l'autorité"),
		},
		near: []marker{
			mk(`without undue delay|sans delai (indu|injustifie)|dans les meilleurs delais|sans retard (indu|injustifie)|as soon as (possible|practicable|reasonably)|promptly|des que possible|sans delai|immediately|immediatement|statutory|delai legal`, "\"without undue delay\" alone gives no deadline", "« dans les meilleurs délais » seul ne donne aucun délai"),
		},
		judge: judgeDeadline,
	},
	"A28-3g-return-or-delete": {
		triggers: []string{"return", "delet", "destr", "eras", "supprim", "detrui", "restitu", "renvo", "efface", "sort des donnees", "export"},
		ctx:      true,
		present: res(`(return|delete|destroy|erase|deletion|destruction|erasure)\w*.{0,120}(end|termination|terminat|expiry|expiration|completion|cessation|after the|upon)`,
			`(end|termination|terminat|expiry|expiration|completion|cessation|upon|after the).{0,120}(return|delete|destroy|erase|deletion|destruction|erasure)`,
			`(supprim|detrui|destruction|restitu|renvo|efface|suppression|restitution|effacement)\w*.{0,120}(fin|terme|issue|expiration|resiliation|cessation|achevement)`,
			`(fin|terme|issue|expiration|resiliation|cessation|achevement).{0,120}(supprim|detrui|destruction|restitu|renvo|efface|suppression|restitution|effacement)`, `sort des donnees`),
		weak: []marker{
			mk(`(retain|keep|conserve|conserver|garder).{0,60}(anonymi[sz]|aggregat|archiv|agrege)|(anonymi[sz]|archiv).{0,40}(indefinitely|sans limitation|indefiniment)`, "the processor may keep \"anonymised\" data or archives", "le sous-traitant peut conserver des données « anonymisées » ou des archives"),
			mk(`as long as (is )?necessary|aussi longtemps que necessaire`, "retention \"as long as necessary\" replaces an end-of-contract rule", "une conservation « aussi longtemps que nécessaire » remplace la règle de fin de contrat"),
		},
		judge: judgeEnd,
	},
	"A28-3h-audits-information": {
		triggers: []string{"audit", "inspect", "demonstrate", "demontrer"},
		present:  res(`\baudit`, `\binspections?\b`, `information (necessary|needed|required) to demonstrate`, `informations? necessaires? (pour|a) demontrer`),
		reject: []marker{
			mk(`(no|not|never|nor|without any)( \w+){0,4} (right|entitled|entitlement|permitted|allowed|able)( \w+){0,3} (to )?(conduct |carry out |perform |request |require )?(an |any )?(audits?|inspections?|audit)|(shall|will|may|can) not (be (entitled|permitted|allowed) to )?(conduct|carry out|perform|request|require)( \w+){0,2} (audits?|inspections?)|\bno (audits?|inspections?)\b|(excludes?|waives?|waived|excluded)( \w+){0,3} (audits?|inspections?)|(audits?|inspections?)( \w+){0,3} (are|is|shall be) (excluded|not permitted|not allowed|waived)`,
				"excludes audits: the word \"audit\" appears, but as a prohibition", "exclut les audits : le mot « audit » apparaît, mais comme une interdiction"),
			mk(`aucun( droit d')? (audit|inspection)|(ne|n') ?(pourra|peut|aura|sera|saurait|dispose)( \w+){0,7} (audit|auditer|inspection|inspecter)|renonce.{0,40}(audit|inspection)|(audits?|inspections?)( \w+){0,3} (sont|est) (exclus?|interdits?)|exclu\w*( \w+){0,3} (tout|les|d'un) (audits?|inspections?)`,
				"excludes audits: the word \"audit\" appears, but as a prohibition", "exclut les audits : le mot « audit » apparaît, mais comme une interdiction"),
		},
		weak: []marker{
			mk(`(audits?|inspections?)( \w+){0,3} (are|is|shall be) (excluded|not permitted|not allowed)|(on-?site|physical) (audits?|inspections?) .{0,20}(not|excluded)|(audits?|inspections?) sur (site|place) .{0,20}(exclus|interdits?)`, "the audit right is cut down: on-site audits or inspections are excluded", "le droit d'audit est réduit : audits ou inspections sur site exclus"),
			mk(`only (following|after|in the event of|in case of) (a )?(confirmed )?(breach|incident)|uniquement (apres|en cas de|suite a) (une )?(violation|incident)`, "audits only after a confirmed breach", "des audits seulement après une violation"),
			mk(`(only|solely|limited to|uniquement|seulement|limite aux?) .{0,30}(summar|certificat|resume|synthese)`, "audits limited to summaries of certifications", "audits limités à des résumés de certifications"),
		},
		specific: []marker{
			mk(`(once|one time|une fois) (per|a|par|every|each) (year|annum|an|calendar year|annee|12 months)|annual|annuel|\b\d+ (\(\d+\) )?(calendar |business |working )?(days|jours)('s)? (prior |written |advance )?(notice|preavis)|(notice|preavis) (of|de) \d+`, "sets frequency or notice", "fixe la fréquence ou le préavis"),
			mk(`(at|a) (its|the controller's|the customer's|the processor's|ses|leurs) (own )?(cost|expense|frais)|(cost|frais|couts?) .{0,30}(borne|supported|supportes|charge|a la charge)`, "says who bears the cost", "dit qui en supporte le coût"),
			mk(`third[- ]party auditor|independent auditor|auditeur (independant|tiers|externe)|(auditor|auditeur) (it |qu'il )?(appoints|appointed|designe)|soc ?2|iso ?27001|audit reports?|rapports? d'audit|on-?site|sur site|sur place`, "says who audits and how", "dit qui audite et comment"),
		},
		minSpecific: 1,
	},
	"A28-9-written-form": {
		triggers: []string{"sign", "execut", "accept", "integral", "part of", "incorporat", "exemplaire", "fait a", "witness", "on behalf", "pour le", "pour la", "date"},
		present: res(`\bsign(ed|ature|atures|e|es|ee|ees|ataire|ataires)?\b`, `\bexecuted\b|\bin witness whereof\b`, `electronic(ally)? (signature|accept|sign)`, `e-?signature`, `forms? (an integral )?part of|incorporated (by reference )?(into|in)|partie integrante`,
			`fait en (deux|trois|\d+) exemplaires`, `\bfait a [a-z-]+,? le`, `(deemed|reputee?) (accepted|acceptee?)|accepted (by|electronically)|acceptance of (this|the)`, `for and on behalf of|pour (le compte de|le responsable|le sous-traitant|le client|le prestataire)\b`),
		reject: []marker{
			mk(`(not|no|never|ne) .{0,20}(sign|execut)|unsigned|non signe|sans signature|signature (of|by) the (data subject|user)`, "says the document is not signed", "indique que le document n'est pas signé"),
		},
		weak: []marker{
			mk(`_{4,}|\.{6,}|\[(signature|date|name|nom|signataire)[^\]]{0,20}\]|(date|name|nom|signature)\s*:\s*$`, "the signature block is left blank", "le bloc de signature n'est pas rempli"),
		},
		specific: []marker{
			mk(`\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b(19|20)\d\d-\d\d-\d\d\b|\b\d{1,2} (january|february|march|april|may|june|july|august|september|october|november|december|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre) (19|20)\d\d\b`, "carries a signature date", "porte une date de signature"),
			mk(`click(ing)?|cliquant|i agree|j'accepte|checkbox|case a cocher|docusign|yousign|adobe sign|e-?signature|electronic signature|signature electronique|signe electroniquement|electronically signed`, "names an electronic signature", "mentionne une signature électronique"),
			mk(`forms? (an integral )?part of the (\w+ ){0,3}(agreement|contract|terms|order)|incorporated (by reference )?into the (\w+ ){0,3}(agreement|contract|terms|order)|(fait|font) partie integrante (du|de la|de l'|des) `, "is incorporated into the main agreement", "est intégré au contrat principal"),
		},
	},
	"A28-44-transfers": {
		triggers: []string{"transfer", "third countr", "outside", "eea", "2021/914", "adequacy", "privacy framework", "binding corporate", "chapter v", "pays tiers", "hors", "clauses contractuelles", "adequation", "located", "hosted", "heberge", "stocke", "localis", "union europeenne", "european union", "garanties", "safeguards"},
		present: res(`third countr|outside (of )?(the )?(eea|eu\b|european (economic )?area|european union)|international (data )?transfers?|transfers? of (the )?personal data|transfer (the )?personal data|standard contractual clauses|\bsccs?\b|2021/914|adequacy decision|data privacy framework|binding corporate rules|\bbcrs?\b|chapter v\b`,
			`pays tiers|hors (de l'|de la |de l')?(ue|eee|union europeenne|espace economique europeen)|en dehors de (l'union europeenne|l'ue|l'eee|l'espace economique europeen)|transferts? (de donnees|des donnees)?|clauses contractuelles types|\bcct\b|decision d'adequation|regles d'entreprise contraignantes|articles? 4[4-9]\b|garanties appropriees|(appropriate|adequate) safeguards`,
			`(hosted|stored|located|processed|kept|heberge\w*|stocke\w*|localise\w*|traite\w*|conserve\w*) .{0,50}(exclusively |solely |only |exclusivement |uniquement )?(in|within|en|au sein de|dans) (the )?(eu\b|eea\b|european union|european economic area|france|l'union europeenne|l'ue\b|l'eee\b|l'espace economique europeen|germany|allemagne|ireland|irlande|belgium|belgique|netherlands|pays-bas)`),
		reject: []marker{
			mk(`(may|can|is (free|entitled) to|peut|pourra|est libre de)( freely| librement)? (transfer|transferer)\b.{0,120}(without|sans) .{0,40}(consent|authori|instruction|approv|accord|autorisation|consentement)`, "lets the processor transfer data without the controller's consent, against Art. 28(3)(a)", "permet au sous-traitant de transférer sans l'accord du responsable, contrairement à l'art. 28(3)(a)"),
		},
		weak: []marker{
			mk(`module (one|1|un|four|4|quatre)\b`, "names the wrong SCC module for a controller-to-processor contract (module two is the one)", "cite le mauvais module des CCT pour un contrat responsable-sous-traitant (c'est le module 2)"),
		},
		specific: []marker{
			mk(`2021/914|standard contractual clauses|clauses contractuelles types|\bsccs?\b|\bcct\b|module (two|2|deux|three|3|trois)\b`, "names the standard contractual clauses", "nomme les clauses contractuelles types"),
			mk(`adequacy decision|decision d'adequation|data privacy framework|\bdpf\b|binding corporate rules|\bbcrs?\b|regles d'entreprise contraignantes`, "names an adequacy decision, the DPF or BCRs", "nomme une décision d'adéquation, le DPF ou des BCR"),
			mk(`(hosted|stored|located|processed|kept|heberge\w*|stocke\w*|localise\w*|traite\w*|conserve\w*) .{0,50}(in|within|en|au sein de|dans) (the )?(eu\b|eea\b|european union|european economic area|france|l'union europeenne|l'ue\b|l'eee\b|l'espace economique europeen|germany|allemagne|ireland|irlande|belgium|belgique|netherlands|pays-bas)`, "states where the data is located", "indique où sont les données"),
		},
	},
}

// deadlinePattern is a maximum delay: "within 24 hours", "no later than
// forty-eight (48) hours", "dans un délai maximum de 48 heures", "sous 24h".
const deadlinePattern = `(?P<n2>\d{1,3})\s*(?P<u2>hours?|heures?|h)\s*(au plus tard|at the latest|maximum|max\.?)|(within|no later than|not later than|at the latest|at most|maximum( of)?|max\.?|in less than|less than|not exceeding|under|dans (un delai (maximum |maximal |max\.? )?(de |d')?|les )|sous|au plus tard|n'excedant pas|en moins de|au maximum|maximum de)\s*(?P<n>\d{1,3}|twenty-four|forty-eight|seventy-two|twelve|thirty-six|vingt-quatre|quarante-huit|soixante-douze|douze|trente-six|one|two|three|un|deux|trois)\)?\s*(\(\d{1,3}\)\s*)?(?P<u>hours?|hrs?\b|h\b|heures?|(calendar |business |working )?days?|jours?( ouvres| ouvrables| calendaires)?)`
