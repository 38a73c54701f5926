package store

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

// Retention bounds the history. After each Save, scans beyond the newest
// Keep, and scans that started more than MaxAge before the one just saved,
// are deleted with their findings. Zero means no bound of that kind; the
// scan just saved is always kept.
type Retention struct {
	Keep   int
	MaxAge time.Duration
}

// DefaultRetention keeps the last 1,000 scans of the file, none older than
// 400 days: more than a year of daily scans, so a yearly review still has
// its baseline.
var DefaultRetention = Retention{Keep: 1000, MaxAge: 400 * 24 * time.Hour}

// Prune applies r now, relative to the newest scan, and returns how many
// scans it deleted.
func (s *Store) Prune(ctx context.Context, r Retention) (int, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, check.Errorf("pruning history: %v", "purge de l'historique : %v", s.explain(err, unusable(s.path)))
	}
	defer tx.Rollback()
	if s.d == postgresDB {
		if _, err := s.exec(ctx, tx, `SELECT pg_advisory_xact_lock(?)`, pgLock); err != nil {
			return 0, check.Errorf("pruning history: %v", "purge de l'historique : %v", s.explain(err, unusable(s.path)))
		}
	}
	var newest sql.NullString
	if err := tx.QueryRowContext(ctx, `SELECT MAX(started_at) FROM scans`).Scan(&newest); err != nil {
		return 0, check.Errorf("pruning history: %v", "purge de l'historique : %v", s.explain(err, unreadable(s.path)))
	}
	if !newest.Valid {
		return 0, nil // an empty history
	}
	at, _ := time.Parse(time.RFC3339Nano, newest.String)
	n, err := s.prune(ctx, tx, r, "", at)
	if err != nil {
		return 0, check.Errorf("pruning history: %v", "purge de l'historique : %v", s.explain(err, unusable(s.path)))
	}
	return n, tx.Commit()
}

// prune deletes what r does not keep, never the scan keepID.
func (s *Store) prune(ctx context.Context, tx *sql.Tx, r Retention, keepID string, now time.Time) (int, error) {
	var cond []string
	args := []any{keepID}
	if r.Keep > 0 {
		cond = append(cond, `id NOT IN (SELECT id FROM scans ORDER BY started_at DESC, id DESC LIMIT ?)`)
		args = append(args, r.Keep)
	}
	if r.MaxAge > 0 {
		cond = append(cond, `started_at < ?`)
		args = append(args, stamp(now.Add(-r.MaxAge)))
	}
	if len(cond) == 0 {
		return 0, nil
	}
	victims := `SELECT id FROM scans WHERE id <> ? AND (` + strings.Join(cond, " OR ") + `)`
	if _, err := s.exec(ctx, tx, `DELETE FROM findings WHERE scan_id IN (`+victims+`)`, args...); err != nil {
		return 0, err
	}
	res, err := s.exec(ctx, tx, `DELETE FROM scans WHERE id IN (`+victims+`)`, args...)
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	return int(n), err
}
