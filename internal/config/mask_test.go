package config

import (
	"crypto/sha256"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

// Every form a ${VAR} value takes in text is masked, in text that parses as
// a URL or not; settings and short values are left alone.
func TestMaskSecrets(t *testing.T) {
	const token = "S3cr/t+ &=?#%x;ü"
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
		check.NormalizeTarget("https://127.0.0.1/?token=" + url.QueryEscape(token)),
		check.NormalizeTarget("https://127.0.0.1/" + token),
		check.NormalizeTarget("https://127.0.0.1/%zz?token=" + token),
		(&url.URL{Scheme: "https", Host: "127.0.0.1", Path: "/" + token}).String(),
	} {
		got := cfg.Mask(text)
		for _, leak := range []string{"s3cr", "lit3ral", "p#ss"} {
			if strings.Contains(strings.ToLower(got), leak) {
				t.Errorf("Mask(%q) = %q: %q is left", text, got, leak)
			}
		}
		if !strings.Contains(got, "***") {
			t.Errorf("Mask(%q) = %q: nothing masked", text, got)
		}
	}
	// A secret without letters or digits is masked too.
	sym, err := Parse("vigie.yaml", []byte("web:\n  headers: {X-K: \"${SYM}\"}\n"), env(map[string]string{"SYM": "#%&/?=+ ;"}))
	if err != nil {
		t.Fatal(err)
	}
	if got := sym.Mask("q=" + url.QueryEscape("#%&/?=+ ;") + " raw #%&/?=+ ;"); got != "q=*** raw ***" {
		t.Errorf("symbols only: %q", got)
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
		vars[fmt.Sprintf("T%d", i)] = fmt.Sprintf("%x", sha256.Sum256([]byte{byte(i)}))[:32] // an API token
	}
	cfg, err := Parse("vigie.yaml", []byte(src.String()), env(vars))
	if err != nil {
		b.Fatal(err)
	}
	clean := strings.Repeat("the page at https://127.0.0.1/3 sets a cookie without Secure; ", 3)
	leaky := clean + "https://127.0.0.1/3?token=" + vars["T3"]
	b.Run("no secret in the text", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = cfg.Mask(clean)
		}
	})
	b.Run("a secret in the text", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = cfg.Mask(leaky)
		}
	})
	b.Run("config without secrets", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = Defaults().Mask(leaky)
		}
	})
}

// A secret a server echoes in another case (upper-cased, title-cased,
// mixed) is masked too; a value shorter than MinMasked still is not.
func TestMaskSecretsInAnyCase(t *testing.T) {
	src := "web:\n  headers: {Authorization: \"Bearer ${TOKEN}\", X-Short: \"${SHORT}\"}\n  targets: [\"https://127.0.0.1/\"]\n"
	cfg, err := Parse("vigie.yaml", []byte(src), env(map[string]string{"TOKEN": "s3cr3tT0kenValue42", "SHORT": "abc"}))
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"pass=S3CR3TT0KENVALUE42", "pass=s3cr3tt0kenvalue42", "pass=S3cr3tt0kenvalue42",
		"pass=s3CR3tT0KENvalue42", "AUTHORIZATION: BEARER S3CR3TT0KENVALUE42", "?t=S3CR3TT0KENVALUE42&u=1"} {
		if got := cfg.Mask(text); strings.Contains(strings.ToLower(got), "s3cr3t") || !strings.Contains(got, "***") {
			t.Errorf("Mask(%q) = %q", text, got)
		}
	}
	if got := cfg.Mask("ABC abc Abc"); got != "ABC abc Abc" {
		t.Errorf("a value shorter than %d is masked: %q", MinMasked, got)
	}
}

// A secret a server echoes escaped in a way of its own (a raw space and
// slash beside lower-case escapes, + for a space beside %2F) is found in
// the text unescaped; text with escapes and no secret is left as it was.
func TestMaskSecretsEscapedAnyWay(t *testing.T) {
	src := "web:\n  headers: {X-Token: \"${TOKEN}\"}\n  targets: [\"https://127.0.0.1/\"]\n"
	cfg, err := Parse("vigie.yaml", []byte(src), env(map[string]string{"TOKEN": "s3cr3t T0ken/Vä"}))
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"ends at http://127.0.0.1:18095/login?token=s3cr3t T0ken/V%c3%a4",
		"ends at http://127.0.0.1:18095/login?token=s3cr3t+T0ken/V%C3%A4&x=1",
		"ends at http://127.0.0.1:18095/login?token=s3cr3t%20T0ken%2fV%c3%a4",
		"/login/s3cr3t%20T0ken/V%C3%A4 and %zz",
	} {
		if got := cfg.Mask(text); strings.Contains(strings.ToLower(got), "s3cr3t") || !strings.Contains(got, "***") {
			t.Errorf("Mask(%q) = %q", text, got)
		}
	}
	if got := cfg.Mask("/x?t=s3cr3t%20T0ken%2FV%C3%A4&c=%9B2J"); strings.Contains(got, "\x9b") || !strings.Contains(got, "***") {
		t.Errorf("a decoded byte that is no UTF-8 is left raw: %q", got)
	}
	for _, text := range []string{"https://127.0.0.1/a%20b?q=1+2&r=%zz%", "100% sure", "%", "50%2"} {
		if got := cfg.Mask(text); got != text {
			t.Errorf("Mask(%q) = %q: text without the secret changed", text, got)
		}
	}
}
