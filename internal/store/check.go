package store

import (
	"context"
	"errors"
	"regexp"
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
			reason = driverInFR(reason)
		}
		return e.Text.In(l) + sep + reason
	}
	return e.Text.In(l)
}

func (e *Error) Unwrap() error { return e.Err }

// driverFR puts in French the drivers' own phrases a history error quotes
// (pgx's, and SQLite's for the codes explain names), with French
// typography before their colons; a PostgreSQL server's messages are left
// as its lc_messages wrote them, and the system's reasons inside them
// (a refused connection) are check.InLang's.
var driverFR = strings.NewReplacer(
	"failed to connect to `", "connexion impossible à `",
	"cannot parse `", "lecture impossible de `",
	"`:\n\t", "` :\n\t",
	"`: ", "` : ",
	"dial error: ", "erreur de connexion : ",
	"tls error: ", "erreur TLS : ",
	"hostname resolving error: ", "résolution du nom impossible : ",
	"server refused TLS connection", "le serveur refuse TLS",
	"server error: ", "erreur du serveur : ",
	"failed to receive message: ", "réception impossible : ",
	"failed to write startup message: ", "envoi du message de démarrage impossible : ",
	"failed to write password message: ", "envoi du mot de passe impossible : ",
	"failed SASL auth: ", "échec de l'authentification SASL : ",
	"timeout: délai", "délai",
	"timeout: ", "délai : ",
	"failed to parse as URL", "pas une URL lisible",
	"failed to parse as keyword/value", "pas une suite clé=valeur lisible",
	"failed to configure TLS", "configuration TLS impossible",
	"sslmode is invalid", "valeur de sslmode inconnue",
	"unable to read CA file: ", "lecture du fichier d'autorités (CA) impossible : ",
	"unable to add CA to cert pool", "aucun certificat lisible dans le fichier d'autorités (CA)",
	"unable to read sslkey: ", "lecture de sslkey impossible : ",
	"failed to decode sslkey", "sslkey illisible",
	"unable to read cert: ", "lecture du certificat impossible : ",
	"unable to load cert: ", "chargement du certificat impossible : ",
	"invalid connect_timeout", "connect_timeout illisible",
	"invalid sslcertmode", "sslcertmode illisible",
	"invalid keyword/value", "suite clé=valeur illisible",
	"invalid port", "port illisible",
	`end of string reached when looking for matching "]" in IPv6 host address in URI`, "« ] » manquant après l'adresse IPv6",
	"IPv6 host address may not be empty in URI", "adresse IPv6 vide",
	"unterminated quoted string in connection info string", "guillemet non fermé dans la chaîne de connexion",
	"forbidden NUL byte in connection string", "octet NUL interdit dans la chaîne de connexion",
	"attempt to write a readonly database", "écriture dans une base en lecture seule",
	"unable to open database file", "ouverture du fichier de base impossible",
	"disk I/O error", "erreur d'entrée-sortie du disque",
	"database or disk is full", "base ou disque plein",
)

// dialedServer is pgx's "address (host): " before each attempt's reason.
var dialedServer = regexp.MustCompile(`([^\s()]+ \([^\s()]*\)): `)

// driverInFR is a driver's text in French.
func driverInFR(s string) string {
	return dialedServer.ReplaceAllString(driverFR.Replace(s), "$1 : ")
}

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
