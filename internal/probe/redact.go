package probe

import (
	"net/url"
	"strings"
)

// RedactURL masks the credentials of every URL in text, whether it parses
// or not: everything between "scheme://" and the last "@" before the host is
// shown as ***, so a password holding #, /, ?, % or a space never shows.
// "https://u:p@host/" becomes "https://***@host/".
func RedactURL(text string) string {
	var b strings.Builder
	for {
		i := strings.Index(text, "://")
		if i < 0 {
			b.WriteString(text)
			return b.String()
		}
		b.WriteString(text[:i+3])
		rest := text[i+3:]
		// This URL runs to a quote, a bracket or a line end (a space may be
		// in a password), or to the word before the next URL.
		end := len(rest)
		if j := strings.IndexAny(rest, "\"'<>\r\n"); j >= 0 {
			end = j
		}
		if j := strings.Index(rest[:end], "://"); j >= 0 {
			end = strings.LastIndexAny(rest[:j], " \t") + 1
		}
		if at := strings.LastIndex(rest[:end], "@"); at >= 0 {
			b.WriteString("***")
			rest = rest[at:]
			end -= at
		}
		b.WriteString(rest[:end])
		text = rest[end:]
	}
}

// hasUserinfo reports an @ after "scheme://" (or anywhere, without one):
// with a password holding / ? or #, no parser can tell where the host starts,
// so any @ is taken as credentials and the target refused.
func hasUserinfo(s string) bool {
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	}
	return strings.Contains(s, "@")
}

// redactURL drops credentials and query from a URL a server sent us.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return shorten(RedactURL(raw))
	}
	u.User, u.RawQuery, u.Fragment = nil, "", ""
	return shorten(u.String())
}
