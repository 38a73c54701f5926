package contractdoc

import (
	"bytes"
	"io"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/vigie-security/vigie/checks/contracts"
	"github.com/vigie-security/vigie/internal/check"
)

// maxHTMLNodes bounds the tree the HTML5 parser may build. Its error
// recovery makes nodes the markup does not write (each unclosed <b> is
// reopened in every later paragraph), so the count is estimated on the
// tokens before parsing. A long contract makes tens of thousands.
const maxHTMLNodes = 1 << 19

// htmlBlocks reads the visible text of an HTML page as a browser builds it
// (the HTML5 parser, so that an unclosed <head>, a self-closing <svg/> or
// an unclosed <noscript> end where a browser ends them): each paragraph,
// heading, list item and table cell is a block; scripts, styles, templates
// and the head are skipped. Scripting is off, as for a reader who sees
// <noscript> content.
func htmlBlocks(r io.Reader) ([]contracts.Block, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if n := htmlNodes(data); n > maxHTMLNodes {
		return nil, check.Errorf("HTML refused: the page makes more than %d elements (about %d)",
			"HTML refusé : la page produit plus de %d éléments (environ %d)", maxHTMLNodes, n)
	}
	root, err := html.ParseWithOptions(bytes.NewReader(data), html.ParseOptionEnableScripting(false))
	if err != nil {
		return nil, check.Errorf("corrupt HTML: %v", "HTML corrompu : %v", err)
	}
	var blocks []contracts.Block
	var cur strings.Builder
	heading, item := 0, false // what the text being gathered is
	var row []string          // the cells of the table row being read
	inRow := false
	flush := func() {
		if t := strings.Join(strings.Fields(cur.String()), " "); t != "" {
			if inRow {
				row = append(row, t)
			} else {
				blocks = append(blocks, contracts.Block{Text: t, Heading: heading, Item: item})
			}
		}
		cur.Reset()
		heading, item = 0, false
	}
	endRow := func() {
		flush()
		blocks = appendRow(blocks, row, 0)
		row, inRow = nil, false
	}
	// Iterative walk: a page nested a million deep must not recurse.
	n := root
	for n != nil {
		descend := true
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
		case html.ElementNode:
			if skipped(n.DataAtom) {
				descend = false
			} else if n.DataAtom == atom.Tr {
				endRow()
				inRow = true
			} else if blockLevel(n.DataAtom) {
				flush()
				heading, item = headingLevel(n.DataAtom), n.DataAtom == atom.Li
			}
		}
		if descend && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		for n != nil && n.NextSibling == nil {
			closeBlock(n, flush, endRow)
			n = n.Parent
		}
		if n != nil {
			closeBlock(n, flush, endRow)
			n = n.NextSibling
		}
	}
	endRow()
	return blocks, nil
}

// closeBlock ends the block or the table row n closes.
func closeBlock(n *html.Node, flush, endRow func()) {
	switch {
	case n.Type != html.ElementNode:
	case n.DataAtom == atom.Tr || n.DataAtom == atom.Table:
		endRow()
	case blockLevel(n.DataAtom):
		flush()
	}
}

// htmlNodes estimates the nodes parsing data makes: one a token, and for
// each element started while formatting elements are left open, one more
// per open one (the parser reconstructs them). It overestimates, never the
// other way.
func htmlNodes(data []byte) int {
	z := html.NewTokenizer(bytes.NewReader(data))
	open := map[atom.Atom]int{}
	opened, nodes := 0, 0
	for {
		switch z.Next() {
		case html.ErrorToken: // the end, or markup the parser will end there too
			return nodes
		case html.StartTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			nodes += 1 + opened
			if formatting(a) {
				open[a]++
				opened++
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if a := atom.Lookup(name); formatting(a) && open[a] > 0 {
				open[a]--
				opened--
			}
		default:
			nodes++
		}
		if nodes > maxHTMLNodes {
			return nodes
		}
	}
}

// formatting: the elements the HTML5 parser reopens when misnested
// (the "active formatting elements").
func formatting(a atom.Atom) bool {
	switch a {
	case atom.A, atom.B, atom.Big, atom.Code, atom.Em, atom.Font, atom.I, atom.Nobr, atom.S, atom.Small, atom.Strike, atom.Strong, atom.Tt, atom.U:
		return true
	}
	return false
}

// headingLevel is 1 to 6 for h1 to h6, else 0.
func headingLevel(a atom.Atom) int {
	switch a {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}

func skipped(a atom.Atom) bool {
	return a == atom.Script || a == atom.Style || a == atom.Template || a == atom.Head || a == atom.Svg || a == atom.Math
}

func blockLevel(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Li, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Td, atom.Th, atom.Tr,
		atom.Br, atom.Section, atom.Article, atom.Blockquote, atom.Dt, atom.Dd, atom.Table, atom.Ul, atom.Ol, atom.Header, atom.Footer, atom.Pre,
		atom.Main, atom.Nav, atom.Aside, atom.Address, atom.Dl, atom.Hr, atom.Caption, atom.Figure, atom.Figcaption,
		atom.Form, atom.Fieldset, atom.Legend, atom.Details, atom.Summary, atom.Body, atom.Noscript:
		return true
	}
	return false
}
