package probe

import (
	"net"
	"net/url"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

// Target is one web endpoint, with the two URLs its sides are probed on.
type Target struct {
	Name     string // as the user wrote it
	Host     string
	HTTPURL  string
	HTTPSURL string
	// Headers are sent only to this target's own origins (its two sides),
	// merged over Options.Headers; like them they may hold secrets.
	Headers map[string]string
	// HTTPSNamed is set when the user wrote the HTTPS side (an https:// URL,
	// a host:port or an explicit https_url); otherwise it is a guess, and a
	// same-site redirect from the HTTP side names the side to judge instead.
	HTTPSNamed bool
	// Note says how vigie read the target when it differs from what was
	// written (a numeric host such as 127.1 read as 127.0.0.1); empty otherwise.
	Note check.Text
}

// ParseTarget reads a target written as a host ("shop.example.fr"), a
// host:port, or an http(s) URL. The side named by the URL keeps its port; the
// other side is probed on its default port.
func ParseTarget(raw string) (Target, error) {
	name := strings.TrimSpace(raw)
	u, err := parseURL(name)
	if err != nil {
		return Target{}, err
	}
	t := Target{Name: name, Host: u.Hostname(), Note: numericNote(name, u)}
	t.HTTPSNamed = u.Scheme == "https" && (strings.Contains(strings.ToLower(name), "https://") || u.Port() != "")
	other := *u
	other.Host = bracket(u.Hostname())
	if u.Scheme == "https" {
		other.Scheme = "http"
		t.HTTPSURL, t.HTTPURL = u.String(), other.String()
	} else {
		other.Scheme = "https"
		t.HTTPURL, t.HTTPSURL = u.String(), other.String()
	}
	return t, nil
}

// ExplicitTarget builds a target whose two sides the user named separately
// (for sites that serve HTTP and HTTPS on non-default ports).
func ExplicitTarget(name, httpURL, httpsURL string) (Target, error) {
	h, err := parseURL(httpURL)
	if err != nil {
		return Target{}, err
	}
	s, err := parseURL(httpsURL)
	if err != nil {
		return Target{}, err
	}
	if h.Scheme != "http" || s.Scheme != "https" {
		return Target{}, check.Errorf("target %q: http URL must start with http:// and https URL with https://",
			"cible %q : l'URL http doit commencer par http:// et l'URL https par https://", name)
	}
	if name == "" {
		name = s.String()
	}
	note := numericNote(httpsURL, s)
	if note.EN == "" {
		note = numericNote(httpURL, h)
	}
	return Target{Name: name, Host: s.Hostname(), HTTPURL: h.String(), HTTPSURL: s.String(), HTTPSNamed: true, Note: note}, nil
}

func parseURL(raw string) (*url.URL, error) {
	s := strings.TrimSpace(raw)
	shown := RedactURL(s)                              // every message below may be read by anyone: never a password
	if !strings.Contains(s, "://") && hasUserinfo(s) { // "u:p@host": no scheme for RedactURL to find
		shown = "***" + s[strings.LastIndex(s, "@"):]
	}
	switch {
	case s == "":
		return nil, check.Errorf("empty target", "cible vide")
	case hasUserinfo(s):
		return nil, check.Errorf("target %q: credentials in URLs are not accepted (they would end up in reports); use web.headers in the config (an @ in a path or query is written %%40)",
			"cible %q : identifiants refusés dans les URL (ils finiraient dans les rapports) ; utiliser web.headers dans la configuration (un @ dans un chemin ou une requête s'écrit %%40)", shown)
	case strings.ContainsAny(s, " \t\r\n"):
		return nil, check.Errorf("target %q: contains whitespace", "cible %q : contient des espaces", shown)
	}
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil {
		return nil, check.Errorf("target %q: not a URL: %v", "cible %q : pas une URL : %v", shown, urlReason(err))
	}
	u.Scheme = strings.ToLower(u.Scheme)
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return nil, check.Errorf("target %q: scheme %q is not http or https", "cible %q : le schéma %q n'est ni http ni https", shown, u.Scheme)
	case u.Hostname() == "":
		return nil, check.Errorf("target %q: no host", "cible %q : aucun hôte", shown)
	}
	if ip, numeric, err := numericIPv4(u.Hostname()); err != nil {
		return nil, check.Errorf("target %q: %v", "cible %q : %v", shown, err)
	} else if numeric {
		port := u.Port()
		u.Host = ip
		if port != "" {
			u.Host = net.JoinHostPort(ip, port)
		}
	}
	if p := u.Port(); p != "" {
		if n, err := net.LookupPort("tcp", p); err != nil || n == 0 || n > 65535 {
			return nil, check.Errorf("target %q: bad port %q", "cible %q : port %q incorrect", shown, p)
		}
	}
	if u.Path == "" {
		u.Path = "/"
	}
	u.Fragment = ""
	return u, nil
}

func bracket(host string) string {
	if strings.Contains(host, ":") {
		return "[" + host + "]"
	}
	return host
}

func unwrapURLError(err error) error {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err
	}
	return err
}

// urlReason is why net/url refused a URL, without the URL (it may hold a
// password), in both languages.
func urlReason(err error) check.Text {
	why := RedactURL(unwrapURLError(err).Error())
	return check.Text{EN: why, FR: urlReasonsFR.Replace(why)}
}

// urlReasonsFR are net/url's reasons in French; quoted parts stay as they are.
var urlReasonsFR = strings.NewReplacer(
	"missing ']' in host", "« ] » manquant dans l'hôte",
	"invalid IP-literal", "adresse IP entre crochets incorrecte",
	"invalid port ", "port ",
	" after host", " incorrect après l'hôte",
	"invalid character ", "caractère ",
	" in host name", " interdit dans le nom d'hôte",
	"invalid URL escape ", "échappement incorrect ",
	"net/url: invalid control character in URL", "caractère de contrôle dans l'URL",
	"first path segment in URL cannot contain colon", "le premier segment du chemin ne peut contenir « : »",
	"net/url: invalid userinfo", "identifiants incorrects",
	"missing protocol scheme", "schéma absent",
	"invalid host: ", "hôte incorrect : ",
)

// Server is the server a target is first sent to (scheme, host and port of
// the side the user named): what a per-server limit on the targets in
// flight counts against.
func (t Target) Server() string {
	if t.HTTPSNamed {
		return origin(t.HTTPSURL)
	}
	return origin(t.HTTPURL)
}
