package contractdoc

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The cheap guards in front of the Markdown and list expressions never
// skip a line the expression would match.
func TestGuardsKeepEveryMatch(t *testing.T) {
	lines := []string{"- item", "* item", "• item", "12. Clause", "3) x", "(a) y", "a) z", "b. no", "---", "***", "_ _ _",
		"see [annex](a.md)", "![logo](x.png)", "plain prose", "", "(", "1", "é) x"}
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "contracts", "corpus", "*"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	for _, line := range lines {
		line = strings.TrimSpace(line)
		if listItem.MatchString(line) && !mayListItem(line) {
			t.Errorf("%q: a list item the guard skips", line)
		}
		if mdRule.MatchString(line) && !mayRule(line) {
			t.Errorf("%q: a rule the guard skips", line)
		}
		if mdLink.MatchString(line) && !strings.Contains(line, "](") {
			t.Errorf("%q: a link the guard skips", line)
		}
	}
}
