package leadscan

import (
	"context"
	"encoding/csv"
	"io"
	"os"
	"sync"
	"time"

	"github.com/vigie-security/vigie/checks/leads"
	"github.com/vigie-security/vigie/internal/atomicfile"
	"github.com/vigie-security/vigie/internal/check"
)

// PlanSummary is what a written plan holds for one source.
type PlanSummary struct {
	Target  string
	KeyFrom string         // the key column, or row numbers (said so)
	Records map[string]int // check ID → records listed
}

// planHeader: one line per record to act on. The key is the record's
// primary key, or "row N" when there is none; never a personal value.
var planHeader = []string{"source", "check", "action", "action_en", "action_fr", "record_key_from", "record_key"}

// WritePlan reads every source again and writes to path (mode 0600, in one
// step) the key of each record a retention (LEAD-RET-*) or opt-out
// (LEAD-CON-005) rule matched, with the action to take. Lines stream as
// the rows are judged: memory does not grow with the plan. A source that
// cannot be read fails the whole plan, which is then not written: a partial
// list would look complete.
func WritePlan(ctx context.Context, path string, plans []*Plan, now time.Time) ([]PlanSummary, error) {
	for _, p := range plans {
		if p.db == nil && sameFile(path, p.src.Path) {
			return nil, check.Prefixed{Prefix: path + ": ", Err: check.Errorf("the plan would overwrite the lead source itself", "le plan écraserait la source de prospects elle-même")}
		}
	}
	var out []PlanSummary
	err := atomicfile.Write(path, func(w io.Writer) error {
		cw := csv.NewWriter(w)
		if err := cw.Write(planHeader); err != nil {
			return err
		}
		for _, p := range plans {
			s, err := p.plan(ctx, cw, now)
			if err != nil {
				return err
			}
			out = append(out, s)
		}
		cw.Flush()
		return cw.Error()
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (p *Plan) plan(ctx context.Context, cw *csv.Writer, now time.Time) (PlanSummary, error) {
	ev := leads.Evidence{Target: p.Target, Format: p.Format, AsOf: now, Thresholds: p.src.Thresholds}
	var mu sync.Mutex
	var werr error
	counts := map[string]int{}
	keyFrom := func() string {
		if k := ev.Columns.KeyColumn(); k != "" {
			return k
		}
		return "row number"
	}
	q := *p
	// Called by the tallies once the target and columns are known (ev is
	// set before the first row is judged).
	q.src.plan = func(check string, a leads.Action, _ int, key string) {
		mu.Lock()
		defer mu.Unlock()
		counts[check]++
		if werr == nil {
			txt := a.Text()
			werr = cw.Write([]string{safeCell(ev.Target), check, string(a), txt.EN, txt.FR, safeCell(keyFrom()), key})
		}
	}
	q.collect(ctx, now, &ev)
	if ev.Problem != nil {
		return PlanSummary{}, &check.TextError{Text: *ev.Problem}
	}
	if werr != nil {
		return PlanSummary{}, werr
	}
	return PlanSummary{Target: ev.Target, KeyFrom: keyFrom(), Records: counts}, nil
}

// safeCell keeps a spreadsheet from reading a cell as a formula.
func safeCell(s string) string {
	if s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@') {
		return "'" + s
	}
	return s
}

func sameFile(a, b string) bool {
	sa, err := os.Stat(a)
	if err != nil {
		return false
	}
	sb, err := os.Stat(b)
	return err == nil && os.SameFile(sa, sb)
}
