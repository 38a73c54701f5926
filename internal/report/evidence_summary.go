package report

import (
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

const (
	evidenceKeys  = 20
	evidenceRunes = 200
)

// evidenceSummary is a finding's evidence as "key: value" lines, keys sorted,
// at most 20 keys and 200 characters a value, for formats read as text;
// values as EvidenceText writes them for the reader.
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
		b.WriteString("\n  " + check.EvidenceLabel(k, l) + tr(l, ": ", " : ") + mdCut(EvidenceEntry(k, ev[k], l), evidenceRunes))
	}
	return b.String()
}
