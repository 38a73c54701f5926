package atomicfile

import (
	"os"
	"strings"
	"syscall"
	"time"
)

// tmpInfix sits between ".<name>" and os.CreateTemp's random digits.
const tmpInfix = ".tmp-"

// StaleAfter is how old a leftover temporary file must be before a later
// write removes it: a write in progress never lasts that long, a process
// killed mid-write (SIGKILL, power cut) leaves its file behind forever.
const StaleAfter = time.Hour

// maxScan bounds how many names of a folder are read looking for leftovers.
const maxScan = 10_000

// removeStale deletes the leftovers of earlier writes to dir/base: only
// regular files named exactly ".<base>.tmp-<digits>", owned by this user,
// last changed more than StaleAfter ago. Failures are ignored: cleaning up
// must never stop a write.
func removeStale(dir, base string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	defer d.Close()
	prefix := "." + base + tmpInfix
	for seen := 0; seen < maxScan; {
		names, err := d.Readdirnames(256)
		seen += len(names)
		for _, n := range names {
			if digits, ok := strings.CutPrefix(n, prefix); ok && allDigits(digits) {
				removeIfStale(strings.TrimSuffix(dir, "/") + "/" + n)
			}
		}
		if err != nil {
			return
		}
	}
}

func removeIfStale(p string) {
	fi, err := os.Lstat(p)
	if err != nil || !fi.Mode().IsRegular() || time.Since(fi.ModTime()) < StaleAfter {
		return
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); !ok || int(st.Uid) != os.Geteuid() {
		return
	}
	os.Remove(p)
}

func allDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}
