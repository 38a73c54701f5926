package probe

import (
	"context"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// DefaultHostRate is the requests per second vigie sends one server (one
// host and port) by default: politeness is owed to each server, so a scan
// of many sites is not slowed by a scan-wide cap, and no site gets more than
// this however many of its paths are listed.
const DefaultHostRate = 200

// hostBurst is how many requests a server may get at once before the rate applies.
const hostBurst = 50

// hostLimits holds one limiter per server; idle ones are dropped so the map
// stays as small as the set of servers in flight.
type hostLimits struct {
	rate float64 // per server; 0 turns the limit off
	mu   sync.Mutex
	m    map[string]*hostLimit
}

type hostLimit struct {
	lim  *rate.Limiter
	last time.Time
}

type hostKey struct{}

// toHost marks ctx with the server a request goes to, for the host limit.
func toHost(ctx context.Context, rawURL string) context.Context {
	return context.WithValue(ctx, hostKey{}, origin(rawURL))
}

// pacer wraps the scan's pacer with the per-server limit of the request's
// server (set on its context by toHost).
func (h *hostLimits) pacer(scan Pacer) Pacer {
	if h.rate <= 0 {
		return scan
	}
	return hostPacer{scan: scan, h: h}
}

type hostPacer struct {
	scan Pacer
	h    *hostLimits
}

func (p hostPacer) Wait(ctx context.Context) error {
	if err := p.scan.Wait(ctx); err != nil {
		return err
	}
	key, _ := ctx.Value(hostKey{}).(string)
	if key == "" {
		return nil
	}
	return p.h.limiter(key).Wait(ctx)
}

// limiter returns key's limiter, dropping those idle long enough to be full again.
func (h *hostLimits) limiter(key string) *rate.Limiter {
	now := time.Now()
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.m == nil {
		h.m = map[string]*hostLimit{}
	}
	if len(h.m) >= 1024 {
		idle := time.Duration(float64(hostBurst)/h.rate*float64(time.Second)) + time.Second
		for k, l := range h.m {
			if now.Sub(l.last) > idle {
				delete(h.m, k)
			}
		}
	}
	l, ok := h.m[key]
	if !ok {
		l = &hostLimit{lim: rate.NewLimiter(rate.Limit(h.rate), hostBurst)}
		h.m[key] = l
	}
	l.last = now
	return l.lim
}
