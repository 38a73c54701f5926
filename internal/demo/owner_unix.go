//go:build unix

package demo

import (
	"io/fs"
	"os"
	"syscall"
)

// ownedByMe reports whether this user owns the file: another user's demo
// folder is theirs to remove.
func ownedByMe(info fs.FileInfo) bool {
	st, ok := info.Sys().(*syscall.Stat_t)
	return ok && int(st.Uid) == os.Getuid()
}
