package probe

import (
	"net/http"
	"strings"
	"testing"
)

// Passwords holding characters that stop URL parsing (#, /, ?, %, a space)
// must be masked too: in ParseTarget's errors and in RedactURL.
func TestOddPasswordsAreNeverPrinted(t *testing.T) {
	for _, pw := range []string{"pa#ss", "pa/ss", "pa?ss", "pa%zzss", "pa ss", "p@ss", "pa:ss", "x/y?z#w%20v"} {
		raw := "https://admin:" + pw + "@shop.example.fr/login"
		_, err := ParseTarget(raw)
		if err == nil {
			t.Errorf("ParseTarget(%q) accepted credentials", raw)
			continue
		}
		for _, text := range []string{err.Error(), RedactURL(raw), RedactURL("GET " + raw + " failed: x")} {
			if strings.Contains(text, "admin") || strings.Contains(text, pw) {
				t.Errorf("password %q leaks: %s", pw, text)
			}
		}
		if got := RedactURL(raw); got != "https://***@shop.example.fr/login" {
			t.Errorf("RedactURL(%q) = %q", raw, got)
		}
	}
	// Without a scheme there is no "://" to start from: the target is still masked.
	if _, err := ParseTarget("admin:s3cret@shop.example.fr/x"); err == nil || strings.Contains(err.Error(), "s3cret") ||
		!strings.Contains(err.Error(), `"***@shop.example.fr/x"`) {
		t.Errorf("scheme-less credentials: %v", err)
	}
	for in, want := range map[string]string{
		"https://u:p@h/":                 "https://***@h/",
		"no URL here":                    "no URL here",
		"https://h/ and http://u:p@g:81": "https://h/ and http://***@g:81",
		`target "http://a:b@c/": nope`:   `target "http://***@c/": nope`,
	} {
		if got := RedactURL(in); got != want {
			t.Errorf("RedactURL(%q) = %q, want %q", in, got, want)
		}
	}
}

// Numeric hosts are read as browsers read them (WHATWG URL IPv4 parser).
func TestNumericHostsAreIPv4(t *testing.T) {
	for in, want := range map[string]string{
		"127.1":              "127.0.0.1",
		"2130706433":         "127.0.0.1",
		"0x7f.1":             "127.0.0.1",
		"0177.0.0.1":         "127.0.0.1",
		"0x7F000001":         "127.0.0.1",
		"127.0.1":            "127.0.0.1",
		"http://127.1:8080/": "127.0.0.1",
		"127.1.":             "127.0.0.1",
		"127.0.0.1":          "127.0.0.1",
		"0":                  "0.0.0.0",
	} {
		tg, err := ParseTarget(in)
		if err != nil {
			t.Errorf("ParseTarget(%q): %v", in, err)
			continue
		}
		if tg.Host != want || !strings.Contains(tg.HTTPSURL, "//"+want) || !strings.Contains(tg.HTTPURL, "//"+want) {
			t.Errorf("ParseTarget(%q) = host %q, %s, %s; want %s", in, tg.Host, tg.HTTPURL, tg.HTTPSURL, want)
		}
		if written := strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(in, "http://"), ":8080/"), "."); written != want {
			if !strings.Contains(tg.Note.EN, want) || !strings.Contains(tg.Note.FR, want) {
				t.Errorf("ParseTarget(%q) does not say how it read the host: %+v", in, tg.Note)
			}
		} else if tg.Note.EN != "" {
			t.Errorf("ParseTarget(%q) note = %q", in, tg.Note.EN)
		}
	}
	if tg, _ := ParseTarget("http://127.1:8080/x"); tg.HTTPURL != "http://127.0.0.1:8080/x" {
		t.Errorf("port or path lost: %s", tg.HTTPURL)
	}
	for _, in := range []string{"1.2.3.4.5", "256.1.1.1", "1.2.3.256", "4294967296", "0x1g.1", "example.1"} {
		if _, err := ParseTarget(in); err == nil {
			t.Errorf("ParseTarget(%q) accepted a number that is no IPv4 address", in)
		}
	}
	for _, in := range []string{"shop.example.fr", "1.example.fr", "0x7f.example", "[::1]"} {
		if tg, err := ParseTarget(in); err != nil || tg.Note.EN != "" {
			t.Errorf("ParseTarget(%q) = %+v, %v", in, tg, err)
		}
	}
}

// A malformed Location whose credentials run past the 200 bytes kept is
// redacted before it is cut: cut first, its "@" is gone and the password shows.
func TestLongLocationCredentialsRedacted(t *testing.T) {
	secret := "s3cr3t" + strings.Repeat("x", 250)
	resp := &http.Response{StatusCode: http.StatusFound, Header: http.Header{"Location": {"https://admin:" + secret + "%zz@evil.example/"}}}
	_, loc, err := (&Prober{}).nextHop("https://shop.example.fr/", resp)
	if err == nil {
		t.Fatalf("a malformed Location was followed: %q", loc)
	}
	if strings.Contains(loc, "s3cr3t") || strings.Contains(loc, "admin") {
		t.Errorf("Location kept with its credentials: %q", loc)
	}
}
