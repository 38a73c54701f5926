package report

import (
	"context"
	"iter"

	"github.com/vigie-security/vigie/internal/check"
)

// sarifMaxResults is GitHub's hard limit: an upload with more results in one
// run is rejected whole (GitHub Docs, "SARIF results exceed one or more
// limits"), and only the 5,000 most severe are shown anyway.
const sarifMaxResults = 25_000

const sarifRanks = 3 * 5 // levels × severities

// sarifRank orders results for the cap, 0 the most important: level first
// (error, warning, note), then severity.
func sarifRank(f check.Finding, level string) int {
	l := map[string]int{"error": 0, "warning": 1, "note": 2}[level]
	s := min(max(int(f.Severity), int(check.Info)), int(check.Critical))
	return l*5 + int(check.Critical) - s
}

// sarifCap keeps the most important results when there are too many: every
// result ranked before the cutoff, and the first ones met at the cutoff.
type sarifCap struct {
	cutoff, atCutoff, dropped int
}

func newSarifCap(ctx context.Context, fs iter.Seq2[int, check.Finding], limit int) (sarifCap, error) {
	var counts [sarifRanks]int
	total := 0
	for i, f := range fs {
		if i%4096 == 0 && ctx.Err() != nil {
			return sarifCap{}, ctx.Err()
		}
		if level := sarifLevel(f); level != "" {
			counts[sarifRank(f, level)]++
			total++
		}
	}
	c := sarifCap{cutoff: sarifRanks}
	kept := 0
	for rank, n := range counts {
		if kept+n > limit {
			c.cutoff, c.atCutoff, c.dropped = rank, limit-kept, total-limit
			break
		}
		kept += n
	}
	return c, nil
}

func (c *sarifCap) keep(rank int) bool {
	switch {
	case rank < c.cutoff:
		return true
	case rank == c.cutoff && c.atCutoff > 0:
		c.atCutoff--
		return true
	}
	return false
}
