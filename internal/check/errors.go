package check

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"net"
	"net/url"
	"os"
	"strings"
)

// TextError is an error a person reads, said in English and French. It
// wraps the errors it was made from, so errors.Is and errors.As see them.
type TextError struct {
	Text    Text
	wrapped []error
}

func (e *TextError) Error() string { return e.In(EN) }

func (e *TextError) In(l Lang) string {
	if e == nil {
		return "<nil>"
	}
	return e.Text.In(l)
}

func (e *TextError) Unwrap() []error {
	if e == nil {
		return nil
	}
	return e.wrapped
}

// Errorf is an error in both languages; Text and error arguments are put in
// each (an error through InLang, and wrapped: use %v for it, not %w).
func Errorf(en, fr string, args ...any) error {
	e := &TextError{Text: Textf(en, fr, args...)}
	for _, a := range args {
		if err, ok := a.(error); ok {
			e.wrapped = append(e.wrapped, err)
		}
	}
	return e
}

// Prefixed is an error after a prefix both languages share, such as
// "vigie.yaml:3:5: scan.rate: ".
type Prefixed struct {
	Prefix string
	Err    error
}

func (e Prefixed) Error() string    { return e.Prefix + e.Err.Error() }
func (e Prefixed) Unwrap() error    { return e.Err }
func (e Prefixed) In(l Lang) string { return e.Prefix + InLang(e.Err, l) }

type bilingual interface {
	error
	In(Lang) string
}

// InLang is err as a reader of l should read it. An error that knows both
// languages says itself in l; those wrapped by an English-only error (a
// fmt.Errorf("…: %w"), an errors.Join) are put in l inside the wrapper's
// text, so the wrapper's words (a path, a line) are never lost. In French,
// the reasons the system gives inside a file, network, URL or context error
// (a missing file, a refused connection) are put in French too; the rest of
// the text (a path, a tool's own message) is left as written.
func InLang(err error, l Lang) string {
	if err == nil {
		return ""
	}
	if t, ok := err.(bilingual); ok {
		return t.In(l)
	}
	s := err.Error()
	// A wrapper puts its own words before what it wraps, and a join puts
	// its errors in order: each is put in l from the last, searched for
	// only before the one after it.
	ts, end := bilinguals(err, nil), len(s)
	for i := len(ts) - 1; i >= 0; i-- {
		if en := ts[i].Error(); en != "" {
			if j := strings.LastIndex(s[:end], en); j >= 0 {
				s, end = s[:j]+ts[i].In(l)+s[j+len(en):], j
			}
		}
	}
	if l == FR {
		s = systemFR(err, s)
	}
	return s
}

// bilinguals are the outermost errors in err's tree that know both
// languages (each says what it wraps itself).
func bilinguals(err error, out []bilingual) []bilingual {
	if t, ok := err.(bilingual); ok {
		return append(out, t)
	}
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		if next := u.Unwrap(); next != nil {
			out = bilinguals(next, out)
		}
	case interface{ Unwrap() []error }:
		for _, next := range u.Unwrap() {
			if next != nil {
				out = bilinguals(next, out)
			}
		}
	}
	return out
}

// systemFR puts in French the reasons inside the standard library's errors:
// "open x: no such file or directory" reads "x : fichier ou dossier
// introuvable", "dial tcp a: connect: connection refused" reads "connexion à
// a : connexion refusée". Only the reason is translated, never the path.
func systemFR(err error, s string) string {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Err != nil {
		if en := pe.Error(); strings.Contains(s, en) {
			s = strings.ReplaceAll(s, en, pe.Path+" : "+reasonFR(pe.Err))
		}
	}
	var oe *net.OpError
	if errors.As(err, &oe) && oe.Err != nil && oe.Addr != nil {
		if en := oe.Error(); strings.Contains(s, en) {
			what := map[string]string{"dial": "connexion à ", "read": "lecture depuis ", "write": "écriture vers "}[oe.Op]
			if what == "" {
				what = oe.Op + " "
			}
			s = strings.ReplaceAll(s, en, what+oe.Addr.String()+" : "+reasonFR(oe.Err))
		}
	}
	var ue *url.Error
	if errors.As(err, &ue) && ue.Err != nil {
		if en := ue.Err.Error(); strings.Contains(s, en) {
			s = strings.ReplaceAll(s, en, reasonFR(ue.Err))
		}
	}
	for _, sentinel := range []error{context.DeadlineExceeded, context.Canceled, io.ErrUnexpectedEOF} {
		if en := sentinel.Error(); errors.Is(err, sentinel) {
			if i := strings.LastIndex(s, en); i >= 0 { // the reason, at the end; never a path's words
				s = s[:i] + reasonFR(sentinel) + s[i+len(en):]
			}
		}
	}
	return s
}

// reasonFR is a system's reason in French, without the system call's name
// ("connect: connection refused" reads "connexion refusée").
func reasonFR(err error) string {
	var se *os.SyscallError
	if errors.As(err, &se) && se.Err != nil {
		err = se.Err
	}
	return systemPhrases.Replace(err.Error())
}

// systemPhrases are the reasons of Go's standard library and of the system
// calls it wraps that reach a reader of vigie's errors.
var systemPhrases = strings.NewReplacer(
	"no such file or directory", "fichier ou dossier introuvable",
	"permission denied", "permission refusée",
	"is a directory", "est un dossier",
	"not a directory", "n'est pas un dossier",
	"file already exists", "le fichier existe déjà",
	"file exists", "le fichier existe déjà",
	"file does not exist", "fichier introuvable",
	"too many levels of symbolic links", "trop de liens symboliques",
	"read-only file system", "système de fichiers en lecture seule",
	"no space left on device", "plus de place sur le disque",
	"connection refused", "connexion refusée",
	"connection reset by peer", "connexion coupée par le serveur",
	"i/o timeout", "délai d'attente dépassé",
	"context deadline exceeded", "délai dépassé",
	"context canceled", "annulé",
	"no such host", "hôte inconnu",
	"network is unreachable", "réseau inaccessible",
	"no route to host", "hôte inaccessible",
	"unexpected EOF", "fin inattendue des données",
	"broken pipe", "connexion rompue",
	"invalid argument", "argument invalide",
	"unknown time zone", "fuseau horaire inconnu",
	"missing ']' in host", "« ] » manquant dans l'hôte",
	"invalid port", "port invalide",
	"invalid URL escape", "échappement d'URL invalide",
	"invalid control character in URL", "caractère de contrôle dans l'URL",
	"first path segment in URL cannot contain colon", "le premier segment du chemin ne peut contenir « : »",
	"missing protocol scheme", "schéma manquant",
)

// FileReason is a file error's reason alone ("no such file or directory"),
// for a message that names the path itself; other errors are returned as
// they are. The *fs.PathError stays in the chain (errors.Is sees it) and the
// reason is said in French too.
func FileReason(err error) error {
	if pe, ok := err.(*fs.PathError); ok && pe.Err != nil { // a wrapped one keeps its wrapper's words
		return fileReason{pe}
	}
	return err
}

type fileReason struct{ pe *fs.PathError }

func (r fileReason) Error() string { return r.pe.Err.Error() }
func (r fileReason) Unwrap() error { return r.pe }

func (r fileReason) In(l Lang) string {
	if l == FR {
		return reasonFR(r.pe.Err)
	}
	return r.Error()
}
