package leads

import (
	"slices"

	"github.com/vigie-security/vigie/internal/check"
)

// All returns the family's checks in report order.
func All() check.Catalogue {
	return check.Catalogue{
		c(metaRetStale, evalRetStale), c(metaRetNoDate, evalRetNoDate), c(metaRetOpens, evalRetOpens),
		c(metaRetCustomer, evalRetCustomer), c(metaRetGone, evalRetGone), c(metaRetCard, evalRetCard),
		c(metaConB2C, evalConB2C), c(metaConProof, evalConProof), c(metaConSoft, evalConSoft), c(metaConPrefill, evalConPrefill),
		c(metaConOptOut, evalConOptOut), c(metaConPartner, evalConPartner), c(metaConShared, evalConShared),
		c(metaConB2B, evalConB2B), c(metaConPhone, evalConPhone),
		c(metaInfSource, evalInfSource), c(metaInfGeneric, evalInfGeneric), c(metaInfNotice, evalInfNotice),
		c(metaInfLinkedIn, evalInfLinkedIn),
		c(metaSenNotes, evalSenNotes), c(metaSenColumns, evalSenColumns), c(metaSenSubjective, evalSenSubjective),
		c(metaSenNIR, evalSenNIR), c(metaSenCard, evalSenCard), c(metaSenCVV, evalSenCVV), c(metaSenIBAN, evalSenIBAN),
		c(metaSenMinor, evalSenMinor), c(metaSecPassword, evalSecPassword),
		dbc(metaSecPrivileges, evalSecPrivileges), dbc(metaSecGeneric, evalSecGeneric), dbc(metaSecAudit, evalSecAudit),
		dbc(metaSecTransport, evalSecTransport), c(metaSecExport, evalSecExport),
		c(metaSrcRead, evalSrcRead),
	}
}

// c wraps an evaluation: a source that could not be read is an error for
// every check, never a pass.
func c(m check.Meta, fn func(Evidence) check.Outcome) check.Check {
	return check.Typed[Evidence]{M: m, Fn: func(e Evidence) check.Outcome {
		if e.Problem != nil {
			return check.Outcome{Status: check.Error, Message: *e.Problem, Evidence: e.base()}
		}
		if e.Counts.Rows == 0 && m.ID != metaSecExport.ID && m.ID != metaSrcRead.ID {
			return check.Outcome{Status: check.Skipped, Evidence: e.base(),
				Message: t("the source has no records to judge", "la source n'a aucune fiche à juger")}
		}
		return fn(e)
	}}
}

// skip: the columns a check needs are not there. A check that cannot look
// never passes.
func skip(e Evidence, roles ...Role) check.Outcome {
	names := make([]string, len(roles))
	for i, r := range roles {
		names[i] = string(r)
	}
	ev := e.base()
	ev["missing_columns"] = names
	return check.Outcome{Status: check.Skipped, Evidence: ev, Message: check.Plural(len(roles),
		t("no column found for %s (map one in leads.columns if the table has it)",
			"aucune colonne trouvée pour %s (déclarez-la dans leads.columns si la table l'a)"),
		t("no column found for %s (map them in leads.columns if the table has them)",
			"aucune colonne trouvée pour %s (déclarez-les dans leads.columns si la table les a)"),
		roleWords(roles, true))}
}

func need(e Evidence, roles ...Role) (check.Outcome, bool) {
	var missing []Role
	for _, r := range roles {
		if !e.Columns.Has(r) {
			missing = append(missing, r)
		}
	}
	if len(missing) > 0 {
		return skip(e, missing...), false
	}
	return check.Outcome{}, true
}

// needAny: at least one of roles.
func needAny(e Evidence, roles ...Role) (check.Outcome, bool) {
	for _, r := range roles {
		if e.Columns.Has(r) {
			return check.Outcome{}, true
		}
	}
	return skip(e, roles...), false
}

// judge fails (or warns) when the count is not zero.
func judge(e Evidence, cnt Count, of int, bad check.Status, fail, pass check.Text, cols ...Role) check.Outcome {
	ev := with(e.base(), cnt, of)
	if cs := e.cols(cols...); len(cs) > 0 {
		ev["columns"] = cs
	}
	if cnt.N == 0 {
		return check.Outcome{Status: check.Pass, Message: pass, Evidence: ev}
	}
	return check.Outcome{Status: bad, Message: fail, Evidence: ev}
}

func evalRetStale(e Evidence) check.Outcome {
	if o, ok := needAny(e, Created, LastActivity, LastOrder, ConsentAt); !ok {
		return o
	}
	n := e.Counts.Stale.N
	out := judge(e, e.Counts.Stale, e.Counts.Prospects, check.Fail,
		check.Plural(n,
			t("%d of %d dated prospects (%s %%) has had no collection or contact from them for more than %d years", "%d des %d prospects datés (%s %%) n'a ni collecte ni contact de sa part depuis plus de %d ans"),
			t("%d of %d dated prospects (%s %%) have had no collection or contact from them for more than %d years", "%d des %d prospects datés (%s %%) n'ont ni collecte ni contact de leur part depuis plus de %d ans"),
			n, e.Counts.Prospects, check.Num(pct(n, e.Counts.Prospects), 1), e.th().ProspectYears),
		check.Textf("no prospect older than %d years among %s", "aucun prospect de plus de %d ans parmi %s", e.th().ProspectYears,
			check.Count(e.Counts.Prospects, t("%d dated prospect", "%d prospect daté"), t("%d dated prospects", "%d prospects datés"))),
		Created, LastActivity, LastOrder, Customer, ConsentAt)
	// share_percent is of the dated prospects, not of the rows: say the base.
	out.Evidence["dated_prospects"] = e.Counts.Prospects
	return out
}

func evalRetNoDate(e Evidence) check.Outcome {
	k := e.Counts
	ev := with(e.base(), k.NoDate, k.Rows)
	ev["future_dated"] = k.Future.N
	if len(k.Future.Keys) > 0 {
		ev["future_record_keys"] = k.Future.Keys
	}
	if cs := e.cols(Created, LastActivity, LastOrder, ConsentAt); len(cs) > 0 {
		ev["columns"] = cs
	}
	if !e.Columns.Has(Created) && !e.Columns.Has(LastActivity) && !e.Columns.Has(LastOrder) && !e.Columns.Has(ConsentAt) {
		ev["records"] = k.Rows
		return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Plural(k.Rows,
			t("no collection or activity date column: the retention of the %d record cannot be shown", "aucune colonne de date de collecte ou d'activité : la conservation de %d fiche ne peut être démontrée"),
			t("no collection or activity date column: the retention of the %d records cannot be shown", "aucune colonne de date de collecte ou d'activité : la conservation des %d fiches ne peut être démontrée"),
			k.Rows)}
	}
	if k.NoDate.N+k.Future.N == 0 {
		return check.Outcome{Status: check.Pass, Evidence: ev, Message: t("every record has a usable date", "chaque fiche a une date exploitable")}
	}
	noDate := check.Count(k.NoDate.N, t("%d record has no readable date", "%d fiche n'a aucune date lisible"), t("%d records have no readable date", "%d fiches n'ont aucune date lisible"))
	switch {
	case k.Future.N == 0:
		return check.Outcome{Status: check.Fail, Evidence: ev, Message: noDate}
	case k.NoDate.N == 0:
		return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Count(k.Future.N,
			t("%d record is dated in the future", "%d fiche est datée dans le futur"), t("%d records are dated in the future", "%d fiches sont datées dans le futur"))}
	}
	return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Textf("%s and %s", "%s et %s", noDate,
		check.Count(k.Future.N, t("%d is dated in the future", "%d est datée dans le futur"), t("%d are dated in the future", "%d sont datées dans le futur")))}
}

func evalRetOpens(e Evidence) check.Outcome {
	if o, ok := need(e, LastOpen); !ok {
		return o
	}
	if !e.Columns.Has(LastActivity) && !e.Columns.Has(LastOrder) {
		ev := e.base()
		ev["columns"] = e.cols(LastOpen, Created)
		ev["records"] = e.Counts.Rows
		return check.Outcome{Status: check.Fail, Evidence: ev, Message: t(
			"the only activity the table records is e-mail opens, which do not restart the retention period",
			"la seule activité enregistrée est l'ouverture d'e-mail, qui ne relance pas la durée de conservation")}
	}
	n := e.Counts.OpenKept.N
	return judge(e, e.Counts.OpenKept, e.Counts.Prospects, check.Fail,
		check.Plural(n,
			t("%d prospect older than %d years looks active only because they opened an e-mail", "%d prospect de plus de %d ans ne semble actif que parce qu'il a ouvert un e-mail"),
			t("%d prospects older than %d years look active only because they opened an e-mail", "%d prospects de plus de %d ans ne semblent actifs que parce qu'ils ont ouvert un e-mail"),
			n, e.th().ProspectYears),
		t("no record is kept on e-mail opens alone", "aucune fiche n'est conservée sur la seule foi d'ouvertures"),
		LastOpen, LastActivity)
}

func evalRetCustomer(e Evidence) check.Outcome {
	if o, ok := need(e, Customer); !ok {
		return o
	}
	if o, ok := needAny(e, ConsentEmail, Contactable); !ok {
		return o
	}
	n := e.Counts.CustomerStale.N
	return judge(e, e.Counts.CustomerStale, e.Counts.Customers, check.Fail,
		check.Plural(n,
			t("%d customer with no order or contact for more than %d years is still contactable", "%d client sans commande ni contact depuis plus de %d ans est encore contactable"),
			t("%d customers with no order or contact for more than %d years are still contactable", "%d clients sans commande ni contact depuis plus de %d ans sont encore contactables"),
			n, e.th().ProspectYears),
		check.Textf("no former customer is still prospected past %d years (%s)", "aucun ancien client n'est prospecté au-delà de %d ans (%s)", e.th().ProspectYears,
			check.Count(e.Counts.Customers, t("%d customer", "%d client"), t("%d customers", "%d clients"))),
		Customer, LastOrder, LastActivity)
}

func evalRetGone(e Evidence) check.Outcome {
	if o, ok := needAny(e, Deleted, Active); !ok {
		return o
	}
	n := e.Counts.GonePII.N
	return judge(e, e.Counts.GonePII, e.Counts.Rows, check.Fail,
		check.Plural(n,
			t("%d deleted, archived or inactive record still holds an e-mail address or a phone number", "%d fiche supprimée, archivée ou inactive garde une adresse e-mail ou un numéro"),
			t("%d deleted, archived or inactive records still hold an e-mail address or a phone number", "%d fiches supprimées, archivées ou inactives gardent une adresse e-mail ou un numéro"),
			n),
		t("no deleted or inactive record keeps contact data", "aucune fiche supprimée ou inactive ne garde de coordonnées"),
		Deleted, Active)
}

func evalRetCard(e Evidence) check.Outcome {
	if e.Counts.Card.N == 0 {
		return check.Outcome{Status: check.Pass, Evidence: with(e.base(), e.Counts.CardOld, 0),
			Message: t("no card number found, so none is kept too long", "aucun numéro de carte trouvé, donc aucun n'est gardé trop longtemps")}
	}
	if o, ok := need(e, Created); !ok {
		return o
	}
	n := e.Counts.CardOld.N
	return judge(e, e.Counts.CardOld, e.Counts.Card.N, check.Fail,
		check.Plural(n,
			t("%d record holds a card number more than %d months old", "%d fiche porte un numéro de carte de plus de %d mois"),
			t("%d records hold a card number more than %d months old", "%d fiches portent un numéro de carte de plus de %d mois"),
			n, e.th().CardMonths),
		check.Textf("no card number is older than %d months", "aucun numéro de carte n'a plus de %d mois", e.th().CardMonths), Created)
}

func evalConB2C(e Evidence) check.Outcome {
	if o, ok := need(e, Email); !ok {
		return o
	}
	k := e.Counts
	cnt := k.B2CNoConsent
	cnt.merge(k.SMSNoConsent)
	out := judge(e, cnt, k.B2CEmails, check.Fail,
		check.Plural(cnt.N,
			t("%d consumer contact (%d e-mail, %d SMS) has no recorded consent and no customer basis", "%d contact de particulier (%d e-mail, %d SMS) n'a ni consentement enregistré ni base client"),
			t("%d consumer contacts (%d e-mail, %d SMS) have no recorded consent and no customer basis", "%d contacts de particuliers (%d e-mail, %d SMS) n'ont ni consentement enregistré ni base client"),
			cnt.N, k.B2CNoConsent.N, k.SMSNoConsent.N),
		noneOr(k.B2CEmails, noConsumerPass(k.B2CWithdrawn),
			check.Plural(k.B2CEmails,
				t("%d consumer address: it has consent or a customer basis", "%d adresse de particulier : elle a un consentement ou une base client"),
				t("every one of the %d consumer addresses has consent or a customer basis", "chacune des %d adresses de particuliers a un consentement ou une base client"),
				k.B2CEmails)),
		Email, ConsentEmail, ConsentAt, ConsentSMS, Company)
	if !e.Columns.Has(ConsentEmail) && !e.Columns.Has(ConsentAt) {
		out.Evidence["consent_column"] = "none found"
	}
	out.Evidence["consumer_addresses"] = k.B2CEmails
	out.Evidence["consumer_addresses_opted_out"] = k.B2CWithdrawn
	if out.Status == check.Pass && k.B2CEmails == 0 && k.Refused.N > 0 {
		return refusedWarn(e, out.Evidence, t("address could be classed as a consumer's", "adresse n'a pu être classée comme celle d'un particulier"))
	}
	return out
}

// refusedWarn: nothing was judged, yet the table says some people refused.
// A pass would rest on no record; the refusals may be consumers whose
// address or line vigie took for a workplace's.
func refusedWarn(e Evidence, ev map[string]any, what check.Text) check.Outcome {
	n := e.Counts.Refused.N
	ev["records"] = n
	ev["record_keys"] = e.Counts.Refused.Keys
	ev["refusals"] = n
	return check.Outcome{Status: check.Warn, Evidence: ev, Message: check.Plural(n,
		check.Textf("no %s, yet %%d record says no consent: check whether that person is a consumer (or map the company column in leads.columns)",
			"aucune %s, pourtant %%d fiche dit non au consentement : vérifiez s'il s'agit d'un particulier (ou déclarez la colonne société dans leads.columns)", what),
		check.Textf("no %s, yet %%d records say no consent: check whether these people are consumers (or map the company column in leads.columns)",
			"aucune %s, pourtant %%d fiches disent non au consentement : vérifiez s'il s'agit de particuliers (ou déclarez la colonne société dans leads.columns)", what),
		n)}
}

// noConsumerPass: no consumer address needs consent, because there is none
// or because each one opted out (its consent withdrawn, art. 7(3)).
func noConsumerPass(withdrawn int) check.Text {
	return noneOr(withdrawn, t("no consumer e-mail address found", "aucune adresse e-mail de particulier trouvée"),
		check.Plural(withdrawn,
			t("%d consumer address, opted out or deleted: none may be written to",
				"%d adresse de particulier, désinscrite ou supprimée : aucune n'est démarchable"),
			t("%d consumer addresses, all opted out or deleted: none may be written to",
				"%d adresses de particuliers, toutes désinscrites ou supprimées : aucune n'est démarchable"), withdrawn))
}

func evalConProof(e Evidence) check.Outcome {
	if o, ok := needAny(e, ConsentEmail, ConsentAt); !ok {
		return o
	}
	var missing []Role
	var keys []string
	for _, r := range []Role{ConsentAt, ConsentSource, ConsentVersion} {
		if !e.Columns.Has(r) {
			missing, keys = append(missing, r), append(keys, string(r))
		}
	}
	if len(missing) > 0 && e.Counts.Consented > 0 {
		ev := e.base()
		ev["records"] = e.Counts.Consented
		ev["missing_columns"] = keys
		return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Plural(e.Counts.Consented,
			t("%d record consents, but the table has no column for %s", "%d fiche consent, mais la table n'a pas de colonne pour %s"),
			t("%d records consent, but the table has no column for %s", "%d fiches consentent, mais la table n'a pas de colonne pour %s"),
			e.Counts.Consented, roleWords(missing, false))}
	}
	return judge(e, e.Counts.ConsentNoProof, e.Counts.Consented, check.Fail,
		check.Plural(e.Counts.ConsentNoProof.N,
			t("%d consent lacks its date, source or wording version", "%d consentement n'a pas sa date, sa source ou la version du texte"),
			t("%d consents lack their date, source or wording version", "%d consentements n'ont pas leur date, leur source ou la version du texte"),
			e.Counts.ConsentNoProof.N),
		noneOr(e.Counts.Consented, t("no record consents: there is no consent to prove", "aucune fiche ne consent : il n'y a pas de consentement à prouver"),
			check.Plural(e.Counts.Consented,
				t("%d consent: it has its date, source and wording version", "%d consentement : il a sa date, sa source et la version du texte"),
				t("each of the %d consents has its date, source and wording version", "chacun des %d consentements a sa date, sa source et la version du texte"),
				e.Counts.Consented)),
		ConsentEmail, ConsentAt, ConsentSource, ConsentVersion)
}

func evalConSoft(e Evidence) check.Outcome {
	if o, ok := need(e, LegalBasis); !ok {
		return o
	}
	if o, ok := needAny(e, LastOrder, Customer); !ok {
		return o
	}
	return judge(e, e.Counts.SoftNoOrder, e.Counts.Rows, check.Fail,
		check.Plural(e.Counts.SoftNoOrder.N,
			t("%d record relies on the customer exception without any order", "%d fiche invoque l'exception client sans aucune commande"),
			t("%d records rely on the customer exception without any order", "%d fiches invoquent l'exception client sans aucune commande"),
			e.Counts.SoftNoOrder.N),
		t("the customer exception is used only for customers", "l'exception client ne sert qu'aux clients"), LegalBasis, LastOrder, Customer)
}

func evalConPrefill(e Evidence) check.Outcome {
	if o, ok := need(e, ConsentAt, Created); !ok {
		return o
	}
	k := e.Counts
	ev := with(e.base(), k.SameSecond, k.Consented)
	ev["consent_percent"] = pct(k.Consented, k.Rows)
	ev["columns"] = e.cols(ConsentEmail, ConsentAt, Created)
	if k.Rows > 50 && k.Consented*100 >= k.Rows*95 && k.SameSecond.N*100 >= k.Consented*95 {
		return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Textf(
			"%s %% of records consent, and %d consents were stamped at the second the record was created: a default, not a choice",
			"%s %% des fiches consentent, et %d consentements sont horodatés à la seconde de création de la fiche : un défaut, pas un choix",
			check.Num(pct(k.Consented, k.Rows), 1), k.SameSecond.N)}
	}
	return check.Outcome{Status: check.Pass, Evidence: ev, Message: t("consents do not look pre-ticked", "les consentements ne semblent pas pré-cochés")}
}

func evalConOptOut(e Evidence) check.Outcome {
	// A status column that says "Unsubscribed" (Pipedrive) is an opt-out too.
	if e.Counts.OptedOut == 0 {
		if o, ok := needAny(e, OptOut, OptOutAt); !ok {
			return o
		}
	}
	if o, ok := needAny(e, Contactable, ConsentEmail, LastSent); !ok {
		return o
	}
	return judge(e, e.Counts.OptOutContactable, e.Counts.Rows, check.Fail,
		check.Plural(e.Counts.OptOutContactable.N,
			t("%d opted-out record is still contactable or was sent a campaign after opting out", "%d fiche désinscrite est encore contactable ou a reçu une campagne après sa désinscription"),
			t("%d opted-out records are still contactable or were sent a campaign after opting out", "%d fiches désinscrites sont encore contactables ou ont reçu une campagne après leur désinscription"),
			e.Counts.OptOutContactable.N),
		t("no opted-out record is still contactable", "aucune fiche désinscrite n'est encore contactable"),
		OptOut, OptOutAt, Contactable, ConsentEmail, LastSent)
}

func evalConPartner(e Evidence) check.Outcome {
	if o, ok := need(e, Source, Email); !ok {
		return o
	}
	return judge(e, e.Counts.PartnerNoConsent, e.Counts.Emails, check.Fail,
		check.Plural(e.Counts.PartnerNoConsent.N,
			t("%d record from partners, brokers or contests has no consent to partners", "%d fiche issue de partenaires, courtiers ou jeux n'a pas de consentement partenaires"),
			t("%d records from partners, brokers or contests have no consent to partners", "%d fiches issues de partenaires, courtiers ou jeux n'ont pas de consentement partenaires"),
			e.Counts.PartnerNoConsent.N),
		partnerPass(e.Counts.Partnered),
		Source, ConsentPartners)
}

// noneOr is none when n is 0 ("every one of the 0 …" says nothing), else some.
func noneOr(n int, none, some check.Text) check.Text {
	if n == 0 {
		return none
	}
	return some
}

// partnerPass: none of the n partner-sourced e-mail records lacks consent,
// and none at all is said so, not "every one has".
func partnerPass(n int) check.Text {
	return noneOr(n, t("no e-mail record comes from partners, brokers or contests", "aucune fiche avec e-mail ne vient de partenaires, courtiers ou jeux"),
		check.Plural(n,
			t("%d record from partners, brokers or contests: it has partner consent or has opted out",
				"%d fiche issue de partenaires, courtiers ou jeux : elle a un consentement partenaires ou s'est désinscrite"),
			t("each of the %d records from partners, brokers or contests has partner consent or has opted out",
				"chacune des %d fiches issues de partenaires, courtiers ou jeux a un consentement partenaires ou s'est désinscrite"), n))
}

func evalConShared(e Evidence) check.Outcome {
	if o, ok := need(e, SharedWith); !ok {
		return o
	}
	return judge(e, e.Counts.SharedNoConsent, e.Counts.Rows, check.Fail,
		check.Plural(e.Counts.SharedNoConsent.N,
			t("%d record was passed to third parties without consent to partners", "%d fiche a été transmise à des tiers sans consentement partenaires"),
			t("%d records were passed to third parties without consent to partners", "%d fiches ont été transmises à des tiers sans consentement partenaires"),
			e.Counts.SharedNoConsent.N),
		t("every transfer has partner consent", "chaque transmission a un consentement partenaires"), SharedWith, ConsentPartners)
}

func evalConB2B(e Evidence) check.Outcome {
	if o, ok := need(e, Email); !ok {
		return o
	}
	return judge(e, e.Counts.NominativeNoTitle, e.Counts.Emails, check.Fail,
		check.Plural(e.Counts.NominativeNoTitle.N,
			t("%d nominative work address has no job title to link the message to", "%d adresse professionnelle nominative n'a pas de fonction à laquelle rattacher le message"),
			t("%d nominative work addresses have no job title to link the message to", "%d adresses professionnelles nominatives n'ont pas de fonction à laquelle rattacher le message"),
			e.Counts.NominativeNoTitle.N),
		t("every nominative work address comes with a job title", "chaque adresse professionnelle nominative a une fonction"), Email, JobTitle)
}

func evalConPhone(e Evidence) check.Outcome {
	if o, ok := need(e, Phone); !ok {
		return o
	}
	k := e.Counts
	after := !e.AsOf.Before(Cutoff)
	ev := e.base()
	ev["consumer_lines"] = k.Consumers
	ev["columns"] = e.cols(Phone, Company, BloctelAt, ConsentPhone, OptOutPhone)
	if !e.Columns.Has(ConsentPhone) {
		ev["phone_consent_column"] = "none found"
	}
	switch {
	case k.Phones == 0 && k.PhoneCells > 0:
		ev["records"] = k.PhoneCells
		return check.Outcome{Status: check.Warn, Evidence: ev, Message: check.Plural(k.PhoneCells,
			t("the phone column holds %d value that is not a readable number: no line could be judged",
				"la colonne de téléphone contient %d valeur qui n'est pas un numéro lisible : aucune ligne n'a pu être jugée"),
			t("the phone column holds %d values, none a readable number: no line could be judged",
				"la colonne de téléphone contient %d valeurs, aucune n'est un numéro lisible : aucune ligne n'a pu être jugée"), k.PhoneCells)}
	case k.Consumers == 0 && k.Refused.N > 0:
		return refusedWarn(e, ev, t("phone line could be classed as a consumer's", "ligne n'a pu être classée comme celle d'un particulier"))
	}
	ev["rule"] = t("Bloctel (until 10 Aug 2026), consent announced", "Bloctel (jusqu'au 10 août 2026), consentement annoncé")
	if after {
		ev["rule"] = t("prior consent (from 11 Aug 2026)", "consentement préalable (depuis le 11 août 2026)")
		with(ev, k.PhoneNoConsent, k.Consumers)
		if k.PhoneNoConsent.N == 0 {
			return check.Outcome{Status: check.Pass, Evidence: ev, Message: noConsumerLine(k, t("every consumer line has phone consent", "chaque ligne de particulier a un consentement téléphonique"))}
		}
		return check.Outcome{Status: check.Fail, Evidence: ev, Message: noPhoneColumn(e, check.Plural(k.PhoneNoConsent.N,
			t("%d consumer phone number is callable without prior consent, forbidden since 11 Aug 2026: collect the person's consent or stop calling the number",
				"%d numéro de particulier est appelable sans consentement préalable, interdit depuis le 11 août 2026 : recueillez le consentement de la personne ou cessez de l'appeler"),
			t("%d consumer phone numbers are callable without prior consent, forbidden since 11 Aug 2026: collect these people's consent or stop calling them",
				"%d numéros de particuliers sont appelables sans consentement préalable, interdit depuis le 11 août 2026 : recueillez le consentement de ces personnes ou cessez de les appeler"),
			k.PhoneNoConsent.N))}
	}
	with(ev, k.NoBloctel, k.Consumers)
	ev["without_phone_consent"] = k.PhoneNoConsent.N
	switch {
	case k.NoBloctel.N > 0:
		return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Textf("%s (%s)", "%s (%s)",
			check.Plural(k.NoBloctel.N,
				t("%d consumer phone number has no Bloctel check in the last %s", "%d numéro de particulier n'a pas de vérification Bloctel depuis %s"),
				t("%d consumer phone numbers have no Bloctel check in the last %s", "%d numéros de particuliers n'ont pas de vérification Bloctel depuis %s"),
				k.NoBloctel.N, check.Days(e.th().BloctelDays)),
			check.Plural(k.PhoneNoConsent.N,
				t("and %d has no phone consent, required from 11 Aug 2026: collect it before then", "et %d n'a pas de consentement téléphonique, exigé dès le 11 août 2026 : recueillez-le avant cette date"),
				t("and %d have no phone consent, required from 11 Aug 2026: collect it before then", "et %d n'ont pas de consentement téléphonique, exigé dès le 11 août 2026 : recueillez-le avant cette date"),
				k.PhoneNoConsent.N))}
	case k.PhoneNoConsent.N > 0:
		ev["records"] = k.PhoneNoConsent.N
		ev["record_keys"] = k.PhoneNoConsent.Keys
		return check.Outcome{Status: check.Warn, Evidence: ev, Message: check.Plural(k.PhoneNoConsent.N,
			t("%d consumer phone number has no phone consent: calling it will be forbidden from 11 Aug 2026; collect and date the consent before then",
				"%d numéro de particulier n'a pas de consentement téléphonique : l'appeler sera interdit dès le 11 août 2026 ; recueillez et datez le consentement avant cette date"),
			t("%d consumer phone numbers have no phone consent: calling them will be forbidden from 11 Aug 2026; collect and date their consent before then",
				"%d numéros de particuliers n'ont pas de consentement téléphonique : les appeler sera interdit dès le 11 août 2026 ; recueillez et datez leur consentement avant cette date"),
			k.PhoneNoConsent.N)}
	}
	return check.Outcome{Status: check.Pass, Evidence: ev, Message: noConsumerLine(k, t("every consumer line is Bloctel-checked and has phone consent",
		"chaque ligne de particulier est vérifiée Bloctel et a un consentement téléphonique"))}
}

// noPhoneColumn adds, where the table has no phone-consent column, that
// this is why no line has consent: a "Consentement: oui" is for e-mail.
func noPhoneColumn(e Evidence, m check.Text) check.Text {
	if e.Columns.Has(ConsentPhone) {
		return m
	}
	return check.Textf("%s (the table has no phone-consent column: an e-mail consent does not cover calls)",
		"%s (la table n'a pas de colonne de consentement téléphonique : un consentement e-mail ne vaut pas pour les appels)", m)
}

// noConsumerLine says why a pass judged no line ("every consumer line…" of
// none says nothing), else some.
func noConsumerLine(k Counts, some check.Text) check.Text {
	switch {
	case k.Consumers > 0:
		return some
	case k.Phones == 0:
		return t("the phone column is empty: no line to judge", "la colonne de téléphone est vide : aucune ligne à juger")
	}
	return check.Plural(k.Phones,
		t("the %d phone number is on a work record (a company or a work address), or opted out: no consumer line to judge",
			"le %d numéro est sur une fiche professionnelle (une société ou une adresse professionnelle), ou opposée : aucune ligne de particulier à juger"),
		t("the %d phone numbers are on work records (a company or a work address), or opted out: no consumer line to judge",
			"les %d numéros sont sur des fiches professionnelles (une société ou une adresse professionnelle), ou opposées : aucune ligne de particulier à juger"), k.Phones)
}

func evalInfSource(e Evidence) check.Outcome {
	if !e.Columns.Has(Source) {
		ev := e.base()
		ev["records"] = e.Counts.Rows
		ev["missing_columns"] = []string{string(Source)}
		return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Plural(e.Counts.Rows,
			t("the table has no source column: where the %d record came from cannot be told to the person", "la table n'a pas de colonne de provenance : l'origine de %d fiche ne peut être indiquée à la personne"),
			t("the table has no source column: where the %d records came from cannot be told to the people", "la table n'a pas de colonne de provenance : l'origine des %d fiches ne peut être indiquée aux personnes"),
			e.Counts.Rows)}
	}
	return judge(e, e.Counts.NoSource, e.Counts.Rows, check.Fail,
		check.Plural(e.Counts.NoSource.N,
			t("%d record (%s %%) has no source", "%d fiche (%s %%) n'a pas de provenance"),
			t("%d records (%s %%) have no source", "%d fiches (%s %%) n'ont pas de provenance"),
			e.Counts.NoSource.N, check.Num(pct(e.Counts.NoSource.N, e.Counts.Rows), 1)),
		t("every record has a source", "chaque fiche a une provenance"), Source)
}

func evalInfGeneric(e Evidence) check.Outcome {
	if o, ok := need(e, Source); !ok {
		return o
	}
	return judge(e, e.Counts.GenericSource, e.Counts.Rows, check.Fail,
		check.Plural(e.Counts.GenericSource.N,
			t("%d record has a generic source (web, import, unknown…)", "%d fiche a une provenance générique (web, import, inconnu…)"),
			t("%d records have a generic source (web, import, unknown…)", "%d fiches ont une provenance générique (web, import, inconnu…)"),
			e.Counts.GenericSource.N),
		t("sources are specific", "les provenances sont précises"), Source)
}

func evalInfNotice(e Evidence) check.Outcome {
	if o, ok := need(e, Source); !ok {
		return o
	}
	k := e.Counts
	out := judge(e, k.NoNotice, k.Indirect, check.Fail,
		noticeMissing(k.NoNotice.N, k.Indirect, check.Days(e.th().NoticeDays)),
		noneOr(k.Indirect, t("no record was collected indirectly (from a partner, a broker or a list)", "aucune fiche n'a été collectée indirectement (auprès d'un partenaire, d'un courtier ou d'une liste)"),
			check.Plural(k.Indirect, t("the indirectly collected record was informed in time", "la fiche collectée indirectement a été informée à temps"),
				t("the %d indirectly collected records were informed in time", "les %d fiches collectées indirectement ont été informées à temps"), k.Indirect)),
		Source, NoticeAt, Created, LastSent)
	out.Evidence["indirect_records"] = k.Indirect
	return out
}

// noticeMissing: "2 of 5 indirectly collected records show no …", with
// each count's own number ("1 of 1" reads "the one … record shows").
func noticeMissing(n, of int, within check.Text) check.Text {
	switch {
	case of == 1:
		return check.Textf("the indirectly collected record shows no Article 14 notice within %s or before first contact",
			"la fiche collectée indirectement ne montre pas d'information article 14 sous %s ou avant le premier contact", within)
	case n == 1:
		return check.Textf("%d of %d indirectly collected records shows no Article 14 notice within %s or before first contact",
			"%d des %d fiches collectées indirectement ne montre pas d'information article 14 sous %s ou avant le premier contact", n, of, within)
	}
	return check.Textf("%d of %d indirectly collected records show no Article 14 notice within %s or before first contact",
		"%d des %d fiches collectées indirectement ne montrent pas d'information article 14 sous %s ou avant le premier contact", n, of, within)
}

func evalInfLinkedIn(e Evidence) check.Outcome {
	if o, ok := need(e, Source); !ok {
		return o
	}
	return judge(e, e.Counts.LinkedIn, e.Counts.Rows, check.Warn,
		check.Plural(e.Counts.LinkedIn.N,
			t("%d LinkedIn-sourced record holds a personal e-mail or a consumer phone number: review how it was obtained", "%d fiche issue de LinkedIn porte un e-mail personnel ou un numéro de particulier : vérifiez comment elle a été obtenue"),
			t("%d LinkedIn-sourced records hold a personal e-mail or a consumer phone number: review how each was obtained", "%d fiches issues de LinkedIn portent un e-mail personnel ou un numéro de particulier : vérifiez comment chacune a été obtenue"),
			e.Counts.LinkedIn.N),
		t("no LinkedIn-sourced record holds personal contact data", "aucune fiche issue de LinkedIn ne porte de coordonnées personnelles"), Source)
}

func evalSenNotes(e Evidence) check.Outcome {
	if o, ok := need(e, Notes); !ok {
		return o
	}
	var all Count
	var per []check.Text
	for _, cat := range Categories {
		cnt := e.Counts.Special[cat]
		all.merge(*cnt)
		if cnt.N > 0 {
			per = append(per, check.Textf("%s: %d", "%s : %d", categoryNames[cat], cnt.N))
		}
	}
	// A record counted once per category: "records" is mentions, said so.
	out := judge(e, all, e.Counts.Notes, check.Fail,
		check.Plural(all.N,
			t("%d note mentions special-category data (health, religion, orientation, opinions, origin)", "%d note évoque des données sensibles (santé, religion, orientation, opinions, origine)"),
			t("%d notes mention special-category data (health, religion, orientation, opinions, origin)", "%d notes évoquent des données sensibles (santé, religion, orientation, opinions, origine)"),
			all.N),
		noneOr(e.Counts.Notes, t("every note is empty: there is no text to hold special-category data", "toutes les notes sont vides : aucun texte ne peut contenir de donnée sensible"),
			check.Plural(e.Counts.Notes,
				t("%d note, which mentions no special-category data", "%d note, qui n'évoque aucune donnée sensible"),
				t("none of the %d notes mentions special-category data", "aucune des %d notes n'évoque de donnée sensible"),
				e.Counts.Notes)), Notes)
	out.Evidence["by_category"] = per
	out.Evidence["notes_read"] = e.Counts.Notes
	delete(out.Evidence, "masked_samples")
	return out
}

func evalSenColumns(e Evidence) check.Outcome {
	ev := e.base()
	if !e.Columns.Has(Sensitive) {
		ev["records"] = 0
		return check.Outcome{Status: check.Pass, Evidence: ev, Message: t("no column is named for special-category data", "aucune colonne n'est nommée d'après une donnée sensible")}
	}
	with(ev, e.Counts.SensitiveCells, e.Counts.Rows)
	ev["columns"] = e.cols(Sensitive)
	if e.Counts.SensitiveCells.N == 0 {
		return check.Outcome{Status: check.Warn, Evidence: ev, Message: check.Textf("special-category columns exist but are empty: %s", "des colonnes de données sensibles existent mais sont vides : %s", e.Columns.Name(Sensitive))}
	}
	return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Plural(e.Counts.SensitiveCells.N,
		t("%d record holds values in special-category columns (%s)", "%d fiche a des valeurs dans des colonnes de données sensibles (%s)"),
		t("%d records hold values in special-category columns (%s)", "%d fiches ont des valeurs dans des colonnes de données sensibles (%s)"),
		e.Counts.SensitiveCells.N, e.Columns.Name(Sensitive))}
}

func evalSenSubjective(e Evidence) check.Outcome {
	if o, ok := need(e, Notes); !ok {
		return o
	}
	return judge(e, e.Counts.Subjective, e.Counts.Notes, check.Fail,
		check.Plural(e.Counts.Subjective.N,
			t("%d note holds subjective or insulting remarks or private facts", "%d note contient des remarques subjectives, injurieuses ou des faits privés"),
			t("%d notes hold subjective or insulting remarks or private facts", "%d notes contiennent des remarques subjectives, injurieuses ou des faits privés"),
			e.Counts.Subjective.N),
		t("notes read as objective", "les notes sont objectives"), Notes)
}

func numbers(e Evidence, cnt Count, kind string, fail, pass check.Text) check.Outcome {
	out := judge(e, cnt, e.Counts.Rows, check.Fail, fail, pass)
	if cols := e.numberColumns(kind); len(cols) > 0 {
		out.Evidence["found_in_columns"] = cols
	}
	return out
}

func evalSenNIR(e Evidence) check.Outcome {
	return numbers(e, e.Counts.NIR, "nir",
		check.Plural(e.Counts.NIR.N,
			t("%d record holds a social security number with a valid key", "%d fiche contient un numéro de sécurité sociale à clé valide"),
			t("%d records hold a social security number with a valid key", "%d fiches contiennent un numéro de sécurité sociale à clé valide"),
			e.Counts.NIR.N),
		t("no valid social security number found", "aucun numéro de sécurité sociale valide trouvé"))
}

func evalSenCard(e Evidence) check.Outcome {
	return numbers(e, e.Counts.Card, "card",
		check.Plural(e.Counts.Card.N,
			t("%d record holds a valid payment card number", "%d fiche contient un numéro de carte valide"),
			t("%d records hold a valid payment card number", "%d fiches contiennent un numéro de carte valide"),
			e.Counts.Card.N),
		t("no valid card number found", "aucun numéro de carte valide trouvé"))
}

func evalSenIBAN(e Evidence) check.Outcome {
	return numbers(e, e.Counts.IBAN, "iban",
		check.Plural(e.Counts.IBAN.N,
			t("%d record holds a valid IBAN", "%d fiche contient un IBAN valide"),
			t("%d records hold a valid IBAN", "%d fiches contiennent un IBAN valide"),
			e.Counts.IBAN.N),
		t("no valid IBAN found", "aucun IBAN valide trouvé"))
}

func evalSenCVV(e Evidence) check.Outcome {
	if !e.Columns.Has(CVV) {
		ev := e.base()
		ev["records"] = 0
		return check.Outcome{Status: check.Pass, Evidence: ev, Message: t("no card security code column", "aucune colonne de cryptogramme")}
	}
	out := judge(e, e.Counts.CVV, e.Counts.Rows, check.Fail,
		check.Plural(e.Counts.CVV.N,
			t("%d record holds a card security code", "%d fiche contient un cryptogramme"),
			t("%d records hold a card security code", "%d fiches contiennent un cryptogramme"),
			e.Counts.CVV.N),
		t("the security code column is empty", "la colonne de cryptogramme est vide"), CVV)
	if e.Counts.CVV.N == 0 {
		out.Status = check.Warn
	}
	return out
}

func evalSenMinor(e Evidence) check.Outcome {
	if o, ok := need(e, BirthDate); !ok {
		return o
	}
	k := e.Counts
	all := k.Under15
	all.merge(k.Minor)
	under15 := check.Count(k.Under15.N, t("%d record is of a child under 15", "%d fiche concerne un enfant de moins de 15 ans"),
		t("%d records are of children under 15", "%d fiches concernent des enfants de moins de 15 ans"))
	var fail check.Text
	switch {
	case k.Minor.N == 0:
		fail = under15
	case k.Under15.N == 0:
		fail = check.Count(k.Minor.N, t("%d record is of a minor aged 15 to 17", "%d fiche concerne un mineur de 15 à 17 ans"),
			t("%d records are of minors aged 15 to 17", "%d fiches concernent des mineurs de 15 à 17 ans"))
	default:
		fail = check.Textf("%s and %s", "%s et %s", under15,
			check.Count(k.Minor.N, t("%d of a minor aged 15 to 17", "%d un mineur de 15 à 17 ans"), t("%d of minors aged 15 to 17", "%d des mineurs de 15 à 17 ans")))
	}
	out := judge(e, all, k.Rows, check.Fail, fail, t("no minor in the table", "aucun mineur dans la table"), BirthDate)
	out.Evidence["under_15"], out.Evidence["aged_15_to_17"] = k.Under15.N, k.Minor.N
	if k.Under15.N == 0 && k.Minor.N > 0 {
		out.Status = check.Warn
	}
	return out
}

func evalSecPassword(e Evidence) check.Outcome {
	ev := e.base()
	if !e.Columns.Has(Password) {
		ev["records"] = 0
		return check.Outcome{Status: check.Pass, Evidence: ev, Message: t("no password column", "aucune colonne de mot de passe")}
	}
	k := e.Counts
	bad := k.PlainPassword
	bad.merge(k.FastHash)
	with(ev, bad, k.Rows)
	ev["columns"] = e.cols(Password)
	ev["plaintext"], ev["fast_unsalted_hashes"], ev["slow_salted_hashes"] = k.PlainPassword.N, k.FastHash.N, k.SlowHash.N
	switch {
	case bad.N > 0:
		return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Textf("%s and %s in the lead data", "%s et %s dans les données de prospection",
			check.Count(k.PlainPassword.N, t("%d password in clear", "%d mot de passe en clair"), t("%d passwords in clear", "%d mots de passe en clair")),
			check.Count(k.FastHash.N, t("%d fast unsalted hash", "%d empreinte rapide non salée"), t("%d fast unsalted hashes", "%d empreintes rapides non salées")))}
	case k.SlowHash.N > 0:
		ev["records"] = k.SlowHash.N
		return check.Outcome{Status: check.Warn, Evidence: ev, Message: check.Plural(k.SlowHash.N,
			t("%d password hash (slow, salted) travels with the lead data, which needs none", "%d hachage de mot de passe (lent, salé) voyage avec les données de prospection, qui n'en ont pas besoin"),
			t("%d password hashes (slow, salted) travel with the lead data, which needs none", "%d hachages de mots de passe (lents, salés) voyagent avec les données de prospection, qui n'en ont pas besoin"),
			k.SlowHash.N)}
	}
	return check.Outcome{Status: check.Pass, Evidence: ev, Message: t("the password column is empty", "la colonne de mot de passe est vide")}
}

func evalSecExport(e Evidence) check.Outcome {
	ev := e.base()
	if e.File == nil {
		return check.Outcome{Status: check.Skipped, Evidence: ev, Message: t("a database server source: no file to check",
			"une source sur un serveur de base de données : aucun fichier à vérifier")}
	}
	what := t("the lead export", "l'export de leads")
	if e.Format == "sqlite" {
		what = t("the lead database file", "le fichier de base de leads")
	}
	ev["mode"] = modeString(e.File.Mode)
	var why []check.Text
	if e.File.Mode&0o004 != 0 {
		why = append(why, t("readable by every local user", "lisible par tout utilisateur local"))
	}
	if e.File.WebServed {
		why = append(why, t("in a web-served directory", "dans un dossier publié par un serveur web"))
	}
	if len(why) == 0 {
		return check.Outcome{Status: check.Pass, Evidence: ev, Message: check.Textf("%s is readable by its owner and group only, outside web directories",
			"%s n'est lisible que par son propriétaire et son groupe, hors des dossiers web", what)}
	}
	ev["records"] = e.Counts.Rows
	ev["problems"] = why
	return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Textf("%s is %s", "%s est %s", what, check.Join(why, " and ", " et "))}
}

func modeString(m uint32) string {
	const rwx = "rwxrwxrwx"
	b := []byte("---------")
	for i := range 9 {
		if m&(1<<uint(8-i)) != 0 {
			b[i] = rwx[i]
		}
	}
	return string(b)
}

func evalSrcRead(e Evidence) check.Outcome {
	ev := e.base()
	r := e.Read
	bad := r.Ragged
	bad.merge(r.Oversized)
	bad.merge(r.Swallowed.Count)
	with(ev, bad, e.Counts.Rows+bad.N)
	ev["ragged_rows"], ev["oversized_rows"] = r.Ragged.N, r.Oversized.N
	if r.Swallowed.N > 0 {
		ev["rows_holding_records"], ev["lines_read_as_one_cell"], ev["quote_line"] = r.Swallowed.N, r.Swallowed.Lines, r.Swallowed.Line
	}
	notes := slices.Clone(r.Notes)
	if e.Columns.NoHeader {
		notes = append(notes, check.Text{EN: "no header row: columns were found by their values only",
			FR: "pas de ligne d'en-tête : les colonnes ont été reconnues à leurs seules valeurs"})
	}
	if len(notes) > 0 {
		ev["notes"] = notes
	}
	ev["columns_found"] = e.cols(Roles...)
	if bad.N == 0 && len(notes) == 0 {
		return check.Outcome{Status: check.Pass, Evidence: ev, Message: noneOr(e.Counts.Rows,
			t("the table holds no record (a header alone), read in full", "la table ne contient aucune fiche (un en-tête seul), lue en entier"),
			check.Plural(e.Counts.Rows,
				t("%d record, read in full", "%d fiche, lue en entier"),
				t("all %d records were read", "les %d fiches ont toutes été lues"),
				e.Counts.Rows))}
	}
	var parts []check.Text
	if bad.N > 0 {
		parts = append(parts, check.Textf("%s (%s)", "%s (%s)",
			check.Count(bad.N, t("%d row could not be judged", "%d ligne n'a pu être jugée"), t("%d rows could not be judged", "%d lignes n'ont pu être jugées")),
			check.Join(notJudged(r), ", ", ", ")))
	}
	switch len(notes) {
	case 0:
	case 1:
		parts = append(parts, notes[0])
	default:
		parts = append(parts, check.Textf("%d remarks on the reading (listed in the evidence), the first: %s",
			"%d remarques sur la lecture (listées dans les preuves), la première : %s", len(notes), notes[0]))
	}
	status := check.Warn
	if r.Swallowed.N > 0 {
		status = check.Fail // whole records hidden in a cell: people never judged
	}
	return check.Outcome{Status: status, Evidence: ev, Message: check.Join(parts, "; ", " ; ")}
}

// notJudged says why rows were not judged, each reason with its count.
func notJudged(r Read) []check.Text {
	var why []check.Text
	if r.Ragged.N > 0 {
		why = append(why, check.Textf("%d with a cell count unlike the header's", "%d au nombre de cellules différent de l'en-tête", r.Ragged.N))
	}
	if r.Oversized.N > 0 {
		why = append(why, check.Textf("%d with an oversized cell", "%d avec une cellule trop grande", r.Oversized.N))
	}
	if s := r.Swallowed; s.N > 0 {
		// Two lines at least: (*textenc.Shape).RecordsInCell counts no fewer.
		why = append(why, check.Textf("%d whose quoted cell, opened on line %d, holds %d lines that read as records: a stray quote?",
			"%d dont une cellule entre guillemets, ouverte ligne %d, contient %d lignes qui se lisent comme des fiches : un guillemet égaré ?",
			s.N, s.Line, s.Lines))
	}
	return why
}
