package pwpolicy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf16"
)

// decodeText turns UTF-16 (with its BOM: LE as Windows exports write it, or
// BE) or UTF-8 (BOM tolerated) into UTF-8.
func decodeText(data []byte) []byte {
	if len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF) {
		le := data[0] == 0xFF
		u := make([]uint16, 0, len(data)/2)
		for i := 2; i+1 < len(data); i += 2 {
			if le {
				u = append(u, uint16(data[i])|uint16(data[i+1])<<8)
			} else {
				u = append(u, uint16(data[i])<<8|uint16(data[i+1]))
			}
		}
		return []byte(string(utf16.Decode(u)))
	}
	return bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
}

// jsonError names the line and column of a JSON syntax or type error.
func jsonError(name string, data []byte, err error) error {
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	if off < 0 {
		return fmt.Errorf("%s: %v", name, err)
	}
	line, col := lineCol(data, int(off))
	return fmt.Errorf("%s:%d:%d: %v", name, line, col, err)
}

func lineCol(data []byte, off int) (int, int) {
	off = min(off, len(data))
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := off - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}

// lineOf is the line where key first appears, for errors about its value.
func lineOf(data []byte, key string) int {
	i := bytes.Index(data, []byte(key))
	if i < 0 {
		return 0
	}
	l, _ := lineCol(data, i)
	return l
}

func ptr[T any](v T) *T { return &v }
