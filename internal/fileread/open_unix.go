//go:build unix

package fileread

import (
	"io/fs"
	"os"
	"syscall"
)

// openNonBlocking: O_NONBLOCK makes the open of a FIFO return at once, and
// makes the file pollable, so read deadlines work; it changes nothing for a
// regular file. O_NOCTTY: a terminal named as a file never becomes ours.
func openNonBlocking(path string) (*os.File, error) {
	fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOCTTY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	return os.NewFile(uintptr(fd), path), nil
}
