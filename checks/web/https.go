package web

import (
	"net/url"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

var metaHTTPS = check.Meta{
	ID: "WEB-HTTPS-001", Family: check.FamilyWeb, Severity: check.High,
	Title: check.Text{EN: "HTTPS is available", FR: "HTTPS est disponible"},
	Description: check.Text{
		EN: "The site answers over HTTPS and does not send visitors back to plain HTTP.",
		FR: "Le site répond en HTTPS et ne renvoie pas les visiteurs vers HTTP en clair."},
	Risk: check.Text{
		EN: "Without HTTPS, everything a visitor types (contact details, passwords) crosses the network in clear and can be read or changed on the way.",
		FR: "Sans HTTPS, tout ce que saisit un visiteur (coordonnées, mots de passe) circule en clair et peut être lu ou modifié en chemin."},
	Remediation: check.Text{
		EN: "Serve the site over HTTPS with a certificate from a public CA (e.g. Let's Encrypt), TLS 1.2 or 1.3 only, on every page.",
		FR: "Servez le site en HTTPS avec un certificat d'une autorité publique (par ex. Let's Encrypt), en TLS 1.2 ou 1.3 uniquement, sur toutes les pages."},
	References: []check.Reference{refCNILDev, refCNILKGCOM, refANSSITLS, refGDPR32},
	Frameworks: transportFrameworks(),
	CapOnFail:  "F",
}

// unreachable is the ERROR outcome shared by every check when neither side answered.
func unreachable(e Evidence) (check.Outcome, bool) {
	if e.HTTP.Reached || e.HTTPS.Reached {
		return check.Outcome{}, false
	}
	return check.Outcome{
		Status: check.Error,
		Message: check.Text{
			EN: "target unreachable: http: " + e.HTTP.Error.EN + "; https: " + e.HTTPS.Error.EN,
			FR: "cible injoignable : http : " + e.HTTP.Error.FR + " ; https : " + e.HTTPS.Error.FR},
		Evidence: map[string]any{
			"http_url": e.HTTP.URL, "http_error": e.HTTP.Error.EN, "http_error_kind": e.HTTP.ErrorKind,
			"https_url": e.HTTPS.URL, "https_error": e.HTTPS.Error.EN, "https_error_kind": e.HTTPS.ErrorKind,
		},
	}, true
}

func evalHTTPS(e Evidence) check.Outcome {
	if o, down := unreachable(e); down {
		return o
	}
	p := e.HTTPS
	if !p.Reached {
		where := check.Text{EN: p.URL, FR: p.URL}
		if e.HTTPSVia != "" {
			where = check.Textf("%s (where %s redirects)", "%s (vers où redirige %s)", p.URL, e.HTTPSVia)
		}
		return check.Outcome{Status: check.Fail,
			Message:  check.Textf("HTTPS is not available on %s: %s", "HTTPS n'est pas disponible sur %s : %s", where, p.Error),
			Evidence: judged(e, map[string]any{"url": p.URL, "error": p.Error.EN, "error_kind": p.ErrorKind})}
	}
	ev := judged(e, map[string]any{"url": p.URL, "final_url": p.FinalURL(), "status_code": p.StatusCode})
	if e.TLS.Version != "" {
		ev["tls_version"] = e.TLS.Version
	}
	if !isHTTPS(p.Leads()) {
		return check.Outcome{Status: check.Fail, Evidence: ev,
			Message: check.Textf("HTTPS sends visitors back to plain HTTP (%s)",
				"HTTPS renvoie les visiteurs vers HTTP en clair (%s)", p.Leads())}
	}
	if p.FollowErr.EN != "" {
		ev["follow_error"] = p.FollowErr
		return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Textf(
			"HTTPS redirects, but %s", "HTTPS redirige, mais %s", p.FollowErr)}
	}
	return check.Outcome{Status: check.Pass, Evidence: ev,
		Message: check.Textf("HTTPS answers with status %d", "HTTPS répond avec le statut %d", p.StatusCode)}
}

func isHTTPS(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && strings.EqualFold(u.Scheme, "https")
}

// judged records which HTTPS URL was judged and, when the HTTP side's
// redirect named it, from where.
func judged(e Evidence, ev map[string]any) map[string]any {
	ev["https_judged"] = e.HTTPS.URL
	if e.HTTPSVia != "" {
		ev["https_named_by_redirect_from"] = e.HTTPSVia
	}
	return ev
}
