package engine

import (
	"context"
	"errors"
	"sync"

	"golang.org/x/time/rate"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/score"
)

type unitResult struct {
	index    int
	findings []check.Finding
	targets  []string // the subjects' names, for a unit that returned Subjects
	done     bool     // false when the scan was cancelled before the unit finished
}

// Run scans every unit and returns the report. emit (may be nil) is called
// from Run's own goroutine, in order, never concurrently. When ctx is
// cancelled, units in flight are abandoned, the findings of finished units are
// kept, and Run returns the partial report (Interrupted set) with ctx.Err().
func (e *Engine) Run(ctx context.Context, units []Unit, emit func(Event)) (report.Report, error) {
	if emit == nil {
		emit = func(Event) {}
	}
	if len(units) == 0 {
		return report.Report{}, ErrNoTargets
	}
	rep := e.head()
	meta := map[string]check.Meta{}
	lookup := func(id string) (check.Meta, bool) { m, ok := meta[id]; return m, ok }
	for _, u := range units {
		for _, c := range u.Checks {
			if _, dup := meta[c.Meta().ID]; !dup {
				meta[c.Meta().ID] = c.Meta()
			}
		}
	}
	// A spool that cannot be written stops the scan: what it lost could
	// not be reported.
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	var spoolErr error
	var tally *score.Tally
	if e.spool != nil {
		tally = score.NewTally(lookup, len(units))
	}

	var pace Pacer = unlimited{}
	if e.rate > 0 {
		burst := max(1, int(e.rate))
		pace = rate.NewLimiter(rate.Limit(e.rate), burst)
	}

	jobs := make(chan int)
	started := make(chan int)
	results := make(chan unitResult)
	slots := &serverSlots{n: e.perServer, m: map[string]*serverSlot{}}
	var wg sync.WaitGroup
	for range min(e.concurrency, len(units)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				release, ok := slots.acquire(ctx, units[i].Server)
				if !ok { // cancelled while waiting: not started, not done
					results <- unitResult{index: i}
					continue
				}
				select {
				case started <- i:
				case <-ctx.Done():
				}
				results <- e.runUnit(ctx, i, units[i], pace)
				release()
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range units {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()

	var byUnit [][]check.Finding // kept in memory when not spooled
	if e.spool == nil {
		byUnit = make([][]check.Finding, len(units))
	}
	subjects := make([][]string, len(units))
	completed := make([]bool, len(units))
	done := 0
	for results != nil {
		select {
		case i := <-started:
			emit(Event{Kind: UnitStarted, Progress: Progress{Done: done, Total: len(units), Target: units[i].Target, Family: units[i].Family}})
		case r, ok := <-results:
			if !ok {
				results = nil
				continue
			}
			if !r.done {
				continue
			}
			if e.prep != nil {
				r.findings = e.prep(r.findings)
			}
			if e.spool != nil {
				if err := e.spool.Put(r.index, r.findings); err != nil {
					if spoolErr == nil { // the first reason: units in flight may fail after it
						spoolErr = err
					}
					stop()
					continue
				}
				tally.Add(r.index, r.findings)
			}
			done++
			subjects[r.index], completed[r.index] = r.targets, true
			if e.spool == nil {
				byUnit[r.index] = r.findings
			}
			for _, f := range r.findings {
				emit(Event{Kind: FindingReady, Finding: f})
			}
			u := units[r.index]
			emit(Event{Kind: UnitDone, Progress: Progress{Done: done, Total: len(units), Target: u.Target, Family: u.Family}})
		}
	}

	// Sized exactly, and each unit's slice dropped once copied: growing the
	// report's slice by doubling held up to three copies of every finding
	// at the end of a large scan.
	total := 0
	for _, fs := range byUnit {
		total += len(fs)
	}
	rep.Targets, rep.Findings, rep.Checks = make([]report.Target, 0, len(units)), make([]check.Finding, 0, total), []check.Meta{}
	seen := map[string]bool{}
	for i, u := range units {
		if subjects[i] != nil {
			for _, name := range subjects[i] {
				rep.Targets = append(rep.Targets, report.Target{Name: name, Family: u.Family, Completed: true})
			}
		} else {
			rep.Targets = append(rep.Targets, report.Target{Name: u.Target, Family: u.Family, Completed: completed[i]})
		}
		if byUnit != nil {
			rep.Findings = append(rep.Findings, byUnit[i]...)
			byUnit[i] = nil
		}
		for _, c := range u.Checks {
			if id := c.Meta().ID; !seen[id] {
				seen[id] = true
				rep.Checks = append(rep.Checks, c.Meta())
			}
		}
	}
	rep.Interrupted = done < len(units)
	if e.spool != nil {
		rep = rep.WithSpool(e.spool)
		rep.Scores = tally.Summary(rep.All())
	} else {
		rep.Scores = score.Compute(rep.Findings, lookup)
	}
	rep.FinishedAt = e.now()
	emit(Event{Kind: ScanDone, Progress: Progress{Done: done, Total: len(units)}, Report: &rep})
	if spoolErr != nil {
		return rep, spoolErr
	}
	if err := ctx.Err(); err != nil {
		return rep, err
	}
	return rep, nil
}

// Empty is the report of a scan with nothing to do, as Run would head it:
// a shard whose share of the targets is empty still writes its report,
// which the merge expects.
func (e *Engine) Empty() report.Report {
	rep := e.head()
	rep.FinishedAt, rep.Targets, rep.Findings, rep.Checks = rep.StartedAt, []report.Target{}, []check.Finding{}, []check.Meta{}
	return rep
}

// head is a report as a scan starts: schema, ID, tool, start time.
func (e *Engine) head() report.Report {
	return report.Report{SchemaVersion: report.SchemaVersion, ScanID: e.newID(),
		Tool: report.Tool{Name: "vigie", Version: e.version}, StartedAt: e.now()}
}

// runUnit collects and evaluates one unit; it never panics.
func (e *Engine) runUnit(ctx context.Context, i int, u Unit, pace Pacer) unitResult {
	if ctx.Err() != nil {
		return unitResult{index: i}
	}
	timeout := e.timeout
	if u.Timeout > 0 {
		timeout = u.Timeout
	}
	uctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	ev, err := collect(uctx, u, pace)
	if ctx.Err() != nil {
		return unitResult{index: i}
	}
	if subs, many := ev.(Subjects); many && err == nil && len(subs) == 0 {
		err = check.Errorf("the source holds nothing to judge", "la source ne contient rien à juger") // never a target silently missing
	}
	if err != nil {
		reason := check.Textf("could not collect evidence: %v", "collecte impossible : %v", err)
		if errors.Is(err, context.DeadlineExceeded) || uctx.Err() == context.DeadlineExceeded {
			reason = check.Textf("timed out after %s while collecting evidence", "délai de %s dépassé pendant la collecte", timeout)
		}
		out := make([]check.Finding, 0, len(u.Checks))
		for _, c := range u.Checks {
			out = append(out, check.ErrorFinding(c.Meta(), u.Target, reason, nil))
		}
		return unitResult{index: i, findings: out, done: true}
	}
	if subs, many := ev.(Subjects); many {
		res := unitResult{index: i, findings: make([]check.Finding, 0, len(u.Checks)*len(subs)), targets: make([]string, 0, len(subs)), done: true}
		for _, s := range subs {
			res.targets = append(res.targets, s.TargetName())
			for _, c := range u.Checks {
				res.findings = append(res.findings, evaluate(c, s.TargetName(), s))
			}
		}
		return res
	}
	out := make([]check.Finding, 0, len(u.Checks))
	for _, c := range u.Checks {
		out = append(out, evaluate(c, u.Target, ev))
	}
	return unitResult{index: i, findings: out, done: true}
}

func collect(ctx context.Context, u Unit, pace Pacer) (ev any, err error) {
	defer safeRecover(u.Target, &err)
	return u.Collect(ctx, pace)
}

func evaluate(c check.Check, target string, ev any) (f check.Finding) {
	defer func() {
		if r := recover(); r != nil {
			f = check.ErrorFinding(c.Meta(), target, check.Textf("internal error in check %s: %v",
				"erreur interne dans le contrôle %s : %v", c.Meta().ID, r), nil)
		}
	}()
	return c.Evaluate(ev)
}

type unlimited struct{}

func (unlimited) Wait(ctx context.Context) error { return ctx.Err() }

// serverSlots bounds the units of one server in flight. A server's slots
// are dropped once none of its units holds or waits for one: a scan of
// 100,000 servers does not keep 100,000 of them.
type serverSlots struct {
	n  int
	mu sync.Mutex
	m  map[string]*serverSlot
}

type serverSlot struct {
	c     chan struct{}
	users int // units holding or waiting for a slot
}

func (s *serverSlots) acquire(ctx context.Context, server string) (func(), bool) {
	if s.n <= 0 || server == "" {
		return func() {}, true
	}
	s.mu.Lock()
	sl, ok := s.m[server]
	if !ok {
		sl = &serverSlot{c: make(chan struct{}, s.n)}
		s.m[server] = sl
	}
	sl.users++
	s.mu.Unlock()
	leave := func() {
		s.mu.Lock()
		if sl.users--; sl.users == 0 {
			delete(s.m, server)
		}
		s.mu.Unlock()
	}
	select {
	case sl.c <- struct{}{}:
		return func() { <-sl.c; leave() }, true
	case <-ctx.Done():
		leave()
		return nil, false
	}
}
