package leadscan

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/vigie-security/vigie/checks/leads"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/safe"
	"github.com/vigie-security/vigie/internal/textenc"
)

// rowReader streams a table's rows, the header first.
type rowReader interface {
	// Next returns the next row and its number in the source (a CSV line,
	// a sheet row, a table ordinal); io.EOF at the end. The slice is the
	// caller's to keep.
	Next() ([]string, int, error)
	Close() error
	Serial() bool     // dates may be spreadsheet serial numbers
	PK() string       // the table's primary key column, "" if none or not a database
	Header() []string // a database's column names; nil: the first row is the header
}

// sampleRows are read before columns are decided, for detection by values.
const sampleRows = 500

type batch struct {
	n     []int
	cells [][]string
}

// judge reads every row into ev: the header, a sample to detect columns,
// then the rows in batches over the cores, each core its own tally.
func judge(ctx context.Context, rr rowReader, src Source, now time.Time, ev *leads.Evidence) error {
	cols, pending, pendingN, err := head(rr, src)
	if err != nil {
		return err
	}
	width := len(cols.Names)
	ev.Columns = cols
	ev.Read.Notes = slices.Clone(cols.Notes)
	if n, ok := rr.(interface{ Notes() []check.Text }); ok {
		ev.Read.Notes = append(ev.Read.Notes, n.Notes()...)
	}

	workers := min(runtime.GOMAXPROCS(0), 4)
	tallies := make([]*leads.Tally, workers)
	in := make(chan batch, workers*2)
	fed := false
	defer func() {
		if !fed {
			close(in) // the reading below panicked: the workers end, the unit reports it
		}
	}()
	var wg safe.Group // a panic on a hostile cell reaches the unit (an ERROR), not the process
	for w := range workers {
		tallies[w] = leads.NewTally(cols, now, src.Thresholds)
		if src.plan != nil {
			tallies[w].OnPlan(src.plan)
		}
		t := tallies[w]
		wg.Go(func() {
			for b := range in {
				wg.Do(func() { // after a panic the worker drains on, so the reader below never blocks
					for i, cells := range b.cells {
						t.Add(b.n[i], cells)
					}
				})
			}
		})
	}
	maxCell := src.Limits.MaxCell
	rows := 0
	cur := batch{}
	pad := rr.Serial() // a sheet row stops at its last filled cell
	keep := func(rec []string, n int) {
		if pad && len(rec) < width {
			rec = append(rec, make([]string, width-len(rec))...)
		}
		if len(rec) != width {
			if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
				return // a blank line
			}
			ev.Read.Ragged.Record(n, fmt.Sprintf("row %d", n))
			return
		}
		for _, c := range rec {
			if len(c) > maxCell {
				ev.Read.Oversized.Record(n, fmt.Sprintf("row %d", n))
				return
			}
		}
		rows++
		cur.n, cur.cells = append(cur.n, n), append(cur.cells, rec)
		if len(cur.cells) == 1024 {
			in <- cur
			cur = batch{n: make([]int, 0, 1024), cells: make([][]string, 0, 1024)}
		}
	}
	var readErr error
	more := false // rows left past the row limit
	for i, rec := range pending {
		if rows == src.Limits.MaxRows {
			more = true
			break
		}
		keep(rec, pendingN[i])
	}
	pending = nil
	for !more {
		if rows%4096 == 0 && ctx.Err() != nil {
			readErr = ctx.Err()
			break
		}
		rec, n, err := rr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			readErr = err
			break
		}
		if rows == src.Limits.MaxRows {
			more = true
			break
		}
		keep(rec, n)
	}
	if more {
		ev.Sample = rows // the first rows were judged, the rest not read
		ev.Read.Notes = append(ev.Read.Notes, check.Textf("only the first %d rows were judged (the row limit)",
			"seules les %d premières lignes ont été jugées (la limite de lignes)", rows))
	}
	if len(cur.cells) > 0 {
		in <- cur
	}
	close(in)
	fed = true
	wg.Wait()
	for _, t := range tallies[1:] {
		tallies[0].Merge(t)
	}
	ev.Counts = tallies[0].Counts()
	if s, ok := rr.(interface{ Swallowed() leads.Swallowed }); ok {
		ev.Read.Swallowed = s.Swallowed()
	}
	return readErr
}

// head reads the header (or finds there is none) and a sample of the first
// rows, and finds the columns from them and the configured overrides.
func head(rr rowReader, src Source) (cols leads.Columns, pending [][]string, pendingN []int, err error) {
	header := rr.Header()
	if header == nil {
		for {
			rec, n, err := rr.Next()
			if errors.Is(err, io.EOF) {
				return cols, nil, nil, check.Errorf("the file is empty", "le fichier est vide")
			}
			if err != nil {
				return cols, nil, nil, err
			}
			if textenc.Blank(rec) {
				continue
			}
			if leads.HeaderIsValues(rec) {
				// No header: the first row is a record; nothing of it is shown.
				pending, pendingN = append(pending, rec), append(pendingN, n)
			} else {
				header = rec
			}
			break
		}
	}
	width := len(header)
	if header == nil {
		width = len(pending[0])
	}
	for len(pending) < sampleRows {
		rec, n, err := rr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return cols, nil, nil, err
		}
		pending, pendingN = append(pending, rec), append(pendingN, n)
	}
	override := src.Columns
	if pk := rr.PK(); pk != "" && override["key"] == "" {
		override = copyMap(override)
		override["key"] = pk
	}
	cols, err = leads.Detect(header, width, pending, override, rr.Serial())
	return cols, pending, pendingN, err
}

func copyMap(m map[string]string) map[string]string {
	out := make(map[string]string, len(m)+1)
	for k, v := range m {
		out[k] = v
	}
	return out
}
