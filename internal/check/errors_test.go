package check

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestInLangKeepsWrappers(t *testing.T) {
	inner := Errorf("no column %q", "aucune colonne %q", "email")
	wrapped := fmt.Errorf("leads.csv:1: %w", inner)
	if got := InLang(wrapped, FR); got != `leads.csv:1: aucune colonne "email"` {
		t.Errorf("FR: %q", got)
	}
	if got := InLang(wrapped, EN); got != `leads.csv:1: no column "email"` {
		t.Errorf("EN: %q", got)
	}
	twice := Errorf("reading %s: %v", "lecture de %s : %v", "c.pdf", wrapped)
	if got := InLang(twice, FR); got != `lecture de c.pdf : leads.csv:1: aucune colonne "email"` {
		t.Errorf("Errorf of a wrapped error, FR: %q", got)
	}
}

func TestInLangSystemErrors(t *testing.T) {
	_, err := os.Open(filepath.Join(t.TempDir(), "nothere.csv"))
	wrapped := Errorf("reading the inventory: %v", "lecture de l'inventaire : %v", err)
	got := InLang(wrapped, FR)
	if strings.Contains(got, "open ") || strings.Contains(got, "no such") || !strings.Contains(got, "nothere.csv : fichier ou dossier introuvable") {
		t.Errorf("FR: %q", got)
	}
	if en := InLang(wrapped, EN); !strings.Contains(en, "no such file or directory") {
		t.Errorf("EN changed: %q", en)
	}
	var ctxErr error = context.DeadlineExceeded
	if got := InLang(fmt.Errorf("dial: %w", ctxErr), FR); got != "dial: délai dépassé" {
		t.Errorf("deadline FR: %q", got)
	}
}

func TestErrorfWraps(t *testing.T) {
	sentinel := Errorf("too big", "trop gros")
	err := Errorf("reading %s: %v", "lecture de %s : %v", "a.csv", fmt.Errorf("x: %w", sentinel))
	if !errors.Is(err, sentinel) {
		t.Error("errors.Is does not see the error Errorf was made from")
	}
	if !errors.Is(Errorf("waiting: %v", "attente : %v", context.DeadlineExceeded), context.DeadlineExceeded) {
		t.Error("a deadline inside Errorf is not seen")
	}
	if errors.Is(Errorf("too big", "trop gros"), sentinel) {
		t.Error("two errors with the same words are the same error")
	}
}

func TestInLangTranslatesOnlyTheReason(t *testing.T) {
	pe := &fs.PathError{Op: "open", Path: "/data/context canceled/file exists.csv", Err: syscall.EACCES}
	got := InLang(Errorf("reading %v", "lecture de %v", pe), FR)
	if want := "lecture de /data/context canceled/file exists.csv : permission refusée"; got != want {
		t.Errorf("a path is translated:\n got %q\nwant %q", got, want)
	}
	tool := errors.New(`invalid argument "bogus" for "--fail-on" flag`)
	if got := InLang(tool, FR); got != tool.Error() {
		t.Errorf("a tool's own message is half translated: %q", got)
	}
	addr := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 1}
	dial := &net.OpError{Op: "dial", Net: "tcp", Addr: addr, Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}
	if got := InLang(dial, FR); got != "connexion à 127.0.0.1:1 : connexion refusée" {
		t.Errorf("dial: %q", got)
	}
	read := &net.OpError{Op: "read", Net: "tcp", Addr: addr, Err: os.ErrDeadlineExceeded}
	if got := InLang(read, FR); !strings.HasPrefix(got, "lecture depuis 127.0.0.1:1 : ") {
		t.Errorf("read: %q", got)
	}
}

func TestInLangEveryWrappedError(t *testing.T) {
	a := Errorf("first problem", "premier problème")
	b := Errorf("second problem", "second problème")
	for err, want := range map[error]string{errors.Join(a, b): "premier problème\nsecond problème", fmt.Errorf("%w; %w", a, b): "premier problème; second problème"} {
		if got := InLang(err, FR); got != want {
			t.Errorf("%q, want %q", got, want)
		}
	}
	// One English text inside the other: each is put in French in its place.
	short, long := Errorf("timeout", "délai"), Errorf("read timeout", "lecture trop longue")
	if got := InLang(errors.Join(short, long), FR); got != "délai\nlecture trop longue" {
		t.Errorf("overlapping texts: %q", got)
	}
	// A sentinel's words inside a path are the path's.
	if got := InLang(fmt.Errorf("reading /srv/context canceled/a.csv: %w", context.Canceled), FR); got != "reading /srv/context canceled/a.csv: annulé" {
		t.Errorf("a path translated: %q", got)
	}
	var typedNil *TextError
	var err error = typedNil
	if got := InLang(err, FR); got != "<nil>" {
		t.Errorf("a typed nil: %q", got)
	}
}

func TestFileReason(t *testing.T) {
	_, err := os.Open(filepath.Join(t.TempDir(), "absent.csv"))
	r := FileReason(err)
	if r.Error() != "no such file or directory" || InLang(r, FR) != "fichier ou dossier introuvable" || !errors.Is(r, fs.ErrNotExist) {
		t.Errorf("%q, %q, %v", r.Error(), InLang(r, FR), errors.Is(r, fs.ErrNotExist))
	}
	in := Errorf("inventory %s: %v", "inventaire %s : %v", "absent.csv", r)
	if got := InLang(in, FR); got != "inventaire absent.csv : fichier ou dossier introuvable" {
		t.Errorf("%q", got)
	}
	plain := errors.New("x")
	if FileReason(plain) != plain {
		t.Error("another error is changed")
	}
}
