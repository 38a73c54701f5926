package contracts

// The sub-processor rule's own words: the controller's right to object to
// a new sub-processor (Art. 28(2), second sentence), and what takes the
// right or the authorisation away.
var (
	// objectWords give the right: "may object", "the opportunity to
	// object", "may reject", « s'y opposer », « émettre des objections ».
	objectWords = terms("objection*", "s'opposer", "s'y opposer", "object to", "objects to", "to object", "may object", "can object", "not object",
		"object unless", "object only", "object on", "object in writing", "object within", "may reject", "can reject", "to reject", "may refuse",
		"to refuse", "émettre des objections", "émis d'objection", "émis d'objections", "peut refuser", "de refuser")
	// noObjection takes it away: "has no right to object", "may not object",
	// « ne peut pas s'y opposer », « aucun droit d'opposition ». It ends the
	// clause: "may not object unless it has reasonable grounds" is a limited
	// right, not none.
	noObjection = both(terms("object", "objection*", "opposer", "opposition", "reject", "refuse", "refuser"),
		rx(`(\b(no|not|without( any| the)?)( \w+){0,2} (right|entitled|opportunity|possibility|ability) (to object|to raise (an |any )?objections?|of objection|to reject|to refuse)`+
			`|\b(may|can|shall|will) not (object|reject|refuse)|\bcannot (object|reject|refuse)|\bwaives?( \w+){0,3} (right to object|objections?)`+
			`|\b(ne|n') ?(peut|pourra|peuvent|pourront|dispose|disposera)( pas| aucunement| nullement| en aucun cas)?( [a-z']+){0,3} (s'y opposer|s'opposer|d'opposition|d'objection|refuser)`+
			`|\bsans (pouvoir|possibilite de|droit de) (s'y opposer|s'opposer|refuser)|\brenonce\w*( [a-z']+){0,4} (s'y opposer|s'opposer|opposition|objection)`+
			`|\baucun droit d'(opposition|objection))`+
			`( to (it|them|this|that|such [a-z-]+|the [a-z-]+( [a-z-]+)?)| a (celui-ci|ceux-ci|ce changement|cette [a-z-]+))?($|[.;:,)])`))
	// consentNotNeeded says no authorisation is needed to engage one:
	// "Prior authorisation of the Controller is not required for the
	// engagement of sub-processors", « l'autorisation du responsable n'est
	// pas requise pour recourir à un sous-traitant ultérieur » (not "… for
	// the sub-processors listed in Annex 3", which the list authorises).
	consentNotNeeded = sig{expr: within(12, consentWords, both(terms("not required", "not necessary", "not needed", "not be required", "not be necessary",
		"pas requise", "pas requis", "pas nécessaire", "nullement requise", "nullement requis", "nullement nécessaire"),
		rx(`\bnot (be )?(required|necessary|needed) (for|before|prior to|when|to)( [a-z'-]+){0,3}? (engag|appoint|use|using|recruit|subcontract|add|chang|replac)\w*`+
			`|\b(pas|nullement) (requise?|necessaire) (pour|avant de|afin de|avant que)( [a-z'-]+){0,3}? (recour|faire appel|fasse appel|recrut|engag|sous-trait|ajout|rempla|chang)\w*`))),
		why: removedWhy}.except(terms("listed", "annex*", "named", "set out", "listé*", "figurant", "mentionné*", "désigné*"))
)
