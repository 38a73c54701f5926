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
	item := false
	flush := func() {
		if len(cur) > 0 {
			blocks = append(blocks, contracts.Block{Text: strings.Join(cur, " "), Page: page, Item: item})
			cur = cur[:0]
		}
		item = false
	}
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
			flush()
			continue
		case mayListItem(line) && listItem.MatchString(line):
			flush()
			item = true
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
	// mdDelimiter is the line under a table's header: "---|---", "|:--|--:|"
	mdDelimiter = regexp.MustCompile(`^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$`)
)

// markdownBlocks reads Markdown: headings (with their level) and table
// cells are blocks of their own, list items start one, markup is dropped.
func markdownBlocks(text string) []contracts.Block {
	var blocks []contracts.Block
	var cur []string
	item := false
	flush := func() {
		if len(cur) > 0 {
			blocks = append(blocks, contracts.Block{Text: strings.Join(cur, " "), Item: item})
			cur = cur[:0]
		}
		item = false
	}
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	table := false // in a table written without its outer pipes ("Domain | Practices")
	for n, line := range lines {
		t := strings.TrimSpace(line)
		if t == "" {
			table = false
		} else if !table && t[0] != '|' && strings.Contains(t, "|") && n+1 < len(lines) && mdDelimiter.MatchString(lines[n+1]) {
			table = true
		}
		switch {
		case t == "" || !table && mayRule(t) && mdRule.MatchString(t):
			flush()
		case strings.HasPrefix(t, "#"):
			flush()
			level := len(t) - len(strings.TrimLeft(t, "#"))
			if h := mdInline(strings.TrimSpace(strings.TrimLeft(t, "#"))); h != "" {
				blocks = append(blocks, contracts.Block{Text: h, Heading: min(level, 6)})
			}
		case t[0] == '<' && htmlLine(t) != "":
			// the HTML a Markdown file carries: a list item starts a block,
			// a heading is one, tags alone end the block before them
			flush()
			switch tag := htmlLine(t); {
			case tag == "li":
				item = true
				if t = mdInline(t); t != "" {
					cur = append(cur, t)
				}
			case len(tag) == 2 && tag[0] == 'h':
				if h := mdInline(t); h != "" {
					blocks = append(blocks, contracts.Block{Text: h, Heading: int(tag[1] - '0')})
				}
			default:
				if t = mdInline(t); t != "" {
					cur = append(cur, t)
				}
			}
		case t[0] == '|' || table:
			flush()
			var cells []string
			for _, cell := range strings.Split(strings.Trim(t, "|"), "|") {
				if c := strings.TrimSpace(cell); c != "" && strings.Trim(c, "-: ") != "" {
					cells = append(cells, mdInline(c))
				}
			}
			blocks = appendRow(blocks, cells, 0)
		default:
			t = strings.TrimSpace(strings.TrimLeft(t, ">"))
			if mayListItem(t) && listItem.MatchString(t) {
				flush()
				item = true
			}
			if t = mdInline(t); t != "" {
				cur = append(cur, t)
			}
		}
	}
	flush()
	return blocks
}

// mdInline drops a line's links, emphasis and HTML tags, keeping their
// text.
func mdInline(t string) string {
	if strings.Contains(t, "](") {
		t = mdLink.ReplaceAllString(t, "$1")
	}
	if strings.Contains(t, "<") {
		t = strings.Join(strings.Fields(htmlTag.ReplaceAllString(t, " ")), " ")
	}
	return strings.TrimSpace(mdEmphasis.Replace(t))
}

// htmlTag is a tag of the block and list markup a Markdown file may carry.
var htmlTag = regexp.MustCompile(`(?i)</?(ol|ul|li|p|br|h[1-6]|div|span|center|table|tbody|thead|tr|td|th|strong|em|b|i|u|sup|sub)\b[^<>]{0,300}>`)

// htmlOpen is the tag a line of HTML starts with (after any <p> or <div>
// around it).
var htmlOpen = regexp.MustCompile(`(?i)^(?:<(?:p|div)\b[^<>]{0,300}>\s*)*<(/?)(ol|ul|li|h[1-6])\b`)

// htmlLine: what an HTML line of a Markdown file starts: "li", "h1"…"h6",
// or "list" for a list's opening or closing tag; "" when it starts none.
func htmlLine(t string) string {
	m := htmlOpen.FindStringSubmatch(t)
	switch {
	case m == nil:
		return ""
	case m[1] == "" && (strings.EqualFold(m[2], "li") || len(m[2]) == 2 && (m[2][0] == 'h' || m[2][0] == 'H')):
		return strings.ToLower(m[2])
	}
	return "list"
}

// appendRow adds a table row: two cells read as "label: value" (an annex's
// "Categories of data subjects | Employees"), more as one line, one alone
// as it is.
func appendRow(blocks []contracts.Block, cells []string, page int) []contracts.Block {
	switch len(cells) {
	case 0:
		return blocks
	case 2:
		return append(blocks, contracts.Block{Text: strings.TrimSuffix(cells[0], ":") + ": " + cells[1], Page: page})
	}
	return append(blocks, contracts.Block{Text: strings.Join(cells, "; "), Page: page})
}
