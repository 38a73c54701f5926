package contracts

// The controller's right to object to a new sub-processor (Art. 28(2),
// second sentence), and its removal.
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
)
