package contractdoc

import (
	"context"
	"io"
	"strings"

	"github.com/ledongthuc/pdf"

	"github.com/vigie-security/vigie/checks/contracts"
	"github.com/vigie-security/vigie/internal/check"
)

// pdfDocument reads the text layer of a PDF, page by page, up to the page
// limit. A PDF whose pages carry no text is a scan: ErrNoText.
//
// The library inflates streams itself and cannot be told to stop, so every
// stream it is about to interpret (a page's content, a font's ToUnicode map)
// is first inflated here through the library's own decoder, into nothing,
// counted and stopped at the limit: a stream that inflates past MaxStream,
// or a document whose streams together pass MaxInflated, is refused before
// the library reads it. Object and cross-reference streams, which the
// library inflates as soon as it resolves an object, are found in the raw
// file and counted first.
func pdfDocument(ctx context.Context, r io.ReaderAt, size int64, lim Limits) (contracts.Document, error) {
	if lim.MaxStream <= 0 {
		lim.MaxStream = DefaultLimits().MaxStream // Limits built before the field existed
	}
	budget := &inflateBudget{perStream: lim.MaxStream, perDoc: lim.MaxInflated}
	// After the deadline every read fails, so a pass or a parse still
	// running stops at its next read instead of running on in the background.
	r = ctxReaderAt{ctx, r}
	if err := checkObjectStreams(r, size, lim.MaxInflated); err != nil {
		return contracts.Document{}, err
	}
	pr, err := pdf.NewReader(r, size)
	if err != nil {
		if strings.Contains(err.Error(), "encrypt") {
			return contracts.Document{}, check.Errorf("encrypted PDF: provide an unprotected copy (%v)", "PDF chiffré : fournissez une copie non protégée (la bibliothèque PDF dit « %v »)", err)
		}
		return contracts.Document{}, check.Errorf("corrupt PDF: %v", "PDF corrompu (la bibliothèque PDF dit « %v »)", err)
	}
	n := pr.NumPage()
	if n <= 0 {
		return contracts.Document{}, check.Errorf("corrupt PDF: no pages", "PDF corrompu : aucune page")
	}
	if n > lim.MaxPages {
		return contracts.Document{}, check.Errorf("PDF has %d pages, over the %d-page limit", "le PDF a %d pages, au-delà de la limite de %d pages", n, lim.MaxPages)
	}
	doc := contracts.Document{Format: "pdf", Pages: n}
	fonts := map[string]*pdf.Font{}
	for i := 1; i <= n; i++ {
		if err := ctx.Err(); err != nil {
			return contracts.Document{}, err
		}
		p := pr.Page(i)
		if p.V.IsNull() {
			return contracts.Document{}, check.Errorf("corrupt PDF: page %d is missing", "PDF corrompu : page %d absente", i)
		}
		for _, name := range p.Fonts() {
			if _, ok := fonts[name]; !ok {
				f := p.Font(name)
				if err := budget.check(f.V.Key("ToUnicode"), check.Textf("page %d, font %s", "page %d, police %s", i, name)); err != nil {
					return contracts.Document{}, err
				}
				fonts[name] = &f
			}
		}
		if err := budget.check(p.V.Key("Contents"), check.Textf("page %d content", "le contenu de la page %d", i)); err != nil {
			return contracts.Document{}, err
		}
		text, err := pageText(p, fonts)
		if err != nil {
			return contracts.Document{}, check.Errorf("corrupt PDF: page %d: %v", "PDF corrompu : page %d : %v", i, err)
		}
		doc.Blocks = append(doc.Blocks, textBlocks(text, i)...)
	}
	return doc, nil
}

// inflateBudget counts the bytes the PDF's streams inflate to.
type inflateBudget struct {
	perStream int64 // one page's content, or one font map (arrays of streams count as one)
	perDoc    int64 // every stream of the document together
	spent     int64
}

// check inflates v (a stream, an array of streams, or nothing) up to the
// limits, discarding what it reads.
func (b *inflateBudget) check(v pdf.Value, what check.Text) (err error) {
	var streams []pdf.Value
	switch v.Kind() {
	case pdf.Stream:
		streams = []pdf.Value{v}
	case pdf.Array:
		for i := 0; i < v.Len(); i++ {
			if s := v.Index(i); s.Kind() == pdf.Stream {
				streams = append(streams, s)
			}
		}
	default:
		return nil
	}
	// The library's decoder panics on an unknown filter or a broken header.
	defer func() {
		if r := recover(); r != nil {
			err = check.Errorf("corrupt PDF: %s: %v", "PDF corrompu : %s : %v", what, r)
		}
	}()
	limit := min(b.perStream, b.perDoc-b.spent)
	var total int64
	guard := &operandGuard{} // one guard: the library reads an array of streams as one
	for _, s := range streams {
		rc := s.Reader()
		n, rerr := io.Copy(guard, io.LimitReader(rc, limit-total+1))
		rc.Close()
		total += n
		if guard.overflowed {
			return check.Errorf("PDF refused: %s stacks more than %d operands without an operator", "PDF refusé : %s empile plus de %d opérandes sans opérateur", what, maxOperands)
		}
		if total > limit {
			return b.refuse(what, limit == b.perStream, b.perStream)
		}
		if rerr != nil {
			return check.Errorf("corrupt PDF: %s: %v", "PDF corrompu : %s : %v", what, rerr)
		}
	}
	b.spent += total
	return nil
}

// ctxReaderAt fails every read once ctx is done.
type ctxReaderAt struct {
	ctx context.Context
	r   io.ReaderAt
}

func (c ctxReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.ReadAt(p, off)
}
