// Package safe runs a collector's goroutines so that a panic in one of them
// reaches the goroutine that waits for them. The engine recovers a panic
// in a unit's own goroutine and reports it as an ERROR finding for that
// target; a panic in a goroutine the unit started would end the whole scan
// instead, losing every other target's findings.
package safe

import "sync"

// Group is a sync.WaitGroup that keeps the first panic of its goroutines
// and raises it again in Wait. The zero Group is ready to use.
type Group struct {
	wg    sync.WaitGroup
	mu    sync.Mutex
	fault *fault
}

type fault struct{ value any }

// Go runs fn in a new goroutine.
func (g *Group) Go(fn func()) {
	g.wg.Go(func() { g.Do(fn) })
}

// Do runs fn in the calling goroutine and keeps its panic for Wait instead
// of unwinding: a worker that must go on draining its queue, so that the
// goroutine feeding it is not left blocked, runs each item through Do.
// ok is false when fn panicked.
func (g *Group) Do(fn func()) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			g.mu.Lock()
			if g.fault == nil {
				g.fault = &fault{value: r}
			}
			g.mu.Unlock()
			ok = false
		}
	}()
	fn()
	return true
}

// Wait waits for every goroutine Go started, then panics with the first
// panic kept, if any.
func (g *Group) Wait() {
	g.wg.Wait()
	g.mu.Lock()
	f := g.fault
	g.mu.Unlock()
	if f != nil {
		panic(f.value)
	}
}
