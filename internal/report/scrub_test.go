package report

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/textenc"
)

type cookie struct {
	Name   string
	Secure bool
}

func TestScrubRemovesTerminalControlsAndSecrets(t *testing.T) {
	hostile := "Acme\x1b]0;owned\a\x1b[2J\rfake\u202eabc"
	mask := strings.NewReplacer("tok3n-s3cret", "***").Replace
	orig := map[string]any{
		"processor": hostile,
		"names":     []string{"ok", "x\x1b[31my"},
		"nested":    map[string]any{"url": "https://h/?t=tok3n-s3cret"},
		"cookies":   []cookie{{Name: "sid\x1b[0m"}},
		"count":     3,
	}
	f := check.Finding{CheckID: "X", Target: "inv.csv#" + hostile, Message: check.Text{EN: hostile, FR: hostile}, Evidence: orig}
	got := Scrubber{Mask: mask}.Finding(f)

	out, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	r := Report{Targets: []Target{{Name: got.Target, Family: check.FamilyContracts, Completed: true}}, Findings: []check.Finding{got}}
	if err := (Table{}).Write(context.Background(), &buf, r); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"json": string(out), "table": buf.String()} {
		for _, bad := range []string{"\x1b", "\a", "\r", "\u202e", "\\u001b", "\\u0007", "tok3n-s3cret"} {
			if strings.Contains(text, bad) {
				t.Errorf("%s output holds %q:\n%s", name, bad, text)
			}
		}
	}
	if !strings.Contains(got.Message.EN, "owned") || got.Evidence["count"] != 3 {
		t.Errorf("cleaning lost text: %q %v", got.Message.EN, got.Evidence)
	}
	// The caller's evidence is untouched: writers never mutate what they are given.
	if orig["processor"] != hostile || orig["names"].([]string)[1] != "x\x1b[31my" || orig["cookies"].([]cookie)[0].Name != "sid\x1b[0m" {
		t.Errorf("the original evidence was changed: %#v", orig)
	}
}

func TestScrubKeepsCleanTextAndLineBreaks(t *testing.T) {
	s := "Article 28 — « sous-traitant »\n\tp. 2, § 7 ✓"
	if got := (Scrubber{}).Clean(s); got != s {
		t.Errorf("Clean(%q) = %q", s, got)
	}
	ev := map[string]any{"a": []string{"x"}}
	f := Scrubber{}.Finding(check.Finding{Evidence: ev})
	if f.Evidence["a"].([]string)[0] != "x" {
		t.Errorf("evidence changed: %v", f.Evidence)
	}
}

// BenchmarkScrubCleanFinding is the cost per finding of the scrubbing every
// finding goes through: without secrets, and with ten API tokens masked in
// any case, in a finding that holds none and in one that echoes a token
// upper-cased.
func BenchmarkScrubCleanFinding(b *testing.B) {
	f := check.Finding{Target: "https://shop.example.com/", Message: check.Text{EN: "HSTS missing", FR: "HSTS absent"},
		Evidence: map[string]any{"url": "https://shop.example.com/", "cookies": []string{"a", "b"}, "n": 3}}
	var pairs []string
	for i := range 10 {
		token := fmt.Sprintf("%x", sha256.Sum256([]byte{byte(i)}))[:32]
		pairs = append(pairs, token, "***", "Bearer "+token, "***")
	}
	mask := textenc.NewFoldReplacer(pairs...).Replace
	leaky := f
	leaky.Message = check.Text{EN: "X-Powered-By: PHP/8.1 pass=" + strings.ToUpper(pairs[12]), FR: "X-Powered-By : PHP/8.1 pass=" + strings.ToUpper(pairs[12])}
	for _, c := range []struct {
		name string
		sc   Scrubber
		f    check.Finding
	}{{"no secrets", Scrubber{}, f}, {"ten secrets, none in the finding", Scrubber{Mask: mask}, f}, {"ten secrets, one echoed upper-cased", Scrubber{Mask: mask}, leaky}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				c.sc.Finding(c.f)
			}
		})
	}
}
