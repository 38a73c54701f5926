package probe

import (
	"fmt"
	"net"
	"net/url"
	"strings"
)

// Target is one web endpoint, with the two URLs its sides are probed on.
type Target struct {
	Name     string // as the user wrote it
	Host     string
	HTTPURL  string
	HTTPSURL string
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
	t := Target{Name: name, Host: u.Hostname()}
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
		return Target{}, fmt.Errorf("target %q: http URL must start with http:// and https URL with https://", name)
	}
	if name == "" {
		name = s.String()
	}
	return Target{Name: name, Host: s.Hostname(), HTTPURL: h.String(), HTTPSURL: s.String()}, nil
}

func parseURL(raw string) (*url.URL, error) {
	s := strings.TrimSpace(raw)
	switch {
	case s == "":
		return nil, fmt.Errorf("empty target")
	case strings.ContainsAny(s, " \t\r\n"):
		return nil, fmt.Errorf("target %q: contains whitespace", s)
	}
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil {
		return nil, fmt.Errorf("target %q: not a URL: %v", raw, unwrapURLError(err))
	}
	u.Scheme = strings.ToLower(u.Scheme)
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return nil, fmt.Errorf("target %q: scheme %q is not http or https", raw, u.Scheme)
	case u.User != nil:
		return nil, fmt.Errorf("target %q: credentials in URLs are not accepted (they would end up in reports); use web.headers in the config", redact(u))
	case u.Hostname() == "":
		return nil, fmt.Errorf("target %q: no host", raw)
	}
	if p := u.Port(); p != "" {
		if n, err := net.LookupPort("tcp", p); err != nil || n == 0 || n > 65535 {
			return nil, fmt.Errorf("target %q: bad port %q", raw, p)
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

func redact(u *url.URL) string {
	c := *u
	if c.User != nil {
		c.User = url.User("***")
	}
	return c.String()
}

func unwrapURLError(err error) error {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err
	}
	return err
}
