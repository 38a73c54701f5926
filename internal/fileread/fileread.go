// Package fileread opens the files vigie reads (configs, target lists, CA
// files, policies, stored-password files, inventories, waivers) so that no
// open and no read can wait forever: a named pipe with no writer, a device
// or a folder named by mistake gives an error that names the path.
package fileread

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

// Timeout bounds the reads of a pipe or character device, such as the
// `<(…)` of a shell; regular files never wait.
const Timeout = 10 * time.Second

// wait bounds a pipe's reads and how long it may stay without a writer
// (Timeout; tests shorten it).
var wait = Timeout

// Error says why a path was not read, in English and French.
type Error struct {
	Path string
	Text check.Text
}

func (e *Error) Error() string          { return e.Text.EN }
func (e *Error) In(l check.Lang) string { return e.Text.In(l) }

func refuse(path, en, fr string) *Error {
	return &Error{Path: path, Text: check.Text{EN: path + ": " + en, FR: path + " : " + fr}}
}

// Open opens path for reading without waiting on the open. A regular file
// is opened as usual; a named pipe or a character device gets a read
// deadline of Timeout; a folder, a socket or a block device is refused.
func Open(path string) (*os.File, error) { return open(path, wait) }

func open(path string, wait time.Duration) (*os.File, error) {
	f, err := openNonBlocking(path)
	if err != nil {
		if fi, serr := os.Stat(path); serr == nil && !fi.Mode().IsRegular() && !fi.IsDir() {
			return nil, refuse(path, fmt.Sprintf("not a regular file (%s)", fi.Mode().Type()), fmt.Sprintf("pas un fichier ordinaire (%s)", fi.Mode().Type()))
		}
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	switch m := fi.Mode(); {
	case m.IsRegular():
		return f, nil
	case m.IsDir():
		f.Close()
		return nil, refuse(path, "a folder, not a file", "un dossier, pas un fichier")
	case m&(fs.ModeNamedPipe|fs.ModeCharDevice) != 0:
		if err := f.SetReadDeadline(time.Now().Add(wait)); err != nil {
			f.Close()
			return nil, refuse(path, "a pipe or device that cannot be read with a time limit", "un tube ou périphérique illisible avec une limite de temps")
		}
		return f, nil
	default:
		f.Close()
		return nil, refuse(path, fmt.Sprintf("not a regular file (%s)", m.Type()), fmt.Sprintf("pas un fichier ordinaire (%s)", m.Type()))
	}
}

// ReadAll reads path whole, refusing more than max bytes, and says so when
// a pipe sends nothing at all: reading no config or no waiver from a FIFO
// nobody writes to must not pass for an empty file.
func ReadAll(path string, max int64) ([]byte, error) { return ReadAllWithin(path, max, wait) }

// ReadAllWithin is ReadAll with wait in place of Timeout, for a caller
// that bounds its pipes otherwise (the waivers' ReadTimeout).
func ReadAllWithin(path string, max int64, wait time.Duration) ([]byte, error) {
	f, err := open(path, wait)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	fifo := fi.Mode()&fs.ModeNamedPipe != 0
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	// A pipe read before its writer opened it reads as empty: wait for the
	// writer (a shell's <(…) starts it alongside vigie), within the deadline.
	for until := time.Now().Add(wait); fifo && err == nil && len(data) == 0 && time.Now().Before(until); {
		time.Sleep(20 * time.Millisecond)
		data, err = io.ReadAll(io.LimitReader(f, max+1))
	}
	switch {
	case fifo && len(data) == 0 && (err == nil || errors.Is(err, os.ErrDeadlineExceeded)):
		// The deadline set at the open may pass during the wait above: a
		// FIFO that never sent a byte had no writer, whichever came first.
		return nil, refuse(path, fmt.Sprintf("nothing was written to it within %v (no writer on the pipe)", wait),
			fmt.Sprintf("rien n'y a été écrit en %v (aucun écrivain sur le tube)", wait))
	case errors.Is(err, os.ErrDeadlineExceeded):
		return nil, refuse(path, fmt.Sprintf("nothing more came within %v", wait), fmt.Sprintf("plus rien n'est venu en %v", wait))
	case err != nil:
		return nil, check.Errorf("reading %s: %v", "lecture de %s : %v", path, err)
	case int64(len(data)) > max:
		return nil, refuse(path, fmt.Sprintf("larger than %d KB, is this the right file?", max>>10),
			fmt.Sprintf("plus de %d Ko, est-ce le bon fichier ?", max>>10))
	}
	return data, nil
}
