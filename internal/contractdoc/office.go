package contractdoc

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"github.com/vigie-security/vigie/checks/contracts"
	"github.com/vigie-security/vigie/internal/check"
)

// openEntry opens one entry of a zip-based document after checking the
// archive against the limits: entry count, declared size, compression
// ratio. The reader it returns also stops at the inflated-size limit, in
// case the declared size lies.
func openEntry(r io.ReaderAt, size int64, name string, lim Limits) (io.ReadCloser, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		if errors.Is(err, zip.ErrFormat) { // its text says only this, in English
			return nil, check.Errorf("corrupt document: not a valid zip archive", "document corrompu : archive zip non valide")
		}
		return nil, check.Errorf("corrupt document: not a valid zip archive (%v)", "document corrompu : archive zip non valide (%v)", err)
	}
	if len(zr.File) > lim.MaxEntries {
		return nil, check.Errorf("archive has %d entries, over the %d limit", "l'archive contient %d entrées, au-delà de la limite de %d",
			len(zr.File), lim.MaxEntries)
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
	}
	if total > uint64(lim.MaxInflated) {
		return nil, check.Errorf("zip bomb refused: entries declare %d bytes once decompressed, over the %d-byte limit",
			"bombe zip refusée : les entrées déclarent %d octets une fois décompressées, au-delà de la limite de %d octets", total, lim.MaxInflated)
	}
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		if f.CompressedSize64 > 0 && f.UncompressedSize64/f.CompressedSize64 > uint64(lim.MaxRatio) && f.UncompressedSize64 > 1<<20 {
			return nil, check.Errorf("zip bomb refused: %s expands %d times", "bombe zip refusée : %s se décompresse en %d fois sa taille",
				name, f.UncompressedSize64/f.CompressedSize64)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, check.Errorf("corrupt document: cannot open %s (%v)", "document corrompu : impossible d'ouvrir %s (%v)", name, err)
		}
		return &capped{r: rc, left: lim.MaxInflated, name: name}, nil
	}
	return nil, check.Errorf("corrupt document: %s is missing", "document corrompu : %s absent", name)
}

// errInflated: the entry decompressed past the limit its header declared.
var errInflated = check.Errorf("zip bomb refused: decompressed data exceeds the limit",
	"bombe zip refusée : les données décompressées dépassent la limite")

type capped struct {
	r    io.ReadCloser
	left int64
	name string
}

func (c *capped) Read(p []byte) (int, error) {
	if c.left <= 0 {
		return 0, errInflated
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	if err != nil && !errors.Is(err, io.EOF) {
		return n, check.Errorf("corrupt document: %s: %v", "document corrompu : %s : %v", c.name, err)
	}
	return n, err
}

func (c *capped) Close() error { return c.r.Close() }

// xmlBlocks streams an office XML part: text inside para elements becomes
// a block; tab and break elements become spaces.
func xmlBlocks(r io.Reader, ns string, para, text map[string]bool, space map[string]bool) ([]contracts.Block, error) {
	d := xml.NewDecoder(r)
	var blocks []contracts.Block
	var cur strings.Builder
	depth, inText := 0, 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return blocks, nil
		}
		if err != nil {
			if errors.Is(err, errInflated) {
				return nil, err
			}
			return nil, check.Errorf("corrupt document: %v", "document corrompu (le lecteur XML dit « %v »)", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != ns {
				continue
			}
			switch {
			case para[t.Name.Local]:
				depth++
			case text[t.Name.Local]:
				inText++
			case space[t.Name.Local]:
				cur.WriteByte(' ')
			}
		case xml.EndElement:
			if t.Name.Space != ns {
				continue
			}
			switch {
			case para[t.Name.Local]:
				depth--
				if depth == 0 {
					if s := strings.Join(strings.Fields(cur.String()), " "); s != "" {
						blocks = append(blocks, contracts.Block{Text: s})
					}
					cur.Reset()
				}
			case text[t.Name.Local]:
				inText--
			}
		case xml.CharData:
			if depth > 0 && (inText > 0 || text == nil) {
				cur.Write(t)
			}
		}
	}
}

const (
	nsWord = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsODT  = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
)

// docxBlocks reads word/document.xml: one block per w:p (table cells are
// paragraphs too).
func docxBlocks(r io.ReaderAt, size int64, lim Limits) ([]contracts.Block, error) {
	rc, err := openEntry(r, size, "word/document.xml", lim)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return xmlBlocks(rc, nsWord, map[string]bool{"p": true}, map[string]bool{"t": true}, map[string]bool{"tab": true, "br": true, "cr": true})
}

// odtBlocks reads content.xml: one block per text:p or text:h.
func odtBlocks(r io.ReaderAt, size int64, lim Limits) ([]contracts.Block, error) {
	rc, err := openEntry(r, size, "content.xml", lim)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return xmlBlocks(rc, nsODT, map[string]bool{"p": true, "h": true}, nil, map[string]bool{"s": true, "tab": true, "line-break": true})
}
