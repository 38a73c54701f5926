package web

import (
	"net/url"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

var metaRedirect = check.Meta{
	ID: "WEB-REDIR-001", Family: check.FamilyWeb, Severity: check.High,
	Title: check.Text{EN: "Plain HTTP redirects permanently to HTTPS", FR: "HTTP redirige de façon permanente vers HTTPS"},
	Description: check.Text{
		EN: "A request to http:// gets a permanent redirect (301 or 308) to https:// on the same host, not a page.",
		FR: "Une requête vers http:// reçoit une redirection permanente (301 ou 308) vers https:// sur le même hôte, et non une page."},
	Risk: check.Text{
		EN: "A page served over plain HTTP can be read and altered in transit; a visitor who types the address without https:// stays unprotected.",
		FR: "Une page servie en HTTP peut être lue et modifiée en transit ; un visiteur qui tape l'adresse sans https:// reste sans protection."},
	Remediation: check.Text{
		EN: "Answer every http:// request with a 301 to the same host over https:// (nginx: `return 301 https://$host$request_uri;`), then enable HSTS.",
		FR: "Répondez à toute requête http:// par une 301 vers le même hôte en https:// (nginx : `return 301 https://$host$request_uri;`), puis activez HSTS."},
	References: []check.Reference{refCNILDev, refCNILKGCOM, refObservatory, refRFC9110Redirect},
	Frameworks: transportFrameworks(),
	// Pages served in clear break the CNIL's "TLS on every page": no better than C.
	CapOnFail: "C",
}

func evalRedirect(e Evidence) check.Outcome {
	if o, down := unreachable(e); down {
		return o
	}
	p := e.HTTP
	if !p.Reached && p.ErrorKind == "redirect" {
		return check.Outcome{Status: check.Fail, Evidence: observatory(map[string]any{"url": p.URL, "error": p.Error.EN}, -20),
			Message: check.Textf("plain HTTP redirects, but %s", "HTTP redirige, mais %s", p.Error)}
	}
	if !p.Reached {
		return check.Outcome{Status: check.Pass,
			Message: check.Text{EN: "no plain-HTTP listener (" + p.Error.EN + "): nothing is served in clear",
				FR: "pas de service HTTP en clair (" + p.Error.FR + ") : rien n'est servi en clair"},
			Evidence: observatory(map[string]any{"url": p.URL, "error": p.Error.EN, "error_kind": p.ErrorKind}, 0)}
	}
	// The Observatory's modifiers for each outcome, recorded beside vigie's verdict.
	ev := observatory(map[string]any{"url": p.URL, "chain": chainEvidence(p.Hops), "final_url": p.FinalURL()}, -20)
	first := p.Hops[0]
	if p.RedirectLimit {
		return check.Outcome{Status: check.Fail, Evidence: ev,
			Message: check.Plural(len(p.Hops)-1,
				check.Text{EN: "still redirecting after %d redirect, the limit (web.max_redirects): a redirect loop, or a longer chain than it allows",
					FR: "toujours redirigé après %d redirection, la limite (web.max_redirects) : une boucle de redirection, ou une chaîne plus longue qu'elle ne le permet"},
				check.Text{EN: "still redirecting after %d redirects, the limit (web.max_redirects): a redirect loop, or a longer chain than it allows",
					FR: "toujours redirigé après %d redirections, la limite (web.max_redirects) : une boucle de redirection, ou une chaîne plus longue qu'elle ne le permet"},
				len(p.Hops)-1)}
	}
	if !isRedirect(first.Status) {
		ev["status_code"] = first.Status
		ev["body_bytes"] = len(p.Body)
		if first.Status >= 200 && first.Status < 300 {
			return check.Outcome{Status: check.Fail, Evidence: ev,
				Message: check.Textf("plain HTTP serves the page (status %d, %d bytes) instead of redirecting to HTTPS",
					"HTTP sert la page en clair (statut %d, %d octets) au lieu de rediriger vers HTTPS", first.Status, len(p.Body))}
		}
		return check.Outcome{Status: check.Warn, Evidence: ev,
			Message: check.Textf("plain HTTP answers status %d without redirecting to HTTPS",
				"HTTP répond le statut %d sans rediriger vers HTTPS", first.Status)}
	}
	to, err := resolve(first.URL, first.Location)
	if err != nil || first.Location == "" {
		return check.Outcome{Status: check.Fail, Evidence: ev,
			Message: check.Textf("plain HTTP answers %d with an unusable Location header %q",
				"HTTP répond %d avec un en-tête Location inutilisable %q", first.Status, first.Location)}
	}
	ev["location"] = to.String()
	ev["status_code"] = first.Status
	if p.FollowErr.EN != "" {
		ev["follow_error"] = p.FollowErr
		if !strings.EqualFold(to.Scheme, "https") && !strings.EqualFold(to.Scheme, "http") {
			return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Textf(
				"plain HTTP redirects to %s, which is not a web address", "HTTP redirige vers %s, qui n'est pas une adresse web", to)}
		}
	}
	if !isHTTPS(p.Leads()) {
		return check.Outcome{Status: check.Fail, Evidence: ev,
			Message: check.Textf("redirects from plain HTTP never reach HTTPS (ends at %s)",
				"les redirections depuis HTTP n'aboutissent jamais en HTTPS (fin : %s)", p.Leads())}
	}
	if !strings.EqualFold(to.Scheme, "https") {
		ev["observatory_modifier"] = -10
		return check.Outcome{Status: check.Warn, Evidence: ev,
			Message: check.Textf("first redirect stays on plain HTTP (%s) before reaching HTTPS",
				"la première redirection reste en HTTP (%s) avant d'atteindre HTTPS", to)}
	}
	if !strings.EqualFold(to.Hostname(), hostOf(first.URL)) {
		ev["observatory_modifier"] = -5
		return check.Outcome{Status: check.Warn, Evidence: ev,
			Message: check.Textf("redirects to HTTPS on another host (%s): HSTS for %s is never set",
				"redirige vers HTTPS sur un autre hôte (%s) : HSTS n'est jamais posé pour %s", to.Hostname(), hostOf(first.URL))}
	}
	ev["observatory_modifier"] = 0
	if e.TLS.Leaf != nil && (!e.TLS.Trusted || !e.TLS.NameOK || certExpired(e)) {
		ev["observatory_modifier"] = -20 // the Observatory's "redirection-invalid-cert"
	}
	if first.Status != 301 && first.Status != 308 {
		return check.Outcome{Status: check.Warn, Evidence: ev,
			Message: check.Textf("redirects to HTTPS with a temporary %d; use 301 or 308",
				"redirige vers HTTPS avec une %d temporaire ; utilisez 301 ou 308", first.Status)}
	}
	return check.Outcome{Status: check.Pass, Evidence: ev,
		Message: check.Textf("plain HTTP redirects with %d to %s", "HTTP redirige en %d vers %s", first.Status, to)}
}

func isRedirect(status int) bool {
	switch status {
	case 301, 302, 303, 307, 308:
		return true
	}
	return false
}

func resolve(base, loc string) (*url.URL, error) {
	b, err := url.Parse(base)
	if err != nil {
		return nil, err
	}
	l, err := url.Parse(loc)
	if err != nil {
		return nil, err
	}
	return b.ResolveReference(l), nil
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return u.Hostname()
}

func chainEvidence(hops []Hop) []map[string]any {
	out := make([]map[string]any, 0, len(hops))
	for _, h := range hops {
		m := map[string]any{"url": h.URL, "status": h.Status}
		if h.Location != "" {
			m["location"] = h.Location
		}
		out = append(out, m)
	}
	return out
}
