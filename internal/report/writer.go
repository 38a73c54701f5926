package report

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

// Writer renders a report. Implementations never modify it.
type Writer interface {
	Write(ctx context.Context, w io.Writer, r Report) error
}

// Options shape what people read; machine formats ignore them.
type Options struct {
	Lang  check.Lang
	Color bool
	Width int // columns for the table; 0 means 100
}

// Formats lists every output format, for flags, config and help.
var Formats = []string{"table", "json"}

// For returns the writer of a format.
func For(format string, o Options) (Writer, error) {
	switch format {
	case "table":
		return Table{Options: o}, nil
	case "json":
		return JSON{}, nil
	}
	return nil, fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
}

// WriteFile writes a rendered report to path atomically with mode 0600: a
// reader never sees half a report, and the file is private from the start.
func WriteFile(ctx context.Context, path string, w Writer, r Report) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("writing report %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return fmt.Errorf("writing report %s: %w", path, err)
	}
	if err := w.Write(ctx, tmp, r); err != nil {
		tmp.Close()
		return fmt.Errorf("writing report %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("writing report %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing report %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing report %s: %w", path, err)
	}
	return nil
}
