package web

import (
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

// CSP is a parsed Content-Security-Policy: directive name → sources.
type CSP map[string][]string

// ParseCSP reads one policy; a repeated directive is an error, as the
// Observatory treats it (browsers silently keep the first one).
func ParseCSP(v string) (CSP, error) {
	p := CSP{}
	for _, part := range strings.Split(v, ";") {
		f := strings.Fields(part)
		if len(f) == 0 {
			continue
		}
		name := strings.ToLower(f[0])
		for _, r := range name {
			if !(r >= 'a' && r <= 'z' || r == '-') {
				return nil, check.Errorf("directive name %q is not valid", "nom de directive %q non valide", f[0])
			}
		}
		if _, dup := p[name]; dup {
			return nil, check.Errorf("directive %q appears twice", "directive %q présente deux fois", name)
		}
		srcs := make([]string, 0, len(f)-1)
		for _, s := range f[1:] {
			srcs = append(srcs, strings.ToLower(s))
		}
		p[name] = srcs
	}
	if len(p) == 0 {
		return nil, check.Errorf("empty policy", "politique vide")
	}
	return p, nil
}

// Effective returns the sources that govern directive d, falling back to default-src.
func (p CSP) Effective(d string) ([]string, bool) {
	if s, ok := p[d]; ok {
		return s, true
	}
	s, ok := p["default-src"]
	return s, ok
}

func has(srcs []string, want ...string) bool {
	for _, s := range srcs {
		for _, w := range want {
			if s == w {
				return true
			}
		}
	}
	return false
}

// broad sources allow any host, per the Observatory's list.
var broadSources = []string{"*", "http:", "https:", "ftp:", "http://*", "http://*.*", "https://*", "https://*.*"}

func hasNonceOrHash(srcs []string) bool {
	for _, s := range srcs {
		if strings.HasPrefix(s, "'nonce-") || strings.HasPrefix(s, "'sha256-") || strings.HasPrefix(s, "'sha384-") ||
			strings.HasPrefix(s, "'sha512-") || s == "'strict-dynamic'" {
			return true
		}
	}
	return false
}

func insecureScheme(srcs []string) bool {
	for _, s := range srcs {
		if s == "http:" || strings.HasPrefix(s, "http://") {
			return true
		}
	}
	return false
}

var metaCSP = headerMeta("WEB-CSP-001", check.Medium,
	check.Text{EN: "Content-Security-Policy restricts scripts and objects", FR: "Content-Security-Policy restreint scripts et objets"},
	check.Text{EN: "The response enforces a CSP whose script-src and object-src (or default-src) allow neither 'unsafe-inline', 'unsafe-eval', data: nor any host; judged like the MDN Observatory.",
		FR: "La réponse impose une CSP dont script-src et object-src (ou default-src) n'autorisent ni 'unsafe-inline', ni 'unsafe-eval', ni data:, ni n'importe quel hôte ; jugée comme le MDN Observatory."},
	check.Text{EN: "Without a strict CSP, one injected script (XSS) can read every form field, lead data and session on the page.",
		FR: "Sans CSP stricte, un seul script injecté (XSS) peut lire chaque champ de formulaire, les données de prospects et la session."},
	check.Text{EN: "Start from `Content-Security-Policy: default-src 'self'; object-src 'none'; frame-ancestors 'self'; form-action 'self'`, move inline scripts to files or give them nonces, and test with Content-Security-Policy-Report-Only first.",
		FR: "Partez de `Content-Security-Policy: default-src 'self'; object-src 'none'; frame-ancestors 'self'; form-action 'self'`, sortez les scripts en ligne dans des fichiers ou donnez-leur des nonces, et testez d'abord avec Content-Security-Policy-Report-Only."},
	refCSP3)

// observatory puts the MDN Observatory modifier of a result into the evidence.
func observatory(ev map[string]any, modifier int) map[string]any {
	if ev == nil {
		ev = map[string]any{}
	}
	ev["observatory_modifier"] = modifier
	return ev
}

func pageApplies(e Evidence) (Probe, check.Outcome, bool) {
	if o, down := unreachable(e); down {
		return Probe{}, o, false
	}
	p, _ := e.Page()
	if n := len(p.Hops); n > 0 && p.Hops[n-1].Location != "" && p.StatusCode >= 300 && p.StatusCode < 400 {
		// The chain ends on a redirect it could not follow (the next hop did
		// not answer, a loop, a bad Location): no page came back, so there
		// are no page headers to judge; the redirect's own are not a page's.
		last := p.Hops[n-1]
		why := p.FollowErr
		switch {
		case p.RedirectLimit:
			why = check.Textf("vigie stops following after %d redirects (web.max_redirects): a loop, or a longer chain",
				"vigie cesse de suivre après %d redirections (web.max_redirects) : une boucle, ou une chaîne plus longue", n-1)
		case why.EN == "":
			why = check.Text{EN: "the redirect was not followed", FR: "la redirection n'a pas été suivie"}
		}
		return Probe{}, check.Outcome{Status: check.Skipped, Evidence: map[string]any{"url": last.URL, "status": last.Status, "location": last.Location},
			Message: check.Textf("not applicable: no page was received: %s redirects to %s, and %s",
				"sans objet : aucune page reçue : %s redirige vers %s, et %s", last.URL, last.Location, why)}, false
	}
	return p, check.Outcome{}, true
}

func evalCSP(e Evidence) check.Outcome {
	p, o, ok := pageApplies(e)
	if !ok {
		return o
	}
	values, meta := p.Header("Content-Security-Policy"), p.Content().MetaCSP
	ev := map[string]any{"url": p.FinalURL(), "headers": values}
	if len(meta) > 0 {
		ev["meta_policies"] = meta
	}
	if len(values) == 0 && len(meta) == 0 {
		if ro := p.Header("Content-Security-Policy-Report-Only"); len(ro) > 0 {
			ev["report_only"] = ro
			return check.Outcome{Status: check.Fail, Evidence: observatory(ev, -25), Message: check.Text{
				EN: "only Content-Security-Policy-Report-Only is sent: nothing is enforced",
				FR: "seul Content-Security-Policy-Report-Only est envoyé : rien n'est imposé"}}
		}
		return check.Outcome{Status: check.Fail, Evidence: observatory(ev, -25), Message: check.Text{
			EN: "no Content-Security-Policy header", FR: "aucun en-tête Content-Security-Policy"}}
	}
	csp, where, err := pagePolicy(values, meta)
	if err != nil {
		return check.Outcome{Status: check.Fail, Evidence: observatory(ev, -25),
			Message: check.Textf("invalid Content-Security-Policy%s: %v", "Content-Security-Policy invalide%s : %v", where, err)}
	}
	script, scriptSet := csp.Effective("script-src")
	object, objectSet := csp.Effective("object-src")
	style, _ := csp.Effective("style-src")
	var problems []check.Text
	mod := 5
	fail := func(m int, what check.Text) {
		problems = append(problems, what)
		mod = min(mod, m)
	}
	switch {
	case !scriptSet:
		fail(-20, check.Text{EN: "no script-src or default-src: scripts from anywhere", FR: "ni script-src ni default-src : scripts de n'importe où"})
	case has(script, broadSources...):
		fail(-20, check.Text{EN: "script-src allows any host", FR: "script-src autorise n'importe quel hôte"})
	case has(script, "'unsafe-inline'") && !hasNonceOrHash(script):
		fail(-20, check.Text{EN: "script-src allows 'unsafe-inline'", FR: "script-src autorise 'unsafe-inline'"})
	case has(script, "data:"):
		fail(-20, check.Text{EN: "script-src allows data:", FR: "script-src autorise data:"})
	}
	switch {
	case !objectSet:
		fail(-20, check.Text{EN: "no object-src or default-src: plugins from anywhere", FR: "ni object-src ni default-src : plugins de n'importe où"})
	case has(object, broadSources...):
		fail(-20, check.Text{EN: "object-src allows any host", FR: "object-src autorise n'importe quel hôte"})
	}
	for _, d := range []string{"script-src", "object-src", "style-src", "default-src", "frame-src", "connect-src"} {
		if srcs, ok := csp.Effective(d); ok && insecureScheme(srcs) {
			fail(-20, check.Textf("%s allows plain http:", "%s autorise http: en clair", d))
			break
		}
	}
	if scriptSet && has(script, "'unsafe-eval'") {
		fail(-10, check.Text{EN: "script-src allows 'unsafe-eval'", FR: "script-src autorise 'unsafe-eval'"})
	}
	ev["directives"] = map[string][]string(csp)
	if len(problems) > 0 {
		return check.Outcome{Status: check.Fail, Evidence: observatory(ev, mod),
			Message: check.Textf("weak Content-Security-Policy%s: %s", "Content-Security-Policy faible%s : %s", where, check.Join(problems, "; ", " ; "))}
	}
	if has(style, "'unsafe-inline'") {
		return check.Outcome{Status: check.Pass, Evidence: observatory(ev, 0), Message: check.Textf(
			"CSP%s restricts scripts and objects; 'unsafe-inline' remains in style-src",
			"la CSP%s restreint scripts et objets ; 'unsafe-inline' reste dans style-src", where)}
	}
	if d, _ := csp["default-src"]; has(d, "'none'") && len(csp["form-action"]) > 0 {
		mod = 10
	}
	return check.Outcome{Status: check.Pass, Evidence: observatory(ev, mod), Message: check.Textf(
		"CSP%s restricts scripts and objects, with nothing unsafe", "la CSP%s restreint scripts et objets, sans rien de dangereux", where)}
}

// pagePolicy is the policy the Observatory judges: the header's and the
// <meta http-equiv> tags' (joined, as one policy) combined, each directive
// allowing what either allows, since dropping one would unlock the other.
// where says a meta tag was read, for the message; "" for a header alone.
func pagePolicy(header, meta []string) (CSP, check.Text, error) {
	var where check.Text
	if len(meta) > 0 {
		where = check.Text{EN: " (set in a <meta http-equiv> tag)", FR: " (posée par une balise <meta http-equiv>)"}
		if len(header) > 0 {
			where = check.Text{EN: " (header and <meta http-equiv> tag combined)", FR: " (en-tête et balise <meta http-equiv> réunis)"}
		}
	}
	out := CSP{}
	for i, src := range [][]string{header, meta} {
		if len(src) == 0 {
			continue
		}
		p, err := ParseCSP(strings.Join(src, "; "))
		if err != nil {
			if i == 0 {
				return nil, check.Text{}, err
			}
			return nil, check.Text{EN: " (in the <meta http-equiv> tag)", FR: " (dans la balise <meta http-equiv>)"}, err
		}
		for d, srcs := range p {
			for _, s := range srcs {
				if !has(out[d], s) {
					out[d] = append(out[d], s)
				}
			}
			if out[d] == nil {
				out[d] = []string{}
			}
		}
	}
	return out, where, nil
}
