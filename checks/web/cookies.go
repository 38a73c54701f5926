package web

import (
	"slices"
	"sort"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

// Cookie is what the checks read of a Set-Cookie line: never its value.
type Cookie struct {
	Name     string
	Secure   bool
	HTTPOnly bool
	SameSite string // as written, lower-cased; "" when absent
	Path     string
	Domain   string
	SetOver  string // "https" or "http": the scheme of the response that set it
}

// ParseSetCookie reads one Set-Cookie line, dropping the value.
func ParseSetCookie(line, scheme string) (Cookie, bool) {
	parts := strings.Split(line, ";")
	name, _, ok := strings.Cut(parts[0], "=")
	name = strings.TrimSpace(name)
	if !ok || name == "" {
		return Cookie{}, false
	}
	c := Cookie{Name: name, SetOver: scheme}
	for _, a := range parts[1:] {
		k, v, _ := strings.Cut(strings.TrimSpace(a), "=")
		switch strings.ToLower(strings.TrimSpace(k)) {
		case "secure":
			c.Secure = true
		case "httponly":
			c.HTTPOnly = true
		case "samesite":
			c.SameSite = strings.ToLower(strings.TrimSpace(v))
			if c.SameSite == "" {
				c.SameSite = "(empty)"
			}
		case "path":
			c.Path = strings.TrimSpace(v)
		case "domain":
			c.Domain = strings.TrimSpace(v)
		}
	}
	return c, true
}

// sessionLike follows the Observatory (name contains "login" or "sess") and
// adds the usual authentication names it misses.
func sessionLike(name string) bool {
	n := strings.ToLower(name)
	for _, k := range []string{"login", "sess", "auth", "token", "jwt"} {
		if strings.Contains(n, k) {
			return true
		}
	}
	return n == "sid" || strings.HasSuffix(n, ".sid") || strings.HasSuffix(n, "_sid")
}

var metaCookies = headerMeta("WEB-COOKIE-001", check.High,
	check.Text{EN: "Cookies are Secure, HttpOnly when they hold a session, and SameSite", FR: "Les cookies sont Secure, HttpOnly s'ils portent une session, et SameSite"},
	check.Text{EN: "Every Set-Cookie on both sides and along redirects: Secure, HttpOnly for session-like cookies, a valid SameSite, __Host-/__Secure- prefixes honoured, no session cookie set over plain HTTP; graded like the MDN Observatory.",
		FR: "Chaque Set-Cookie des deux côtés et des redirections : Secure, HttpOnly pour les cookies de session, un SameSite valide, préfixes __Host-/__Secure- respectés, aucun cookie de session posé en HTTP ; jugé comme le MDN Observatory."},
	check.Text{EN: "A session cookie without Secure leaks over plain HTTP; without HttpOnly any injected script can steal it and take over the account.",
		FR: "Un cookie de session sans Secure fuit en HTTP ; sans HttpOnly, tout script injecté peut le voler et prendre le compte."},
	check.Text{EN: "Set cookies with `Secure; HttpOnly; SameSite=Lax` (or Strict), prefer the `__Host-` prefix for session cookies, and set them only over HTTPS.",
		FR: "Posez les cookies avec `Secure; HttpOnly; SameSite=Lax` (ou Strict), préférez le préfixe `__Host-` pour la session, et ne les posez qu'en HTTPS."})

// cookiesOf gathers the cookies set along both sides' chains.
func cookiesOf(e Evidence) []Cookie {
	var out []Cookie
	for _, p := range []Probe{e.HTTP, e.HTTPS} {
		for _, h := range p.Hops {
			scheme := "http"
			if isHTTPS(h.URL) {
				scheme = "https"
			}
			for _, line := range h.SetCookie {
				if c, ok := ParseSetCookie(line, scheme); ok {
					out = append(out, c)
				}
			}
		}
	}
	return out
}

func evalCookies(e Evidence) check.Outcome {
	if o, down := unreachable(e); down {
		return o
	}
	cookies := cookiesOf(e)
	hsts := len(e.HTTPS.Header("Strict-Transport-Security")) > 0
	ev := map[string]any{}
	// Past the probe's budget cookies are counted, not kept: say so, so a
	// verdict on the first ones is not read as one on all of them.
	dropped := e.HTTP.CookiesDropped + e.HTTPS.CookiesDropped
	note := check.Text{}
	if dropped > 0 {
		ev["cookies_not_examined"] = dropped
		note = check.Count(dropped,
			check.Text{EN: " (%d more Set-Cookie line not examined: too long or one too many)",
				FR: " (%d autre ligne Set-Cookie non examinée : trop longue ou en surnombre)"},
			check.Text{EN: " (%d more Set-Cookie lines not examined: too many or too long)",
				FR: " (%d autres lignes Set-Cookie non examinées : trop nombreuses ou trop longues)"})
	}
	if len(cookies) == 0 {
		return check.Outcome{Status: check.Pass, Evidence: observatory(ev, 0),
			Message: check.Text{EN: "no cookies are set" + note.EN, FR: "aucun cookie n'est posé" + note.FR}}
	}
	mod := 5
	worse := func(m int) { mod = min(mod, m) }
	problems := map[string]*cookieProblem{} // by English label
	add := func(en, fr, name string) {
		name = shortName(name)
		if problems[en] == nil {
			problems[en] = &cookieProblem{label: check.Text{EN: en, FR: fr}}
		}
		if !slices.Contains(problems[en].names, name) { // a cookie set on two responses is one cookie
			problems[en].names = append(problems[en].names, name)
		}
	}
	var names []string
	for _, c := range cookies {
		names = append(names, shortName(c.Name))
		session := sessionLike(c.Name)
		if !c.Secure {
			switch {
			case session && hsts:
				worse(-10)
			case session:
				worse(-40)
			case hsts:
				worse(-5)
			default:
				worse(-20)
			}
			add("without Secure", "sans Secure", c.Name)
		}
		if session && !c.HTTPOnly {
			worse(-30)
			add("session cookie without HttpOnly", "cookie de session sans HttpOnly", c.Name)
		}
		switch c.SameSite {
		case "lax", "strict":
		case "none":
			if !c.Secure {
				worse(-20)
				add("SameSite=None without Secure", "SameSite=None sans Secure", c.Name)
			}
		case "":
			if strings.Contains(strings.ToLower(c.Name), "csrf") {
				worse(-20)
				add("anti-CSRF cookie without SameSite", "cookie anti-CSRF sans SameSite", c.Name)
			} else if mod == 5 {
				mod = 0 // all Secure and HttpOnly, but SameSite missing: no bonus
			}
		default:
			worse(-20)
			add("invalid SameSite", "SameSite invalide", c.Name)
		}
		if strings.HasPrefix(c.Name, "__Secure-") && !c.Secure {
			worse(-20)
			add("__Secure- prefix without Secure", "préfixe __Secure- sans Secure", c.Name)
		}
		if strings.HasPrefix(c.Name, "__Host-") {
			// Each rule of the prefix is named alone: the one broken is the one to fix.
			if !c.Secure {
				worse(-20)
				add("__Host- prefix without Secure", "préfixe __Host- sans Secure", c.Name)
			}
			if c.Path != "/" {
				worse(-20)
				add("__Host- prefix without Path=/", "préfixe __Host- sans Path=/", c.Name)
			}
			if c.Domain != "" {
				worse(-20)
				add("__Host- prefix with a Domain", "préfixe __Host- avec un Domain", c.Name)
			}
		}
		if session && c.SetOver == "http" {
			worse(-40)
			add("session cookie set over plain HTTP", "cookie de session posé en HTTP", c.Name)
		}
	}
	sort.Strings(names)
	names = slices.Compact(names)
	ev["cookies"] = names
	if len(problems) == 0 {
		m := check.Count(len(names),
			check.Text{EN: "%d cookie, Secure, HttpOnly if a session cookie", FR: "%d cookie, Secure, HttpOnly s'il est de session"},
			check.Text{EN: "%d cookies, all Secure, session cookies HttpOnly", FR: "%d cookies, tous Secure, ceux de session HttpOnly"})
		return check.Outcome{Status: check.Pass, Evidence: observatory(ev, mod), Message: check.Text{EN: m.EN + note.EN, FR: m.FR + note.FR}}
	}
	var kinds []string
	for k := range problems {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	var en, fr []string
	for _, k := range kinds {
		p := problems[k]
		ev[strings.ReplaceAll(strings.ToLower(k), " ", "_")] = p.names
		en = append(en, p.label.EN+": "+strings.Join(p.names, ", "))
		fr = append(fr, p.label.FR+" : "+strings.Join(p.names, ", "))
	}
	return check.Outcome{Status: check.Fail, Evidence: observatory(ev, mod), Message: check.Text{
		EN: "cookie problems: " + strings.Join(en, "; ") + note.EN, FR: "problèmes de cookies : " + strings.Join(fr, " ; ") + note.FR}}
}

type cookieProblem struct {
	label check.Text
	names []string
}
