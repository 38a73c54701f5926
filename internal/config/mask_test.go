package config

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
)

// Every form a ${VAR} value takes in text is masked, in text that parses as
// a URL or not; settings and short values are left alone.
func TestMaskSecrets(t *testing.T) {
	const token = "s3cr/t+ &=?#%x"
	src := "output: {format: \"${FMT}\"}\nweb:\n  headers: {X-Api-Key: lit3ral-key}\n  targets:\n" +
		"    - \"https://127.0.0.1/?token=${TOKEN}\"\n    - \"https://127.0.0.1/${SHORT}\"\n" +
		"    - \"https://bob:p#ss/w?rd@127.0.0.1/\"\n"
	cfg, err := Parse("vigie.yaml", []byte(src), env(map[string]string{"TOKEN": token, "FMT": "json", "SHORT": "abc"}))
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"https://127.0.0.1/?token=" + token,
		"https://127.0.0.1/?token=" + url.QueryEscape(token),
		"https://127.0.0.1/" + url.PathEscape(token),
		"GET %zz not a url " + token + " and again " + token,
		fmt.Sprintf("error %q", "https://127.0.0.1/?token="+token),
		"header X-Api-Key: lit3ral-key",
		"https://bob:p#ss/w?rd@127.0.0.1/",
	} {
		got := cfg.Mask(text)
		for _, leak := range []string{token, url.QueryEscape(token), url.PathEscape(token), "s3cr", "lit3ral", "p#ss"} {
			if strings.Contains(got, leak) {
				t.Errorf("Mask(%q) = %q: %q is left", text, got, leak)
			}
		}
		if !strings.Contains(got, "***") {
			t.Errorf("Mask(%q) = %q: nothing masked", text, got)
		}
	}
	if got := cfg.Mask("report.json for abc"); got != "report.json for abc" {
		t.Errorf("a setting or a short value is masked: %q", got)
	}
	if got := cfg.Masker().Mask("?token=" + token); got != "?token=***" {
		t.Errorf("the shared masker: %q", got)
	}
}

func TestMaskWithoutSecrets(t *testing.T) {
	cfg, err := Parse("vigie.yaml", []byte("web:\n  targets: [https://127.0.0.1/]\n"), env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Masker() != nil || cfg.Mask("https://127.0.0.1/") != "https://127.0.0.1/" || Defaults().Mask("x") != "x" {
		t.Errorf("a config without secrets masks something")
	}
}

// BenchmarkMask is the cost per string the scan pays with ten secrets.
func BenchmarkMask(b *testing.B) {
	var src strings.Builder
	src.WriteString("web:\n  targets:\n")
	vars := map[string]string{}
	for i := range 10 {
		fmt.Fprintf(&src, "    - \"https://127.0.0.1/%d?token=${T%d}\"\n", i, i)
		vars[fmt.Sprintf("T%d", i)] = fmt.Sprintf("token-value-%d-%x", i, i*7919)
	}
	cfg, err := Parse("vigie.yaml", []byte(src.String()), env(vars))
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat("the page at https://127.0.0.1/3 sets a cookie without Secure; ", 3)
	b.ReportAllocs()
	for b.Loop() {
		_ = cfg.Mask(text)
	}
}
