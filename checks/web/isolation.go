package web

import (
	"net/url"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

var (
	metaCOOP = headerMeta("WEB-HDR-006", check.Low,
		check.Text{EN: "Cross-Origin-Opener-Policy isolates the page", FR: "Cross-Origin-Opener-Policy isole la page"},
		check.Text{EN: "Observatory v6: same-origin, same-origin-allow-popups or noopener-allow-popups earn +10; absent or unsafe-none is neutral; an invalid value fails.",
			FR: "Observatory v6 : same-origin, same-origin-allow-popups ou noopener-allow-popups valent +10 ; absent ou unsafe-none est neutre ; une valeur invalide échoue."},
		check.Text{EN: "Without it, a page opened from an attacker's site keeps a handle on this one (tabnabbing, cross-window leaks).",
			FR: "Sans lui, une page ouverte depuis le site d'un attaquant garde une prise sur celle-ci (tabnabbing, fuites entre fenêtres)."},
		check.Text{EN: "Send `Cross-Origin-Opener-Policy: same-origin` (or same-origin-allow-popups if the site opens payment or login pop-ups).",
			FR: "Envoyez `Cross-Origin-Opener-Policy: same-origin` (ou same-origin-allow-popups si le site ouvre des fenêtres de paiement ou de connexion)."})
	metaCOEP = headerMeta("WEB-HDR-007", check.Low,
		check.Text{EN: "Cross-Origin-Embedder-Policy is set", FR: "Cross-Origin-Embedder-Policy est posé"},
		check.Text{EN: "Observatory v6: require-corp or credentialless earn +10; absent or unsafe-none is neutral; an invalid value fails.",
			FR: "Observatory v6 : require-corp ou credentialless valent +10 ; absent ou unsafe-none est neutre ; une valeur invalide échoue."},
		check.Text{EN: "Without it the page cannot be cross-origin isolated, which keeps Spectre-style leaks of embedded data possible.",
			FR: "Sans lui la page ne peut pas être isolée, ce qui laisse possibles des fuites de type Spectre des données intégrées."},
		check.Text{EN: "Send `Cross-Origin-Embedder-Policy: require-corp` once every embedded resource allows it (or credentialless).",
			FR: "Envoyez `Cross-Origin-Embedder-Policy: require-corp` quand toutes les ressources intégrées le permettent (ou credentialless)."})
	metaSRI = headerMeta("WEB-SRI-001", check.Medium,
		check.Text{EN: "External scripts carry Subresource Integrity", FR: "Les scripts externes portent une empreinte d'intégrité (SRI)"},
		check.Text{EN: "Scripts from other origins have an integrity attribute and load over HTTPS; graded like the Observatory's SRI test (external script over http without SRI −50, with SRI −20, over https without SRI −5).",
			FR: "Les scripts d'autres origines ont un attribut integrity et se chargent en HTTPS ; noté comme le test SRI de l'Observatory (script externe en http sans SRI −50, avec SRI −20, en https sans SRI −5)."},
		check.Text{EN: "A compromised CDN or analytics provider can change the script and read every form field, lead data included.",
			FR: "Un CDN ou un outil d'analyse compromis peut modifier le script et lire chaque champ de formulaire, données de prospects comprises."},
		check.Text{EN: "Add `integrity=\"sha384-…\" crossorigin=\"anonymous\"` to third-party scripts, or host them yourself.",
			FR: "Ajoutez `integrity=\"sha384-…\" crossorigin=\"anonymous\"` aux scripts tiers, ou hébergez-les vous-même."},
		check.Reference{Source: "W3C", Title: "Subresource Integrity", URL: "https://www.w3.org/TR/SRI/"})
)

// isolation grades COOP and COEP the Observatory's way.
func isolation(e Evidence, name string, good []string) check.Outcome {
	p, o, ok := pageApplies(e)
	if !ok {
		return o
	}
	v, _ := header(p, name)
	lv := strings.ToLower(strings.TrimSpace(strings.Split(v, ";")[0]))
	ev := map[string]any{"url": p.FinalURL(), "value": v}
	switch {
	case has(good, lv):
		return check.Outcome{Status: check.Pass, Evidence: observatory(ev, 10), Message: check.Textf("%s: %s", "%s : %s", name, lv)}
	case lv == "" || lv == "unsafe-none":
		return check.Outcome{Status: check.Pass, Evidence: observatory(ev, 0), Message: check.Textf(
			"%s not enforced (neutral in the Observatory; %s would earn a bonus)", "%s non imposé (neutre dans l'Observatory ; %s donnerait un bonus)",
			name, good[0])}
	}
	return check.Outcome{Status: check.Fail, Evidence: observatory(ev, -5), Message: check.Textf("invalid %s %q", "%s invalide %q", name, v)}
}

func evalCOOP(e Evidence) check.Outcome {
	return isolation(e, "Cross-Origin-Opener-Policy", []string{"same-origin", "same-origin-allow-popups", "noopener-allow-popups"})
}

func evalCOEP(e Evidence) check.Outcome {
	return isolation(e, "Cross-Origin-Embedder-Policy", []string{"require-corp", "credentialless"})
}

func evalSRI(e Evidence) check.Outcome {
	p, o, ok := pageApplies(e)
	if !ok {
		return o
	}
	pc := p.Content()
	page, _ := url.Parse(p.FinalURL())
	var scripts, external, httpNoSRI, httpSRI, httpsNoSRI []string
	for _, s := range pc.Scripts {
		scripts = append(scripts, s.URL)
		u, err := url.Parse(s.URL)
		if err != nil || page == nil || (strings.EqualFold(u.Host, page.Host) && u.Scheme == page.Scheme) {
			continue
		}
		external = append(external, s.URL)
		switch {
		case u.Scheme == "http" && !s.Integrity:
			httpNoSRI = append(httpNoSRI, s.URL)
		case u.Scheme == "http":
			httpSRI = append(httpSRI, s.URL)
		case !s.Integrity:
			httpsNoSRI = append(httpsNoSRI, s.URL)
		}
	}
	ev := map[string]any{"url": p.FinalURL(), "scripts": len(scripts), "external_scripts": len(external)}
	// The first three are named; singular or plural follows how many there are.
	list := func(l []string, one, many check.Text) check.Text {
		return check.Plural(len(l), one, many, strings.Join(l[:min(len(l), 3)], ", "))
	}
	switch {
	case len(httpNoSRI) > 0:
		ev["without_sri"] = httpNoSRI
		return check.Outcome{Status: check.Fail, Evidence: observatory(ev, -50), Message: list(httpNoSRI,
			check.Text{EN: "external script over plain HTTP without integrity: %s", FR: "script externe en HTTP sans intégrité : %s"},
			check.Text{EN: "external scripts over plain HTTP without integrity: %s", FR: "scripts externes en HTTP sans intégrité : %s"})}
	case len(httpSRI) > 0:
		return check.Outcome{Status: check.Fail, Evidence: observatory(ev, -20), Message: list(httpSRI,
			check.Text{EN: "external script with integrity but over plain HTTP: %s", FR: "script externe avec intégrité mais en HTTP : %s"},
			check.Text{EN: "external scripts with integrity but over plain HTTP: %s", FR: "scripts externes avec intégrité mais en HTTP : %s"})}
	case len(httpsNoSRI) > 0:
		ev["without_sri"] = httpsNoSRI
		return check.Outcome{Status: check.Fail, Evidence: observatory(ev, -5), Message: list(httpsNoSRI,
			check.Text{EN: "external script without integrity: %s", FR: "script externe sans intégrité : %s"},
			check.Text{EN: "external scripts without integrity: %s", FR: "scripts externes sans intégrité : %s"})}
	case len(external) > 0:
		return check.Outcome{Status: check.Pass, Evidence: observatory(ev, 5), Message: check.Count(len(external),
			check.Text{EN: "%d external script, with integrity and over HTTPS", FR: "%d script externe, avec intégrité et en HTTPS"},
			check.Text{EN: "all %d external scripts carry integrity and load over HTTPS", FR: "les %d scripts externes portent une intégrité et se chargent en HTTPS"})}
	}
	if len(scripts) == 0 {
		return check.Outcome{Status: check.Pass, Evidence: observatory(ev, 0), Message: check.Text{EN: "the page loads no script", FR: "la page ne charge aucun script"}}
	}
	return check.Outcome{Status: check.Pass, Evidence: observatory(ev, 0), Message: check.Count(len(scripts),
		check.Text{EN: "no external script (%d script from the site itself)", FR: "aucun script externe (%d script du site lui-même)"},
		check.Text{EN: "no external script (%d scripts from the site itself)", FR: "aucun script externe (%d scripts du site lui-même)"})}
}
