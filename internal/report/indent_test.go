package report

import (
	"bytes"
	"encoding/json"
	"strings"
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
		// Deeper than the first margin, and a string of many escapes.
		nested(40), map[string]any{"body": strings.Repeat(`{"k":"v\\"},`, 5000), "end": `\`},
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

// nested is n levels of objects and lists, each holding a value.
func nested(n int) any {
	var v any = "leaf"
	for i := range n {
		if i%2 == 0 {
			v = []any{v, i}
		} else {
			v = map[string]any{"x": v, "y": []any{}}
		}
	}
	return v
}

// A line encoding/json did not write (a spool damaged on disk) is copied
// as it comes, not a panic: a closer without its opener, a string without
// its end, a backslash last.
func TestIndentJSONDamagedLine(t *testing.T) {
	for _, src := range []string{"]]]", "}}}}{", `"abc\`, `"a\"`, `{"a":"b`, `[{"a":1}]]]]]`} {
		got := indentJSON(nil, []byte(src), "    ", "  ")
		if strings.Join(strings.Fields(string(got)), "") != src {
			t.Errorf("%q: %q", src, got)
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

// BenchmarkIndentJSON: one finding as the spool holds it, indented as the
// JSON report writes it (the report's last step, on one core, at the end
// of a scan).
func BenchmarkIndentJSON(b *testing.B) {
	src := []byte(`{"check_id":"WEB-CERT-003","family":"web","status":"PASS","severity":"high","target":"http://127.0.0.1:44501/",` +
		`"message":{"en":"certificate covers 127.0.0.1","fr":"le certificat couvre 127.0.0.1"},"evidence":{"host":"127.0.0.1",` +
		`"ip_addresses":["127.0.0.1"],"sha256":"80ce2c0820c50b8be4c64602da38c851b808d56b347a82238314201fb315f4b3",` +
		`"subject":"CN=127.0.0.1","note":"a \"quoted\" \\ path"},"fingerprint":"a263478a8eb8f330"}`)
	var dst []byte
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		dst = indentJSON(dst[:0], src, "    ", "  ")
	}
}
