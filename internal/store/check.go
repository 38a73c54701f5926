package store

import (
	"context"
	"errors"
	"strings"

	"modernc.org/sqlite"

	"github.com/vigie-security/vigie/internal/check"
)

// Error is a history that cannot be used, told in every language; it
// always names the file.
type Error struct {
	Path string
	Text check.Text
	Err  error // the driver's error, if any
}

func (e *Error) Error() string {
	if e.Err != nil {
		return e.Text.EN + ": " + e.Err.Error()
	}
	return e.Text.EN
}

// In returns the message in lang.
func (e *Error) In(l check.Lang) string {
	if e.Err != nil {
		sep := ": "
		if l == check.FR {
			sep = " : " // French typography
		}
		reason := check.InLang(e.Err, l)
		if l == check.FR {
			reason = driverFR.Replace(reason)
		}
		return e.Text.In(l) + sep + reason
	}
	return e.Text.In(l)
}

func (e *Error) Unwrap() error { return e.Err }

// driverFR puts in French the drivers' own phrases a history error quotes
// (pgx's, and SQLite's for the codes explain names); a PostgreSQL server's
// messages are left as its lc_messages wrote them.
var driverFR = strings.NewReplacer(
	"failed to connect to ", "connexion impossible à ",
	"dial error", "erreur de connexion",
	"hostname resolving error", "résolution du nom impossible",
	"server refused TLS connection", "le serveur refuse TLS",
	"cannot parse ", "lecture impossible de ",
	"failed to parse as URL", "pas une URL lisible",
	"failed to parse as keyword/value", "pas une suite clé=valeur lisible",
	"invalid port", "port illisible",
	"attempt to write a readonly database", "écriture dans une base en lecture seule",
	"unable to open database file", "ouverture du fichier de base impossible",
	"disk I/O error", "erreur d'entrée-sortie du disque",
	"database or disk is full", "base ou disque plein",
)

func refuse(path, en, fr string, args ...any) *Error {
	return &Error{Path: path, Text: check.Textf(en, fr, append([]any{path}, args...)...)}
}

// SQLite's primary result codes this package explains.
const (
	sqliteBusy   = 5
	sqliteLocked = 6
	sqliteNotADB = 26

	sqlitePerm     = 3
	sqliteReadonly = 8
	sqliteCantOpen = 14
)

// explain turns a driver error on path into a message a person can act on;
// other says what any other error means.
func explain(path string, o options, err error, other check.Text) error {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return &Error{Path: path, Text: other, Err: err}
	}
	switch se.Code() & 0xff {
	case sqliteBusy, sqliteLocked:
		return refuse(path, "history %q is locked by another program (waited %v)",
			"l'historique %q est verrouillé par un autre programme (attente de %v)", o.busy)
	case sqlitePerm, sqliteReadonly, sqliteCantOpen:
		return &Error{Path: path, Text: unusable(path), Err: err}
	case sqliteNotADB:
		return refuse(path, "%q is not a vigie history file (not a SQLite database)",
			"%q n'est pas un historique vigie (pas une base SQLite)")
	}
	return &Error{Path: path, Text: other, Err: err}
}

func unusable(path string) check.Text {
	return check.Textf("history %q cannot be written", "l'historique %q n'est pas accessible en écriture", path)
}

func foreign(path string) check.Text {
	return check.Textf("%q is not a vigie history file (its tables differ), or it is unreadable",
		"%q n'est pas un historique vigie (ses tables diffèrent), ou il est illisible", path)
}

func unreadable(path string) check.Text {
	return check.Textf("history %q cannot be read", "l'historique %q est illisible", path)
}

// Check tells, before a long scan, whether the history can record it: the
// file is (or can be created as) a vigie history, readable, and writable
// now, with no other program holding its lock past the busy timeout. A
// missing file is created, empty and private, as Open would; a PostgreSQL
// database gets its tables.
func Check(ctx context.Context, history string, opts ...Option) error {
	s, err := Open(ctx, history, opts...)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.current(ctx); err != nil {
		return &Error{Path: s.path, Text: foreign(s.path), Err: masked{err, s.secret}}
	}
	if s.d == postgresDB {
		return s.checkPG(ctx)
	}
	// Take the write lock and let it go: the only way to know a write will
	// not wait behind another program.
	tx, err := s.db.BeginTx(ctx, nil) // BEGIN IMMEDIATE, see dsn
	if err != nil {
		return explain(s.path, s.o, err, unusable(s.path))
	}
	return tx.Rollback()
}
