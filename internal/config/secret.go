package config

import (
	"encoding/json"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/vigie-security/vigie/internal/textenc"
)

// Secret is a value that must never be printed: formatting, JSON and YAML
// all show it masked. Value returns the real thing for the one place that sends it.
type Secret string

const masked = "***"

func (s Secret) Value() string                { return string(s) }
func (s Secret) String() string               { return masked }
func (s Secret) GoString() string             { return masked }
func (s Secret) MarshalJSON() ([]byte, error) { return json.Marshal(masked) }
func (s Secret) MarshalYAML() (any, error)    { return masked, nil }

// MinMasked is the shortest value the masker hides: shorter ones would
// mask ordinary words of the report, and are not secrets worth the name.
const MinMasked = 4

// Masker replaces every secret of a config by *** in any text, whether or
// not the text parses as a URL. It is built once; a nil Masker, or one
// without secrets, returns its input untouched.
type Masker struct {
	// r matches in any case: a server may echo a secret upper-cased, and
	// a target that does not parse is lower-cased whole to name it. Text
	// holding no secret's letters is returned at once, without allocating.
	r *textenc.FoldReplacer
}

// Mask hides the secrets in s.
func (m *Masker) Mask(s string) string {
	if m == nil {
		return s
	}
	out := m.r.Replace(s)
	if strings.IndexByte(out, '%') < 0 {
		return out
	}
	// A server may echo a secret escaped its own way (a raw space beside
	// "%c3%a4"), which no listed form matches: the text is read unescaped
	// too, as a query and as a path, and shown unescaped where that finds one.
	for _, plus := range []bool{true, false} {
		if dec := unescape(out, plus); dec != out {
			if hidden := m.r.Replace(dec); hidden != dec {
				// What decoded is shown as text: a stray %9B must not become a raw
				// byte a terminal reads as a control sequence.
				return strings.ToValidUTF8(hidden, "\uFFFD")
			}
		}
	}
	return out
}

// unescape decodes the valid %XX of s, and + as a space when plus; what
// does not decode is kept as it is, unlike url.QueryUnescape, which gives
// up on the whole text.
func unescape(s string, plus bool) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
			i += 2
		case c == '+' && plus:
			b.WriteByte(' ')
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// Mask hides the config's secrets in s: the values of ${VAR} references,
// header values and passwords written in target URLs. Cheap to call on
// every string of a report.
func (c Config) Mask(s string) string { return c.masker.Mask(s) }

// Masker is the config's masker, to share with code that has no Config.
func (c Config) Masker() *Masker { return c.masker }

// newMasker builds one replacer for all the forms a secret may take in
// text: as written, URL-escaped (query, path segment, path), quoted as Go
// and JSON quote it, each in any case. The replacer puts longer forms
// first, so a secret that contains another is masked whole.
func newMasker(secrets []string, userinfo []string) *Masker {
	repl := map[string]string{}
	for _, s := range secrets {
		if len(s) < MinMasked {
			continue
		}
		q, _ := json.Marshal(s)
		for _, form := range []string{s, url.QueryEscape(s), url.PathEscape(s), (&url.URL{Path: s}).EscapedPath(),
			strings.ReplaceAll(url.QueryEscape(s), "+", "%20"),
			strings.Trim(strconv.Quote(s), `"`), strings.Trim(string(q), `"`)} {
			repl[form] = masked
		}
	}
	// A password in a URL is masked between its delimiters, however short.
	for _, p := range userinfo {
		if p != "" {
			repl[":"+p+"@"] = ":" + masked + "@"
		}
	}
	if len(repl) == 0 {
		return nil
	}
	olds := make([]string, 0, len(repl))
	for o := range repl {
		olds = append(olds, o)
	}
	sort.Slice(olds, func(i, j int) bool {
		if len(olds[i]) != len(olds[j]) {
			return len(olds[i]) > len(olds[j])
		}
		return olds[i] < olds[j]
	})
	pairs := make([]string, 0, 2*len(olds))
	for _, o := range olds {
		pairs = append(pairs, o, repl[o])
	}
	return &Masker{r: textenc.NewFoldReplacer(pairs...)}
}

// urlPassword finds the password of a URL written scheme://user:pass@host…
// without parsing it, so that a password holding # / ? % or a space is
// found too: it runs from the first ':' after "://" to the last '@'.
func urlPassword(raw string) string {
	_, rest, ok := strings.Cut(raw, "://")
	if !ok {
		return ""
	}
	at := strings.LastIndexByte(rest, '@')
	if at < 0 {
		return ""
	}
	_, pass, ok := strings.Cut(rest[:at], ":")
	if !ok {
		return ""
	}
	return pass
}

// public are the keys whose valid values are a short public list (or a
// number, a duration): a ${VAR} there that passed validation is a setting,
// not a secret, and masking "json" or "fr" everywhere would garble reports.
var public = map[string]bool{"version": true, "lang": true, "output.format": true, "scan.fail_on": true,
	"scan.timeout": true, "scan.concurrency": true, "scan.rate": true, "scan.fail_under": true,
	"web.max_redirects": true, "web.exposure": true}

// secretValues lists the values taken from the environment; with paths
// (known once the config is valid), those of public keys are left out.
func secretValues(byNode map[*yaml.Node][]string, paths map[*yaml.Node]string) []string {
	var out []string
	for n, vs := range byNode {
		if paths != nil && public[paths[n]] {
			continue
		}
		out = append(out, vs...)
	}
	return out
}

// declaredSecrets are the header values, secrets even when written in the file.
func (c Config) declaredSecrets() []string {
	var out []string
	for _, v := range c.Web.Headers {
		out = append(out, v.Value())
	}
	for _, t := range c.Web.Targets {
		for _, v := range t.Headers {
			out = append(out, v.Value())
		}
	}
	if w := c.Schedule.Webhook; w != nil && w.URL != "" {
		out = append(out, w.URL.Value()) // a Slack or Teams webhook URL is its own credential
	}
	// A database's connection string is a credential as a whole, and so is
	// its password wherever else it might appear.
	for _, src := range c.Leads.Sources {
		for _, dsn := range []string{src.DSN, src.Path} {
			if isDSN(dsn) {
				out = append(out, dsn)
				if p := urlPassword(dsn); p != "" {
					out = append(out, p)
				}
			}
		}
	}
	return out
}

// urlPasswords are the passwords written in target URLs.
func (c Config) urlPasswords() []string {
	var out []string
	for _, t := range c.Web.Targets {
		for _, u := range []string{t.URL, t.HTTPURL, t.HTTPSURL} {
			if p := urlPassword(u); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// isDSN: a lead source named by a database URL rather than a file.
func isDSN(s string) bool {
	for _, scheme := range []string{"postgres://", "postgresql://", "mysql://", "mariadb://"} {
		if strings.HasPrefix(strings.ToLower(s), scheme) {
			return true
		}
	}
	return false
}
