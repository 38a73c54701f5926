//go:build !unix

package contractdoc

import "os"

// openNonBlocking: without named pipes of the Unix kind, a plain open.
func openNonBlocking(path string) (*os.File, error) { return os.Open(path) }
