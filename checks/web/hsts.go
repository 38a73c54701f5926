package web

import (
	"strconv"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

// ObservatoryHSTSMin is the MDN Observatory's threshold (about 180 days).
const ObservatoryHSTSMin = 15552000

// HSTSMinAge is one year, the threshold the issue and the MDN/Mozilla guidance converge on.
const HSTSMinAge = 31536000

var metaHSTS = check.Meta{
	ID: "WEB-HSTS-001", Family: check.FamilyWeb, Severity: check.Medium,
	Title: check.Text{EN: "HSTS is set for at least one year, with includeSubDomains",
		FR: "HSTS est posé pour au moins un an, avec includeSubDomains"},
	Description: check.Text{
		EN: "The HTTPS response carries one valid Strict-Transport-Security header with max-age ≥ 31536000 and includeSubDomains.",
		FR: "La réponse HTTPS porte un seul en-tête Strict-Transport-Security valide avec max-age ≥ 31536000 et includeSubDomains."},
	Risk: check.Text{
		EN: "Without HSTS, a visitor's first request can be downgraded to plain HTTP by anyone on the network (SSL stripping).",
		FR: "Sans HSTS, la première requête d'un visiteur peut être ramenée en HTTP par quiconque sur le réseau (SSL stripping)."},
	Remediation: check.Text{
		EN: "Send `Strict-Transport-Security: max-age=63072000; includeSubDomains` on every HTTPS response (nginx: `add_header Strict-Transport-Security \"max-age=63072000; includeSubDomains\" always;`).",
		FR: "Envoyez `Strict-Transport-Security: max-age=63072000; includeSubDomains` sur toute réponse HTTPS (nginx : `add_header Strict-Transport-Security \"max-age=63072000; includeSubDomains\" always;`)."},
	References: []check.Reference{refRFC6797, refCNILDev, refObservatory},
	Frameworks: transportFrameworks(),
}

// HSTS is a parsed Strict-Transport-Security header.
type HSTS struct {
	MaxAge            int64
	IncludeSubDomains bool
	Preload           bool
}

// ParseHSTS reads one header value as RFC 6797 §6.1 defines it.
func ParseHSTS(v string) (HSTS, error) {
	var h HSTS
	seen := map[string]bool{}
	haveAge := false
	for _, part := range strings.Split(v, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		name, val, hasVal := strings.Cut(part, "=")
		name = strings.ToLower(strings.TrimSpace(name))
		if seen[name] {
			return h, check.Errorf("directive %q appears twice", "directive %q présente deux fois", name)
		}
		seen[name] = true
		val = strings.Trim(strings.TrimSpace(val), `"`)
		switch name {
		case "max-age":
			n, err := strconv.ParseInt(val, 10, 64)
			if !hasVal || err != nil || n < 0 {
				return h, check.Errorf("max-age %q is not a number of seconds", "max-age %q n'est pas un nombre de secondes", val)
			}
			h.MaxAge, haveAge = n, true
		case "includesubdomains":
			h.IncludeSubDomains = true
		case "preload":
			h.Preload = true
		}
	}
	if !haveAge {
		return h, check.Errorf("no max-age directive", "aucune directive max-age")
	}
	return h, nil
}

func evalHSTS(e Evidence) check.Outcome {
	if o, down := unreachable(e); down {
		return o
	}
	p := e.HTTPS
	if !p.Reached || !isHTTPS(p.FinalURL()) {
		return check.Outcome{Status: check.Skipped, Evidence: observatory(nil, -20),
			Message: check.Text{EN: "not applicable: HTTPS is not available (see WEB-HTTPS-001)",
				FR: "sans objet : HTTPS n'est pas disponible (voir WEB-HTTPS-001)"}}
	}
	values := p.Header("Strict-Transport-Security")
	ev := observatory(judged(e, map[string]any{"url": p.FinalURL(), "headers": values}), -20)
	switch len(values) {
	case 0:
		return check.Outcome{Status: check.Fail, Evidence: ev,
			Message: check.Text{EN: "no Strict-Transport-Security header on the HTTPS response",
				FR: "aucun en-tête Strict-Transport-Security sur la réponse HTTPS"}}
	case 1:
	default:
		return check.Outcome{Status: check.Fail, Evidence: ev,
			Message: check.Textf("%d Strict-Transport-Security headers: browsers read only the first, send exactly one",
				"%d en-têtes Strict-Transport-Security : les navigateurs ne lisent que le premier, n'en envoyez qu'un", len(values))}
	}
	h, err := ParseHSTS(values[0])
	if err != nil {
		return check.Outcome{Status: check.Fail, Evidence: ev,
			Message: check.Textf("invalid Strict-Transport-Security header: %v",
				"en-tête Strict-Transport-Security invalide : %v", err)}
	}
	ev["max_age"], ev["include_subdomains"], ev["preload"] = h.MaxAge, h.IncludeSubDomains, h.Preload
	days := int(h.MaxAge / 86400)
	if h.MaxAge >= ObservatoryHSTSMin {
		ev["observatory_modifier"] = 0
	} else {
		ev["observatory_modifier"] = -10
	}
	switch {
	case e.TLS.Leaf != nil && (!e.TLS.Trusted || !e.TLS.NameOK || certExpired(e)):
		ev["observatory_modifier"] = -20
		return check.Outcome{Status: check.Fail, Evidence: ev,
			Message: check.Text{EN: "HSTS is sent but browsers ignore it because the certificate is not valid (RFC 6797 §8.1)",
				FR: "HSTS est envoyé mais les navigateurs l'ignorent car le certificat n'est pas valide (RFC 6797 §8.1)"}}
	case h.MaxAge == 0:
		return check.Outcome{Status: check.Fail, Evidence: ev,
			Message: check.Text{EN: "max-age=0 tells browsers to forget HSTS", FR: "max-age=0 demande aux navigateurs d'oublier HSTS"}}
	case h.MaxAge < ObservatoryHSTSMin:
		return check.Outcome{Status: check.Fail, Evidence: ev,
			Message: check.Textf("max-age is %d s (%s), below one year (%d s)",
				"max-age vaut %d s (%s), moins d'un an (%d s)", h.MaxAge, check.Days(days), HSTSMinAge)}
	case h.MaxAge < HSTSMinAge:
		return check.Outcome{Status: check.Fail, Evidence: ev,
			Message: check.Textf("max-age is %d s (%s), below one year (%d s); the MDN Observatory accepts 180 days, vigie follows Mozilla's and the CNIL-aligned one-year baseline",
				"max-age vaut %d s (%s), moins d'un an (%d s) ; le MDN Observatory accepte 180 jours, vigie suit la base d'un an de Mozilla", h.MaxAge, check.Days(days), HSTSMinAge)}
	case !h.IncludeSubDomains:
		return check.Outcome{Status: check.Warn, Evidence: ev,
			Message: check.Textf("max-age is %s but includeSubDomains is missing",
				"max-age vaut %s mais includeSubDomains est absent", check.Days(days))}
	}
	return check.Outcome{Status: check.Pass, Evidence: ev,
		Message: check.Textf("HSTS max-age %s with includeSubDomains", "HSTS max-age %s avec includeSubDomains", check.Days(days))}
}
