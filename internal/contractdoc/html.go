package contractdoc

import (
	"errors"
	"io"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/vigie-security/vigie/checks/contracts"
)

// htmlBlocks reads the visible text of an HTML page: each paragraph,
// heading, list item and table cell is a block; scripts, styles and the
// head are skipped.
func htmlBlocks(r io.Reader) ([]contracts.Block, error) {
	z := html.NewTokenizer(r)
	var blocks []contracts.Block
	var cur strings.Builder
	skip := 0
	flush := func() {
		if t := strings.Join(strings.Fields(cur.String()), " "); t != "" {
			blocks = append(blocks, contracts.Block{Text: t})
		}
		cur.Reset()
	}
	for {
		switch z.Next() {
		case html.ErrorToken:
			flush()
			if err := z.Err(); !errors.Is(err, io.EOF) {
				return blocks, err
			}
			return blocks, nil
		case html.TextToken:
			if skip == 0 {
				cur.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skipped(a) {
				skip++
			}
			if blockLevel(a) {
				flush()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skipped(a) && skip > 0 {
				skip--
			}
			if blockLevel(a) {
				flush()
			}
		}
	}
}

func skipped(a atom.Atom) bool {
	return a == atom.Script || a == atom.Style || a == atom.Noscript || a == atom.Template || a == atom.Head || a == atom.Svg
}

func blockLevel(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Li, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Td, atom.Th, atom.Tr,
		atom.Br, atom.Section, atom.Article, atom.Blockquote, atom.Dt, atom.Dd, atom.Table, atom.Ul, atom.Ol, atom.Header, atom.Footer, atom.Pre:
		return true
	}
	return false
}
