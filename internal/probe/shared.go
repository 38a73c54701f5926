package probe

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"sync"
)

// sharedSize bounds the origins whose probes are remembered: more than the
// targets in flight, so paths of one origin listed together share them,
// and few enough that memory does not grow with the target list.
const sharedSize = 512

// sharedProbes runs each origin's TLS, CORS and exposure probes, and each
// linked page's read, once for all the targets on it (https://shop/a and
// https://shop/b), and keeps the latest sharedSize results.
type sharedProbes struct {
	mu    sync.Mutex
	m     map[string]*sharedEntry
	order []string
}

type sharedEntry struct {
	done  chan struct{}
	val   any
	fault any // what fn panicked with: raised again in each waiter
}

// do returns key's result, running fn when no target of the origin has, or
// waiting for the one that is. A result cut short by its target's own
// deadline is not kept, so the next target asks again.
func (s *sharedProbes) do(ctx context.Context, key string, fn func() any) any {
	s.mu.Lock()
	if s.m == nil {
		s.m = map[string]*sharedEntry{}
	}
	if e, ok := s.m[key]; ok {
		s.mu.Unlock()
		select {
		case <-e.done:
			if e.fault != nil {
				panic(e.fault)
			}
			return e.val
		case <-ctx.Done():
			return fn() // fails at once on the cancelled context, with this target's reason
		}
	}
	e := &sharedEntry{done: make(chan struct{})}
	s.m[key] = e
	s.order = append(s.order, key)
	if len(s.order) > sharedSize {
		delete(s.m, s.order[0])
		s.order = slices.Delete(s.order, 0, 1)
	}
	s.mu.Unlock()
	defer func() {
		// A panic is not kept for the next target, and its waiters get it too
		// rather than wait forever (each target's unit makes it an ERROR).
		if r := recover(); r != nil {
			e.fault = r
			s.forget(key, e)
			close(e.done)
			panic(r)
		}
	}()
	e.val = fn()
	close(e.done)
	if ctx.Err() != nil {
		s.forget(key, e)
	}
	return e.val
}

// forget drops key's result if it is still e.
func (s *sharedProbes) forget(key string, e *sharedEntry) {
	s.mu.Lock()
	if s.m[key] == e {
		delete(s.m, key)
	}
	s.mu.Unlock()
}

// sharedKey names what a probe depends on: the origin and the target's own
// headers (a hash: they may hold secrets).
func sharedKey(rawURL string, headers map[string]string) string {
	return keyed(origin(rawURL), headers)
}

// keyed is key with a hash of the target's own headers.
func keyed(key string, headers map[string]string) string {
	if len(headers) == 0 {
		return key
	}
	keys := make([]string, 0, len(headers))
	for k := range headers {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	h := sha256.New()
	for _, k := range keys {
		h.Write([]byte(k + "\x00" + headers[k] + "\x00"))
	}
	return key + " " + hex.EncodeToString(h.Sum(nil)[:8])
}
