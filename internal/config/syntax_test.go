package config

import (
	"strings"
	"testing"
)

// TestSyntaxErrorsNameTheLine: a broken indentation is reported at the line
// that breaks it, not where yaml.v3 noticed the block was broken.
func TestSyntaxErrorsNameTheLine(t *testing.T) {
	cases := []struct{ name, doc, want string }{
		{"dedent between levels", "version: 1\nscan:\n  concurrency: 5\n  rate: 10\n timeout: 5s\n", "v.yaml:5: the indentation"},
		{"list item among keys", "version: 1\nweb:\n  targets:\n    - a.example.com\n  - b.example.com\n", "v.yaml:5: a list item"},
		{"tab", "version: 1\nscan:\n\tconcurrency: 5\n", "v.yaml:3: this line is indented with a tab"},
		{"unclosed quote", "version: 1\nlang: \"fr\n", "v.yaml:"},
	}
	for _, c := range cases {
		_, err := Parse("v.yaml", []byte(c.doc), func(string) string { return "" })
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: error = %v, want it to start with %q", c.name, err, c.want)
		}
	}
}

// TestBadIndentLeavesValidYAMLAlone: the line finder never blames a line of
// a valid document (it only runs when yaml.v3 failed, but must not mislead).
func TestBadIndentLeavesValidYAMLAlone(t *testing.T) {
	valid := []string{
		Example,
		"web:\n  targets:\n  - a.example.com\n  - url: https://b.example.com/\n    name: b\nscan:\n  rate: 5\n",
		"a: |\n  text\n    deeper text\n  more\nb: [1,\n  2]\nc:\n- x\n- y\nd: 1 # comment:\n",
	}
	for i, doc := range valid {
		if line, why := badIndent(doc); line != 0 {
			t.Errorf("valid document %d: line %d blamed: %s", i, line, why.EN)
		}
	}
}

// TestEveryErrorAtOnce: one run lists every problem of the file, each at its line.
func TestEveryErrorAtOnce(t *testing.T) {
	doc := "version: 1\nscan:\n  concurrency: 0\n  rate: -1\n  timout: 5s\noutput:\n  format: xml\n"
	_, err := Parse("v.yaml", []byte(doc), func(string) string { return "" })
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"v.yaml:5:3: scan.timout: unknown key", "v.yaml:3: scan.concurrency", "v.yaml:4: scan.rate", "v.yaml:7: output.format"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q missing from:\n%v", want, err)
		}
	}
}
