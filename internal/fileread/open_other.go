//go:build !unix

package fileread

import "os"

// openNonBlocking: without Unix named pipes, a plain open.
func openNonBlocking(path string) (*os.File, error) { return os.Open(path) }
