// Package store keeps the history of scans — in a SQLite file (pure Go
// driver, so the binary stays static) or in PostgreSQL, which several
// processes (shards, schedules) share — and tells what changed between two
// scans, finding by finding, through their stable fingerprints.
package store

import (
	"context"
	"database/sql"
	"time"

	_ "modernc.org/sqlite"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

// Store is an open history.
type Store struct {
	db     *sql.DB
	path   string // the file, or the PostgreSQL URL with its password masked
	o      options
	d      dialect
	secret string // PostgreSQL password, masked in every error
}

// timeFormat has a fixed width, so that times stored as text sort as times
// ("05.5Z" would sort before "05Z" in RFC 3339 with trimmed zeros).
const timeFormat = "2006-01-02T15:04:05.000000000Z07:00"

func stamp(t time.Time) string { return t.UTC().Format(timeFormat) }

// Open opens or creates a history: a PostgreSQL database when history is a
// postgres:// (or postgresql://) URL, otherwise a SQLite file, private to
// its owner (0600); any such name is a file name ('#', '?' and '%' are
// escaped in the SQLite URI). A history written by an older vigie is
// upgraded in place, in one transaction.
func Open(ctx context.Context, history string, opts ...Option) (*Store, error) {
	o := settings(opts)
	if IsPostgres(history) {
		return openPostgres(ctx, history, o)
	}
	path := history
	if err := create(path); err != nil {
		return nil, err
	}
	name, err := dsn(path, o)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", name)
	if err != nil {
		return nil, check.Errorf("opening history %s: %v", "ouverture de l'historique %s : %v", path, err)
	}
	for _, q := range sqliteDB.schema() {
		if _, err := db.ExecContext(ctx, q); err != nil {
			db.Close()
			return nil, explain(path, o, err, foreign(path))
		}
	}
	if err := upgradeSQLite(ctx, db); err != nil {
		db.Close()
		return nil, explain(path, o, err, foreign(path))
	}
	return &Store{db: db, path: path, o: o, d: sqliteDB}, nil
}

// Close closes the history.
func (s *Store) Close() error { return s.db.Close() }

func (s *Store) explain(err error, other check.Text) error {
	if s.d == postgresDB {
		return explainPG(s.path, s.o, err, other, s.secret)
	}
	return explain(s.path, s.o, err, other)
}

func (s *Store) exec(ctx context.Context, tx *sql.Tx, query string, args ...any) (sql.Result, error) {
	return tx.ExecContext(ctx, s.d.q(query), args...)
}

func (s *Store) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, s.d.q(query), args...)
}

func (s *Store) row(ctx context.Context, query string, args ...any) *sql.Row {
	return s.db.QueryRowContext(ctx, s.d.q(query), args...)
}

// ScanOption qualifies the scan a Save records or a Previous looks for.
type ScanOption func(*scanOptions)

type scanOptions struct{ demo bool }

// WithDemo marks the scan as a demo (vigie demo): kept and listed like
// any other, never the baseline of a real scan, nor a real one of a demo.
func WithDemo(demo bool) ScanOption { return func(o *scanOptions) { o.demo = demo } }

func scanSettings(opts []ScanOption) scanOptions {
	var o scanOptions
	for _, f := range opts {
		f(&o)
	}
	return o
}

// findingsBatch is how many findings one INSERT carries: far fewer round
// trips for a scan of 10,000 findings, well under SQLite's and
// PostgreSQL's limits on parameters.
const findingsBatch = 500

// Save records a scan, then deletes what the retention does not keep, in
// one transaction. Reports hold no secret and no personal record, so the
// report is kept for re-rendering later, with each finding's evidence cut
// to MaxEvidence, and none at all when the report would still pass
// MaxReport. In PostgreSQL, saves from several processes take turns.
func (s *Store) Save(ctx context.Context, r report.Report, opts ...ScanOption) error {
	so := scanSettings(opts)
	blob, err := keptReport(r)
	if err != nil {
		return check.Errorf("saving scan %s: %v", "enregistrement du scan %s : %v", r.ScanID, err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.explain(err, unusable(s.path))
	}
	defer tx.Rollback()
	fail := func(err error) error {
		return check.Errorf("saving scan %s: %v", "enregistrement du scan %s : %v", r.ScanID, s.explain(err, check.Textf("history %q did not record the scan",
			"l'historique %q n'a pas enregistré le scan", s.path)))
	}
	if s.d == postgresDB {
		if _, err := s.exec(ctx, tx, `SELECT pg_advisory_xact_lock(?)`, pgLock); err != nil {
			return fail(err)
		}
	}
	o := r.Scores.Overall
	if _, err := s.exec(ctx, tx, `INSERT INTO scans (id, started_at, finished_at, score, grade, interrupted, report, demo) VALUES (?,?,?,?,?,?,?,?)`,
		r.ScanID, stamp(r.StartedAt), stamp(r.FinishedAt), o.Score, string(o.Grade), b2i(r.Interrupted), blob, b2i(so.demo)); err != nil {
		return fail(err)
	}
	if err := s.saveFindings(ctx, tx, r); err != nil {
		return fail(err)
	}
	if _, err := s.prune(ctx, tx, s.o.retention, r.ScanID, r.StartedAt); err != nil {
		return check.Errorf("saving scan %s: pruning: %v", "enregistrement du scan %s : purge : %v", r.ScanID, s.explain(err, unusable(s.path)))
	}
	if err := tx.Commit(); err != nil {
		return fail(err)
	}
	return nil
}

// saveFindings records each finding's verdict, findingsBatch a statement,
// as the report yields them (a large report is read from disk, never held).
// The history keeps one row per fingerprint (one check on two spellings
// of a target): the last, within a batch by skipping earlier ones, across
// batches by replacing them.
func (s *Store) saveFindings(ctx context.Context, tx *sql.Tx, r report.Report) error {
	batch := make([]check.Finding, 0, findingsBatch)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		last := make(map[string]int, len(batch))
		for i, f := range batch {
			last[f.Fingerprint] = i
		}
		q := []byte(`INSERT INTO findings (scan_id, fingerprint, check_id, target, status, severity) VALUES `)
		args := make([]any, 0, 6*len(last))
		for i, f := range batch {
			if last[f.Fingerprint] != i {
				continue
			}
			if len(args) > 0 {
				q = append(q, ',')
			}
			q = append(q, "(?,?,?,?,?,?)"...)
			args = append(args, r.ScanID, f.Fingerprint, f.CheckID, f.Target, string(f.Status), f.Severity.String())
		}
		q = append(q, ` ON CONFLICT (scan_id, fingerprint) DO UPDATE SET check_id = excluded.check_id, target = excluded.target, status = excluded.status, severity = excluded.severity`...)
		batch = batch[:0]
		_, err := s.exec(ctx, tx, string(q), args...)
		return err
	}
	for f := range r.Verdicts() {
		if batch = append(batch, f); len(batch) == findingsBatch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	return r.Err()
}

// Scan is one line of history.
type Scan struct {
	ID          string    `json:"scan_id"`
	StartedAt   time.Time `json:"started_at"`
	Score       int       `json:"score"`
	Grade       string    `json:"grade"`
	Interrupted bool      `json:"interrupted"`
	Demo        bool      `json:"demo"` // recorded by vigie demo
}

const scanColumns = `id, started_at, score, grade, interrupted, demo`

func scanRow(sc interface{ Scan(...any) error }) (Scan, error) {
	var s Scan
	var at string
	var interrupted, demo int
	if err := sc.Scan(&s.ID, &at, &s.Score, &s.Grade, &interrupted, &demo); err != nil {
		return Scan{}, err
	}
	s.StartedAt, _ = time.Parse(time.RFC3339Nano, at)
	s.Interrupted, s.Demo = interrupted != 0, demo != 0
	return s, nil
}

func (s *Store) scans(ctx context.Context, query string, args ...any) ([]Scan, error) {
	rows, err := s.query(ctx, query, args...)
	if err != nil {
		return nil, s.explain(err, unreadable(s.path))
	}
	defer rows.Close()
	var out []Scan
	for rows.Next() {
		sc, err := scanRow(rows)
		if err != nil {
			return nil, s.explain(err, unreadable(s.path))
		}
		out = append(out, sc)
	}
	if err := rows.Err(); err != nil {
		return nil, s.explain(err, unreadable(s.path))
	}
	return out, nil
}

// List returns the scans, newest first, at most limit.
func (s *Store) List(ctx context.Context, limit int) ([]Scan, error) {
	return s.scans(ctx, `SELECT `+scanColumns+` FROM scans ORDER BY started_at DESC, id DESC LIMIT ?`, limit)
}

// ErrNoPrevious means the history holds no earlier complete scan.
var ErrNoPrevious = check.Errorf("no earlier scan in the history", "aucun scan antérieur dans l'historique")

// Previous returns the statuses of the last complete scan before t, by
// fingerprint: a real one, or a demo one WithDemo(true), never the other kind.
func (s *Store) Previous(ctx context.Context, before time.Time, opts ...ScanOption) (Scan, map[string]check.Status, error) {
	so := scanSettings(opts)
	l, err := s.scans(ctx, `SELECT `+scanColumns+` FROM scans WHERE started_at < ? AND interrupted = 0 AND demo = ?
		ORDER BY started_at DESC, id DESC LIMIT 1`, stamp(before), b2i(so.demo))
	if err != nil {
		return Scan{}, nil, err
	}
	if len(l) == 0 {
		return Scan{}, nil, ErrNoPrevious
	}
	vs, err := s.statuses(ctx, l[0].ID)
	return l[0], vs, err
}

// statuses is each finding's verdict in scan id, by fingerprint: all Diff
// needs of the scan compared with, at about a third of the memory of whole
// rows (a scan of 10,000 web targets has 420,000).
func (s *Store) statuses(ctx context.Context, id string) (map[string]check.Status, error) {
	rows, err := s.query(ctx, `SELECT fingerprint, status FROM findings WHERE scan_id = ?`, id)
	if err != nil {
		return nil, s.explain(err, unreadable(s.path))
	}
	defer rows.Close()
	known := map[string]check.Status{}
	for _, st := range check.Statuses {
		known[string(st)] = st
	}
	out := map[string]check.Status{}
	var fp string
	var raw []byte
	for rows.Next() {
		if err := rows.Scan(&fp, &raw); err != nil {
			return nil, s.explain(err, unreadable(s.path))
		}
		st, ok := known[string(raw)] // one string per status, not one per row
		if !ok {
			st = check.Status(raw)
		}
		out[fp] = st
	}
	if err := rows.Err(); err != nil {
		return nil, s.explain(err, unreadable(s.path))
	}
	return out, nil
}

// findings is what the history keeps of the findings of scan id.
func (s *Store) findings(ctx context.Context, id string) (map[string]Finding, error) {
	rows, err := s.query(ctx, `SELECT fingerprint, check_id, target, status, severity FROM findings WHERE scan_id = ?`, id)
	if err != nil {
		return nil, s.explain(err, unreadable(s.path))
	}
	defer rows.Close()
	out := map[string]Finding{}
	for rows.Next() {
		var f Finding
		var st, sev string
		if err := rows.Scan(&f.Fingerprint, &f.CheckID, &f.Target, &st, &sev); err != nil {
			return nil, s.explain(err, unreadable(s.path))
		}
		f.Status = check.Status(st)
		f.Severity, _ = check.ParseSeverity(sev) // an unknown name reads as info: the status is what counts
		out[f.Fingerprint] = f
	}
	if err := rows.Err(); err != nil {
		return nil, s.explain(err, unreadable(s.path))
	}
	return out, nil
}

// Finding is what the history keeps of a finding.
type Finding struct {
	Fingerprint string         `json:"fingerprint"`
	CheckID     string         `json:"check_id"`
	Target      string         `json:"target"`
	Status      check.Status   `json:"status"`
	Severity    check.Severity `json:"severity"`
}
