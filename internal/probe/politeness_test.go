package probe

import (
	"context"
	"testing"
	"time"
)

type noWait struct{}

func (noWait) Wait(ctx context.Context) error { return ctx.Err() }

// Each server has its own limit: requests to one are spaced out, and
// requests to another are not held up by them.
func TestHostLimitIsPerServer(t *testing.T) {
	h := &hostLimits{rate: 200}
	pace := h.pacer(noWait{})
	ctx := context.Background()
	start := time.Now()
	for range hostBurst + 40 {
		if err := pace.Wait(toHost(ctx, "https://127.0.0.1:8443/x")); err != nil {
			t.Fatal(err)
		}
	}
	if d := time.Since(start); d < 150*time.Millisecond {
		t.Errorf("%d requests to one server in %s: the limit of 200/s did not apply", hostBurst+40, d)
	}
	start = time.Now()
	for range hostBurst {
		_ = pace.Wait(toHost(ctx, "https://127.0.0.1:9443/"))
		_ = pace.Wait(ctx) // a request with no server named is never held
	}
	if d := time.Since(start); d > 50*time.Millisecond {
		t.Errorf("another server waited %s", d)
	}
	if (&hostLimits{}).pacer(noWait{}) != (noWait{}) {
		t.Error("rate 0 must leave the scan's pacer alone")
	}
	// Idle servers are forgotten, so the map stays as small as the servers in flight.
	for i := range 1100 {
		h.limiter(string(rune(i)))
	}
	for _, l := range h.m {
		l.last = time.Now().Add(-time.Minute)
	}
	h.limiter("new")
	if len(h.m) != 1 {
		t.Errorf("%d idle limiters kept", len(h.m))
	}
}
