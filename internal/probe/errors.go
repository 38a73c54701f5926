package probe

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

// Kinds of failure a probe reports, so checks and people can tell them apart.
const (
	KindRefused  = "refused"
	KindTimeout  = "timeout"
	KindDNS      = "dns"
	KindTLS      = "tls"
	KindProtocol = "protocol"
	KindOther    = "other"
	// KindRedirect: the server answered with a redirect that cannot be
	// followed (file://, javascript:, a malformed URL).
	KindRedirect = "redirect"
)

// classify turns a client error into a kind and a readable reason in both
// languages; low-level details stay in English, as the OS and TLS stack say them.
func classify(err error, timeout time.Duration) (kind string, reason check.Text) {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	msg := err.Error()
	low := strings.ToLower(msg)
	switch {
	case errors.Is(err, context.DeadlineExceeded) || strings.Contains(low, "timeout") || strings.Contains(low, "deadline exceeded"):
		return KindTimeout, check.Textf("no answer within %s", "pas de réponse en %s", timeout)
	case errors.Is(err, context.Canceled):
		return KindOther, check.Text{EN: "cancelled", FR: "annulé"}
	case strings.Contains(low, "response headers exceeded"):
		return KindProtocol, check.Textf("response headers over %d KB: not read", "en-têtes de réponse de plus de %d Ko : non lus", maxHeaderBytes>>10)
	case strings.Contains(low, "connection refused"):
		return KindRefused, check.Text{EN: "connection refused", FR: "connexion refusée"}
	case strings.Contains(low, "no such host") || strings.Contains(low, "could not resolve") || strings.Contains(low, "no address found"):
		return KindDNS, check.Text{EN: "host name does not resolve", FR: "le nom d'hôte ne se résout pas"}
	case strings.Contains(low, "tls") || strings.Contains(low, "x509") || strings.Contains(low, "handshake"):
		return KindTLS, check.Text{EN: "TLS handshake failed: " + shorten(msg), FR: "échec de la négociation TLS : " + shorten(check.InLang(err, check.FR))}
	case strings.Contains(low, "eof") || strings.Contains(low, "reset by peer") || strings.Contains(low, "malformed") ||
		strings.Contains(low, "closed network connection") || strings.Contains(low, "broken pipe"):
		return KindProtocol, check.Text{EN: "connection closed or garbled: " + shorten(msg), FR: "connexion fermée ou illisible : " + shorten(check.InLang(err, check.FR))}
	}
	return KindOther, check.Text{EN: shorten(msg), FR: shorten(check.InLang(err, check.FR))}
}

// transient errors are worth one more try: under load the client closes
// some of its own connections and the request comes back empty.
func transient(kind string, reason check.Text) bool {
	if kind != KindProtocol {
		return false
	}
	r := strings.ToLower(reason.EN)
	return strings.Contains(r, "eof") || strings.Contains(r, "reset") || strings.Contains(r, "closed network connection")
}

func shorten(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}
