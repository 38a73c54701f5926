package contractdoc

import (
	"regexp"
	"strings"

	"github.com/vigie-security/vigie/checks/contracts"
)

var listItem = regexp.MustCompile(`^\s*([-*•]|\d{1,3}[.)]|\(?[a-z]\))\s+`)

// textBlocks splits plain text into paragraphs: blank lines separate them,
// and a line starting a list item or a numbered clause starts a new one.
// Lines inside a paragraph are joined (hard-wrapped text, PDF lines).
func textBlocks(text string, page int) []contracts.Block {
	var blocks []contracts.Block
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			blocks = append(blocks, contracts.Block{Text: strings.Join(cur, " "), Page: page})
			cur = cur[:0]
		}
	}
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
			flush()
			continue
		case mayListItem(line) && listItem.MatchString(line):
			flush()
		}
		cur = append(cur, line)
	}
	flush()
	return blocks
}

// mayListItem: whether a trimmed line could start as listItem requires.
// Most lines of a contract are prose; the expression runs on the others.
func mayListItem(line string) bool {
	if line == "" {
		return false
	}
	c := line[0]
	return c == '-' || c == '*' || c == '(' || c >= '0' && c <= '9' || strings.HasPrefix(line, "•") || len(line) > 1 && line[1] == ')'
}

func mayRule(line string) bool { return line != "" && strings.IndexByte("-*_", line[0]) >= 0 }

var (
	mdLink     = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	mdEmphasis = strings.NewReplacer("**", "", "__", "", "`", "")
	mdRule     = regexp.MustCompile(`^\s*([-*_]\s*){3,}$`)
)

// markdownBlocks reads Markdown: headings and table cells are blocks of
// their own, markup is dropped.
func markdownBlocks(text string) []contracts.Block {
	var lines []string
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		t := strings.TrimSpace(line)
		switch {
		case mayRule(t) && mdRule.MatchString(t):
			lines = append(lines, "")
			continue
		case strings.HasPrefix(t, "#"):
			lines = append(lines, "", strings.TrimSpace(strings.TrimLeft(t, "#")), "")
			continue
		case strings.HasPrefix(t, "|"):
			lines = append(lines, "")
			for _, cell := range strings.Split(strings.Trim(t, "|"), "|") {
				if c := strings.TrimSpace(cell); c != "" && strings.Trim(c, "-: ") != "" {
					lines = append(lines, c, "")
				}
			}
			continue
		case strings.HasPrefix(t, ">"):
			t = strings.TrimSpace(strings.TrimLeft(t, ">"))
		}
		if strings.Contains(t, "](") {
			t = mdLink.ReplaceAllString(t, "$1")
		}
		lines = append(lines, mdEmphasis.Replace(t))
	}
	return textBlocks(strings.Join(lines, "\n"), 0)
}
