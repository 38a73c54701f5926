package web

import (
	"regexp"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

var (
	metaXCTO = headerMeta("WEB-HDR-001", check.Low,
		check.Text{EN: "X-Content-Type-Options is nosniff", FR: "X-Content-Type-Options vaut nosniff"},
		check.Text{EN: "The response sends `X-Content-Type-Options: nosniff`.", FR: "La réponse envoie `X-Content-Type-Options: nosniff`."},
		check.Text{EN: "Without it, browsers may run an uploaded file as a script (MIME sniffing).",
			FR: "Sans lui, les navigateurs peuvent exécuter un fichier déposé comme un script (détection MIME)."},
		check.Text{EN: "Add `X-Content-Type-Options: nosniff` to every response (nginx: `add_header X-Content-Type-Options nosniff always;`).",
			FR: "Ajoutez `X-Content-Type-Options: nosniff` à toute réponse (nginx : `add_header X-Content-Type-Options nosniff always;`)."})
	metaFraming = headerMeta("WEB-HDR-002", check.Medium,
		check.Text{EN: "Framing is restricted (CSP frame-ancestors or X-Frame-Options)", FR: "L'intégration en cadre est restreinte (CSP frame-ancestors ou X-Frame-Options)"},
		check.Text{EN: "CSP frame-ancestors, or X-Frame-Options DENY/SAMEORIGIN, stops other sites from framing the page.",
			FR: "CSP frame-ancestors, ou X-Frame-Options DENY/SAMEORIGIN, empêche d'autres sites d'afficher la page dans un cadre."},
		check.Text{EN: "A framed login or lead form can be overlaid by an attacker's page (clickjacking).",
			FR: "Un formulaire de connexion ou de contact affiché en cadre peut être recouvert par la page d'un attaquant (clickjacking)."},
		check.Text{EN: "Send `Content-Security-Policy: frame-ancestors 'self'` (and `X-Frame-Options: SAMEORIGIN` for old browsers).",
			FR: "Envoyez `Content-Security-Policy: frame-ancestors 'self'` (et `X-Frame-Options: SAMEORIGIN` pour les anciens navigateurs)."})
	metaReferrer = headerMeta("WEB-HDR-003", check.Low,
		check.Text{EN: "Referrer-Policy does not leak URLs", FR: "Referrer-Policy ne divulgue pas les URL"},
		check.Text{EN: "Referrer-Policy is absent (browser default) or a private value; unsafe-url, origin-when-cross-origin, origin and no-referrer-when-downgrade fail.",
			FR: "Referrer-Policy est absent (défaut du navigateur) ou une valeur privée ; unsafe-url, origin-when-cross-origin, origin et no-referrer-when-downgrade échouent."},
		check.Text{EN: "Full URLs sent to third parties can carry identifiers or e-mail addresses from the page's query string.",
			FR: "Les URL complètes envoyées à des tiers peuvent porter des identifiants ou des e-mails présents dans la requête."},
		check.Text{EN: "Send `Referrer-Policy: strict-origin-when-cross-origin` (or no-referrer).",
			FR: "Envoyez `Referrer-Policy: strict-origin-when-cross-origin` (ou no-referrer)."})
	metaCORP = headerMeta("WEB-HDR-004", check.Low,
		check.Text{EN: "Cross-Origin-Resource-Policy is valid", FR: "Cross-Origin-Resource-Policy est valide"},
		check.Text{EN: "Cross-Origin-Resource-Policy, when sent, is same-origin, same-site or cross-origin; same-origin/same-site earn the Observatory bonus.",
			FR: "Cross-Origin-Resource-Policy, s'il est envoyé, vaut same-origin, same-site ou cross-origin ; same-origin/same-site obtiennent le bonus de l'Observatory."},
		check.Text{EN: "Without it, other sites can embed this site's resources and, with side channels, read them (Spectre).",
			FR: "Sans lui, d'autres sites peuvent intégrer les ressources du site et, par canaux auxiliaires, les lire (Spectre)."},
		check.Text{EN: "Send `Cross-Origin-Resource-Policy: same-origin` on responses that are not meant to be embedded elsewhere.",
			FR: "Envoyez `Cross-Origin-Resource-Policy: same-origin` sur les réponses qui ne doivent pas être intégrées ailleurs."})
	metaBanner = weighted(headerMeta("WEB-HDR-005", check.Low,
		check.Text{EN: "No software versions in Server or X-Powered-By", FR: "Aucune version logicielle dans Server ou X-Powered-By"},
		check.Text{EN: "Server and X-Powered-By do not name software versions (e.g. nginx/1.18.0, PHP/7.4.3).",
			FR: "Server et X-Powered-By ne donnent pas de version logicielle (par ex. nginx/1.18.0, PHP/7.4.3)."},
		check.Text{EN: "Version banners tell attackers which known vulnerabilities to try.",
			FR: "Les bannières de version indiquent aux attaquants quelles vulnérabilités connues essayer."},
		check.Text{EN: "Hide versions (nginx: `server_tokens off;`, Apache: `ServerTokens Prod`, PHP: `expose_php = Off`).",
			FR: "Masquez les versions (nginx : `server_tokens off;`, Apache : `ServerTokens Prod`, PHP : `expose_php = Off`)."}))
)

// weighted marks a header check the Observatory does not grade: it is scored
// by its severity weight like other checks.
func weighted(m check.Meta) check.Meta {
	m.ObservatoryPoints = false
	return m
}

func header(p Probe, name string) (string, int) {
	v := p.Header(name)
	if len(v) == 0 {
		return "", 0
	}
	return strings.TrimSpace(v[len(v)-1]), len(v)
}

func evalXCTO(e Evidence) check.Outcome {
	p, o, ok := pageApplies(e)
	if !ok {
		return o
	}
	v, n := header(p, "X-Content-Type-Options")
	ev := map[string]any{"url": p.FinalURL(), "value": v}
	switch {
	case n == 0:
		return check.Outcome{Status: check.Fail, Evidence: observatory(ev, -5),
			Message: check.Text{EN: "no X-Content-Type-Options header", FR: "aucun en-tête X-Content-Type-Options"}}
	case !strings.EqualFold(v, "nosniff"):
		return check.Outcome{Status: check.Fail, Evidence: observatory(ev, -5),
			Message: check.Textf("X-Content-Type-Options is %q, not nosniff", "X-Content-Type-Options vaut %q et non nosniff", v)}
	}
	return check.Outcome{Status: check.Pass, Evidence: observatory(ev, 0),
		Message: check.Text{EN: "X-Content-Type-Options: nosniff", FR: "X-Content-Type-Options: nosniff"}}
}

func evalFraming(e Evidence) check.Outcome {
	p, o, ok := pageApplies(e)
	if !ok {
		return o
	}
	xfo, _ := header(p, "X-Frame-Options")
	ev := map[string]any{"url": p.FinalURL(), "x_frame_options": xfo}
	if vals := p.Header("Content-Security-Policy"); len(vals) > 0 {
		if csp, err := ParseCSP(strings.Join(vals, "; ")); err == nil {
			if fa, ok := csp["frame-ancestors"]; ok {
				ev["frame_ancestors"] = fa
				if !has(fa, broadSources...) {
					return check.Outcome{Status: check.Pass, Evidence: observatory(ev, 5), Message: check.Textf(
						"CSP frame-ancestors %s", "CSP frame-ancestors %s", strings.Join(fa, " "))}
				}
			}
		}
	}
	switch strings.ToUpper(xfo) {
	case "DENY", "SAMEORIGIN":
		return check.Outcome{Status: check.Pass, Evidence: observatory(ev, 5),
			Message: check.Textf("X-Frame-Options: %s", "X-Frame-Options: %s", strings.ToUpper(xfo))}
	case "":
		msg := check.Text{EN: "neither CSP frame-ancestors nor X-Frame-Options: any site can frame the page",
			FR: "ni CSP frame-ancestors ni X-Frame-Options : n'importe quel site peut afficher la page en cadre"}
		if metaFrameAncestors(p) {
			// Browsers and the Observatory read frame-ancestors from the header only.
			ev["meta_frame_ancestors_ignored"] = true
			msg = check.Text{EN: msg.EN + " (frame-ancestors in a <meta http-equiv> tag is ignored: it must be sent as a header)",
				FR: msg.FR + " (frame-ancestors dans une balise <meta http-equiv> est ignoré : il doit être envoyé en en-tête)"}
		}
		return check.Outcome{Status: check.Fail, Evidence: observatory(ev, -20), Message: msg}
	}
	if strings.HasPrefix(strings.ToUpper(xfo), "ALLOW-FROM") {
		return check.Outcome{Status: check.Warn, Evidence: observatory(ev, 0), Message: check.Text{
			EN: "X-Frame-Options ALLOW-FROM is ignored by current browsers; use CSP frame-ancestors",
			FR: "X-Frame-Options ALLOW-FROM est ignoré des navigateurs actuels ; utilisez CSP frame-ancestors"}}
	}
	return check.Outcome{Status: check.Fail, Evidence: observatory(ev, -20),
		Message: check.Textf("invalid X-Frame-Options %q", "X-Frame-Options invalide %q", xfo)}
}

// metaFrameAncestors reports whether the page's <meta> CSP names frame-ancestors.
func metaFrameAncestors(p Probe) bool {
	for _, m := range p.Content().MetaCSP {
		if csp, err := ParseCSP(m); err == nil {
			if _, ok := csp["frame-ancestors"]; ok {
				return true
			}
		}
	}
	return false
}

var (
	privateReferrer = []string{"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}
	unsafeReferrer  = []string{"origin", "origin-when-cross-origin", "unsafe-url", "no-referrer-when-downgrade"}
)

func evalReferrer(e Evidence) check.Outcome {
	p, o, ok := pageApplies(e)
	if !ok {
		return o
	}
	raw := strings.Join(p.Header("Referrer-Policy"), ",")
	meta := p.Content().MetaReferrer
	ev := map[string]any{"url": p.FinalURL(), "value": raw}
	if strings.TrimSpace(raw) == "" && meta == "" {
		return check.Outcome{Status: check.Pass, Evidence: observatory(ev, 0), Message: check.Text{
			EN: "no Referrer-Policy: browsers default to strict-origin-when-cross-origin",
			FR: "pas de Referrer-Policy : les navigateurs appliquent strict-origin-when-cross-origin par défaut"}}
	}
	// The page's <meta> comes after the header and so wins, as in browsers
	// and the Observatory ("http-equiv gets precedence").
	last, where := lastReferrer(raw), check.Text{}
	if meta != "" {
		ev["meta"] = meta
		if m := lastReferrer(meta); m != "" || last == "" {
			last, where = m, check.Text{EN: " (set in a <meta> tag)", FR: " (posée par une balise <meta>)"}
		}
		if raw != "" {
			raw += ", "
		}
		raw += meta
	}
	switch {
	case last == "":
		return check.Outcome{Status: check.Fail, Evidence: observatory(ev, -5),
			Message: check.Textf("invalid Referrer-Policy %q%s", "Referrer-Policy invalide %q%s", raw, where)}
	case has(unsafeReferrer, last):
		return check.Outcome{Status: check.Fail, Evidence: observatory(ev, -5),
			Message: check.Textf("Referrer-Policy %s%s sends URLs to other sites", "Referrer-Policy %s%s envoie les URL à d'autres sites", last, where)}
	}
	return check.Outcome{Status: check.Pass, Evidence: observatory(ev, 5),
		Message: check.Textf("Referrer-Policy: %s%s", "Referrer-Policy: %s%s", last, where)}
}

// lastReferrer is the last policy of a comma-separated list that browsers
// know: with several values, that one wins; "" when none is known.
func lastReferrer(list string) string {
	last := ""
	for _, v := range strings.Split(list, ",") {
		v = strings.ToLower(strings.TrimSpace(v))
		if has(privateReferrer, v) || has(unsafeReferrer, v) {
			last = v
		}
	}
	return last
}

func evalCORP(e Evidence) check.Outcome {
	p, o, ok := pageApplies(e)
	if !ok {
		return o
	}
	v, _ := header(p, "Cross-Origin-Resource-Policy")
	ev := map[string]any{"url": p.FinalURL(), "value": v}
	switch strings.ToLower(v) {
	case "same-origin", "same-site":
		return check.Outcome{Status: check.Pass, Evidence: observatory(ev, 10),
			Message: check.Textf("Cross-Origin-Resource-Policy: %s", "Cross-Origin-Resource-Policy: %s", strings.ToLower(v))}
	case "cross-origin":
		return check.Outcome{Status: check.Pass, Evidence: observatory(ev, 0), Message: check.Text{
			EN: "Cross-Origin-Resource-Policy: cross-origin (resources may be embedded anywhere)",
			FR: "Cross-Origin-Resource-Policy: cross-origin (les ressources peuvent être intégrées partout)"}}
	case "":
		return check.Outcome{Status: check.Pass, Evidence: observatory(ev, 0), Message: check.Text{
			EN: "no Cross-Origin-Resource-Policy (no penalty, as in the Observatory; same-origin would earn a bonus)",
			FR: "pas de Cross-Origin-Resource-Policy (sans pénalité, comme dans l'Observatory ; same-origin donnerait un bonus)"}}
	}
	return check.Outcome{Status: check.Fail, Evidence: observatory(ev, -5),
		Message: check.Textf("invalid Cross-Origin-Resource-Policy %q", "Cross-Origin-Resource-Policy invalide %q", v)}
}

// versioned matches a product token with a version: nginx/1.18.0, PHP/7.4.3, Apache/2.4.41 (Ubuntu).
var versioned = regexp.MustCompile(`[A-Za-z][\w.-]*/\d+(\.\d+)*`)

func evalBanner(e Evidence) check.Outcome {
	if o, down := unreachable(e); down {
		return o
	}
	p, _ := e.Page() // any response tells the version: a bare redirect's too

	ev := map[string]any{"url": p.FinalURL()}
	var leaks []string
	for _, h := range []string{"Server", "X-Powered-By", "X-AspNet-Version", "X-AspNetMvc-Version"} {
		v, _ := header(p, h)
		if v == "" {
			continue
		}
		ev[strings.ToLower(strings.ReplaceAll(h, "-", "_"))] = v
		if versioned.MatchString(v) || (strings.HasPrefix(h, "X-AspNet") && v != "") {
			leaks = append(leaks, h+": "+v)
		}
	}
	if len(leaks) > 0 {
		return check.Outcome{Status: check.Warn, Evidence: ev,
			Message: check.Textf("software versions disclosed: %s", "versions logicielles divulguées : %s", strings.Join(leaks, "; "))}
	}
	return check.Outcome{Status: check.Pass, Evidence: ev,
		Message: check.Text{EN: "no software version in the response headers", FR: "aucune version logicielle dans les en-têtes"}}
}
