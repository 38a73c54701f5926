package contractdoc

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"encoding/ascii85"
	"io"

	"github.com/vigie-security/vigie/internal/check"
)

// maxObjStream bounds what one object stream may inflate to. The library
// inflates object streams itself, from the start, each time it resolves an
// object they hold, before any page can be checked; real ones hold a few
// hundred objects in a few hundred KB.
const maxObjStream = 16 << 20

// checkObjectStreams finds, in the raw file, every deflated stream (plain,
// or under ASCII85) and counts, into nothing, those that could be object
// streams: what they inflate to opens with two numbers, as an object
// stream's header does, or is text (ASCII85 still to decode), or opens
// with a PNG row filter byte (a predictor hides the text). Dictionaries are
// not read, since a crafted one can hide its /Type from a raw scan; what
// inflates is looked at instead. Binary streams (images, font programs)
// are left alone. Content streams and font maps are counted too, which
// only costs time: this pass has its own document budget, apart from the
// pages'. Encrypted object streams are not zlib data and are left to the
// library and the deadline.
func checkObjectStreams(r io.ReaderAt, size int64, perDoc int64) error {
	b := &inflateBudget{perDoc: perDoc}
	const window = 1 << 20
	buf := make([]byte, window+16)
	for start := int64(0); start < size; start += window {
		n, err := r.ReadAt(buf[:min(int64(len(buf)), size-start)], start)
		if err != nil && err != io.EOF {
			return check.Errorf("cannot read: %v", "lecture impossible : %v", err)
		}
		chunk := buf[:n]
		for i := 0; i < len(chunk) && i < window; {
			k := bytes.Index(chunk[i:], []byte("stream"))
			if k < 0 || i+k >= window {
				break // one seen again by the next window starts there
			}
			at := i + k
			i = at + len("stream")
			if at >= 3 && string(chunk[at-3:at]) == "end" {
				continue
			}
			data := start + int64(i)
			if err := b.inflateRaw(io.NewSectionReader(r, data, size-data), check.Textf("the stream at byte %d", "le flux à l'octet %d", start+int64(at))); err != nil {
				return err
			}
		}
	}
	return nil
}

// inflateRaw counts what the data after a "stream" keyword inflates to, if
// it is zlib data (or ASCII85 of it) that could be an object stream.
func (b *inflateBudget) inflateRaw(r io.Reader, what check.Text) error {
	br := bufio.NewReaderSize(r, 4096)
	c, err := br.ReadByte()
	if err == nil && c == '\r' {
		c, err = br.ReadByte()
	}
	if err != nil || c != '\n' {
		return nil // "stream" inside some other token
	}
	head, _ := br.Peek(2)
	var src io.Reader = br
	if len(head) == 2 && (head[0]&0x0F != 8 || (uint16(head[0])<<8|uint16(head[1]))%31 != 0) {
		src = ascii85.NewDecoder(ascii85Text{br}) // not a zlib header: ASCII85 then zlib, the one other chain
	}
	zr, err := zlib.NewReader(src)
	if err != nil {
		return nil // not deflated: nothing inflates
	}
	defer zr.Close()
	zb := bufio.NewReaderSize(zr, 4096)
	if peek, _ := zb.Peek(256); !objectStreamLike(peek) && !textLike(peek) {
		return nil
	}
	limit := min(maxObjStream, b.perDoc-b.spent)
	n, _ := io.Copy(io.Discard, io.LimitReader(zb, limit+1))
	if n > limit {
		return b.refuse(what, limit == maxObjStream, maxObjStream)
	}
	b.spent += n
	return nil
}

// objectStreamLike: the data opens with two numbers (comments and PDF
// white space skipped, as the library's lexer does), or with a PNG row
// filter byte.
func objectStreamLike(p []byte) bool {
	if len(p) > 0 && p[0] <= 4 && p[0] != 0 {
		return true
	}
	numbers := 0
	for i := 0; i < len(p); {
		switch c := p[i]; {
		case c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ':
			i++
		case c == '%':
			for i < len(p) && p[i] != '\n' && p[i] != '\r' {
				i++
			}
		case c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.':
			for i < len(p) && (p[i] >= '0' && p[i] <= '9' || p[i] == '+' || p[i] == '-' || p[i] == '.') {
				i++
			}
			if numbers++; numbers == 2 {
				return true
			}
		default:
			return false
		}
	}
	return numbers > 0 // cut short: count it
}

// refuse says which limit a stream passed: its own, or the document's.
func (b *inflateBudget) refuse(what check.Text, own bool, perStream int64) error {
	if own {
		return check.Errorf("PDF bomb refused: %s inflates past the %d-byte limit for one stream",
			"PDF piégé refusé : %s dépasse, décompressé, la limite de %d octets par flux", what, perStream)
	}
	return check.Errorf("PDF bomb refused: the document's streams inflate past the %d-byte limit (at %s)",
		"PDF piégé refusé : les flux du document dépassent, décompressés, la limite de %d octets (à %s)", b.perDoc, what)
}

func textLike(p []byte) bool {
	for _, c := range p {
		if (c < 0x20 || c > 0x7E) && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0 {
			return false
		}
	}
	return true
}

// ascii85Text drops what the ASCII85 decoder does not read (white space,
// the "~>" end), as the library does.
type ascii85Text struct{ r *bufio.Reader }

func (a ascii85Text) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		c, err := a.r.ReadByte()
		if err != nil {
			return n, err
		}
		if c == '~' {
			return n, io.EOF
		}
		if '!' <= c && c <= 'u' || c == 'z' {
			p[n] = c
			n++
		}
	}
	return n, nil
}
