package web

import (
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

var metaPasswordForm = check.Meta{
	ID: "WEB-FORM-001", Family: check.FamilyWeb, Severity: check.Critical,
	Title: check.Text{EN: "No password field on a plain-HTTP page", FR: "Aucun champ mot de passe sur une page HTTP en clair"},
	Description: check.Text{
		EN: "No page served over http:// (the home page and up to 20 same-origin pages it links to) contains an <input type=\"password\">.",
		FR: "Aucune page servie en http:// (la page d'accueil et jusqu'à 20 pages du même site vers lesquelles elle renvoie) ne contient de <input type=\"password\">."},
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
	return judgePlainFields(e, "password_fields", func(f Form) int { return f.Password },
		func(pages []string, n int) check.Text {
			return check.Plural(len(pages),
				check.Text{EN: "%s asks for a password over plain HTTP (%s)", FR: "%s demande un mot de passe en HTTP en clair (%s)"},
				check.Text{EN: "%s ask for a password over plain HTTP (%s)", FR: "%s demandent un mot de passe en HTTP en clair (%s)"},
				strings.Join(pages, ", "), check.Count(n,
					check.Text{EN: "%d password field", FR: "%d champ mot de passe"},
					check.Text{EN: "%d password fields", FR: "%d champs mot de passe"}))
		},
		check.Text{EN: "the %d pages served over plain HTTP have no password field", FR: "les %d pages servies en HTTP en clair n'ont aucun champ mot de passe"},
		check.Text{EN: "the page served over plain HTTP has no password field", FR: "la page servie en HTTP en clair n'a aucun champ mot de passe"})
}
