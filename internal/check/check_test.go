package check

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestFingerprintFoldsSpellings(t *testing.T) {
	same := []string{"https://Shop.Example.fr", "https://shop.example.fr:443/", "HTTPS://shop.example.fr/", " https://shop.example.fr?utm=x#top "}
	want := Fingerprint("WEB-HSTS-001", same[0])
	for _, s := range same[1:] {
		if got := Fingerprint("WEB-HSTS-001", s); got != want {
			t.Errorf("Fingerprint(%q) = %s, want %s (same target as %q)", s, got, want, same[0])
		}
	}
	for _, other := range []string{"https://shop.example.fr:8443", "http://shop.example.fr", "https://shop.example.fr/admin"} {
		if Fingerprint("WEB-HSTS-001", other) == want {
			t.Errorf("%q shares a fingerprint with %q", other, same[0])
		}
	}
	if Fingerprint("WEB-HTTPS-001", same[0]) == want {
		t.Error("two checks on one target share a fingerprint")
	}
	if NormalizeTarget("./policies//pwd.yaml") != "policies/pwd.yaml" {
		t.Errorf("file targets are cleaned: %q", NormalizeTarget("./policies//pwd.yaml"))
	}
	if NormalizeTarget("https://x.fr/s?q=a") == NormalizeTarget("https://x.fr/s?q=b") {
		t.Error("targets that differ by their query are folded into one")
	}
	if a, b := NormalizeTarget("https://x.fr/s?b=2&a=1"), NormalizeTarget("HTTPS://X.fr:443/s/?a=1&b=2#top"); a != b {
		t.Errorf("one page written two ways: %q != %q", a, b)
	}
	if got := NormalizeTarget("https://u:p@x.fr/"); strings.Contains(got, "p@") {
		t.Errorf("credentials kept in %q", got)
	}
}

func TestLang(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		vars map[string]string
		want Lang
	}{
		{nil, EN},
		{map[string]string{"LANG": "fr_FR.UTF-8"}, FR},
		{map[string]string{"LANG": "fr_FR.UTF-8", "LC_ALL": "C"}, EN},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_MESSAGES": "fr_CA"}, FR},
		{map[string]string{"LANG": "de_DE.UTF-8"}, EN},
	}
	for _, tc := range cases {
		if got := LangFromEnv(env(tc.vars)); got != tc.want {
			t.Errorf("LangFromEnv(%v) = %s, want %s", tc.vars, got, tc.want)
		}
	}
	if _, err := ParseLang("de"); err == nil {
		t.Error("ParseLang(de) accepted")
	}
	if (Text{EN: "yes"}).In(FR) != "yes" || (Text{EN: "yes", FR: "oui"}).In(FR) != "oui" {
		t.Error("Text.In")
	}
}

func TestSeverityJSON(t *testing.T) {
	b, _ := json.Marshal(High)
	if string(b) != `"high"` {
		t.Fatalf("marshal = %s", b)
	}
	var s Severity
	if err := json.Unmarshal([]byte(`"CRITICAL"`), &s); err != nil || s != Critical {
		t.Fatalf("unmarshal = %v, %v", s, err)
	}
	if err := json.Unmarshal([]byte(`"severe"`), &s); err == nil {
		t.Fatal("unknown severity accepted")
	}
	if Critical.Label(FR) != "critique" || Severity(9).Valid() {
		t.Error("labels or validity")
	}
}

func TestGrades(t *testing.T) {
	if Grade("E").Worse("B") != "E" || Grade("A+").Worse("F") != "F" || Grade("Z").Valid() {
		t.Error("grade ordering")
	}
}

type ev struct{}

func (ev) TargetName() string { return "t" }

func TestTypedRejectsForeignEvidence(t *testing.T) {
	c := Typed[ev]{M: Meta{ID: "WEB-X-001"}, Fn: func(ev) Outcome { return Outcome{Status: Pass} }}
	if f := c.Evaluate(ev{}); f.Status != Pass || f.Target != "t" || f.Fingerprint == "" {
		t.Errorf("own evidence: %+v", f)
	}
	if f := c.Evaluate(42); f.Status != Error || !strings.Contains(f.Message.EN, "int") || f.Message.FR == "" {
		t.Errorf("foreign evidence: %+v", f)
	}
}

func TestTextfRendersTextArgumentsPerLanguage(t *testing.T) {
	got := Textf("expires in %s", "expire dans %s", Days(1))
	if got.EN != "expires in 1 day" || got.FR != "expire dans 1 jour" {
		t.Errorf("%+v", got)
	}
	if d := Days(12); d.EN != "12 days" || d.FR != "12 jours" {
		t.Errorf("%+v", d)
	}
}
