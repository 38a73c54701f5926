// Package atomicfile writes files the way vigie writes everything it keeps:
// private from the start (mode 0600), and replaced in one step so that a
// reader never sees half a file.
//
// Only a regular file (or a path that does not exist yet) is replaced. A
// symbolic link is followed to its final target, so the link stays a link.
// A character device, a FIFO or an open descriptor (/dev/stdout, /dev/fd/N)
// is written in place: renaming over it would destroy it. A folder, a block
// device or a socket is refused.
package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"

	"github.com/vigie-security/vigie/internal/check"
)

// Write writes what write produces to path. Errors name the path.
func Write(path string, write func(io.Writer) error) error {
	d, err := classify(path)
	if err != nil {
		return err
	}
	switch d.kind {
	case kindDescriptor:
		return writeDescriptor(path, d.fd, write)
	case kindSpecial:
		return writeSpecial(path, write)
	}
	return replace(path, d.target, write)
}

// WriteBytes writes data to path (see Write).
func WriteBytes(path string, data []byte) error {
	return Write(path, func(w io.Writer) error { _, err := w.Write(data); return err })
}

// replace writes target through a temporary file in its folder and renames
// it over target. path is the name the caller gave, for messages.
func replace(path, target string, write func(io.Writer) error) error {
	dir, base := tempDir(target), rawBase(target)
	removeStale(dir, base)
	tmp, err := os.CreateTemp(dir, "."+base+tmpInfix+"*")
	if errors.Is(err, fs.ErrNotExist) {
		return refuse(path, "%q: folder %q does not exist", "%q : le dossier %q n'existe pas", dir)
	}
	if err != nil {
		return wrap(path, err)
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	for _, step := range []func() error{
		func() error { return tmp.Chmod(0o600) },
		func() error { return write(tmp) },
		tmp.Sync,
	} {
		if err := step(); err != nil {
			tmp.Close()
			return wrap(path, err)
		}
	}
	if err := tmp.Close(); err != nil {
		return wrap(path, err)
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return wrap(path, err)
	}
	return nil
}

// tempDir is the folder of target as written: the temporary file must sit
// beside the final file for the rename to be atomic.
func tempDir(target string) string {
	if d := rawDir(target); d != "" {
		return d
	}
	return "." // CreateTemp("") would mean the system temp folder
}

func wrap(path string, err error) error {
	if _, ok := err.(*Error); ok {
		return err
	}
	return check.Errorf("writing %s: %v", "écriture de %s : %v", path, err)
}
