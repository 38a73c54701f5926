package probe_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/vigie-security/vigie/internal/probe"
)

// panicAt panics on its n-th Wait: a stand-in for a bug deep in one of the
// goroutines a Collect starts (the page GETs, the TLS scan's hellos, the
// exposure's requests, the crawl).
type panicAt struct {
	n     int32
	calls atomic.Int32
}

func (p *panicAt) Wait(ctx context.Context) error {
	if p.calls.Add(1) == p.n {
		panic(fmt.Sprintf("bug at wait %d", p.n))
	}
	return ctx.Err()
}

// A panic in any goroutine of a Collect reaches Collect's caller, where the
// engine turns it into an ERROR for the target; before, it ended the
// process and every other target's findings with it.
func TestCollectRaisesGoroutinePanicsInTheCaller(t *testing.T) {
	ca := newCA(t)
	secure := tlsServer(t, ca, []string{"127.0.0.1"}, now.AddDate(0, -1, 0), now.AddDate(0, 3, 0),
		http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, `<html><a href="/a">a</a><a href="/b">b</a></html>`)
		}))
	plain := httptest.NewServer(http.RedirectHandler(secure.URL+"/", http.StatusMovedPermanently))
	defer plain.Close()
	// Count the waits of a whole Collect, then panic at points across it.
	count := &panicAt{}
	p := newProber(t, func(o *probe.Options) { o.Roots = ca.Pool(); o.Retries = 0 })
	p.Collect(context.Background(), count, target(t, plain.URL, secure.URL))
	total := count.calls.Load()
	if total < 20 {
		t.Fatalf("a Collect waited %d times: too few to reach the TLS scan and the exposure", total)
	}
	for _, n := range []int32{1, 2, 3, 6, total / 2, total - 1, total} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			p := newProber(t, func(o *probe.Options) { o.Roots = ca.Pool(); o.Retries = 0 })
			defer func() {
				if r := recover(); r != fmt.Sprintf("bug at wait %d", n) {
					t.Fatalf("Collect raised %v", r)
				}
			}()
			p.Collect(context.Background(), &panicAt{n: n}, target(t, plain.URL, secure.URL))
			t.Fatal("Collect returned")
		})
	}
}
