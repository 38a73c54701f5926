package report

import "bytes"

// indentJSON appends src, compact JSON as encoding/json writes it (no space
// outside strings), indented exactly as json.Indent(dst, src, prefix,
// indent) would: the JSON report's findings come from the spool compact,
// and json.Indent's general scanner was a third of the report's writing.
// Strings, most of the bytes, are copied whole up to their closing quote:
// the report is written on one core after the scan, so its speed is wall
// time.
func indentJSON(dst, src []byte, prefix, indent string) []byte {
	depth, open := 0, false
	// A newline and the indentation of the deepest level so far: each line
	// break appends a prefix of it.
	margin := append([]byte{'\n'}, prefix...)
	newline := func() {
		n := 1 + len(prefix) + depth*len(indent)
		for len(margin) < n {
			margin = append(margin, indent...)
		}
		dst = append(dst, margin[:n]...)
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		if open && c != '}' && c != ']' { // an empty {} or [] stays on its line
			open = false
			depth++
			newline()
		}
		switch c {
		case '"':
			end := stringEnd(src, i+1)
			dst = append(dst, src[i:end]...)
			i = end - 1
		case '{', '[':
			open = true
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, c, ' ')
		case '}', ']':
			if open {
				open = false
			} else {
				depth = max(depth-1, 0) // a stray closer (a spool line damaged on disk) must not cut a margin below none
				newline()
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// stringEnd is the index just past the quote that closes the string whose
// body starts at i (len(src) when it is not closed). The quote found is
// kept until an escape passes it: searching again from each escape made a
// string of many escapes (a JSON body quoted in evidence) quadratic.
func stringEnd(src []byte, i int) int {
	q := -1 // the first quote at or after i, once searched
	for {
		if q < i {
			n := bytes.IndexByte(src[i:], '"')
			if n < 0 {
				return len(src)
			}
			q = i + n
		}
		bs := bytes.IndexByte(src[i:q], '\\')
		if bs < 0 {
			return q + 1
		}
		i += bs + 2 // the escaped byte is never the end (and is before q)
	}
}
