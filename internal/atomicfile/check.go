package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"syscall"
)

// Check tells, before a long scan, whether Write(path) can succeed: the
// folder exists, path is not a folder, and it can be written. It writes
// nothing at path itself; for a file to replace it creates and removes a
// temporary file beside it, which is what Write needs. A FIFO is not opened
// (its reader may start later), only checked for permission.
func Check(path string) error {
	d, err := classify(path)
	if err != nil {
		return err
	}
	switch d.kind {
	case kindDescriptor:
		fl, err := fcntlFlags(d.fd)
		if err != nil {
			return refuse(path, "%q: descriptor %d is not open", "%q : le descripteur %d n'est pas ouvert", d.fd)
		}
		if fl&syscall.O_ACCMODE == syscall.O_RDONLY {
			return refuse(path, "%q: descriptor %d is open for reading only", "%q : le descripteur %d est ouvert en lecture seule", d.fd)
		}
		return nil
	case kindSpecial:
		if err := syscall.Access(path, 2 /* W_OK */); err != nil {
			return refuse(path, "%q cannot be written: %v", "%q n'est pas accessible en écriture : %v", err)
		}
		return nil
	}
	dir := tempDir(d.target)
	if len(dir) > 1 {
		dir = strings.TrimSuffix(dir, "/") // "file/" would not say "not a folder"
	}
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return refuse(path, "%q: folder %q does not exist", "%q : le dossier %q n'existe pas", dir)
	case err != nil:
		return refuse(path, "%q: folder %q cannot be read: %v", "%q : le dossier %q est illisible : %v", dir, err)
	case !fi.IsDir():
		return refuse(path, "%q: %q is not a folder", "%q : %q n'est pas un dossier", dir)
	}
	tmp, err := os.CreateTemp(dir, "."+rawBase(d.target)+tmpInfix+"*")
	if err != nil {
		return refuse(path, "%q cannot be written: no file can be created in %q (%v)",
			"%q n'est pas accessible en écriture : impossible de créer un fichier dans %q (%v)", dir, errors.Unwrap(err))
	}
	tmp.Close()
	os.Remove(tmp.Name())
	return nil
}

func fcntlFlags(fd int) (int, error) {
	r, _, e := syscall.Syscall(syscall.SYS_FCNTL, uintptr(fd), syscall.F_GETFL, 0)
	if e != 0 {
		return 0, e
	}
	return int(r), nil
}
