package contractdoc

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/vigie-security/vigie/checks/contracts"
)

// Decode turns file bytes into text: UTF-8 (BOM dropped), UTF-16 with a
// BOM, or else Windows-1252, what French office software saves by default.
func Decode(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return utf16Text(b)
	}
	if utf8.Valid(b) {
		return string(b)
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	return string(out)
}

func utf16Text(b []byte) string {
	big := b[0] == 0xFE
	b = b[2:]
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		if big {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		} else {
			u = append(u, uint16(b[i+1])<<8|uint16(b[i]))
		}
	}
	return string(utf16.Decode(u))
}

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
		case listItem.MatchString(line):
			flush()
		}
		cur = append(cur, line)
	}
	flush()
	return blocks
}

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
		case mdRule.MatchString(t):
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
		t = mdLink.ReplaceAllString(t, "$1")
		lines = append(lines, mdEmphasis.Replace(t))
	}
	return textBlocks(strings.Join(lines, "\n"), 0)
}
