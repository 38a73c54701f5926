package engine

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

type ev struct{ target string }

func (e ev) TargetName() string { return e.target }

func meta(id string) check.Meta {
	return check.Meta{ID: id, Family: check.FamilyWeb, Severity: check.High}
}

var passing = check.Typed[ev]{M: meta("WEB-OK-001"), Fn: func(ev) check.Outcome { return check.Outcome{Status: check.Pass} }}
var failing = check.Typed[ev]{M: meta("WEB-KO-001"), Fn: func(ev) check.Outcome { return check.Outcome{Status: check.Fail} }}

func unit(target string, collect func(ctx context.Context, p Pacer) (any, error)) Unit {
	if collect == nil {
		collect = func(context.Context, Pacer) (any, error) { return ev{target}, nil }
	}
	return Unit{Family: check.FamilyWeb, Target: target, Collect: collect, Checks: check.Catalogue{passing, failing}}
}

func fixed() []Option {
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	return []Option{WithClock(func() time.Time { return t0 }), WithScanID(func() string { return "scan-1" })}
}

func mustNew(t *testing.T, opts ...Option) *Engine {
	t.Helper()
	e, err := New(append(fixed(), opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestNoTargets(t *testing.T) {
	if _, err := mustNew(t).Run(context.Background(), nil, nil); !errors.Is(err, ErrNoTargets) {
		t.Fatalf("err = %v", err)
	}
}

func TestOptionsRejectBadValues(t *testing.T) {
	for name, o := range map[string]Option{"concurrency": WithConcurrency(0), "rate": WithRate(-1), "timeout": WithTimeout(0)} {
		if _, err := New(o); err == nil {
			t.Errorf("%s: bad value accepted", name)
		}
	}
}

func TestRunStreamsEveryFindingInOrder(t *testing.T) {
	var units []Unit
	for i := range 25 {
		units = append(units, unit(fmt.Sprintf("t%02d", i), nil))
	}
	var kinds = map[EventKind]int{}
	var streamed []check.Finding
	var last EventKind
	rep, err := mustNew(t, WithConcurrency(4)).Run(context.Background(), units, func(e Event) {
		kinds[e.Kind]++
		last = e.Kind
		if e.Kind == FindingReady {
			streamed = append(streamed, e.Finding)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if kinds[UnitStarted] != 25 || kinds[UnitDone] != 25 || kinds[FindingReady] != 50 || kinds[ScanDone] != 1 || last != ScanDone {
		t.Fatalf("events = %v, last %v", kinds, last)
	}
	if len(rep.Findings) != 50 || len(streamed) != 50 || rep.Interrupted {
		t.Fatalf("findings %d streamed %d interrupted %v", len(rep.Findings), len(streamed), rep.Interrupted)
	}
	// The report lists findings in plan order whatever order units finished in.
	for i, f := range rep.Findings {
		if want := fmt.Sprintf("t%02d", i/2); f.Target != want {
			t.Fatalf("finding %d is for %s, want %s", i, f.Target, want)
		}
	}
	if rep.ScanID != "scan-1" || rep.SchemaVersion != 1 || rep.StartedAt.IsZero() || len(rep.Scores.Targets) != 25 {
		t.Errorf("report header = %+v", rep)
	}
}

func TestConcurrencyIsBounded(t *testing.T) {
	var inFlight, peak atomic.Int32
	collect := func(ctx context.Context, _ Pacer) (any, error) {
		n := inFlight.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(2 * time.Millisecond)
		inFlight.Add(-1)
		return ev{"x"}, nil
	}
	var units []Unit
	for i := range 40 {
		units = append(units, unit(fmt.Sprint(i), collect))
	}
	if _, err := mustNew(t, WithConcurrency(3)).Run(context.Background(), units, nil); err != nil {
		t.Fatal(err)
	}
	if p := peak.Load(); p > 3 || p < 1 {
		t.Fatalf("peak concurrency %d, want 1..3", p)
	}
}

// TestServerConcurrencyIsBounded: units of one server run at most
// WithServerConcurrency at once, while other servers' units go on; a slot
// is waited for before the unit's timeout starts.
func TestServerConcurrencyIsBounded(t *testing.T) {
	var mu sync.Mutex
	inFlight, peak := map[string]int{}, map[string]int{}
	collect := func(server string) func(context.Context, Pacer) (any, error) {
		return func(ctx context.Context, _ Pacer) (any, error) {
			mu.Lock()
			inFlight[server]++
			peak[server] = max(peak[server], inFlight[server])
			mu.Unlock()
			time.Sleep(20 * time.Millisecond)
			mu.Lock()
			inFlight[server]--
			mu.Unlock()
			return ev{"x"}, nil
		}
	}
	var units []Unit
	for i := range 12 {
		u := unit(fmt.Sprint("a", i), collect("a"))
		u.Server = "https://a.example:443"
		units = append(units, u, unit(fmt.Sprint("b", i), collect("")))
	}
	// 12 units of one server, 2 at a time, each with 20 ms: 6 rounds, well
	// inside a 100 ms timeout per unit only if waiting does not count.
	rep, err := mustNew(t, WithConcurrency(16), WithServerConcurrency(2), WithTimeout(100*time.Millisecond)).Run(context.Background(), units, nil)
	if err != nil {
		t.Fatal(err)
	}
	if peak["a"] > 2 || peak["a"] < 1 {
		t.Errorf("peak units of one server %d, want 1..2", peak["a"])
	}
	if peak[""] < 3 {
		t.Errorf("units without a server ran %d at once: the limit must not hold them", peak[""])
	}
	for _, f := range rep.Findings {
		if f.Status == check.Error {
			t.Fatalf("%s: %s %s (waiting for a slot spent the unit's timeout?)", f.Target, f.Status, f.Message.EN)
		}
	}
	if _, err := New(WithServerConcurrency(-1)); err == nil {
		t.Error("a negative server concurrency was accepted")
	}
}

func TestFailuresBecomeErrorFindings(t *testing.T) {
	units := []Unit{
		unit("slow", func(ctx context.Context, _ Pacer) (any, error) { <-ctx.Done(); return nil, ctx.Err() }),
		unit("broken", func(context.Context, Pacer) (any, error) { return nil, errors.New("file vigie.csv: line 3: bad quote") }),
		unit("panics", func(context.Context, Pacer) (any, error) { panic("boom") }),
		{Family: check.FamilyWeb, Target: "bad-check", Collect: func(context.Context, Pacer) (any, error) { return ev{"bad-check"}, nil },
			Checks: check.Catalogue{check.Typed[ev]{M: meta("WEB-PANIC-001"), Fn: func(ev) check.Outcome { panic("nil map") }}}},
	}
	rep, err := mustNew(t, WithTimeout(50*time.Millisecond)).Run(context.Background(), units, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"slow": "timed out after 50ms", "broken": "line 3: bad quote", "panics": "boom", "bad-check": "nil map"}
	seen := map[string]bool{}
	for _, f := range rep.Findings {
		if f.Status != check.Error || !strings.Contains(f.Message.EN, want[f.Target]) || f.Message.FR == "" {
			t.Errorf("%s/%s: %s %q", f.Target, f.CheckID, f.Status, f.Message.EN)
		}
		seen[f.Target] = true
	}
	if len(seen) != 4 {
		t.Errorf("targets with findings: %v", seen)
	}
}

func TestCancelKeepsFinishedUnits(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	units := []Unit{unit("fast", nil)}
	for i := range 5 {
		units = append(units, unit(fmt.Sprint("hang", i), func(ctx context.Context, _ Pacer) (any, error) {
			<-ctx.Done()
			return nil, ctx.Err()
		}))
	}
	doneRun := make(chan struct{})
	var rep struct {
		findings    int
		interrupted bool
		completed   []bool
	}
	var runErr error
	go func() {
		defer close(doneRun)
		r, err := mustNew(t, WithConcurrency(2), WithTimeout(time.Hour)).Run(ctx, units, func(e Event) {
			if e.Kind == UnitDone && e.Progress.Target == "fast" {
				cancel()
			}
		})
		rep.findings, rep.interrupted, runErr = len(r.Findings), r.Interrupted, err
		for _, t := range r.Targets {
			rep.completed = append(rep.completed, t.Completed)
		}
	}()
	select {
	case <-doneRun:
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
	if !errors.Is(runErr, context.Canceled) || !rep.interrupted || rep.findings != 2 {
		t.Fatalf("err=%v interrupted=%v findings=%d", runErr, rep.interrupted, rep.findings)
	}
	if len(rep.completed) != 6 || !rep.completed[0] || rep.completed[1] {
		t.Fatalf("completed = %v", rep.completed)
	}
}

func TestRateLimitPacesCollectors(t *testing.T) {
	var units []Unit
	for i := range 30 {
		units = append(units, unit(fmt.Sprint(i), func(ctx context.Context, p Pacer) (any, error) {
			if err := p.Wait(ctx); err != nil {
				return nil, err
			}
			return ev{"x"}, nil
		}))
	}
	start := time.Now()
	// 30 requests at 100/s with a burst of 100 pass at once; at 20/s with burst 20, the last 10 wait ≥ 450 ms.
	if _, err := mustNew(t, WithRate(20), WithConcurrency(30)).Run(context.Background(), units, nil); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 400*time.Millisecond {
		t.Fatalf("30 paced requests at 20/s took %s, the pacer is not applied", d)
	}
}
