package pwpolicy

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/vigie-security/vigie/internal/check"
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
		return fileErr(name, "%s", "%s", jsonText(err))
	}
	line, col := lineCol(data, int(off))
	return check.Prefixed{Prefix: fmt.Sprintf("%s:%d:%d: ", name, line, col), Err: check.Errorf("%s", "%s", jsonText(err))}
}

func lineCol(data []byte, off int) (int, int) {
	off = min(off, len(data))
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := off - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}

// lineOf is the line where key first appears, for errors about its value.
func lineOf(data []byte, key string) int { return whole(data).lineOf(data, key) }

// lineErr is an error at a line of a file ("p.ldif:3: "), in both
// languages; a line of 0 (unknown) names the file alone.
func lineErr(name string, line int, en, fr string, args ...any) error {
	if line <= 0 {
		return fileErr(name, en, fr, args...)
	}
	return check.Prefixed{Prefix: fmt.Sprintf("%s:%d: ", name, line), Err: check.Errorf(en, fr, args...)}
}

// fileErr is an error about a whole file, in both languages.
func fileErr(name, en, fr string, args ...any) error {
	return check.Prefixed{Prefix: name + ": ", Err: check.Errorf(en, fr, args...)}
}

// maxLine bounds a line of a policy file: no format vigie reads needs a
// longer one, and the file's size (MaxSize) bounds how many there are.
const maxLine = 64 << 10

// eachLine calls fn with each line of data and its number (from 1, as an
// editor counts), until fn returns an error. The line formats (key =
// value, Label: value, LDIF, SHOW VARIABLES, secedit, AD text, pam.d,
// authselect.conf) read through it, so each has the same bound and the
// same error for a line past it, instead of stopping there silently.
func eachLine(name string, data []byte, fn func(line int, s string) error) error {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, maxLine)
	for line := 1; sc.Scan(); line++ {
		if err := fn(line, sc.Text()); err != nil {
			return err
		}
	}
	switch err := sc.Err(); {
	case err == nil:
		return nil
	case errors.Is(err, bufio.ErrTooLong):
		return fileErr(name, "a line longer than 64 KB: not a password-policy file", "une ligne de plus de 64 Ko : ce n'est pas un fichier de politique de mots de passe")
	default:
		return fmt.Errorf("%s: %w", name, err)
	}
}

func tx(en, fr string) check.Text { return check.Text{EN: en, FR: fr} }

func ptr[T any](v T) *T { return &v }
