package tui

import (
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

// The detail shows evidence values as a person reads them: a map as sorted
// pairs, not Go's map[below:1 …], and vigie's own words in French.
func TestDetailEvidenceValuesRead(t *testing.T) {
	for _, c := range []struct {
		lang check.Lang
		want []string
	}{
		{check.EN, []string{"below 1, fast 2, ok 2, plain 1", "missing"}},
		{check.FR, []string{"sous le minimum 1, rapide 2, correct 2, en clair 1", "absent", "33,3 %"}}, // the wrap makes the no-break space a space,
	} {
		m := sized(Options{Lang: c.lang, Report: sampleReport()}, 80, 24)
		f := m.ctx.report.Findings[0]
		f.Evidence = map[string]any{"grades": map[string]int{"below": 1, "fast": 2, "ok": 2, "plain": 1},
			"level": "missing", "share_percent": "33.3%"}
		got := newDetailModel(m.ctx, f).content()
		if strings.Contains(got, "map[") {
			t.Errorf("%s: a Go map shown:\n%s", c.lang, got)
		}
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q not in the detail:\n%s", c.lang, w, got)
			}
		}
	}
}
