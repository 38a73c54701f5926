package web

import (
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

var (
	refPCI421 = check.Reference{Source: "PCI SSC",
		Title:   "PCI DSS v4.0, requirement 4.2.1: strong cryptography protects PAN during transmission over open, public networks",
		TitleFR: "PCI DSS v4.0, exigence 4.2.1 : une cryptographie forte protège le numéro de carte transmis sur les réseaux ouverts et publics",
		URL:     "https://www.pcisecuritystandards.org/document_library/"}
	refCNILCards = check.Reference{Source: "CNIL",
		Title: "Délibération 2018-303 : recommandation sur les données de carte de paiement (vente à distance)",
		URL:   "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000037477764"} // the JORF of 9 Oct 2018, the primary source
)

var metaCardForm = check.Meta{
	ID: "WEB-FORM-004", Family: check.FamilyWeb, Severity: check.Critical, CapOnFail: "F",
	Title: check.Text{EN: "No payment-card field over plain HTTP", FR: "Aucun champ de carte de paiement en HTTP en clair"},
	Description: check.Text{
		EN: "No card-number, security-code or expiry field (autocomplete cc-number, cc-csc, cc-exp; names such as cardnumber or cvv) is on a page served over http://, or in a form that posts to http://; the home page and up to 20 same-origin pages it links to are read.",
		FR: "Aucun champ de numéro de carte, de cryptogramme ou de date d'expiration (autocomplete cc-number, cc-csc, cc-exp ; noms comme cardnumber ou cvv) ne figure sur une page servie en http://, ni dans un formulaire qui envoie vers http:// ; la page d'accueil et jusqu'à 20 pages du même site vers lesquelles elle renvoie sont lues."},
	Risk: check.Text{
		EN: "Card numbers and security codes sent in clear can be read on any network on the way: card fraud, and a breach PCI DSS and the CNIL both forbid.",
		FR: "Des numéros de carte et cryptogrammes envoyés en clair se lisent sur tout réseau traversé : fraude à la carte, et une faille que PCI DSS comme la CNIL interdisent."},
	Remediation: check.Text{
		EN: "Serve payment pages over HTTPS only, post card data only to https:// endpoints, and prefer your payment provider's hosted fields or page so card data never reaches your server.",
		FR: "Ne servez les pages de paiement qu'en HTTPS, n'envoyez les données de carte que vers des adresses https://, et préférez les champs ou la page hébergés par votre prestataire de paiement pour que la carte n'atteigne jamais votre serveur."},
	References: []check.Reference{refPCI421, refCNILCards, refGDPR32},
	Frameworks: map[string][]string{"rgpd-art32": {"32(1)(a)"}, "pci-dss-4.0": {"4.2.1"}, "cnil-2018-303": {"sécurité des données de carte"}},
}

// evalCardForm fails on card fields on a plain-HTTP page, or in any form
// (either side) whose action is http://.
func evalCardForm(e Evidence) check.Outcome {
	if o, down := unreachable(e); down {
		return o
	}
	n := 0
	var where []string
	for _, fp := range formPages(e) {
		for _, f := range fp.Forms {
			clear := f.plainTargets()
			if f.Card == 0 || (!fp.Plain && len(clear) == 0) {
				continue
			}
			n += f.Card
			if len(where) < maxListed {
				if fp.Plain {
					where = append(where, fp.URL)
				} else {
					where = append(where, fp.URL+" → "+strings.Join(clear, ", "))
				}
			}
		}
	}
	ev := crawlEvidence(e, map[string]any{"card_fields_in_clear": n})
	if n > 0 {
		ev["pages"] = where
		return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Plural(n,
			check.Text{EN: "payment-card data travels in clear (%d field): %s", FR: "des données de carte de paiement circulent en clair (%d champ) : %s"},
			check.Text{EN: "payment-card data travels in clear (%d fields): %s", FR: "des données de carte de paiement circulent en clair (%d champs) : %s"},
			n, strings.Join(where, ", "))}
	}
	return check.Outcome{Status: check.Pass, Evidence: ev, Message: check.Text{
		EN: "no card field is served over plain HTTP or posted to http://", FR: "aucun champ de carte n'est servi en HTTP en clair ni envoyé vers http://"}}
}
