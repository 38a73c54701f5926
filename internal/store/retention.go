package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
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
		return 0, fmt.Errorf("pruning history: %w", err)
	}
	defer tx.Rollback()
	var newest sql.NullString
	if err := tx.QueryRowContext(ctx, `SELECT MAX(started_at) FROM scans`).Scan(&newest); err != nil || !newest.Valid {
		return 0, err
	}
	at, _ := time.Parse(time.RFC3339Nano, newest.String)
	n, err := prune(ctx, tx, r, "", at)
	if err != nil {
		return 0, fmt.Errorf("pruning history: %w", err)
	}
	return n, tx.Commit()
}

// prune deletes what r does not keep, never the scan keepID.
func prune(ctx context.Context, tx *sql.Tx, r Retention, keepID string, now time.Time) (int, error) {
	victims := `SELECT id FROM scans WHERE id <> ?1 AND (`
	var cond []string
	if r.Keep > 0 {
		cond = append(cond, `id NOT IN (SELECT id FROM scans ORDER BY started_at DESC, id DESC LIMIT ?2)`)
	}
	if r.MaxAge > 0 {
		cond = append(cond, `started_at < ?3`)
	}
	if len(cond) == 0 {
		return 0, nil
	}
	victims += cond[0]
	if len(cond) == 2 {
		victims += " OR " + cond[1]
	}
	victims += ")"
	cutoff := now.Add(-r.MaxAge).UTC().Format(time.RFC3339Nano)
	if _, err := tx.ExecContext(ctx, `DELETE FROM findings WHERE scan_id IN (`+victims+`)`, keepID, r.Keep, cutoff); err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, `DELETE FROM scans WHERE id IN (`+victims+`)`, keepID, r.Keep, cutoff)
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	return int(n), err
}
