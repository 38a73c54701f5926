package report

import (
	"bytes"
	"encoding/json"
	"testing"
)

// indentJSON writes what json.Indent writes, on what encoding/json
// encodes: strings with escaped quotes and backslashes, empty and nested
// objects and lists, numbers, literals.
func TestIndentJSONIsJSONIndent(t *testing.T) {
	values := []any{
		map[string]any{"a": "x\\\"y\\", "b": []any{}, "c": map[string]any{}, "d": []any{1, 2.5, -3e-9, true, false, nil},
			"e": map[string]any{"f": []any{map[string]any{"g": "{[,:]}"}}}, "h": "é \u2028 <>&", "": ""},
		[]any{}, map[string]any{}, "plain", 42, []any{[]any{[]any{}}},
	}
	for _, v := range values {
		var one bytes.Buffer
		enc := json.NewEncoder(&one)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		src := bytes.TrimSuffix(one.Bytes(), []byte("\n"))
		var want bytes.Buffer
		if err := json.Indent(&want, src, "    ", "  "); err != nil {
			t.Fatal(err)
		}
		if got := indentJSON(nil, src, "    ", "  "); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%s:\n got %s\nwant %s", src, got, want.Bytes())
		}
	}
}

func FuzzIndentJSON(f *testing.F) {
	f.Add(`{"a":[1,{"b":"c\\\"d"}],"e":{}}`)
	f.Fuzz(func(t *testing.T, s string) {
		var v any
		if json.Unmarshal([]byte(s), &v) != nil {
			return
		}
		src, err := json.Marshal(v)
		if err != nil {
			return
		}
		var want bytes.Buffer
		if err := json.Indent(&want, src, "    ", "  "); err != nil {
			t.Fatal(err)
		}
		if got := indentJSON(nil, src, "    ", "  "); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%s:\n got %s\nwant %s", src, got, want.Bytes())
		}
	})
}
