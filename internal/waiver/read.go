package waiver

import (
	"os"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/fileread"
)

// ReadTimeout bounds how long reading a waiver file may wait for data: a
// FIFO or a pipe (--waivers <(…)) whose writer stalls must not hang vigie.
var ReadTimeout = fileread.Timeout

// read reads a waiver file, at most MaxSize bytes, within ReadTimeout; a
// missing file's error wraps fs.ErrNotExist.
func read(file string) ([]byte, error) {
	data, err := fileread.ReadAllWithin(file, MaxSize, ReadTimeout)
	if err != nil {
		return nil, check.Errorf("reading waivers: %v", "lecture des dérogations : %v", err)
	}
	return data, nil
}

// replaceable refuses to rewrite what is not a regular file (or missing):
// Append reads the file whole, then writes it back.
func replaceable(file string) error {
	fi, err := os.Stat(file)
	if err != nil || fi.Mode().IsRegular() {
		return nil // a missing file is created; other errors come from read
	}
	return check.Errorf("writing waivers %s: not a regular file (%v), vigie only appends to a file",
		"écriture des dérogations %s : pas un fichier ordinaire (%v), vigie n'ajoute qu'à un fichier", file, check.FileKind(fi.Mode()))
}
