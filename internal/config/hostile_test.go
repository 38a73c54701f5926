package config

import (
	"strings"
	"testing"
)

// Values from the environment are never echoed by an error, whatever key
// they were put in by mistake: the error shows the ${VAR} as written.
func TestEnvValuesNotEchoedInErrors(t *testing.T) {
	const secret = "hunter2-Secret"
	cases := []struct{ name, src string }{
		{"timeout", "scan:\n  timeout: ${S}\n"},
		{"timeout too long", "scan:\n  timeout: ${LONG}\n"},
		{"format", "output:\n  format: ${S}\n"},
		{"lang", "lang: ${S}\n"},
		{"fail_on", "scan:\n  fail_on: ${S}\n"},
		{"format in text", "output:\n  format: x-${S}\n"},
		{"unknown key", "scan:\n  ${S}: 1\n"},
		{"header name", "web:\n  headers:\n    ${S}: \"a\\nb\"\n"},
		{"header name with space", "web:\n  headers:\n    \"${S} x\": v\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("vigie.yaml", []byte(tc.src), env(map[string]string{"S": secret, "LONG": "2562047h"}))
			if err == nil {
				t.Fatal("accepted")
			}
			if strings.Contains(err.Error(), secret) || strings.Contains(err.Error(), "2562047") {
				t.Fatalf("the value is echoed: %v", err)
			}
			if !strings.Contains(err.Error(), "vigie.yaml:") || !strings.Contains(err.Error(), "${") && !strings.Contains(err.Error(), "from the environment") {
				t.Fatalf("the error does not say where or what: %v", err)
			}
		})
	}
}

// Hostile numbers are refused with the key and the accepted range.
func TestScanLimits(t *testing.T) {
	cases := []struct{ src, want string }{
		{"scan: {timeout: 2562047h}\n", "vigie.yaml:1: scan.timeout: must be positive and at most 1h, got 2562047h"},
		{"scan: {timeout: 0s}\n", "scan.timeout: must be positive"},
		{"scan: {timeout: -5s}\n", "scan.timeout: must be positive"},
		{"scan: {timeout: 9999999h}\n", "vigie.yaml:1:17: scan.timeout: \"9999999h\" is not a duration"},
		{"scan: {rate: .nan}\n", "scan.rate: must be 0 (unlimited) or more"},
		{"scan: {rate: .inf}\n", "scan.rate:"},
		{"scan: {rate: -1}\n", "scan.rate:"},
		{"scan: {rate: 1e9}\n", "at most 10000"},
		{"scan: {concurrency: 100000}\n", "scan.concurrency: must be at least 1 and at most 1000"},
		{"scan: {concurrency: -9223372036854775808}\n", "scan.concurrency:"},
		{"web: {max_redirects: 51}\n", "web.max_redirects: must be between 0 and 50"},
	}
	for _, tc := range cases {
		_, err := Parse("vigie.yaml", []byte(tc.src), env(nil))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error = %v, want %q", strings.TrimSpace(tc.src), err, tc.want)
		}
	}
	if _, err := Parse("vigie.yaml", []byte("scan: {timeout: 1h, rate: 0, concurrency: 1000}\n"), env(nil)); err != nil {
		t.Errorf("the limits themselves are accepted: %v", err)
	}
}

// web.headers and a target's headers are real header lines or refused.
func TestHeadersValidated(t *testing.T) {
	cases := []struct{ name, headers, want string }{
		{"space in name", `"X Api": v`, `vigie.yaml:3:5: web.headers.X Api: "X Api" is not a header name`},
		{"colon in name", `"X:Api": v`, `is not a header name`},
		{"empty name", `"": v`, `is not a header name`},
		{"CRLF in value", `X-Api: "a\r\nHost: evil"`, `vigie.yaml:3:12: web.headers.X-Api: the value holds a line break`},
		{"LF in value from env", `X-Api: "${NL}"`, `line break`},
		{"NUL", `X-Api: "a\0b"`, `NUL`},
		{"host", `host: evil.example`, `web.headers.host: Host is set by the HTTP client`},
		{"content-length", `Content-Length: "5"`, `Content-Length is set by the HTTP client`},
		{"transfer-encoding", `Transfer-Encoding: chunked`, `Transfer-Encoding is set`},
		{"connection", `Connection: close`, `Connection is set`},
		{"twice in two cases", "X-Api: a\n    x-api: b", `vigie.yaml:4:5: web.headers.x-api: header X-Api is already given on line 3`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := "web:\n  headers:\n    " + tc.headers + "\n"
			_, err := Parse("vigie.yaml", []byte(src), env(map[string]string{"NL": "a\nb"}))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v\nwant %s", err, tc.want)
			}
			// The same header on a target is refused the same way.
			src = "web:\n  targets:\n    - url: https://127.0.0.1/\n      headers:\n        " + strings.ReplaceAll(tc.headers, "\n    ", "\n        ") + "\n"
			if _, err := Parse("vigie.yaml", []byte(src), env(map[string]string{"NL": "a\nb"})); err == nil || !strings.Contains(err.Error(), "web.targets[0].headers") {
				t.Fatalf("on a target: error = %v", err)
			}
		})
	}
	cfg, err := Parse("vigie.yaml", []byte("web:\n  headers: {X-Api-Key: \"${K}\", Authorization: Bearer x}\n  targets:\n    - url: https://127.0.0.1/\n      headers: {X-Staging: \"${K}\"}\n"), env(map[string]string{"K": "k3y-value"}))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Web.Targets[0].Headers["X-Staging"].Value() != "k3y-value" || cfg.Web.Headers["X-Api-Key"].Value() != "k3y-value" {
		t.Errorf("headers = %v / %v", cfg.Web.Headers, cfg.Web.Targets[0].Headers)
	}
}

// Two targets under one name would mix in history: refused, naming both lines.
func TestDuplicateTargetNames(t *testing.T) {
	src := "web:\n  targets:\n    - name: shop\n      url: https://127.0.0.1/a\n    - https://127.0.0.1/b\n    - name: shop\n      url: https://127.0.0.1/c\n"
	_, err := Parse("vigie.yaml", []byte(src), env(nil))
	if err == nil || !strings.Contains(err.Error(), `vigie.yaml:6: web.targets[2]: name "shop" is already the name of web.targets[0] (line 3)`) {
		t.Fatalf("error = %v", err)
	}
}

// Config keeps targets that differ only by their query string (the plan dedups, not the config).
func TestTargetsDifferingByQueryKept(t *testing.T) {
	cfg, err := Parse("vigie.yaml", []byte("web:\n  targets: [\"https://127.0.0.1/?a=1\", \"https://127.0.0.1/?a=2\"]\n"), env(nil))
	if err != nil || len(cfg.Web.Targets) != 2 {
		t.Fatalf("targets = %+v, %v", cfg.Web.Targets, err)
	}
}
