package web

import (
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

var metaCORS = headerMeta("WEB-CORS-001", check.High,
	check.Text{EN: "CORS does not open the site to any origin", FR: "CORS n'ouvre pas le site à n'importe quelle origine"},
	check.Text{EN: "A request from a foreign origin is not answered with that origin and Access-Control-Allow-Credentials: true (FAIL), nor with a reflected origin or * (WARN).",
		FR: "Une requête d'une origine étrangère ne reçoit pas cette origine avec Access-Control-Allow-Credentials: true (ÉCHEC), ni une origine renvoyée ou * (ALERTE)."},
	check.Text{EN: "A reflected origin with credentials lets any website read this site's pages as the logged-in visitor, lead data included.",
		FR: "Une origine renvoyée avec les identifiants permet à n'importe quel site de lire les pages comme le visiteur connecté, données de prospects comprises."},
	check.Text{EN: "Answer CORS only for an explicit list of trusted origins, never by echoing the Origin header, and never `*` on authenticated content.",
		FR: "Ne répondez à CORS que pour une liste explicite d'origines de confiance, jamais en renvoyant l'en-tête Origin, et jamais `*` sur un contenu authentifié."},
	refFetchCORS)

func evalCORS(e Evidence) check.Outcome {
	if o, down := unreachable(e); down {
		return o
	}
	p := e.CORS
	if p.URL == "" {
		return check.Outcome{Status: check.Skipped, Message: check.Text{
			EN: "not probed: no CORS request was made", FR: "non sondé : aucune requête CORS n'a été faite"}}
	}
	if !p.Reached {
		if !e.HTTPS.Reached {
			return check.Outcome{Status: check.Skipped, Message: check.Text{
				EN: "not applicable: HTTPS is not available (see WEB-HTTPS-001)", FR: "sans objet : HTTPS n'est pas disponible (voir WEB-HTTPS-001)"}}
		}
		return check.Outcome{Status: check.Error, Message: check.Textf("the CORS request failed: %s", "la requête CORS a échoué : %s", p.Error)}
	}
	acao, _ := header(p, "Access-Control-Allow-Origin")
	acac, _ := header(p, "Access-Control-Allow-Credentials")
	ev := map[string]any{"url": p.FinalURL(), "origin_sent": e.CORSOrigin, "allow_origin": acao, "allow_credentials": acac}
	reflected := strings.EqualFold(acao, e.CORSOrigin)
	creds := strings.EqualFold(acac, "true")
	switch {
	case reflected && creds:
		return check.Outcome{Status: check.Fail, Evidence: observatory(ev, -50), Message: check.Textf(
			"any origin is allowed with credentials: %s was echoed back with Access-Control-Allow-Credentials: true",
			"toute origine est autorisée avec identifiants : %s a été renvoyée avec Access-Control-Allow-Credentials: true", e.CORSOrigin)}
	case reflected:
		return check.Outcome{Status: check.Warn, Evidence: observatory(ev, 0), Message: check.Textf(
			"the foreign origin %s was echoed back (without credentials)", "l'origine étrangère %s a été renvoyée (sans identifiants)", e.CORSOrigin)}
	case acao == "*":
		return check.Outcome{Status: check.Warn, Evidence: observatory(ev, 0), Message: check.Text{
			EN: "Access-Control-Allow-Origin: * makes the page readable by any site; keep it for public resources only",
			FR: "Access-Control-Allow-Origin: * rend la page lisible par tout site ; réservez-le aux ressources publiques"}}
	case acao == "":
		return check.Outcome{Status: check.Pass, Evidence: observatory(ev, 0), Message: check.Text{
			EN: "no CORS access granted to a foreign origin", FR: "aucun accès CORS accordé à une origine étrangère"}}
	}
	return check.Outcome{Status: check.Pass, Evidence: observatory(ev, 0), Message: check.Textf(
		"CORS restricted to %s", "CORS restreint à %s", acao)}
}
