package config

import (
	"net/textproto"
	"strings"

	"gopkg.in/yaml.v3"
)

// Header limits: a config names a few headers, each a line of text.
const (
	MaxHeaders     = 50
	MaxHeaderValue = 8 << 10
)

// refusedHeaders are set by the HTTP client itself or name the connection
// rather than the request (RFC 7230 §6.1 hop-by-hop): sending them from a
// config would break or smuggle requests.
var refusedHeaders = map[string]bool{
	"Host": true, "Content-Length": true, "Transfer-Encoding": true, "Connection": true, "Keep-Alive": true,
	"Proxy-Connection": true, "Te": true, "Trailer": true, "Upgrade": true,
}

// validateHeaders checks a headers mapping (web.headers or a target's):
// names are RFC 7230 tokens, values hold no CR, LF or NUL, and the same
// name is not given twice in another case. Values are never echoed.
func (w *walker) validateHeaders(n *yaml.Node, path string) error {
	if n.Kind != yaml.MappingNode {
		return nil // reported as a wrong type by the caller
	}
	if len(n.Content)/2 > MaxHeaders {
		return at(w.file, n, path, "%d headers, more than the %d vigie sends", "%d en-têtes, plus que les %d que vigie envoie", len(n.Content)/2, MaxHeaders)
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		name := k.Value
		kp := join(path, w.keyText(k))
		if !isToken(name) {
			return at(w.file, k, kp, "%s is not a header name (letters, digits and !#$%%&'*+-.^_`|~ only)", "%s n'est pas un nom d'en-tête (lettres, chiffres et !#$%%&'*+-.^_`|~ seulement)", describe(k, w.raw))
		}
		canon := textproto.CanonicalMIMEHeaderKey(name)
		if refusedHeaders[canon] {
			return at(w.file, k, kp, "%s is set by the HTTP client or concerns the connection, and cannot be set here", "%s est posé par le client HTTP ou concerne la connexion, et ne peut pas être donné ici", canon)
		}
		if line, dup := seen[canon]; dup {
			return at(w.file, k, kp, "header %s is already given on line %d", "l'en-tête %s est déjà donné ligne %d", canon, line)
		}
		seen[canon] = k.Line
		if v.Kind != yaml.ScalarNode {
			continue // reported as a wrong type by the caller
		}
		if strings.ContainsAny(v.Value, "\r\n\x00") {
			return at(w.file, v, kp, "the value holds a line break or a NUL byte, which a header cannot carry", "la valeur contient un saut de ligne ou un octet NUL, qu'un en-tête ne peut pas porter")
		}
		if len(v.Value) > MaxHeaderValue {
			return at(w.file, v, kp, "the value is longer than %d KB", "la valeur dépasse %d Ko", MaxHeaderValue>>10)
		}
	}
	return nil
}

// isToken reports whether s is an RFC 7230 token (tchar+).
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0:
		default:
			return false
		}
	}
	return true
}
