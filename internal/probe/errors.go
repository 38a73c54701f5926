package probe

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// Kinds of failure a probe reports, so checks and people can tell them apart.
const (
	KindRefused  = "refused"
	KindTimeout  = "timeout"
	KindDNS      = "dns"
	KindTLS      = "tls"
	KindProtocol = "protocol"
	KindOther    = "other"
)

// classify turns a client error into a kind and a readable reason.
func classify(err error, timeout time.Duration) (kind, reason string) {
	msg := err.Error()
	var ue *url.Error
	if errors.As(err, &ue) {
		msg = ue.Err.Error()
	}
	low := strings.ToLower(msg)
	switch {
	case errors.Is(err, context.DeadlineExceeded) || strings.Contains(low, "timeout") || strings.Contains(low, "deadline exceeded"):
		return KindTimeout, fmt.Sprintf("no answer within %s", timeout)
	case errors.Is(err, context.Canceled):
		return KindOther, "cancelled"
	case strings.Contains(low, "connection refused"):
		return KindRefused, "connection refused"
	case strings.Contains(low, "no such host") || strings.Contains(low, "could not resolve") || strings.Contains(low, "no address found"):
		return KindDNS, "host name does not resolve"
	case strings.Contains(low, "tls") || strings.Contains(low, "x509") || strings.Contains(low, "handshake"):
		return KindTLS, "TLS handshake failed: " + shorten(msg)
	case strings.Contains(low, "eof") || strings.Contains(low, "reset by peer") || strings.Contains(low, "malformed") ||
		strings.Contains(low, "closed network connection") || strings.Contains(low, "broken pipe"):
		return KindProtocol, "connection closed or garbled: " + shorten(msg)
	}
	return KindOther, shorten(msg)
}

// transient errors are worth one more try: under load the client closes
// some of its own connections and the request comes back empty.
func transient(kind, reason string) bool {
	if kind != KindProtocol {
		return false
	}
	r := strings.ToLower(reason)
	return strings.Contains(r, "eof") || strings.Contains(r, "reset") || strings.Contains(r, "closed network connection")
}

func shorten(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}
