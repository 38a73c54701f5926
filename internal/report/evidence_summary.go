package report

import (
	"encoding/json"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

const (
	evidenceKeys  = 20
	evidenceRunes = 200
)

// evidenceSummary is a finding's evidence as "key: value" lines, keys sorted,
// at most 20 keys and 200 characters a value, for formats read as text.
func evidenceSummary(l check.Lang, ev map[string]any) string {
	if len(ev) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("\n\n" + tr(l, "Evidence:", "Preuves :"))
	keys := sortedKeys(ev)
	for i, k := range keys {
		if i == evidenceKeys {
			b.WriteString("\n  … " + tr(l, "and more", "et d'autres"))
			break
		}
		// A long text is cut inside its quotes, so the value still reads as one.
		val := ev[k]
		switch t := val.(type) { // said in both languages: the reader's
		case check.Text:
			val = t.In(l)
		case []check.Text:
			in := make([]string, len(t))
			for i := range t {
				in[i] = t[i].In(l)
			}
			val = in
		}
		if str, ok := val.(string); ok {
			val = mdCut(str, evidenceRunes)
		}
		v, err := json.Marshal(val)
		if err != nil {
			v = []byte("?")
		}
		b.WriteString("\n  " + check.EvidenceLabel(k, l) + tr(l, ": ", " : ") + mdCut(string(v), evidenceRunes+2))
	}
	return b.String()
}
