package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"syscall"

	"github.com/vigie-security/vigie/internal/check"
)

// writeDescriptor writes to one of this process's descriptors through a
// duplicate, so the offset and append mode the shell set are kept and the
// descriptor itself stays open.
func writeDescriptor(path string, fd int, write func(io.Writer) error) error {
	dup, err := syscall.Dup(fd)
	if err != nil {
		return refuse(path, "%q: descriptor %d is not open", "%q : le descripteur %d n'est pas ouvert", fd)
	}
	syscall.CloseOnExec(dup)
	f := os.NewFile(uintptr(dup), path)
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return wrap(path, err)
	}
	return nil
}

// writeSpecial writes a character device or a FIFO in place: no creation,
// no truncation, nothing renamed over it.
func writeSpecial(path string, write func(io.Writer) error) error {
	f, err := openSpecial(path)
	if err != nil {
		return err
	}
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return wrap(path, err)
	}
	return nil
}

// openSpecial opens path for writing without blocking: opening a FIFO with
// no reader would otherwise wait forever. The descriptor is made blocking
// again before use, so a slow reader slows the writer down instead of
// failing it.
func openSpecial(path string) (*os.File, error) {
	fd, err := syscall.Open(path, syscall.O_WRONLY|syscall.O_NONBLOCK|syscall.O_NOCTTY|syscall.O_CLOEXEC, 0)
	switch {
	case errors.Is(err, syscall.ENXIO):
		return nil, refuse(path, "no reader on FIFO %q: start the reader first", "aucun lecteur sur le FIFO %q : lancez d'abord le lecteur")
	case err != nil:
		return nil, wrap(path, &fs.PathError{Op: "open", Path: path, Err: err})
	}
	// What was opened may not be what was looked at: check again.
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		syscall.Close(fd)
		return nil, wrap(path, err)
	}
	if t := st.Mode & syscall.S_IFMT; t != syscall.S_IFCHR && t != syscall.S_IFIFO {
		syscall.Close(fd)
		return nil, refuse(path, "%q changed while it was opened", "%q a changé pendant son ouverture")
	}
	if err := syscall.SetNonblock(fd, false); err != nil {
		syscall.Close(fd)
		return nil, wrap(path, check.Errorf("clearing O_NONBLOCK: %v", "retrait de O_NONBLOCK : %v", err))
	}
	return os.NewFile(uintptr(fd), path), nil
}
