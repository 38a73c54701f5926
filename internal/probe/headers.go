package probe

import (
	"net/url"
	"strings"
)

// origin is scheme://host:port of a URL, the port always written, so that
// http://h and http://h:80 are one origin; "" when raw does not parse.
func origin(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	scheme := strings.ToLower(u.Scheme)
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[scheme]
	}
	return scheme + "://" + bracket(strings.ToLower(u.Hostname())) + ":" + port
}

// origins lists the origins custom headers may be sent to: a target's two sides.
func origins(urls ...string) []string {
	var out []string
	for _, u := range urls {
		if o := origin(u); o != "" {
			out = append(out, o)
		}
	}
	return out
}

// headersFor is what custom headers a request to url carries: the
// scan-wide ones merged with the target's own (the target's win), and none
// at all when url is not on one of the target's own origins. Those headers
// hold API keys and tokens: a redirect to another host, port or scheme must
// never carry them, and neither must Authorization or Cookie.
func headersFor(rawURL string, own []string, common, target map[string]string) map[string]string {
	o := origin(rawURL)
	if o == "" || len(common)+len(target) == 0 {
		return nil
	}
	allowed := false
	for _, w := range own {
		allowed = allowed || w == o
	}
	if !allowed {
		return nil
	}
	out := make(map[string]string, len(common)+len(target))
	for k, v := range common {
		out[k] = v
	}
	for k, v := range target {
		for old := range out { // one value per header, whatever its case
			if strings.EqualFold(old, k) {
				delete(out, old)
			}
		}
		out[k] = v
	}
	return out
}
