package store

import (
	"context"
	"errors"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/vigie-security/vigie/internal/check"
)

// DefaultStatementTimeout bounds every statement vigie sends to PostgreSQL.
const DefaultStatementTimeout = 30 * time.Second

// pgConnectTimeout bounds reaching the server when the URL sets no connect_timeout.
const pgConnectTimeout = 10 * time.Second

// pgLock is the advisory lock key (ASCII "vigi") that serialises schema
// changes and saves across processes sharing one database: shards saving
// at once must not interleave their pruning and deadlock.
const pgLock = 0x76696769

// IsPostgres tells whether a history names a PostgreSQL database
// (postgres:// or postgresql://) rather than a SQLite file.
func IsPostgres(history string) bool {
	l := strings.ToLower(history)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// Redact is dsn fit to print: postgres://user:***@host/db, with any
// password given as a parameter masked too. A URL it cannot parse is
// printed as its scheme only, since where the password is is unknown; a
// file path is printed as it is.
func Redact(dsn string) string {
	if !strings.Contains(dsn, "://") { // a SQLite file: a path holds no password
		return dsn
	}
	u, err := url.Parse(dsn)
	if err != nil || u.Host == "" {
		scheme, _, _ := strings.Cut(dsn, ":")
		if !IsPostgres(dsn) {
			scheme = "postgres"
		}
		return strings.ToLower(scheme) + "://***"
	}
	var b strings.Builder
	b.WriteString(strings.ToLower(u.Scheme) + "://")
	if u.User != nil {
		b.WriteString(url.PathEscape(u.User.Username()))
		if _, has := u.User.Password(); has {
			b.WriteString(":***")
		}
		b.WriteByte('@')
	}
	b.WriteString(u.Host + u.EscapedPath())
	if q := u.Query(); len(q) > 0 {
		for k := range q {
			if l := strings.ToLower(k); strings.Contains(l, "password") || l == "sslkey" {
				q[k] = []string{"***"}
			}
		}
		b.WriteString("?" + strings.ReplaceAll(q.Encode(), "%2A%2A%2A", "***"))
	}
	return b.String()
}

func openPostgres(ctx context.Context, dsn string, o options) (*Store, error) {
	name := Redact(dsn)
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, &Error{Path: name, Text: check.Textf("history %q is not a valid PostgreSQL URL", "l'historique %q n'est pas une URL PostgreSQL valide", name),
			Err: masked{err, passwordOf(dsn)}}
	}
	if cfg.ConnectTimeout <= 0 {
		cfg.ConnectTimeout = pgConnectTimeout
	}
	cfg.RuntimeParams["statement_timeout"] = strconv.FormatInt(o.statement.Milliseconds(), 10)
	cfg.RuntimeParams["lock_timeout"] = strconv.FormatInt(o.busy.Milliseconds(), 10)
	if cfg.RuntimeParams["application_name"] == "" {
		cfg.RuntimeParams["application_name"] = "vigie"
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(4) // one scan saves in one transaction; a few for readers
	db.SetConnMaxIdleTime(time.Minute)
	s := &Store{db: db, path: name, o: o, d: postgresDB, secret: cfg.Password}
	if err := s.pgSchema(ctx); err != nil {
		db.Close()
		return nil, s.explain(err, foreign(name))
	}
	return s, nil
}

// pgSchema creates or upgrades the tables, once for all the processes
// that open the database together. A database already current is only read,
// so that a user without CREATE can still read and write the history.
func (s *Store) pgSchema(ctx context.Context) error {
	if s.current(ctx) == nil {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, pgLock); err != nil {
		return err
	}
	for _, q := range append(s.d.schema(), `ALTER TABLE scans ADD COLUMN IF NOT EXISTS demo INTEGER NOT NULL DEFAULT 0`) {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// current tells whether every column the store uses is there.
func (s *Store) current(ctx context.Context) error {
	for _, q := range columns {
		rows, err := s.db.QueryContext(ctx, q)
		if err != nil {
			return err
		}
		rows.Close()
	}
	return nil
}

// SQLSTATE codes this package explains.
const (
	pgAuth        = "28P01"
	pgAuthSpec    = "28000"
	pgNoDatabase  = "3D000"
	pgPrivilege   = "42501"
	pgLockTimeout = "55P03"
	pgCanceled    = "57014"
)

func explainPG(name string, o options, err error, other check.Text, secret string) error {
	err = masked{err, secret}
	var pe *pgconn.PgError
	var ce *pgconn.ConnectError
	switch {
	case errors.As(err, &pe) && (pe.Code == pgAuth || pe.Code == pgAuthSpec):
		return &Error{Path: name, Text: check.Textf("history %q: PostgreSQL refused the login", "historique %q : PostgreSQL a refusé la connexion", name), Err: err}
	case errors.As(err, &pe) && pe.Code == pgNoDatabase:
		return &Error{Path: name, Text: check.Textf("history %q: the database does not exist", "historique %q : la base n'existe pas", name), Err: err}
	case errors.As(err, &pe) && pe.Code == pgPrivilege:
		return &Error{Path: name, Text: unusable(name), Err: err}
	case errors.As(err, &pe) && pe.Code == pgLockTimeout:
		return refuse(name, "history %q is locked by another program (waited %v)",
			"l'historique %q est verrouillé par un autre programme (attente de %v)", o.busy)
	case errors.As(err, &pe) && pe.Code == pgCanceled:
		return &Error{Path: name, Text: check.Textf("history %q: a statement took longer than %v (statement timeout)",
			"historique %q : une requête a duré plus de %v (délai maximal)", name, o.statement), Err: err}
	case errors.As(err, &ce):
		return &Error{Path: name, Text: check.Textf("history %q: PostgreSQL cannot be reached", "historique %q : PostgreSQL est injoignable", name), Err: err}
	}
	return &Error{Path: name, Text: other, Err: err}
}

// masked is a driver error with the password, should it appear, replaced.
type masked struct {
	err    error
	secret string
}

func (m masked) Error() string { return m.mask(m.err.Error()) }

// In is the driver's error in l, as masked as Error.
func (m masked) In(l check.Lang) string { return m.mask(check.InLang(m.err, l)) }

func (m masked) mask(s string) string {
	if m.secret == "" {
		return s
	}
	return strings.ReplaceAll(s, m.secret, "***")
}

func (m masked) Unwrap() error { return m.err }

func passwordOf(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		p, _ := u.User.Password()
		return p
	}
	return ""
}

// checkPG takes the locks a Save takes and lets them go.
func (s *Store) checkPG(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.explain(err, unusable(s.path))
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `LOCK TABLE scans, findings IN ROW EXCLUSIVE MODE`); err != nil {
		return s.explain(err, unusable(s.path))
	}
	return nil
}
