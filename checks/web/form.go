package web

import "github.com/vigie-security/vigie/internal/check"

var metaPasswordForm = check.Meta{
	ID: "WEB-FORM-001", Family: check.FamilyWeb, Severity: check.Critical,
	Title: check.Text{EN: "No password field on a plain-HTTP page", FR: "Aucun champ mot de passe sur une page HTTP en clair"},
	Description: check.Text{
		EN: "The page served over http:// contains no <input type=\"password\">.",
		FR: "La page servie en http:// ne contient aucun <input type=\"password\">."},
	Risk: check.Text{
		EN: "Passwords typed on a plain-HTTP page are sent in clear; the CNIL requires TLS on authentication pages and sanctions its absence.",
		FR: "Les mots de passe saisis sur une page HTTP partent en clair ; la CNIL exige TLS sur les pages d'authentification et sanctionne son absence."},
	Remediation: check.Text{
		EN: "Serve the login page only over HTTPS and redirect http:// to it with a 301; never post credentials to an http:// URL.",
		FR: "Ne servez la page de connexion qu'en HTTPS et redirigez http:// vers elle en 301 ; n'envoyez jamais d'identifiants vers une URL http://."},
	References: []check.Reference{refCNILDev, refCNILKGCOM, refGDPR32},
	Frameworks: map[string][]string{"rgpd-art32": {"32(1)(a)"}, "cnil-2022-100": {"transmission sécurisée"}, "cnil-guide-dev": {"fiche 6"}},
	CapOnFail:  "F",
}

// plainPage returns the page served over plain HTTP, if one is.
func plainPage(e Evidence) (Probe, bool) {
	p := e.HTTP
	if !p.Reached || isHTTPS(p.FinalURL()) || p.StatusCode < 200 || p.StatusCode >= 300 {
		return Probe{}, false
	}
	return p, true
}

func evalPasswordForm(e Evidence) check.Outcome {
	if o, down := unreachable(e); down {
		return o
	}
	p, ok := plainPage(e)
	if !ok {
		return check.Outcome{Status: check.Pass,
			Message: check.Text{EN: "no page is served over plain HTTP", FR: "aucune page n'est servie en HTTP en clair"}}
	}
	n := 0
	for _, f := range ParsePage(p.Body, p.FinalURL()).Forms {
		n += f.Password
	}
	ev := map[string]any{"url": p.FinalURL(), "password_fields": n, "body_truncated": p.BodyTruncated}
	if n > 0 {
		return check.Outcome{Status: check.Fail, Evidence: ev,
			Message: withCut(check.Textf("%s asks for a password over plain HTTP (%d password field(s))",
				"%s demande un mot de passe en HTTP en clair (%d champ(s) mot de passe)", p.FinalURL(), n), p, ev)}
	}
	return check.Outcome{Status: check.Pass, Evidence: ev,
		Message: withCut(check.Text{EN: "the plain-HTTP page has no password field", FR: "la page HTTP en clair n'a aucun champ mot de passe"}, p, ev)}
}
