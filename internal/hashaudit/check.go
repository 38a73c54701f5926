package hashaudit

import (
	"bytes"
	"context"
	"errors"
	"io"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/fileread"
)

// CheckColumn tells, before a scan, whether the column named for path is
// there, or when none is named whether one is found (by its header or its
// values), reading the start of the file only, so that `--column nope` or a
// CSV with no password column is a usage error rather than an ERROR finding
// after the scan. A pipe is not read ahead: what it sends is read once, by
// the audit.
func CheckColumn(ctx context.Context, path, column string) error {
	f, err := fileread.Open(path)
	if err != nil {
		return check.Errorf("reading stored passwords: %v", "lecture des mots de passe stockés : %v", err)
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return nil
	}
	head := make([]byte, MaxLine)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return check.Errorf("reading stored passwords %s: %v", "lecture des mots de passe stockés %s : %v", path, err)
	}
	if column == "" {
		_, err := chooseColumn(head[:n], n < MaxLine, path)
		return err
	}
	first, _, _ := bytes.Cut(head[:n], []byte("\n"))
	_, _, err = Audit(ctx, bytes.NewReader(first), path, column)
	return err
}
