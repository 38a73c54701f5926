package htmlreport

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

// Evidence is shown as a small key/value table. It comes from the checks
// (any Go value) or from a decoded JSON report, so it goes through JSON once
// and is read back as plain maps, lists and scalars. Every level is bounded.
const (
	evMaxDepth = 4
	evMaxKeys  = 40
	evMaxItems = 20
	evMaxRunes = 400
)

// evNode is a value: a scalar, a list (Items) or a map (Rows).
type evNode struct {
	Scalar string
	Inline string // a short list of scalars, on one line
	Items  []evNode
	Rows   []evRow
	More   int // items or keys left out
	List   bool
	Map    bool
}

type evRow struct {
	Key   string
	Value evNode
}

// evidenceOf is ev as the reader of l sees it: its keys by their labels,
// vigie's own value words and decimals in l (report.EvidenceValue).
func evidenceOf(ev map[string]any, l check.Lang, yes, no string) evNode {
	if len(ev) == 0 {
		return evNode{}
	}
	b, err := json.Marshal(ev)
	if err != nil {
		return evNode{Scalar: fmt.Sprintf("(%v)", err)}
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return evNode{Scalar: fmt.Sprintf("(%v)", err)}
	}
	n := node(inLang(v, l), 0, l, yes, no)
	for i := range n.Rows {
		n.Rows[i].Key = clip(check.EvidenceLabel(n.Rows[i].Key, l))
	}
	return n
}

func node(v any, depth int, l check.Lang, yes, no string) evNode {
	switch x := v.(type) {
	case map[string]any:
		if depth >= evMaxDepth {
			return evNode{Scalar: "…"}
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		n := evNode{Map: true}
		for i, k := range keys {
			if i == evMaxKeys {
				n.More = len(keys) - i
				break
			}
			n.Rows = append(n.Rows, evRow{Key: clip(report.EvidenceKey(k, l)), Value: node(x[k], depth+1, l, yes, no)})
		}
		return n
	case []any:
		if depth >= evMaxDepth {
			return evNode{Scalar: "…"}
		}
		if len(x) == 0 {
			return evNode{Scalar: "—"}
		}
		n := evNode{List: true}
		for i, e := range x {
			if i == evMaxItems {
				n.More = len(x) - i
				break
			}
			n.Items = append(n.Items, node(e, depth+1, l, yes, no))
		}
		return inline(n)
	case string:
		if x == "" {
			return evNode{Scalar: "—"}
		}
		return evNode{Scalar: clip(report.EvidenceValue(x, l))}
	case json.Number:
		return evNode{Scalar: check.Text{EN: x.String(), FR: strings.Replace(x.String(), ".", ",", 1)}.In(l)}
	case bool:
		if x {
			return evNode{Scalar: yes}
		}
		return evNode{Scalar: no}
	case nil:
		return evNode{Scalar: "—"}
	}
	return evNode{Scalar: clip(fmt.Sprint(v))}
}

// clip bounds a string shown to a reader.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= evMaxRunes {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:evMaxRunes])) + "…"
}

// inline writes a short list of scalars on one line.
func inline(n evNode) evNode {
	parts := make([]string, 0, len(n.Items))
	size := 0
	for _, it := range n.Items {
		if it.List || it.Map {
			return n
		}
		parts = append(parts, it.Scalar)
		size += len(it.Scalar) + 2
	}
	if size > 160 {
		return n
	}
	s := strings.Join(parts, ", ")
	if n.More > 0 {
		s += fmt.Sprintf(" (+%d)", n.More)
	}
	return evNode{Inline: s}
}

// inLang puts a value said in both languages (a check.Text, decoded as
// {"en": …, "fr": …}) in the reader's, at any depth.
func inLang(v any, l check.Lang) any {
	switch x := v.(type) {
	case map[string]any:
		if len(x) == 2 {
			en, okEN := x["en"].(string)
			fr, okFR := x["fr"].(string)
			if okEN && okFR {
				return check.Text{EN: en, FR: fr}.In(l)
			}
		}
		for k, e := range x {
			x[k] = inLang(e, l)
		}
	case []any:
		for i, e := range x {
			x[i] = inLang(e, l)
		}
	}
	return v
}
