package web

import (
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

var (
	metaLeadForm = check.Meta{
		ID: "WEB-FORM-002", Family: check.FamilyWeb, Severity: check.Critical, CapOnFail: "F",
		Title: check.Text{EN: "No lead-capture form on a plain-HTTP page", FR: "Aucun formulaire de contact sur une page HTTP en clair"},
		Description: check.Text{EN: "No page served over http:// (the home page and up to 20 same-origin pages it links to) has a field for an e-mail, a phone number or a person's name.",
			FR: "Aucune page servie en http:// (la page d'accueil et jusqu'à 20 pages du même site vers lesquelles elle renvoie) n'a de champ d'e-mail, de téléphone ou de nom de personne."},
		Risk: check.Text{EN: "Prospects' contact details typed on a plain-HTTP page travel in clear: a personal-data breach the CNIL sanctions (TLS mandatory on forms).",
			FR: "Les coordonnées des prospects saisies sur une page HTTP circulent en clair : une violation de données que la CNIL sanctionne (TLS obligatoire sur les formulaires)."},
		Remediation: check.Text{EN: "Serve every page with a form over HTTPS only and redirect http:// to it with a 301.",
			FR: "Ne servez les pages à formulaire qu'en HTTPS et redirigez http:// vers elles en 301."},
		References: []check.Reference{refCNILDev, refCNILKGCOM, refGDPR32},
		Frameworks: map[string][]string{"rgpd-art32": {"32(1)(a)"}, "cnil-guide-dev": {"fiche 6"}},
	}
	metaFormAction = check.Meta{
		ID: "WEB-FORM-003", Family: check.FamilyWeb, Severity: check.Critical, CapOnFail: "F",
		Title: check.Text{EN: "No form posts to plain HTTP", FR: "Aucun formulaire n'envoie vers HTTP en clair"},
		Description: check.Text{EN: "No form on the HTTPS page, or on the same-origin pages it links to (up to 20), posts to an http:// URL, through its action or a submit button's formaction.",
			FR: "Aucun formulaire de la page HTTPS, ni des pages du même site vers lesquelles elle renvoie (jusqu'à 20), n'envoie vers une URL http://, par son action ou par le formaction d'un bouton d'envoi."},
		Risk: check.Text{EN: "The page looks secure, but what the visitor submits (password, contact details) is sent in clear.",
			FR: "La page semble sûre, mais ce que le visiteur envoie (mot de passe, coordonnées) part en clair."},
		Remediation: check.Text{EN: "Make every form action https:// (or relative), and check the receiving endpoint answers over HTTPS.",
			FR: "Passez chaque action de formulaire en https:// (ou relative), et vérifiez que le point de réception répond en HTTPS."},
		References: []check.Reference{refCNILDev, refGDPR32},
		Frameworks: map[string][]string{"rgpd-art32": {"32(1)(a)"}, "cnil-guide-dev": {"fiche 6"}},
	}
	metaMixed = check.Meta{
		ID: "WEB-MIXED-001", Family: check.FamilyWeb, Severity: check.High,
		Title: check.Text{EN: "No mixed content on the HTTPS page", FR: "Aucun contenu mixte sur la page HTTPS"},
		Description: check.Text{EN: "The HTTPS page loads no script, stylesheet, frame or object over http:// (FAIL), nor images or media (WARN).",
			FR: "La page HTTPS ne charge ni script, ni feuille de style, ni cadre, ni objet en http:// (ÉCHEC), ni image ou média (ALERTE)."},
		Risk: check.Text{EN: "A script loaded over HTTP can be replaced in transit and then read everything on the page; browsers block it, breaking the site.",
			FR: "Un script chargé en HTTP peut être remplacé en transit puis lire toute la page ; les navigateurs le bloquent, ce qui casse le site."},
		Remediation: check.Text{EN: "Load every resource over https:// (or relative URLs); as a stopgap, send `Content-Security-Policy: upgrade-insecure-requests`.",
			FR: "Chargez chaque ressource en https:// (ou en URL relative) ; en attendant, envoyez `Content-Security-Policy: upgrade-insecure-requests`."},
		References: []check.Reference{refObservatory, refCNILDev, {Source: "W3C", Title: "Mixed Content", URL: "https://www.w3.org/TR/mixed-content/"}},
		Frameworks: transportFrameworks(),
	}
)

func evalLeadForm(e Evidence) check.Outcome {
	return judgePlainFields(e, "contact_fields", func(f Form) int { return f.Contact },
		func(pages []string, n int) check.Text {
			return check.Plural(len(pages),
				check.Text{EN: "%s collects contact details over plain HTTP (%s: e-mail, phone or name)", FR: "%s collecte des coordonnées en HTTP en clair (%s : e-mail, téléphone ou nom)"},
				check.Text{EN: "%s collect contact details over plain HTTP (%s: e-mail, phone or name)", FR: "%s collectent des coordonnées en HTTP en clair (%s : e-mail, téléphone ou nom)"},
				strings.Join(pages, ", "), check.Count(n,
					check.Text{EN: "%d field", FR: "%d champ"}, check.Text{EN: "%d fields", FR: "%d champs"}))
		},
		check.Text{EN: "the %d pages served over plain HTTP have no contact field", FR: "les %d pages servies en HTTP en clair n'ont aucun champ de coordonnées"},
		check.Text{EN: "the page served over plain HTTP has no contact field", FR: "la page servie en HTTP en clair n'a aucun champ de coordonnées"})
}

// securePage returns the HTTPS page and its content, if one was served.
func securePage(e Evidence) (Probe, PageContent, check.Outcome, bool) {
	if o, down := unreachable(e); down {
		return Probe{}, PageContent{}, o, false
	}
	p := e.HTTPS
	if !p.Reached || !isHTTPS(p.FinalURL()) {
		return Probe{}, PageContent{}, check.Outcome{Status: check.Skipped, Message: check.Text{
			EN: "not applicable: HTTPS is not available (see WEB-HTTPS-001)", FR: "sans objet : HTTPS n'est pas disponible (voir WEB-HTTPS-001)"}}, false
	}
	return p, p.Content(), check.Outcome{}, true
}

func evalFormAction(e Evidence) check.Outcome {
	p, _, o, ok := securePage(e)
	if !ok {
		return o
	}
	var bad []string
	forms, posting := 0, 0
	for _, fp := range formPages(e) {
		if fp.Plain {
			continue
		}
		for _, f := range fp.Forms {
			forms++
			if t := f.plainTargets(); len(t) > 0 {
				posting++
				bad = append(bad, t...)
			}
		}
	}
	bad = bad[:min(len(bad), maxListed)]
	ev := crawlEvidence(e, map[string]any{"url": p.FinalURL(), "forms": forms})
	if posting > 0 {
		ev["insecure_actions"] = bad
		return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Plural(posting,
			check.Text{EN: "%d form on HTTPS pages posts to plain HTTP: %s", FR: "%d formulaire d'une page HTTPS envoie en HTTP : %s"},
			check.Text{EN: "%d forms on HTTPS pages post to plain HTTP: %s", FR: "%d formulaires de pages HTTPS envoient en HTTP : %s"},
			posting, strings.Join(bad, ", "))}
	}
	msg := check.Count(forms,
		check.Text{EN: "%d form on HTTPS pages, not posting to plain HTTP", FR: "%d formulaire sur les pages HTTPS, qui n'envoie pas en HTTP"},
		check.Text{EN: "%d forms on HTTPS pages, none posting to plain HTTP", FR: "%d formulaires sur les pages HTTPS, aucun n'envoie en HTTP"})
	if forms == 0 {
		msg = check.Text{EN: "no form on HTTPS pages", FR: "aucun formulaire sur les pages HTTPS"}
	}
	return check.Outcome{Status: check.Pass, Evidence: ev, Message: msg}
}

// maxListed bounds the URLs a finding lists.
const maxListed = 20

func evalMixed(e Evidence) check.Outcome {
	p, pc, o, ok := securePage(e)
	if !ok {
		return o
	}
	var active, passive []string
	for _, r := range pc.Resources {
		if !strings.HasPrefix(r.URL, "http://") {
			continue
		}
		if r.Active {
			active = append(active, r.Tag+" "+r.URL)
		} else {
			passive = append(passive, r.Tag+" "+r.URL)
		}
	}
	ev := map[string]any{"url": p.FinalURL(), "resources": len(pc.Resources), "active_mixed": len(active), "passive_mixed": len(passive)}
	if len(active)+len(passive) == 0 {
		msg := check.Count(len(pc.Resources),
			check.Text{EN: "%d sub-resource, loaded over HTTPS", FR: "%d sous-ressource, chargée en HTTPS"},
			check.Text{EN: "all %d sub-resources load over HTTPS", FR: "les %d sous-ressources se chargent en HTTPS"})
		if len(pc.Resources) == 0 {
			msg = check.Text{EN: "the page loads no sub-resource", FR: "la page ne charge aucune sous-ressource"}
		}
		return check.Outcome{Status: check.Pass, Evidence: ev, Message: msg}
	}
	ev["examples"] = append(append([]string{}, active...), passive...)[:min(maxListed, len(active)+len(passive))]
	csp := strings.ToLower(strings.Join(append(p.Header("Content-Security-Policy"), pc.MetaCSP...), ";"))
	upgraded := strings.Contains(csp, "upgrade-insecure-requests") || strings.Contains(csp, "block-all-mixed-content")
	ev["csp_upgrades_or_blocks"] = upgraded
	switch {
	case len(active) > 0 && !upgraded:
		return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Plural(len(active),
			check.Text{EN: "%d active resource over plain HTTP: %s", FR: "%d ressource active en HTTP : %s"},
			check.Text{EN: "%d active resources over plain HTTP, e.g. %s", FR: "%d ressources actives en HTTP, par ex. %s"},
			len(active), active[0])}
	case upgraded:
		return check.Outcome{Status: check.Warn, Evidence: ev, Message: check.Count(len(active)+len(passive),
			check.Text{EN: "%d resource referenced over plain HTTP; the CSP has browsers upgrade or block it, fix the URL",
				FR: "%d ressource référencée en HTTP ; la CSP fait que les navigateurs la passent en HTTPS ou la bloquent, corrigez l'URL"},
			check.Text{EN: "%d resources referenced over plain HTTP; the CSP has browsers upgrade or block them, fix the URLs",
				FR: "%d ressources référencées en HTTP ; la CSP fait que les navigateurs les passent en HTTPS ou les bloquent, corrigez les URL"})}
	}
	return check.Outcome{Status: check.Warn, Evidence: ev, Message: check.Plural(len(passive),
		check.Text{EN: "%d image or media file over plain HTTP: %s", FR: "%d image ou média en HTTP : %s"},
		check.Text{EN: "%d images or media files over plain HTTP, e.g. %s", FR: "%d images ou médias en HTTP, par ex. %s"},
		len(passive), passive[0])}
}
