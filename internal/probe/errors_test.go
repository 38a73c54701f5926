package probe

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestClassify(t *testing.T) {
	wrap := func(msg string) error { return &url.Error{Op: "Get", URL: "http://x", Err: errors.New(msg)} }
	cases := []struct {
		err       error
		kind, msg string
		transient bool
	}{
		{fmt.Errorf("dial: %w", context.DeadlineExceeded), KindTimeout, "no answer within 5s", false},
		{wrap("net/http: request canceled (Client.Timeout exceeded while awaiting headers)"), KindTimeout, "no answer within 5s", false},
		{wrap(`cause="port closed or filtered" chain="connection refused"`), KindRefused, "connection refused", false},
		{wrap("dial tcp: lookup nowhere.invalid: no such host"), KindDNS, "does not resolve", false},
		{wrap("tls: first record does not look like a TLS handshake"), KindTLS, "first record", false},
		{wrap("EOF"), KindProtocol, "closed or garbled", true},
		{wrap("read: connection reset by peer"), KindProtocol, "reset", true},
		{wrap("malformed HTTP response \"\\x00\""), KindProtocol, "malformed", false},
		{context.Canceled, KindOther, "cancelled", false},
	}
	for _, tc := range cases {
		kind, reason := classify(tc.err, 5*time.Second)
		if kind != tc.kind || !strings.Contains(reason.EN, tc.msg) || reason.FR == "" || strings.Contains(reason.EN, "http://x") {
			t.Errorf("classify(%v) = %s %+v, want %s %q", tc.err, kind, reason, tc.kind, tc.msg)
		}
		if transient(kind, reason) != tc.transient {
			t.Errorf("transient(%v) = %v", tc.err, !tc.transient)
		}
	}
}
