// Package engine runs a scan: it collects evidence for each unit of work
// with bounded concurrency, a rate limit and a per-target timeout, evaluates
// the checks on it, and streams events to whoever watches (CLI, TUI).
package engine

import (
	"context"
	"crypto/rand"
	"fmt"
	"runtime"
	"time"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

// ErrNoTargets is returned before any work when the plan is empty.
var ErrNoTargets = check.Errorf("nothing to scan: no targets configured", "rien à analyser : aucune cible configurée")

// Pacer spaces out network requests; collectors call Wait before each one.
type Pacer interface {
	Wait(ctx context.Context) error
}

// Unit is one target of one family: how to collect its evidence and which checks judge it.
// A unit whose Collect returns Subjects is a source of several targets (a
// policy file holding three policies): each subject is judged as a target of
// its own, and the unit's Target names the source in progress and errors.
type Unit struct {
	Family check.Family
	Target string
	// Server names the server a unit's requests go to first (scheme, host
	// and port); at most WithServerConcurrency units of one server run at
	// once, so politeness never eats into a unit's timeout. Empty: no limit.
	Server  string
	Collect func(ctx context.Context, pace Pacer) (any, error)
	Checks  check.Catalogue
	// Timeout bounds this unit instead of the engine's (a million-row lead
	// table needs minutes, a web target seconds); 0 keeps the engine's.
	Timeout time.Duration
}

// Subjects are the targets one unit found while collecting, in order.
type Subjects []check.Subject

// DefaultTimeout bounds a unit of an engine built without WithTimeout;
// vigie's config takes its scan.timeout default from it.
const DefaultTimeout = 10 * time.Second

// DefaultConcurrency is how many units run at once without
// WithConcurrency: a scan waits on networks, not on the CPU, so 128 a core
// (at most 1,000); politeness is owed per server (WithServerConcurrency and
// the prober's per-host rate), not by slowing the whole scan.
func DefaultConcurrency() int { return min(1000, 128*runtime.NumCPU()) }

// Engine runs scans. Build it with New.
type Engine struct {
	concurrency int
	perServer   int
	rate        float64
	timeout     time.Duration
	now         func() time.Time
	newID       func() string
	version     string
	spool       *report.Spool
	prep        func([]check.Finding) []check.Finding
}

// Option configures an Engine.
type Option func(*Engine) error

// WithSpool keeps each finished unit's findings in sp instead of memory;
// the report's scores are computed unit by unit (score.Tally). The report
// reads its findings from sp: the caller closes sp once delivered.
func WithSpool(sp *report.Spool) Option {
	return func(e *Engine) error {
		e.spool = sp
		return nil
	}
}

// WithPrep makes each finished unit's findings what listeners and the
// report see, before either does: prep (scrubbing, waivers) may change them
// in place. Several run in the order given.
func WithPrep(prep func([]check.Finding) []check.Finding) Option {
	return func(e *Engine) error {
		if before := e.prep; before != nil {
			e.prep = func(fs []check.Finding) []check.Finding { return prep(before(fs)) }
		} else {
			e.prep = prep
		}
		return nil
	}
}

// WithConcurrency sets how many units run at once.
func WithConcurrency(n int) Option {
	return func(e *Engine) error {
		if n <= 0 {
			return check.Errorf("concurrency must be at least 1, got %d", "le parallélisme doit valoir au moins 1, et non %d", n)
		}
		e.concurrency = n
		return nil
	}
}

// WithServerConcurrency sets how many units of one Server run at once;
// 0 means no limit. A unit waits for its slot before its timeout starts.
func WithServerConcurrency(n int) Option {
	return func(e *Engine) error {
		if n < 0 {
			return check.Errorf("server concurrency must be 0 (no limit) or more, got %d", "le parallélisme par serveur doit valoir 0 (sans limite) ou plus, et non %d", n)
		}
		e.perServer = n
		return nil
	}
}

// WithRate caps network requests per second across the scan; 0 means no cap.
func WithRate(perSecond float64) Option {
	return func(e *Engine) error {
		if perSecond < 0 {
			return check.Errorf("rate must be 0 (unlimited) or more, got %v", "le débit doit valoir 0 (illimité) ou plus, et non %v", perSecond)
		}
		e.rate = perSecond
		return nil
	}
}

// WithTimeout bounds the collection of each unit.
func WithTimeout(d time.Duration) Option {
	return func(e *Engine) error {
		if d <= 0 {
			return check.Errorf("timeout must be positive, got %s", "le délai doit être positif, et non %s", d)
		}
		e.timeout = d
		return nil
	}
}

// WithClock replaces the wall clock (tests, golden files).
func WithClock(now func() time.Time) Option {
	return func(e *Engine) error { e.now = now; return nil }
}

// WithScanID replaces the random scan ID generator.
func WithScanID(newID func() string) Option {
	return func(e *Engine) error { e.newID = newID; return nil }
}

// WithVersion sets the tool version written in reports.
func WithVersion(v string) Option {
	return func(e *Engine) error { e.version = v; return nil }
}

// New builds an engine; defaults: DefaultConcurrency() units at once, no rate
// cap, DefaultTimeout per unit.
func New(opts ...Option) (*Engine, error) {
	e := &Engine{concurrency: DefaultConcurrency(), timeout: DefaultTimeout, now: time.Now, newID: randomID, version: "dev"}
	for _, o := range opts {
		if err := o(e); err != nil {
			return nil, err
		}
	}
	return e, nil
}

func randomID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

func safeRecover(target string, err *error) {
	if r := recover(); r != nil {
		*err = check.Errorf("internal error while collecting %s: %v", "erreur interne pendant la collecte de %s : %v", target, r)
	}
}
