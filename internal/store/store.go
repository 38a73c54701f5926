// Package store keeps the history of scans in a SQLite file (pure Go
// driver, so the binary stays static) and tells what changed between two
// scans, finding by finding, through their stable fingerprints.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	_ "modernc.org/sqlite"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

// Store is an open history file.
type Store struct {
	db   *sql.DB
	path string
	o    options
}

// timeFormat has a fixed width, so that times stored as text sort as times
// ("05.5Z" would sort before "05Z" in RFC 3339 with trimmed zeros).
const timeFormat = "2006-01-02T15:04:05.000000000Z07:00"

func stamp(t time.Time) string { return t.UTC().Format(timeFormat) }

const schema = `
CREATE TABLE IF NOT EXISTS scans (
  id TEXT PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT NOT NULL,
  score INTEGER NOT NULL, grade TEXT NOT NULL, interrupted INTEGER NOT NULL, report BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS findings (
  scan_id TEXT NOT NULL REFERENCES scans(id), fingerprint TEXT NOT NULL, check_id TEXT NOT NULL,
  target TEXT NOT NULL, status TEXT NOT NULL, severity TEXT NOT NULL, PRIMARY KEY (scan_id, fingerprint));
CREATE INDEX IF NOT EXISTS scans_started ON scans(started_at);`

// Open opens or creates the history file, private to its owner (0600).
// Any name is a file name: '#', '?' and '%' are escaped in the SQLite URI.
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	o := settings(opts)
	if err := create(path); err != nil {
		return nil, err
	}
	name, err := dsn(path, o)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", name)
	if err != nil {
		return nil, fmt.Errorf("opening history %s: %w", path, err)
	}
	if _, err := db.ExecContext(ctx, schema); err != nil {
		db.Close()
		return nil, explain(path, o, err, foreign(path))
	}
	return &Store{db: db, path: path, o: o}, nil
}

// Close closes the file.
func (s *Store) Close() error { return s.db.Close() }

// Save records a scan, then deletes what the retention does not keep, in
// one transaction. Reports hold no secret and no personal record, so the
// report is kept for re-rendering later, with each finding's evidence cut
// to MaxEvidence, and none at all when the report would still pass
// MaxReport.
func (s *Store) Save(ctx context.Context, r report.Report) error {
	blob, err := keptReport(r)
	if err != nil {
		return fmt.Errorf("saving scan %s: %w", r.ScanID, err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return explain(s.path, s.o, err, unusable(s.path))
	}
	defer tx.Rollback()
	o := r.Scores.Overall
	if _, err := tx.ExecContext(ctx, `INSERT INTO scans VALUES (?,?,?,?,?,?,?)`, r.ScanID, stamp(r.StartedAt),
		stamp(r.FinishedAt), o.Score, string(o.Grade), r.Interrupted, blob); err != nil {
		return fmt.Errorf("saving scan %s: %w", r.ScanID, err)
	}
	st, err := tx.PrepareContext(ctx, `INSERT OR REPLACE INTO findings VALUES (?,?,?,?,?,?)`)
	if err != nil {
		return fmt.Errorf("saving scan %s: %w", r.ScanID, err)
	}
	defer st.Close()
	for _, f := range r.Findings {
		if _, err := st.ExecContext(ctx, r.ScanID, f.Fingerprint, f.CheckID, f.Target, string(f.Status), f.Severity.String()); err != nil {
			return fmt.Errorf("saving scan %s: %w", r.ScanID, err)
		}
	}
	if _, err := prune(ctx, tx, s.o.retention, r.ScanID, r.StartedAt); err != nil {
		return fmt.Errorf("saving scan %s: pruning: %w", r.ScanID, err)
	}
	return tx.Commit()
}

// Scan is one line of history.
type Scan struct {
	ID          string    `json:"scan_id"`
	StartedAt   time.Time `json:"started_at"`
	Score       int       `json:"score"`
	Grade       string    `json:"grade"`
	Interrupted bool      `json:"interrupted"`
}

// List returns the scans, newest first, at most limit.
func (s *Store) List(ctx context.Context, limit int) ([]Scan, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, started_at, score, grade, interrupted FROM scans ORDER BY started_at DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("reading history: %w", err)
	}
	defer rows.Close()
	var out []Scan
	for rows.Next() {
		var sc Scan
		var at string
		if err := rows.Scan(&sc.ID, &at, &sc.Score, &sc.Grade, &sc.Interrupted); err != nil {
			return nil, fmt.Errorf("reading history: %w", err)
		}
		sc.StartedAt, _ = time.Parse(time.RFC3339Nano, at)
		out = append(out, sc)
	}
	return out, rows.Err()
}

// ErrNoPrevious means the history holds no earlier complete scan.
var ErrNoPrevious = errors.New("no earlier scan in the history")

// Previous returns the statuses of the last complete scan before t, by fingerprint.
func (s *Store) Previous(ctx context.Context, before time.Time) (Scan, map[string]Finding, error) {
	var sc Scan
	var at string
	err := s.db.QueryRowContext(ctx, `SELECT id, started_at, score, grade FROM scans WHERE started_at < ? AND interrupted = 0
		ORDER BY started_at DESC LIMIT 1`, stamp(before)).Scan(&sc.ID, &at, &sc.Score, &sc.Grade)
	if errors.Is(err, sql.ErrNoRows) {
		return Scan{}, nil, ErrNoPrevious
	}
	if err != nil {
		return Scan{}, nil, fmt.Errorf("reading history: %w", err)
	}
	sc.StartedAt, _ = time.Parse(time.RFC3339Nano, at)
	rows, err := s.db.QueryContext(ctx, `SELECT fingerprint, check_id, target, status FROM findings WHERE scan_id = ?`, sc.ID)
	if err != nil {
		return Scan{}, nil, fmt.Errorf("reading history: %w", err)
	}
	defer rows.Close()
	out := map[string]Finding{}
	for rows.Next() {
		var f Finding
		var st string
		if err := rows.Scan(&f.Fingerprint, &f.CheckID, &f.Target, &st); err != nil {
			return Scan{}, nil, fmt.Errorf("reading history: %w", err)
		}
		f.Status = check.Status(st)
		out[f.Fingerprint] = f
	}
	return sc, out, rows.Err()
}

// Finding is what the history keeps of a finding.
type Finding struct {
	Fingerprint string       `json:"fingerprint"`
	CheckID     string       `json:"check_id"`
	Target      string       `json:"target"`
	Status      check.Status `json:"status"`
}
