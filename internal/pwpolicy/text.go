package pwpolicy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

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
