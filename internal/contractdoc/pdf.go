package contractdoc

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/ledongthuc/pdf"

	"github.com/vigie-security/vigie/checks/contracts"
)

// pdfDocument reads the text layer of a PDF, page by page, up to the page
// limit. A PDF whose pages carry no text is a scan: ErrNoText.
func pdfDocument(ctx context.Context, r io.ReaderAt, size int64, lim Limits) (contracts.Document, error) {
	pr, err := pdf.NewReader(r, size)
	if err != nil {
		if strings.Contains(err.Error(), "encrypt") {
			return contracts.Document{}, fmt.Errorf("encrypted PDF: provide an unprotected copy (%v)", err)
		}
		return contracts.Document{}, fmt.Errorf("corrupt PDF: %v", err)
	}
	n := pr.NumPage()
	if n <= 0 {
		return contracts.Document{}, fmt.Errorf("corrupt PDF: no pages")
	}
	if n > lim.MaxPages {
		return contracts.Document{}, fmt.Errorf("PDF has %d pages, over the %d-page limit", n, lim.MaxPages)
	}
	doc := contracts.Document{Format: "pdf", Pages: n}
	fonts := map[string]*pdf.Font{}
	for i := 1; i <= n; i++ {
		if err := ctx.Err(); err != nil {
			return contracts.Document{}, err
		}
		p := pr.Page(i)
		if p.V.IsNull() {
			return contracts.Document{}, fmt.Errorf("corrupt PDF: page %d is missing", i)
		}
		for _, name := range p.Fonts() {
			if _, ok := fonts[name]; !ok {
				f := p.Font(name)
				fonts[name] = &f
			}
		}
		text, err := p.GetPlainText(fonts)
		if err != nil {
			return contracts.Document{}, fmt.Errorf("corrupt PDF: page %d: %v", i, err)
		}
		doc.Blocks = append(doc.Blocks, textBlocks(text, i)...)
	}
	return doc, nil
}
