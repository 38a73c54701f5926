package inventory

import (
	"errors"
	"io/fs"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

// unwrap is a file error's reason alone ("no such file or directory"), for
// a message that names the path itself. The *fs.PathError stays in the
// chain, so errors.Is sees it and check.InLang puts the reason in French.
func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Err != nil {
		return fileReason{pe}
	}
	return err
}

type fileReason struct{ pe *fs.PathError }

func (r fileReason) Error() string { return r.pe.Err.Error() }
func (r fileReason) Unwrap() error { return r.pe }

// In is the reason InLang gives the whole PathError in l, less its path.
func (r fileReason) In(l check.Lang) string {
	if s, ok := strings.CutPrefix(check.InLang(r.pe, l), r.pe.Path+" : "); ok {
		return s
	}
	return r.Error()
}
