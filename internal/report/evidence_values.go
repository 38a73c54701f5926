package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

// evidenceWords are the values vigie's own checks put in evidence as plain
// words (a contract clause's level, a TLS protocol's verdict, a hash's
// grade). JSON, SARIF and CSV keep them as written, for tools; the writers a
// person reads show them in the reader's language.
var evidenceWords = map[string]string{
	"missing": "absent", "restated": "recopié", "present": "présent", "specific": "précis",
	"weak": "faible", "strong": "fort", "none": "aucun", "none found": "aucune trouvée",
	"accepted": "accepté", "refused": "refusé", "yes": "oui", "no": "non", "ok": "correct",
	"below": "sous le minimum", "fast": "rapide", "plain": "en clair", "unknown": "inconnu",
	"empty": "vide", "available": "disponible", "unavailable": "indisponible",
	"not tested": "non testé", "expired": "expiré", "valid": "valide", "enabled": "activé",
	"disabled": "désactivé", "found": "trouvé", "not found": "introuvable", "timeout": "délai dépassé",
}

// EvidenceValue is v in l's words when it is one of vigie's own evidence
// words ("refused" → « refusé »); any other value is returned as it is.
func EvidenceValue(v string, l check.Lang) string {
	if l == check.FR {
		if fr, ok := evidenceWords[v]; ok {
			return fr
		}
		return frenchPercents(v)
	}
	return v
}

// percent is a decimal followed by %, not inside a word or an escape (%20).
var percent = regexp.MustCompile(`(\d+)(?:\.(\d+))?%([^0-9A-Za-z]|$)`)

// frenchPercents writes 33.3% as a French reader does: 33,3 %.
func frenchPercents(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	return percent.ReplaceAllStringFunc(s, func(m string) string {
		p := percent.FindStringSubmatch(m)
		n := p[1]
		if p[2] != "" {
			n += "," + p[2]
		}
		return n + "\u00a0%" + p[3]
	})
}

// Bounds of a value rendered on one line.
const (
	evTextDepth = 4
	evTextItems = 20
)

// EvidenceText renders an evidence value on one line for a person reading
// l: texts and vigie's words in l, decimals with l's separator (79,6),
// lists joined with commas, maps as "key value" pairs in key order
// ("below 1, fast 2"). It goes through JSON once, so a value decoded from a
// saved report renders as the one the check made.
func EvidenceText(v any, l check.Lang) string {
	if t, ok := v.(check.Text); ok {
		return t.In(l)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var g any
	if err := d.Decode(&g); err != nil {
		return fmt.Sprint(v)
	}
	return evidenceLine(g, l, 0)
}

func evidenceLine(v any, l check.Lang, depth int) string {
	switch x := v.(type) {
	case string:
		if x == "" {
			return "—"
		}
		return EvidenceValue(x, l)
	case json.Number:
		return check.Text{EN: x.String(), FR: strings.Replace(x.String(), ".", ",", 1)}.In(l)
	case bool:
		if x {
			return tr(l, "yes", "oui")
		}
		return tr(l, "no", "non")
	case nil:
		return "—"
	case []any:
		if len(x) == 0 {
			return "—"
		}
		if depth >= evTextDepth {
			return "…"
		}
		parts := make([]string, 0, min(len(x), evTextItems)+1)
		for i, e := range x {
			if i == evTextItems {
				parts = append(parts, fmt.Sprintf("… (+%d)", len(x)-i))
				break
			}
			parts = append(parts, evidenceLine(e, l, depth+1))
		}
		return strings.Join(parts, ", ")
	case map[string]any:
		if en, ok := x["en"].(string); ok && len(x) == 2 {
			if fr, ok := x["fr"].(string); ok {
				return check.Text{EN: en, FR: fr}.In(l)
			}
		}
		if depth >= evTextDepth {
			return "…"
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, 0, min(len(keys), evTextItems)+1)
		for i, k := range keys {
			if i == evTextItems {
				parts = append(parts, fmt.Sprintf("… (+%d)", len(keys)-i))
				break
			}
			val := evidenceLine(x[k], l, depth+1)
			if _, nested := x[k].(map[string]any); nested {
				val = "(" + val + ")"
			}
			parts = append(parts, EvidenceKey(k, l)+" "+val)
		}
		return strings.Join(parts, ", ")
	}
	return fmt.Sprint(v)
}

// quotedKeys hold a document's own words (a contract's sentence), which
// are quoted, never translated.
var quotedKeys = map[string]bool{"sentence": true, "quote": true}

// EvidenceEntry is the value of evidence key k as EvidenceText renders it,
// quoted as l's reader quotes when it is a document's words.
func EvidenceEntry(k string, v any, l check.Lang) string {
	if s, ok := v.(string); ok && quotedKeys[k] && s != "" {
		return check.Text{EN: "“" + s + "”", FR: "«\u00a0" + s + "\u00a0»"}.In(l)
	}
	return EvidenceText(v, l)
}

// EvidenceKey names a key inside a value: one of vigie's words, else its
// label as a top-level key would have.
func EvidenceKey(k string, l check.Lang) string {
	if w := EvidenceValue(k, l); w != k {
		return w
	}
	return check.EvidenceLabel(k, l)
}
