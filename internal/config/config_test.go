package config

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestExampleParses(t *testing.T) {
	cfg, err := Parse("example.yaml", []byte(Example), env(nil))
	if err != nil {
		t.Fatal(err)
	}
	// vigie init writes it: no site is scanned until the person names one,
	// and the examples are reserved names (www.example.fr is someone's domain).
	if len(cfg.Web.Targets) != 0 || cfg.Scan != Defaults().Scan {
		t.Errorf("example = %+v", cfg)
	}
	if strings.Contains(Example, "example.fr") || !strings.Contains(Example, "www.example.com") {
		t.Error("the example config names a real domain")
	}
}

func TestParseFull(t *testing.T) {
	src := `
version: 1
lang: fr
scan: {concurrency: 4, rate: 2.5, timeout: 1m30s, fail_on: HIGH, fail_under: 70}
output: {format: json, file: out.json}
web:
  targets:
    - shop.example.fr
    - name: staging
      http_url: http://127.0.0.1:8080
      https_url: https://127.0.0.1:8443
  ca_file: corp.pem
  max_redirects: 3
  headers:
    Authorization: "Bearer ${TOKEN}"
password: {}
contracts:
  inventory: processors.xlsx
  folder: contracts
  sheet: Sous-traitants
  columns: {processor: Nom du prestataire}
`
	cfg, err := Parse("vigie.yaml", []byte(src), env(map[string]string{"TOKEN": "s3cret-token"}))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Scan.Concurrency != 4 || cfg.Scan.Rate != 2.5 || time.Duration(cfg.Scan.Timeout) != 90*time.Second ||
		*cfg.Scan.FailUnder != 70 || cfg.Output.Format != "json" || *cfg.Web.MaxRedirects != 3 {
		t.Errorf("cfg = %+v", cfg)
	}
	if c := cfg.Contracts; c.Inventory != "processors.xlsx" || c.Folder != "contracts" || c.Sheet != "Sous-traitants" || c.Columns["processor"] != "Nom du prestataire" {
		t.Errorf("contracts = %+v", c)
	}
	if _, err := Parse("v.yaml", []byte("contracts: {invetory: x.csv}\n"), env(nil)); err == nil || !strings.Contains(err.Error(), "v.yaml:1") {
		t.Errorf("typo in contracts: %v", err)
	}
	tg := cfg.Web.Targets
	if len(tg) != 2 || tg[0].URL != "shop.example.fr" || tg[0].Line != 8 || tg[1].Name != "staging" || tg[1].HTTPSURL != "https://127.0.0.1:8443" || tg[1].Line != 9 {
		t.Errorf("targets = %+v", tg)
	}
	if got := cfg.Web.Headers["Authorization"]; got.Value() != "Bearer s3cret-token" {
		t.Errorf("header not expanded")
	}
	// The secret never prints, however the config is formatted.
	for _, s := range []string{fmt.Sprint(cfg), fmt.Sprintf("%+v", cfg), fmt.Sprintf("%#v", cfg), fmt.Sprint(cfg.Web.Headers)} {
		if strings.Contains(s, "s3cret") {
			t.Fatalf("secret printed: %s", s)
		}
	}
}

func TestErrorsNameFileLineAndKey(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"typo", "web:\n  tagrets: [a]\n", `vigie.yaml:2:3: web.tagrets: unknown key (did you mean "targets"?)`},
		{"top-level typo", "scna: {}\n", `vigie.yaml:1:1: scna: unknown key (did you mean "scan"?)`},
		{"wrong type int", "scan:\n  concurrency: ten\n", `vigie.yaml:2:16: scan.concurrency: expected a whole number, got "ten"`},
		{"wrong type list", "web:\n  targets: shop.example.fr\n", `vigie.yaml:2:12: web.targets: expected a list`},
		{"bad duration", "scan:\n  timeout: 10 seconds\n", `not a duration`},
		{"nested typo", "web:\n  targets:\n    - nmae: x\n", `vigie.yaml:3:7: web.targets[0].nmae: unknown key (did you mean "name"?)`},
		{"duplicate", "lang: en\nlang: fr\n", `vigie.yaml:2:1`},
		{"missing env", "web:\n  headers:\n    X-Token: ${NOPE}\n", `vigie.yaml:3:14: environment variable NOPE is not set`},
		{"syntax", "web: [\n", `vigie.yaml:1: did not find expected node content`},
		{"bad severity", "scan: {fail_on: severe}\n", `vigie.yaml:1:17: scan.fail_on: "severe" is not a severity; one of info, low, medium, high, critical`},
		{"severity typo", "scan: {fail_on: hihg}\n", `vigie.yaml:1:17: scan.fail_on: "hihg" is not a severity (did you mean "high"?)`},
		{"bad format", "output: {format: xml}\n", `output.format: "xml" is not one of table, json`},
		{"bad lang", "lang: de\n", `lang: unknown language "de"`},
		{"concurrency zero", "scan: {concurrency: 0}\n", `scan.concurrency: must be at least 1`},
		{"fail_under range", "scan: {fail_under: 120}\n", `between 0 and 100`},
		{"leads typo", "leads:\n  sourcse: x\n", `vigie.yaml:2:3: leads.sourcse: unknown key (did you mean "sources"?)`},
		{"password typo", "password:\n  polices: [a.yaml]\n", `vigie.yaml:2:3: password.polices: unknown key (did you mean "policies"?)`},
		{"half explicit target", "web:\n  targets:\n    - http_url: http://a\n", `vigie.yaml:3: web.targets[0]: http_url and https_url go together`},
		{"version", "version: 2\n", `version: 2 is not supported`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("vigie.yaml", []byte(tc.src), env(nil))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v\nwant it to contain %s", err, tc.want)
			}
		})
	}
}

func TestSecretNotInErrors(t *testing.T) {
	_, err := Parse("vigie.yaml", []byte("web:\n  headers:\n    X: ${TOKEN}\n  max_redirects: ${TOKEN}\n"), env(map[string]string{"TOKEN": "hunter2"}))
	if err == nil || strings.Contains(err.Error(), "hunter2") || !strings.Contains(err.Error(), "a value from the environment") {
		t.Fatalf("error = %v", err)
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	if _, err := Load(filepath.Join(dir, "missing.yaml"), env(nil)); err == nil || !strings.Contains(err.Error(), "missing.yaml") {
		t.Errorf("missing file error = %v", err)
	}
	big := filepath.Join(dir, "big.yaml")
	os.WriteFile(big, []byte(strings.Repeat("# padding\n", MaxSize/10+1)), 0o600)
	if _, err := Load(big, env(nil)); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("oversized file error = %v", err)
	}
	empty := filepath.Join(dir, "empty.yaml")
	os.WriteFile(empty, nil, 0o600)
	if cfg, err := Load(empty, env(nil)); err != nil || cfg.Scan.Concurrency != Defaults().Scan.Concurrency || cfg.Scan.HostRate != 200 || cfg.Scan.Rate != 0 {
		t.Errorf("empty file = %+v, %v", cfg, err)
	}
}
