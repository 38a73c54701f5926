package atomicfile

import "github.com/vigie-security/vigie/internal/check"

// Error is a write refused for what the path is (a folder, a FIFO without a
// reader...), told in every language; it always names the path.
type Error struct {
	Path string
	Text check.Text
}

func (e *Error) Error() string { return e.Text.EN }

// In returns the message in lang.
func (e *Error) In(l check.Lang) string { return e.Text.In(l) }

func refuse(path, en, fr string, args ...any) *Error {
	return &Error{Path: path, Text: check.Textf(en, fr, append([]any{path}, args...)...)}
}
