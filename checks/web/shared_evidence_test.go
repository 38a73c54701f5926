package web

import (
	"reflect"
	"testing"
)

// Shared evidence reads the same as evidence made per finding; findings
// hold one copy, and a finding that adds to it adds to its own.
func TestSharedEvidence(t *testing.T) {
	e := good()
	e.TLS.Suites = append(e.TLS.Suites, "TLS_RSA_WITH_RC4_128_SHA")
	checks := []func(Evidence) map[string]any{
		func(e Evidence) map[string]any { return evalOldTLS(e).Evidence },
		func(e Evidence) map[string]any { return evalModernTLS(e).Evidence },
		func(e Evidence) map[string]any { return evalBrokenCiphers(e).Evidence },
		func(e Evidence) map[string]any { return evalForwardSecrecy(e).Evidence },
		func(e Evidence) map[string]any { return evalInsecureSuites(e).Evidence },
	}
	shared := e
	shared.TLS.Share()
	for i, c := range checks {
		if own, got := c(e), c(shared); !reflect.DeepEqual(own, got) {
			t.Errorf("check %d: shared %v, own %v", i, got, own)
		}
	}
	if a, b := evalOldTLS(shared).Evidence, evalSSLv2(shared).Evidence; reflect.ValueOf(a).Pointer() != reflect.ValueOf(b).Pointer() {
		t.Error("two protocol findings hold two copies")
	}
	if _, ok := shared.TLS.shared.suites["offending_suites"]; ok {
		t.Error("a failing suite check wrote into the shared evidence")
	}
}
