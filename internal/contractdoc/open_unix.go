//go:build unix

package contractdoc

import (
	"os"
	"syscall"
)

// openNonBlocking opens read-only without waiting: should the path become
// a named pipe between the mode check and the open, open returns at once
// instead of waiting for a writer. Reads of a regular file ignore the flag.
func openNonBlocking(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
