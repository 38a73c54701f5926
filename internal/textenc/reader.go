package textenc

import (
	"bufio"
	"bytes"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// SniffSize is how much of a stream NewReader looks at to choose the
// encoding. It is larger than any real inventory, so those are judged whole,
// exactly as Decode judges them; a bigger file is judged on its start.
const SniffSize = 1 << 20

// NewReader decodes r to UTF-8 as Decode does, without holding the whole
// file: memory stays at SniffSize whatever the input's length. After the
// sniffed start, bytes that are not UTF-8 in a UTF-8 file become U+FFFD.
func NewReader(r io.Reader) io.Reader {
	br := bufio.NewReaderSize(r, SniffSize)
	head, _ := br.Peek(SniffSize) // a short file gives its whole self and io.EOF
	whole := len(head) < SniffSize
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		_, _ = br.Discard(3)
		head = head[3:]
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		// ExpectBOM: the BOM sets the byte order and is dropped.
		return transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder())
	}
	if validStart(head, whole) {
		return transform.NewReader(br, unicode.UTF8.NewDecoder())
	}
	return charmap.Windows1252.NewDecoder().Reader(br)
}

// validStart: head is UTF-8, allowing the last character to be cut by the
// end of the sniffed window when there is more to come.
func validStart(head []byte, whole bool) bool {
	if whole {
		return utf8.Valid(head)
	}
	for i := len(head) - 1; i >= 0 && i >= len(head)-utf8.UTFMax; i-- {
		if utf8.RuneStart(head[i]) {
			if !utf8.FullRune(head[i:]) {
				head = head[:i]
			}
			break
		}
	}
	return utf8.Valid(head)
}
