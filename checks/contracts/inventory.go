package contracts

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

func invMeta(id string, sev check.Severity, title, desc, risk, fix check.Text, refs ...check.Reference) check.Meta {
	return check.Meta{ID: id, Family: check.FamilyContracts, Severity: sev, Title: title, Description: desc, Risk: risk,
		Remediation: fix, References: refs, Frameworks: map[string][]string{"gdpr": {"28"}}}
}

var (
	metaNoContract = invMeta("CTR-INV-001", check.Critical,
		t("Processor has a contract", "Le sous-traitant a un contrat"),
		t("Every processor in the inventory names at least one contract document (DPA or contract with the Article 28 clauses).",
			"Chaque sous-traitant de l'inventaire cite au moins un document contractuel (DPA ou contrat avec les clauses de l'article 28)."),
		t("Processing with no contract at all is what the CNIL fined Monsanto €400,000 for (SAN-2021-012).",
			"Un traitement sans aucun contrat est ce qui a valu 400 000 € d'amende à Monsanto (SAN-2021-012)."),
		t("Sign an Article 28 contract with the processor (the SCC of Decision 2021/915 or the CNIL template) and reference it in the inventory.",
			"Signez un contrat article 28 avec le sous-traitant (CCT de la décision 2021/915 ou modèle CNIL) et référencez-le dans l'inventaire."),
		refGDPR28, refSanctions, refSCC915)
	metaSigned = invMeta("CTR-INV-002", check.High,
		t("Contract is signed, with a date", "Le contrat est signé et daté"),
		t("The inventory says the contract is signed and gives the signature date, no later than the start of processing.",
			"L'inventaire indique que le contrat est signé et donne la date de signature, au plus tard au début du traitement."),
		t("An unsigned contract binds nobody (Art. 28(9)); one signed after processing began leaves the earlier processing unframed.",
			"Un contrat non signé n'engage personne (art. 28(9)) ; signé après le début du traitement, il laisse la période antérieure sans cadre."),
		t("Have the contract signed, and record the signature date in the inventory.", "Faites signer le contrat et notez la date de signature dans l'inventaire."),
		refGDPR28, refSanctions)
	metaCurrent = invMeta("CTR-INV-003", check.Medium,
		t("Contract is current and reviewed on time", "Le contrat est en cours et revu à temps"),
		t("The contract's end date has not passed and its review date is set and not overdue.",
			"La date de fin du contrat n'est pas dépassée et sa date de revue est fixée et non échue."),
		t("Processing that goes on under an expired contract is unframed; an unreviewed contract drifts from what the processor really does (Infogreffe, EDF 2022: the controller must check its processors).",
			"Un traitement qui se poursuit sous un contrat expiré n'est plus encadré ; un contrat jamais revu s'écarte de la réalité (Infogreffe, EDF 2022 : le responsable doit contrôler ses sous-traitants)."),
		t("Renew or end expired contracts (and have the data returned or deleted); set a review date and keep it.",
			"Renouvelez ou terminez les contrats expirés (avec restitution ou suppression des données) ; fixez une date de revue et tenez-la."),
		refGDPR28, refEDPB)
	metaTransfers = invMeta("CTR-INV-004", check.High,
		t("Processing outside the EEA has a transfer tool", "Le traitement hors EEE a un outil de transfert"),
		t("Each processing country outside the EEA has an adequacy decision (the US only for Data Privacy Framework certified companies) or a named Chapter V mechanism (SCC 2021/914, BCR).",
			"Chaque pays de traitement hors EEE bénéficie d'une décision d'adéquation (les États-Unis seulement pour les sociétés certifiées Data Privacy Framework) ou d'un mécanisme du chapitre V nommé (CCT 2021/914, BCR)."),
		t("A transfer with no Chapter V tool is unlawful in itself (Art. 44), whatever the contract says.",
			"Un transfert sans outil du chapitre V est illicite en soi (art. 44), quoi que dise le contrat."),
		t("Record the countries of processing and, for each third country without adequacy, sign the SCC 2021/914 (module two) and document a transfer impact assessment.",
			"Notez les pays de traitement et, pour chaque pays tiers sans adéquation, signez les CCT 2021/914 (module 2) et documentez une analyse d'impact du transfert."),
		refGDPRCh5, refAdequacy, refSCC914)
	metaSpecial = invMeta("CTR-INV-005", check.High,
		t("Special-category data is named in the contract", "Les données sensibles sont citées au contrat"),
		t("When the inventory lists special-category data (health, biometrics, opinions…), the contract mentions it explicitly.",
			"Quand l'inventaire liste des données sensibles (santé, biométrie, opinions…), le contrat les mentionne explicitement."),
		t("Article 9 data needs specific restrictions and safeguards (SCC 2021/915 clause 7.5); a contract silent on it does not provide them.",
			"Les données de l'article 9 exigent des restrictions et garanties spécifiques (CCT 2021/915 clause 7.5) ; un contrat muet ne les prévoit pas."),
		t("Name the special categories in the contract's description and add the specific safeguards (SCC 2021/915 clause 7.5).",
			"Nommez les catégories sensibles dans la description du contrat et ajoutez les garanties spécifiques (CCT 2021/915 clause 7.5)."),
		refGDPR9, refSCC915)
	metaDocOnDisk = invMeta("CTR-INV-006", check.High,
		t("Contract files named by the inventory exist", "Les contrats cités par l'inventaire existent"),
		t("Every contract file an inventory row names is found in the contracts folder.",
			"Chaque fichier de contrat cité par une ligne de l'inventaire est présent dans le dossier des contrats."),
		t("A contract that cannot be produced does not exist for the CNIL.", "Un contrat qu'on ne peut produire n'existe pas pour la CNIL."),
		t("Put the signed contract in the contracts folder, or correct the file name in the inventory.",
			"Déposez le contrat signé dans le dossier des contrats, ou corrigez le nom de fichier dans l'inventaire."),
		refGDPR28)
	metaUnreferenced = invMeta("CTR-INV-007", check.Low,
		t("Every contract on disk is in the inventory", "Chaque contrat du dossier figure à l'inventaire"),
		t("Every document in the contracts folder is referenced by an inventory row.",
			"Chaque document du dossier des contrats est référencé par une ligne de l'inventaire."),
		t("A contract missing from the inventory usually means a processor missing from the record of processing (Art. 30).",
			"Un contrat absent de l'inventaire signale souvent un sous-traitant absent du registre (art. 30)."),
		t("Add the processor to the inventory, or archive the contract if the relationship has ended.",
			"Ajoutez le sous-traitant à l'inventaire, ou archivez le contrat si la relation a pris fin."),
		refGDPR28)
	metaCrossTransfer = invMeta("CTR-INV-008", check.High,
		t("Inventory and contract agree on transfers", "L'inventaire et le contrat concordent sur les transferts"),
		t("An inventory that records no transfer (EEA countries only, or \"none\") is contradicted when the processor's contract names a third country.",
			"Un inventaire qui n'indique aucun transfert (pays de l'EEE seulement, ou « aucun ») est contredit quand le contrat du sous-traitant cite un pays tiers."),
		t("The record of processing understates transfers; the transfers it hides have no tool checked.",
			"Le registre sous-estime les transferts ; ceux qu'il cache n'ont pas d'outil vérifié."),
		t("Check with the processor where the data really goes, then correct the inventory and put a transfer tool in place.",
			"Vérifiez auprès du sous-traitant où vont réellement les données, puis corrigez l'inventaire et mettez en place un outil de transfert."),
		refGDPRCh5, refGDPR28)
)

// InventoryChecks judge processor inventory rows, then the folder.
func InventoryChecks() check.Catalogue {
	return check.Catalogue{
		check.Typed[Processor]{M: metaNoContract, Fn: evalNoContract},
		check.Typed[Processor]{M: metaSigned, Fn: evalSigned},
		check.Typed[Processor]{M: metaCurrent, Fn: evalCurrent},
		check.Typed[Processor]{M: metaTransfers, Fn: evalTransfers},
		check.Typed[Processor]{M: metaSpecial, Fn: evalSpecial},
		check.Typed[Processor]{M: metaDocOnDisk, Fn: evalDocOnDisk},
		check.Typed[Processor]{M: metaCrossTransfer, Fn: evalCrossTransfer},
	}
}

// FolderChecks judge a contracts folder against its inventory.
func FolderChecks() check.Catalogue {
	return check.Catalogue{check.Typed[Folder]{M: metaUnreferenced, Fn: evalUnreferenced}}
}

func rowEvidence(p Processor) map[string]any {
	ev := map[string]any{"inventory": p.Inventory, "row": p.Row, "processor": p.Name}
	if p.Service != "" {
		ev["service"] = shown(p.Service)
	}
	return ev
}

// problem reports a cell the collector could not read, for a check that needs it.
func problem(p Processor, fields ...string) (check.Outcome, bool) {
	for _, f := range fields {
		if msg, ok := p.Problems[f]; ok {
			return check.Outcome{Status: check.Error, Evidence: rowEvidence(p), Message: check.Textf(
				"%s row %d, column %s: %s", "%s ligne %d, colonne %s : %s", p.Inventory, p.Row, f, msg)}, true
		}
	}
	return check.Outcome{}, false
}

func evalNoContract(p Processor) check.Outcome {
	ev := rowEvidence(p)
	if len(p.Contracts) == 0 {
		return check.Outcome{Status: check.Fail, Evidence: ev, Message: t("no contract document is named for this processor",
			"aucun document contractuel n'est cité pour ce sous-traitant")}
	}
	ev["contracts"] = shownList(p.Contracts)
	return check.Outcome{Status: check.Pass, Evidence: ev, Message: check.Textf("contract: %s", "contrat : %s", joinShown(p.Contracts, ", "))}
}

func day(t time.Time) string { return t.Format("2006-01-02") }

// noContract: checks about the contract wait for CTR-INV-001.
func noContract(p Processor) (check.Outcome, bool) {
	if len(p.Contracts) > 0 {
		return check.Outcome{}, false
	}
	return check.Outcome{Status: check.Skipped, Evidence: rowEvidence(p), Message: t("no contract is named (see CTR-INV-001)", "aucun contrat n'est cité (voir CTR-INV-001)")}, true
}

func evalSigned(p Processor) check.Outcome {
	if o, none := noContract(p); none {
		return o
	}
	if o, bad := problem(p, "signed", "signed_on", "start"); bad {
		return o
	}
	ev := rowEvidence(p)
	switch {
	case p.Signed == No:
		return check.Outcome{Status: check.Fail, Evidence: ev, Message: t("the inventory says the contract is not signed", "l'inventaire indique que le contrat n'est pas signé")}
	case p.Signed == Unknown && p.SignedOn == nil:
		return check.Outcome{Status: check.Warn, Evidence: ev, Message: t("the inventory does not say whether the contract is signed", "l'inventaire n'indique pas si le contrat est signé")}
	case p.SignedOn == nil:
		return check.Outcome{Status: check.Warn, Evidence: ev, Message: t("signed, but the signature date is missing", "signé, mais la date de signature manque")}
	}
	ev["signed_on"] = day(*p.SignedOn)
	if p.Start != nil && p.SignedOn.After(*p.Start) {
		return check.Outcome{Status: check.Warn, Evidence: ev, Message: check.Textf(
			"signed on %s, after processing started on %s: the earlier processing had no contract",
			"signé le %s, après le début du traitement le %s : le traitement antérieur n'avait pas de contrat", day(*p.SignedOn), day(*p.Start))}
	}
	if p.SignedOn.After(p.AsOf) {
		return check.Outcome{Status: check.Warn, Evidence: ev, Message: check.Textf("signature date %s is in the future", "la date de signature %s est dans le futur", day(*p.SignedOn))}
	}
	return check.Outcome{Status: check.Pass, Evidence: ev, Message: check.Textf("signed on %s", "signé le %s", day(*p.SignedOn))}
}

func daysBetween(a, b time.Time) int { return int(b.Sub(a).Hours() / 24) }

func evalCurrent(p Processor) check.Outcome {
	if o, none := noContract(p); none {
		return o
	}
	if o, bad := problem(p, "end", "review"); bad {
		return o
	}
	ev := rowEvidence(p)
	if p.End != nil {
		ev["end"] = day(*p.End)
		if p.End.Before(p.AsOf) {
			return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Textf(
				"the contract ended on %s (%s ago) and the processor is still in the inventory",
				"le contrat a pris fin le %s (il y a %s) et le sous-traitant figure toujours à l'inventaire", day(*p.End), check.Days(daysBetween(*p.End, p.AsOf)))}
		}
	}
	if p.Review == nil {
		return check.Outcome{Status: check.Warn, Evidence: ev, Message: t("no review date is set", "aucune date de revue n'est fixée")}
	}
	ev["review"] = day(*p.Review)
	if p.Review.Before(p.AsOf) {
		return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Textf("review overdue since %s (%s)", "revue en retard depuis le %s (%s)",
			day(*p.Review), check.Days(daysBetween(*p.Review, p.AsOf)))}
	}
	return check.Outcome{Status: check.Pass, Evidence: ev, Message: check.Textf("current; next review %s", "en cours ; prochaine revue le %s", day(*p.Review))}
}

var (
	toolRe = regexp.MustCompile(`2021/914|\bsccs?\b|\bcct\b|standard contractual|clauses contractuelles|\bbcrs?\b|binding corporate|regles d'entreprise|derogation|article 49|art\.? ?49`)
	dpfRe  = regexp.MustCompile(`\bdpf\b|data privacy framework|privacy framework`)
	noneRe = regexp.MustCompile(`^(none|no|non|aucun|aucune|neant|n/a|na|-|sans objet|no transfer|aucun transfert|pas de transfert)$`)
)

func evalTransfers(p Processor) check.Outcome {
	if o, bad := problem(p, "countries"); bad {
		return o
	}
	ev := rowEvidence(p)
	if len(p.Countries) == 0 {
		return check.Outcome{Status: check.Warn, Evidence: ev, Message: t("the inventory does not say where the processor processes the data", "l'inventaire n'indique pas où le sous-traitant traite les données")}
	}
	ev["countries"] = shownList(p.Countries)
	mech := fold(p.Mechanism)
	var bad []string
	for _, c := range p.Countries {
		zone, code := ZoneOf(c)
		switch {
		case zone == ZoneEEA, zone == ZoneAdequate:
			continue
		case code == "US" && dpfRe.MatchString(mech):
			continue
		case toolRe.MatchString(mech):
			continue
		}
		bad = append(bad, c)
	}
	if len(bad) == 0 {
		if recordsNoTransfer(p) {
			return check.Outcome{Status: check.Pass, Evidence: ev, Message: check.Textf("processed in the EEA only: %s", "traité dans l'EEE uniquement : %s", countryList(p.Countries))}
		}
		return check.Outcome{Status: check.Pass, Evidence: ev, Message: check.Textf("%s: adequacy decision or %q", "%s : décision d'adéquation ou « %s »",
			countryList(p.Countries), orDash(shown(p.Mechanism)))}
	}
	ev["uncovered"] = shownList(bad)
	if strings.TrimSpace(p.Mechanism) == "" || noneRe.MatchString(strings.TrimSpace(mech)) {
		return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Textf("processing %s, outside the EEA, with no transfer mechanism",
			"traitement %s, hors EEE, sans mécanisme de transfert", inCountries(bad))}
	}
	return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Textf("processing %s, outside the EEA: %q names no Chapter V tool (SCC 2021/914, BCR, DPF for the US)",
		"traitement %s, hors EEE : « %s » ne nomme aucun outil du chapitre V (CCT 2021/914, BCR, DPF pour les États-Unis)", inCountries(bad), shown(p.Mechanism))}
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "-"
	}
	return s
}

var specialDataRe = regexp.MustCompile(`sante|health|medical|medic|biometri|genetic|genetique|religio|politi|syndic|trade union|sexual|sexuel|orientation|racial|ethni|criminal|penal|infraction|condamnation|handicap|disabilit|art\.? ?9|article 9|sensib|sensitive|special categ|categories particulieres`)

func evalSpecial(p Processor) check.Outcome {
	ev := rowEvidence(p)
	var special []string
	for _, c := range p.DataCategories {
		if specialDataRe.MatchString(fold(c)) {
			special = append(special, c)
		}
	}
	if len(special) == 0 {
		return check.Outcome{Status: check.Pass, Evidence: ev, Message: t("the inventory lists no special-category data", "l'inventaire ne liste aucune donnée sensible")}
	}
	ev["special"] = shownList(special)
	analysed := 0
	for _, d := range p.Docs {
		a := d.Analysis
		if a == nil {
			continue
		}
		analysed++
		if a.Special != nil && !a.SpecialNone {
			ev["contract"], ev["location"] = d.Path, a.Special.Location.String()
			return check.Outcome{Status: check.Pass, Evidence: ev, Message: check.Textf("%s mentions %q (%s)", "%s mentionne « %s » (%s)", d.Path, a.Special.Term, a.Special.Location.String())}
		}
		if a.Special != nil && a.SpecialNone {
			ev["contract"], ev["location"] = d.Path, a.Special.Location.String()
			return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Textf(
				"the inventory lists special-category data (%s), but %s says none is processed (%s)",
				"l'inventaire liste des données sensibles (%s), mais %s indique qu'aucune donnée sensible n'est traitée (%s)", specialList(special), d.Path, a.Special.Location.String())}
		}
	}
	if analysed == 0 {
		return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Textf("the inventory lists special-category data (%s) and no readable contract covers it",
			"l'inventaire liste des données sensibles (%s) et aucun contrat lisible ne les couvre", specialList(special))}
	}
	return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Textf("the inventory lists special-category data (%s), but the contract never mentions it",
		"l'inventaire liste des données sensibles (%s), mais le contrat n'en mentionne jamais", specialList(special))}
}

func evalDocOnDisk(p Processor) check.Outcome {
	ev := rowEvidence(p)
	if len(p.Docs) == 0 {
		return check.Outcome{Status: check.Skipped, Evidence: ev, Message: t("no contract is named (see CTR-INV-001)", "aucun contrat n'est cité (voir CTR-INV-001)")}
	}
	var missing []string
	for _, d := range p.Docs {
		if !d.Exists {
			missing = append(missing, d.Path)
		}
	}
	if len(missing) > 0 {
		ev["missing"] = shownList(missing)
		return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Textf("not found on disk: %s", "introuvable sur le disque : %s", joinShown(missing, ", "))}
	}
	return check.Outcome{Status: check.Pass, Evidence: ev, Message: check.Count(len(p.Docs), check.Text{EN: "%d contract file found", FR: "%d fichier de contrat trouvé"},
		check.Text{EN: "%d contract files found", FR: "%d fichiers de contrat trouvés"})}
}

// recordsNoTransfer: the row says "none", or lists EEA countries only.
func recordsNoTransfer(p Processor) bool {
	if noneRe.MatchString(strings.TrimSpace(fold(p.Mechanism))) && strings.TrimSpace(p.Mechanism) != "" {
		return true
	}
	if len(p.Countries) == 0 {
		return false
	}
	for _, c := range p.Countries {
		if z, _ := ZoneOf(c); z != ZoneEEA && !noneRe.MatchString(fold(strings.TrimSpace(c))) {
			return false
		}
	}
	return true
}

// evalCrossTransfer compares the inventory's "no transfer" with the
// contract; it is skipped, for the reason the other checks give, when
// there is nothing to compare.
func evalCrossTransfer(p Processor) check.Outcome {
	if o, none := noContract(p); none {
		return o
	}
	ev := rowEvidence(p)
	_, unread := p.Problems["countries"]
	switch {
	case unread || len(p.Countries) == 0 && strings.TrimSpace(p.Mechanism) == "":
		return check.Outcome{Status: check.Skipped, Evidence: ev, Message: t("the inventory does not say where the processor processes the data (see CTR-INV-004)",
			"l'inventaire n'indique pas où le sous-traitant traite les données (voir CTR-INV-004)")}
	case !recordsNoTransfer(p):
		return check.Outcome{Status: check.Skipped, Evidence: ev, Message: t("the inventory records transfers (see CTR-INV-004)", "l'inventaire indique des transferts (voir CTR-INV-004)")}
	}
	var seen []string
	var en, fr []string            // the mentions in each language
	countries := map[string]bool{} // a country named twice is one country
	read := 0
	for _, d := range p.Docs {
		if d.Analysis == nil {
			continue
		}
		read++
		for _, m := range d.Analysis.ThirdCountries {
			seen = append(seen, fmt.Sprintf("%s (%s, %s)", titleCase(m.Term), d.Path, m.Location.String()))
			c := countryText(m.Term)
			countries[c.EN] = true
			en = append(en, fmt.Sprintf("%s (%s, %s)", c.EN, d.Path, m.Location.String()))
			fr = append(fr, fmt.Sprintf("%s (%s, %s)", c.FR, d.Path, m.Location.String()))
		}
	}
	if len(seen) > 0 {
		ev["mentions"] = shownList(seen)
		return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Plural(len(countries),
			t("the inventory records no transfer, but the contract names a third country: %s", "l'inventaire n'indique aucun transfert, mais le contrat nomme un pays tiers : %s"),
			t("the inventory records no transfer, but the contract names third countries: %s", "l'inventaire n'indique aucun transfert, mais le contrat nomme des pays tiers : %s"),
			t(joinShown(en, "; "), joinShown(fr, " ; ")))}
	}
	if read == 0 {
		return check.Outcome{Status: check.Skipped, Evidence: ev, Message: t("no contract named could be read (see CTR-INV-006)", "aucun des contrats cités n'a pu être lu (voir CTR-INV-006)")}
	}
	return check.Outcome{Status: check.Pass, Evidence: ev, Message: t("no third country named in the contract", "aucun pays tiers cité au contrat")}
}

func evalUnreferenced(f Folder) check.Outcome {
	ev := map[string]any{"inventory": f.Inventory, "files": f.Files}
	if len(f.Unreferenced) == 0 {
		return check.Outcome{Status: check.Pass, Evidence: ev, Message: check.Textf("all %d documents are referenced by %s", "les %d documents sont référencés par %s", f.Files, f.Inventory)}
	}
	ev["unreferenced"] = shownList(f.Unreferenced)
	return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Plural(len(f.Unreferenced),
		check.Text{EN: "%d document not in %s: %s", FR: "%d document absent de %s : %s"},
		check.Text{EN: "%d documents not in %s: %s", FR: "%d documents absents de %s : %s"},
		len(f.Unreferenced), f.Inventory, joinShown(f.Unreferenced, ", "))}
}

// titleCase capitalises a folded country name for display: "united states" → "United States".
func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}
