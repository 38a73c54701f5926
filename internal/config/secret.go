package config

import (
	"encoding/json"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
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
	r *strings.Replacer
	// anchors are, per secret, its longest run of ASCII letters and digits,
	// as written and in lower case: every form of the secret holds one, so
	// text holding none is returned at once, without allocating. always is
	// set when some secret has no such run.
	anchors []string
	always  bool
}

// Mask hides the secrets in s.
func (m *Masker) Mask(s string) string {
	if m == nil || m.r == nil || s == "" {
		return s
	}
	if !m.always && !containsAny(s, m.anchors) {
		return s
	}
	return m.r.Replace(s)
}

func containsAny(s string, subs []string) bool {
	for _, a := range subs {
		if strings.Contains(s, a) {
			return true
		}
	}
	return false
}

// anchor is the longest run of ASCII letters and digits in s: escaping
// (URL, Go or JSON quoting) leaves it whole.
func anchor(s string) string {
	best, start := "", -1
	for i := 0; i <= len(s); i++ {
		alnum := i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z' || s[i] >= '0' && s[i] <= '9')
		switch {
		case alnum && start < 0:
			start = i
		case !alnum && start >= 0:
			if i-start > len(best) {
				best = s[start:i]
			}
			start = -1
		}
	}
	return best
}

// Mask hides the config's secrets in s: the values of ${VAR} references,
// header values and passwords written in target URLs. Cheap to call on
// every string of a report.
func (c Config) Mask(s string) string { return c.masker.Mask(s) }

// Masker is the config's masker, to share with code that has no Config.
func (c Config) Masker() *Masker { return c.masker }

// newMasker builds one replacer for all the forms a secret may take in
// text: as written, URL-escaped (query, path segment, path), quoted as Go
// and JSON quote it, and each of those in lower case. Longer forms come first so a secret that contains another is
// masked whole.
func newMasker(secrets []string, userinfo []string) *Masker {
	repl := map[string]string{}
	m := &Masker{}
	addAnchor := func(s string) {
		if a := anchor(s); a == "" {
			m.always = true
		} else {
			m.anchors = append(m.anchors, a, strings.ToLower(a))
		}
	}
	for _, s := range secrets {
		if len(s) < MinMasked {
			continue
		}
		addAnchor(s)
		q, _ := json.Marshal(s)
		for _, form := range []string{s, url.QueryEscape(s), url.PathEscape(s), (&url.URL{Path: s}).EscapedPath(),
			strings.ReplaceAll(url.QueryEscape(s), "+", "%20"), lowerHex(url.QueryEscape(s)),
			strings.Trim(strconv.Quote(s), `"`), strings.Trim(string(q), `"`)} {
			// Lower case too: a target that does not parse is lower-cased whole to name it.
			repl[form], repl[strings.ToLower(form)] = masked, masked
		}
	}
	// A password in a URL is masked between its delimiters, however short.
	for _, p := range userinfo {
		if p != "" {
			repl[":"+p+"@"] = ":" + masked + "@"
			addAnchor(":" + p + "@")
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
	slices.Sort(m.anchors)
	m.anchors = slices.Compact(m.anchors)
	m.r = strings.NewReplacer(pairs...)
	return m
}

// lowerHex writes the %XX escapes of s in lower case, as some encoders do.
func lowerHex(s string) string {
	b := []byte(s)
	for i := 0; i+2 < len(b); i++ {
		if b[i] == '%' {
			for j := i + 1; j <= i+2; j++ {
				if b[j] >= 'A' && b[j] <= 'F' {
					b[j] += 'a' - 'A'
				}
			}
		}
	}
	return string(b)
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
