package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
)

// dialect is the SQL engine behind a store. The SQL is written once, for
// SQLite, with '?' placeholders; PostgreSQL gets '$n' and its own types.
type dialect int

const (
	sqliteDB dialect = iota
	postgresDB
)

// q rewrites the placeholders of query for d.
func (d dialect) q(query string) string {
	if d != postgresDB {
		return query
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] != '?' {
			b.WriteByte(query[i])
			continue
		}
		n++
		b.WriteString("$" + strconv.Itoa(n))
	}
	return b.String()
}

// schema is the current layout. Times are fixed-width UTC text, compared
// byte by byte (COLLATE "C" in PostgreSQL, whose default collation may
// ignore punctuation).
func (d dialect) schema() []string {
	blob, text := "BLOB", "TEXT"
	if d == postgresDB {
		blob, text = "BYTEA", `TEXT COLLATE "C"`
	}
	return []string{
		`CREATE TABLE IF NOT EXISTS scans (
  id ` + text + ` PRIMARY KEY, started_at ` + text + ` NOT NULL, finished_at ` + text + ` NOT NULL,
  score INTEGER NOT NULL, grade TEXT NOT NULL, interrupted INTEGER NOT NULL, report ` + blob + ` NOT NULL,
  demo INTEGER NOT NULL DEFAULT 0)`,
		`CREATE TABLE IF NOT EXISTS findings (
  scan_id ` + text + ` NOT NULL REFERENCES scans(id), fingerprint TEXT NOT NULL, check_id TEXT NOT NULL,
  target TEXT NOT NULL, status TEXT NOT NULL, severity TEXT NOT NULL, PRIMARY KEY (scan_id, fingerprint))`,
		`CREATE INDEX IF NOT EXISTS scans_started ON scans(started_at)`,
	}
}

// columns lists what Check requires of each table.
var columns = []string{
	`SELECT id, started_at, finished_at, score, grade, interrupted, report, demo FROM scans LIMIT 0`,
	`SELECT scan_id, fingerprint, check_id, target, status, severity FROM findings LIMIT 0`,
}

// upgradeSQLite brings a history written before the demo marker to the
// current schema, in one transaction taken with the write lock (BEGIN
// IMMEDIATE, see dsn), so that two vigie opening the same old file cannot
// both add the column, and a crash leaves the old schema whole. A file
// already current is only read.
func upgradeSQLite(ctx context.Context, db *sql.DB) error {
	has := func(q interface {
		QueryRowContext(context.Context, string, ...any) *sql.Row
	}) (bool, error) {
		var n int
		err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM pragma_table_info('scans') WHERE name = 'demo'`).Scan(&n)
		return n > 0, err
	}
	if ok, err := has(db); err != nil || ok {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if ok, err := has(tx); err != nil || ok { // another vigie upgraded it while we waited
		return err
	}
	if _, err := tx.ExecContext(ctx, `ALTER TABLE scans ADD COLUMN demo INTEGER NOT NULL DEFAULT 0`); err != nil {
		return err
	}
	return tx.Commit()
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
