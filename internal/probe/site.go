package probe

import (
	"net"
	"net/url"
	"strings"

	"golang.org/x/net/publicsuffix"

	web "github.com/vigie-security/vigie/checks/web"
)

// sameSite is true when two host names belong to one registrable domain
// (www.shop.example.co.uk and shop.example.co.uk): a site may send its
// visitors to a subdomain or another port of itself. IP addresses and
// single-label names must be equal.
func sameSite(a, b string) bool {
	a, b = strings.ToLower(strings.TrimSuffix(a, ".")), strings.ToLower(strings.TrimSuffix(b, "."))
	if a == b {
		return true
	}
	if net.ParseIP(a) != nil || net.ParseIP(b) != nil {
		return false
	}
	ra, errA := publicsuffix.EffectiveTLDPlusOne(a)
	rb, errB := publicsuffix.EffectiveTLDPlusOne(b)
	return errA == nil && errB == nil && ra == rb
}

// redirectedHTTPS is the first https:// URL the plain-HTTP chain sends
// visitors to, when it is on the same site as host; "" otherwise. It is
// read from the Locations, so a redirect to an HTTPS port that does not
// answer still names the side that must be judged.
func redirectedHTTPS(p web.Probe, host string) (target, from string) {
	for _, h := range p.Hops {
		if h.Location == "" {
			continue
		}
		u, err := url.Parse(h.Location)
		if err != nil || u.Host == "" {
			return "", ""
		}
		if u.Scheme == "https" {
			if !sameSite(u.Hostname(), host) {
				return "", ""
			}
			return u.String(), h.URL
		}
	}
	return "", ""
}

// hostOf is the host name of a URL; "" when it does not parse.
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return u.Hostname()
}

// chainFrom is the part of a redirect chain from the hop that requested
// url on: what a GET of url, following its redirects, gets.
func chainFrom(p web.Probe, url string) (web.Probe, bool) {
	for k, h := range p.Hops {
		if h.URL == url {
			tail := p
			tail.URL, tail.Hops = url, p.Hops[k:]
			return tail, true
		}
	}
	return web.Probe{}, false
}
