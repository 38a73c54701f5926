package waiver

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
	"time"
)

// ReadTimeout bounds how long reading a waiver file may wait for data: a
// FIFO or a pipe (--waivers <(…)) whose writer stalls must not hang vigie.
var ReadTimeout = 10 * time.Second

// read reads a waiver file, at most MaxSize bytes, within ReadTimeout; a
// missing file's error wraps fs.ErrNotExist.
func read(file string) ([]byte, error) {
	// O_NONBLOCK: opening a FIFO nobody writes to would otherwise block
	// forever; it changes nothing for a regular file.
	fd, err := syscall.Open(file, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOCTTY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, fmt.Errorf("reading waivers: %w", &fs.PathError{Op: "open", Path: file, Err: err})
	}
	f := os.NewFile(uintptr(fd), file) // non-blocking, so pipes and FIFOs get deadlines
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("reading waivers %s: %w", file, err)
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("reading waivers %s: a folder, not a file", file)
	}
	f.SetReadDeadline(time.Now().Add(ReadTimeout)) // ErrNoDeadline for a regular file, which never blocks
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	switch {
	case errors.Is(err, os.ErrDeadlineExceeded):
		return nil, fmt.Errorf("reading waivers %s: nothing more came within %v", file, ReadTimeout)
	case err != nil:
		return nil, fmt.Errorf("reading waivers %s: %w", file, err)
	case len(data) > MaxSize:
		return nil, fmt.Errorf("%s: larger than %d KB", file, MaxSize>>10)
	case len(data) == 0 && fi.Mode()&fs.ModeNamedPipe != 0:
		// A FIFO with no writer reads as empty: applying no waiver would be silent.
		return nil, fmt.Errorf("reading waivers %s: nothing was written to it (no writer on the FIFO)", file)
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
	return fmt.Errorf("writing waivers %s: not a regular file (%v), vigie only appends to a file", file, fi.Mode().Type())
}
