package probe

import (
	"strings"
	"testing"
)

func TestParseTarget(t *testing.T) {
	cases := []struct {
		in, http, https, host string
	}{
		{"shop.example.fr", "http://shop.example.fr/", "https://shop.example.fr/", "shop.example.fr"},
		{" https://Shop.Example.fr/login ", "http://Shop.Example.fr/login", "https://Shop.Example.fr/login", "Shop.Example.fr"},
		{"https://127.0.0.1:8443", "http://127.0.0.1/", "https://127.0.0.1:8443/", "127.0.0.1"},
		{"http://127.0.0.1:8080/", "http://127.0.0.1:8080/", "https://127.0.0.1/", "127.0.0.1"},
		{"HTTP://[::1]:8080", "http://[::1]:8080/", "https://[::1]/", "::1"},
		{"example.fr:8443", "http://example.fr/", "https://example.fr:8443/", "example.fr"},
	}
	for _, tc := range cases {
		got, err := ParseTarget(tc.in)
		if err != nil {
			t.Errorf("ParseTarget(%q): %v", tc.in, err)
			continue
		}
		if got.HTTPURL != tc.http || got.HTTPSURL != tc.https || got.Host != tc.host {
			t.Errorf("ParseTarget(%q) = %+v", tc.in, got)
		}
	}
}

func TestParseTargetRejects(t *testing.T) {
	for in, want := range map[string]string{
		"":                          "empty",
		"ftp://example.fr":          "scheme",
		"https://user:s3cret@x.fr/": "credentials",
		"https://exa mple.fr":       "whitespace",
		"https://example.fr:99999":  "port",
		"https://:8443":             "no host",
		"http://[::1":               "not a URL",
	} {
		_, err := ParseTarget(in)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseTarget(%q) error = %v, want it to mention %q", in, err, want)
		}
		if err != nil && strings.Contains(err.Error(), "s3cret") {
			t.Errorf("error leaks the password: %v", err)
		}
	}
}

func TestExplicitTarget(t *testing.T) {
	got, err := ExplicitTarget("shop", "http://127.0.0.1:8080", "https://127.0.0.1:8443")
	if err != nil || got.HTTPURL != "http://127.0.0.1:8080/" || got.HTTPSURL != "https://127.0.0.1:8443/" || got.Name != "shop" {
		t.Fatalf("ExplicitTarget = %+v, %v", got, err)
	}
	if _, err := ExplicitTarget("x", "https://a", "https://b"); err == nil {
		t.Error("swapped schemes accepted")
	}
}
