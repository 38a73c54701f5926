package report

// indentJSON appends src, compact JSON as encoding/json writes it (no space
// outside strings), indented exactly as json.Indent(dst, src, prefix,
// indent) would: the JSON report's findings come from the spool compact,
// and json.Indent's general scanner was a third of the report's writing.
func indentJSON(dst, src []byte, prefix, indent string) []byte {
	depth := 0
	inString, escaped, open := false, false, false
	newline := func() {
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for range depth {
			dst = append(dst, indent...)
		}
	}
	for _, c := range src {
		if inString {
			dst = append(dst, c)
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			continue
		}
		if open && c != '}' && c != ']' { // an empty {} or [] stays on its line
			open = false
			depth++
			newline()
		}
		switch c {
		case '"':
			inString = true
			dst = append(dst, c)
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
				depth--
				newline()
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}
