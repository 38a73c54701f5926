package report_test

import (
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

// Evidence values a person reads: vigie's own words in the reader's
// language, maps as sorted "key value" pairs (never Go's map[…] syntax),
// decimals and percentages as the reader writes them.
func TestEvidenceText(t *testing.T) {
	cases := []struct {
		v      any
		en, fr string
	}{
		{map[string]int{"plain": 1, "ok": 2, "fast": 2, "below": 1}, "below 1, fast 2, ok 2, plain 1",
			"sous le minimum 1, rapide 2, correct 2, en clair 1"},
		{map[string]string{"TLS 1.0": "refused", "TLS 1.3": "accepted"}, "TLS 1.0 refused, TLS 1.3 accepted",
			"TLS 1.0 refusé, TLS 1.3 accepté"},
		{"missing", "missing", "absent"},
		{"none found", "none found", "aucune trouvée"},
		{"33.3%", "33.3%", "33,3\u00a0%"},
		{"https://x.example/a%20b", "https://x.example/a%20b", "https://x.example/a%20b"},
		{12.7, "12.7", "12,7"},
		{true, "yes", "oui"},
		{[]string{"a", "b"}, "a, b", "a, b"},
		{check.Text{EN: "plain text", FR: "texte en clair"}, "plain text", "texte en clair"},
		{nil, "—", "—"},
	}
	for _, c := range cases {
		if got := report.EvidenceText(c.v, check.EN); got != c.en {
			t.Errorf("EN %#v: %q, want %q", c.v, got, c.en)
		}
		if got := report.EvidenceText(c.v, check.FR); got != c.fr {
			t.Errorf("FR %#v: %q, want %q", c.v, got, c.fr)
		}
	}
	// A contract's sentence is the document's words: quoted, not translated.
	if got := report.EvidenceEntry("sentence", "The Processor shall not", check.FR); got != "«\u00a0The Processor shall not\u00a0»" {
		t.Errorf("EvidenceEntry(sentence, FR) = %q", got)
	}
	if got := report.EvidenceEntry("level", "missing", check.FR); got != "absent" {
		t.Errorf("EvidenceEntry(level, FR) = %q", got)
	}
	if got := report.EvidenceValue("specific", check.FR); got != "précis" {
		t.Errorf("EvidenceValue(specific, FR) = %q", got)
	}
}
