package contractdoc

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/checks/contracts"
)

const breachClause = "The Processor shall notify the Controller of any personal data breach within 24 hours."

// Markup a browser reads to the end is read to the end: the clause after
// an unclosed <head>, a self-closing <svg/> or an unclosed <noscript> is
// found, and the page's blocks stay apart.
func TestHTMLReadToTheEnd(t *testing.T) {
	for name, page := range map[string]string{
		"head not closed":   "<html><head><title>DPA</title><p>Annex 1.</p><p>" + breachClause + "</p></html>",
		"self-closing svg":  "<html><body><p>Annex 1.</p><svg/><p>" + breachClause + "</p></body></html>",
		"noscript unclosed": "<html><body><p>Annex 1.</p><noscript><p>Enable JavaScript.</p><p>" + breachClause + "</p></body></html>",
		"script and style":  "<html><head><style>p{}</style></head><body><script>var s = '<p>not text</p>';</script><p>Annex 1.</p><template><p>hidden</p></template><p>" + breachClause + "</body>",
	} {
		t.Run(name, func(t *testing.T) {
			doc, err := Extract(context.Background(), writeFile(t, "c.html", text(page)), DefaultLimits())
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range doc.Blocks {
				got = append(got, b.Text)
				if strings.Contains(b.Text, "not text") || strings.Contains(b.Text, "hidden") || strings.Contains(b.Text, "p{}") || b.Text == "DPA" {
					t.Errorf("skipped content read: %q", b.Text)
				}
			}
			if len(got) < 2 || got[0] != "Annex 1." || got[len(got)-1] != breachClause {
				t.Errorf("blocks = %q, want \"Annex 1.\" … the clause, apart", got)
			}
			if r, _ := contracts.Analyze(doc).Result("A28-33-breach-deadline"); r.Level != contracts.Specific {
				t.Errorf("deadline = %s", r.Level)
			}
		})
	}
}

// Misnested formatting makes the parser build far more nodes than the
// markup has tags (here 500 bold elements closed by </p> are reopened in
// each of 2,000 paragraphs: a million nodes from 40 KB; 20,000 paragraphs
// made 10 million and 1.5 GB): refused before parsing, with the reason.
func TestHTMLNodeBomb(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("<p>")
	for i := range 500 {
		b.WriteString("<b id=" + strconv.Itoa(i) + ">") // distinct: the parser merges none
	}
	b.WriteString("</p>" + strings.Repeat("<p>x", 2000))
	p := writeFile(t, "bomb.html", text(b.String()))
	if _, err := Extract(context.Background(), p, DefaultLimits()); err == nil || !strings.HasPrefix(err.Error(), p+": HTML refused: the page makes more than") {
		t.Errorf("HTML node bomb: %v", err)
	}
}
