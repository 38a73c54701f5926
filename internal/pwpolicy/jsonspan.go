package pwpolicy

import (
	"bytes"
	"encoding/json"
	"strings"
)

// span is where one entry of a list lies in a file (byte offsets), so an
// error about an entry's field names that entry's line, not the line
// where the first entry has the same key.
type span struct{ from, to int }

// whole is the span of a file that holds one entry.
func whole(data []byte) span { return span{0, len(data)} }

// lineOf is the line where key first appears inside s, or 0.
func (s span) lineOf(data []byte, key string) int {
	i := bytes.Index(data[s.from:s.to], []byte(key))
	if i < 0 {
		return 0
	}
	l, _ := lineCol(data, s.from+i)
	return l
}

// jsonSpans is where each element of a JSON list lies: the top-level
// list when key is "", else the list under that key of the top-level
// object, matched as encoding/json matches it (case folded, the last one
// wins). It is nil when data is not so shaped: the callers have decoded
// data already, and fall back to the whole file.
func jsonSpans(data []byte, key string) []span {
	dec := json.NewDecoder(bytes.NewReader(data))
	if key == "" {
		return listSpans(dec)
	}
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil
	}
	var out []span
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil
		}
		if k, _ := t.(string); strings.EqualFold(k, key) {
			out = listSpans(dec)
			continue
		}
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			return nil
		}
	}
	return out
}

// listSpans reads a list at dec's position, one span per element.
func listSpans(dec *json.Decoder) []span {
	if t, err := dec.Token(); err != nil || t != json.Delim('[') {
		return nil
	}
	var out []span
	for dec.More() {
		var raw json.RawMessage
		if dec.Decode(&raw) != nil {
			return nil
		}
		end := int(dec.InputOffset())
		out = append(out, span{end - len(raw), end})
	}
	return out
}

// entrySpan is the span of entry i of a list decoded from the file, or
// the whole file when spans do not cover it (the top-level object read
// as an entry, a shape jsonSpans did not follow).
func entrySpan(data []byte, spans []span, i int) span {
	if i < len(spans) {
		return spans[i]
	}
	return whole(data)
}
