package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

type kind int

const (
	kindReplace    kind = iota // a regular file, or nothing yet: temporary file + rename
	kindSpecial                // a character device or a FIFO: written in place
	kindDescriptor             // /dev/stdout, /dev/fd/N: this process's own descriptor
)

type dest struct {
	kind   kind
	target string // kindReplace: the final file, symlinks followed
	fd     int    // kindDescriptor
}

// maxLinks bounds how many symbolic links a path may go through (Linux's own limit).
const maxLinks = 40

// classify tells how path is written.
func classify(path string) (dest, error) {
	if path == "" {
		return dest{}, refuse(path, "no output file named", "aucun fichier de sortie indiqué")
	}
	if fd, ok := descriptor(path); ok {
		return dest{kind: kindDescriptor, fd: fd}, nil
	}
	if strings.HasSuffix(path, "/") {
		return dest{}, refuse(path, "%q is a folder, not a file", "%q est un dossier, pas un fichier")
	}
	target, err := resolve(path)
	if err != nil {
		return dest{}, err
	}
	if fd, ok := descriptor(target); ok {
		return dest{kind: kindDescriptor, fd: fd}, nil
	}
	fi, err := os.Lstat(target)
	if strings.HasPrefix(filepath.Clean(target), "/proc/") {
		// /proc links are not paths (pipe:[123]); let the kernel follow them.
		fi, err = os.Stat(path)
	}
	switch {
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
		// Nothing there yet; a missing folder is told when the file is created.
		return dest{kind: kindReplace, target: target}, nil
	case err != nil:
		return dest{}, wrap(path, err)
	}
	m := fi.Mode()
	switch {
	case m.IsRegular():
		return dest{kind: kindReplace, target: target}, nil
	case m.IsDir():
		return dest{}, refuse(path, "%q is a folder, not a file", "%q est un dossier, pas un fichier")
	case m&fs.ModeCharDevice != 0, m&fs.ModeNamedPipe != 0:
		return dest{kind: kindSpecial}, nil
	case m&fs.ModeDevice != 0:
		// Writing a report over a disk is never what was meant.
		return dest{}, refuse(path, "%q is a block device: vigie does not write reports over a disk",
			"%q est un périphérique bloc : vigie n'écrit pas de rapport sur un disque")
	}
	return dest{}, refuse(path, "%q is not a regular file, a device or a FIFO (%v): vigie will not replace it",
		"%q n'est ni un fichier ordinaire, ni un périphérique, ni un FIFO (%v) : vigie ne le remplace pas", m.Type())
}

// descriptor recognises the names of this process's open descriptors.
func descriptor(path string) (int, bool) {
	switch p := filepath.Clean(path); p {
	case "/dev/stdout":
		return 1, true
	case "/dev/stderr":
		return 2, true
	default:
		for _, dir := range []string{"/dev/fd/", "/proc/self/fd/", "/proc/" + strconv.Itoa(os.Getpid()) + "/fd/"} {
			if n, ok := strings.CutPrefix(p, dir); ok {
				fd, err := strconv.Atoi(n)
				return fd, err == nil && fd >= 0
			}
		}
	}
	return 0, false
}

// resolve follows symbolic links to the final name, which may not exist yet
// (a dangling link names the file to create). Nothing is cleaned lexically:
// "link/.." is not the folder holding link.
func resolve(path string) (string, error) {
	p := path
	for range maxLinks {
		fi, err := os.Lstat(p)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return p, nil
		}
		link, err := os.Readlink(p)
		if err != nil {
			return "", wrap(path, err)
		}
		if !filepath.IsAbs(link) {
			link = rawDir(p) + link
		}
		if strings.HasPrefix(link, "/proc/") {
			return link, nil // a magic link: classify asks the kernel
		}
		p = link
	}
	return "", refuse(path, "%q goes through more than %d symbolic links", "%q passe par plus de %d liens symboliques", maxLinks)
}

// rawDir is the folder part of p with its final slash, "" for a bare name.
func rawDir(p string) string { return p[:strings.LastIndexByte(p, '/')+1] }

// rawBase is the last element of p.
func rawBase(p string) string { return p[strings.LastIndexByte(p, '/')+1:] }
