package probe

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

// numericIPv4 reads a host the way browsers do (WHATWG URL, "IPv4 parser"):
// a host whose last label is a number is an IPv4 address written in 1 to 4
// parts, each decimal, octal (leading 0) or hex (0x), so 127.1, 2130706433,
// 0x7f.1 and 0177.0.0.1 are all 127.0.0.1. Sending such a host to the
// resolver would probe something else than what a browser opens. numeric is
// false for a domain name; err says why a numeric host is no address.
func numericIPv4(host string) (ip string, numeric bool, err error) {
	if strings.Contains(host, ":") { // IPv6, already bracketed out
		return "", false, nil
	}
	parts := strings.Split(host, ".")
	if len(parts) > 1 && parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1] // one trailing dot is allowed
	}
	if _, ok := ipv4Part(parts[len(parts)-1]); !ok && !allDigits(parts[len(parts)-1]) {
		return "", false, nil // a domain name
	}
	if len(parts) > 4 {
		return "", true, check.Errorf("host %q ends in a number but is not an IPv4 address (more than 4 parts)",
			"l'hôte %q finit par un nombre mais n'est pas une adresse IPv4 (plus de 4 parties)", host)
	}
	var v uint64
	for i, p := range parts {
		n, ok := ipv4Part(p)
		last := i == len(parts)-1
		switch {
		case !ok:
			return "", true, check.Errorf("host %q ends in a number but part %q is not a number",
				"l'hôte %q finit par un nombre mais sa partie %q n'est pas un nombre", host, p)
		case !last && n > 255:
			return "", true, check.Errorf("host %q: part %q is over 255", "hôte %q : la partie %q dépasse 255", host, p)
		case last && n >= 1<<(8*(5-len(parts))):
			return "", true, check.Errorf("host %q is over the IPv4 range", "l'hôte %q dépasse la plage IPv4", host)
		}
		if last {
			v = v<<(8*(5-len(parts))) | n
		} else {
			v = v<<8 | n
		}
	}
	ip = fmt.Sprintf("%d.%d.%d.%d", v>>24, v>>16&255, v>>8&255, v&255)
	return ip, true, nil
}

// ipv4Part reads one part: 0x/0X hex, a leading 0 octal, else decimal.
func ipv4Part(p string) (uint64, bool) {
	if p == "" || len(p) > 32 { // bounded: no part of a real address is longer
		return 0, false
	}
	base, digits := 10, p
	switch {
	case len(p) >= 2 && (p[:2] == "0x" || p[:2] == "0X"):
		base, digits = 16, p[2:]
		if digits == "" {
			return 0, true // "0x" is 0 for browsers
		}
	case len(p) >= 2 && p[0] == '0':
		base, digits = 8, p[1:]
	}
	n, err := strconv.ParseUint(digits, base, 64)
	if err != nil || strings.ContainsAny(digits, "+-_") {
		return 0, false
	}
	return n, true
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// numericNote says how a numeric host was read, when it was written otherwise.
func numericNote(written string, u *url.URL) check.Text {
	h := u.Hostname()
	orig := written
	if pu, err := url.Parse(written); err == nil && pu.Host != "" {
		orig = pu.Hostname()
	} else if pu, err := url.Parse("https://" + written); err == nil {
		orig = pu.Hostname()
	}
	orig = strings.TrimSuffix(orig, ".")
	if orig == "" || orig == h || strings.Contains(h, ":") {
		return check.Text{}
	}
	if _, numeric, _ := numericIPv4(orig); !numeric {
		return check.Text{}
	}
	return check.Textf("host %s is read as the IPv4 address %s, as browsers read it", "l'hôte %s est lu comme l'adresse IPv4 %s, comme le lisent les navigateurs", orig, h)
}
