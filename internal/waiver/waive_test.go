package waiver

import (
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

// Waiving twice (a shard's findings, waived by the shard, then by the
// merge) keeps the first waiver and the status the finding had.
func TestWaiveKeepsAnEarlierWaiver(t *testing.T) {
	w, err := Parse("w.yaml", []byte("waivers:\n  - check: WEB-HSTS-001\n    statement: accepted\n    expires: 2999-01-01\n"), func(string) bool { return true })
	if err != nil {
		t.Fatal(err)
	}
	live, _ := w.At(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	fs := []check.Finding{{CheckID: "WEB-HSTS-001", Target: "https://a.example", Status: check.Fail}}
	live.Waive(fs, "shard.yaml")
	live.Waive(fs, "merge.yaml")
	if fs[0].Status != check.Waived || fs[0].Waiver == nil || fs[0].Waiver.Was != check.Fail || fs[0].Waiver.Source != "shard.yaml:2" {
		t.Errorf("waived twice: %s, %+v", fs[0].Status, fs[0].Waiver)
	}
}

// A target pattern's * runs over slashes: a URL is not a file path.
func TestTargetGlobSpansSlashes(t *testing.T) {
	for _, c := range []struct {
		pattern, target string
		want            bool
	}{
		{"https://intranet.*", "https://intranet.example.fr/", true},
		{"https://intranet.*", "https://intranet.example.fr/app/login", true},
		{"http://127.0.0.1:1808*", "http://127.0.0.1:18081/", true},
		{"https://intranet.*", "https://www.example.fr/intranet.html", false},
		{"https://*.example.fr/", "https://shop.example.fr/", true},
		{"https://?.example.fr/", "https://ab.example.fr/", false},
	} {
		if got := (Entry{Check: "X", Target: c.pattern}).matches(check.Finding{CheckID: "X", Target: c.target}); got != c.want {
			t.Errorf("%q on %q = %v, want %v", c.pattern, c.target, got, c.want)
		}
	}
}
