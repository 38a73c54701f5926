package probe

import (
	"context"
	"crypto/tls"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// gateServer is an HTTPS server that counts its completed handshakes and
// holds "/slow" for hold.
func gateServer(t *testing.T, hold time.Duration) (*httptest.Server, *atomic.Int32) {
	return countingServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			time.Sleep(hold)
		}
		io.WriteString(w, "<!doctype html><title>gate</title>")
	})
}

// countingServer is an HTTPS server of h that counts its completed handshakes.
func countingServer(t *testing.T, h http.HandlerFunc) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var handshakes atomic.Int32
	s := httptest.NewUnstartedServer(h)
	s.TLS = &tls.Config{VerifyConnection: func(tls.ConnectionState) error { handshakes.Add(1); return nil }}
	s.Config.ErrorLog = log.New(io.Discard, "", 0)
	s.StartTLS()
	t.Cleanup(s.Close)
	return s, &handshakes
}

// newProber is a prober with the default options, closed with the test.
func newProber(t *testing.T) *Prober {
	t.Helper()
	p, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

// Page requests to one server that start together share one handshake:
// each later one waits for the connection the first opens.
func TestSiblingRequestsShareAHandshake(t *testing.T) {
	s, handshakes := gateServer(t, 0)
	p, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			if got := p.Get(context.Background(), noWait{}, s.URL+"/"); !got.Reached || got.StatusCode != http.StatusOK {
				t.Errorf("not reached: %s", got.Error.EN)
			}
		})
	}
	wg.Wait()
	if n := handshakes.Load(); n != 1 {
		t.Errorf("%d handshakes for 3 requests started together, want 1", n)
	}
}

// busySibling starts a gate server holding "/slow" for hold, and a request
// for it; it returns after settle, with slow closed once that request ends.
func busySibling(t *testing.T, hold, settle time.Duration) (*Prober, *httptest.Server, *atomic.Int32, <-chan struct{}) {
	t.Helper()
	s, handshakes := gateServer(t, hold)
	p := newProber(t)
	slow := make(chan struct{})
	go func() { p.Get(context.Background(), noWait{}, s.URL+"/slow"); close(slow) }()
	time.Sleep(settle)
	return p, s, handshakes, slow
}

// A request to a server whose only connection is busy (dialled, its
// request not answered yet) waits for it rather than open a second one.
func TestRequestWaitsForABusyConnection(t *testing.T) {
	p, s, handshakes, slow := busySibling(t, 200*time.Millisecond, 100*time.Millisecond) // its connection open, its answer held
	if got := p.Get(context.Background(), noWait{}, s.URL+"/"); !got.Reached {
		t.Fatalf("not reached: %s", got.Error.EN)
	}
	<-slow
	if n := handshakes.Load(); n != 1 {
		t.Errorf("%d handshakes, want 1: the request should have waited for the busy connection", n)
	}
	// Once every connection is closed the gate forgets the server.
	p.Close()
	deadline := time.Now().Add(2 * time.Second)
	for {
		p.gate.mu.Lock()
		n := len(p.gate.busy)
		p.gate.mu.Unlock()
		if n == 0 || time.Now().After(deadline) {
			if n != 0 {
				t.Errorf("%d servers still held by the gate after every connection closed", n)
			}
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// A sibling that keeps its connection busy delays the others by
// siblingWait at most: then they open their own.
func TestBusySiblingDelaysBySiblingWaitAtMost(t *testing.T) {
	p, s, handshakes, slow := busySibling(t, 1500*time.Millisecond, 50*time.Millisecond) // its dial under way or done, its request held
	start := time.Now()
	got := p.Get(context.Background(), noWait{}, s.URL+"/")
	if took := time.Since(start); !got.Reached || took > siblingWait+time.Second {
		t.Errorf("reached %v after %s, want within %s", got.Reached, took, siblingWait+time.Second)
	}
	if n := handshakes.Load(); n != 2 {
		t.Errorf("%d handshakes, want 2 (the busy sibling's, then its own)", n)
	}
	<-slow
}

// A request net/http retries after the server dropped its kept-alive
// connection dials at once, though another connection to the server is
// busy: it already had one, and waiting would fail it.
func TestRetriedRequestDialsAtOnce(t *testing.T) {
	s := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := r.Context().Value(connRequests{}).(*atomic.Int32).Add(1)
		switch {
		case r.URL.Path == "/slow":
			time.Sleep(time.Second)
		case n == 2: // the second request on a connection: dropped unanswered
			c, _, _ := w.(http.Hijacker).Hijack()
			c.Close()
			return
		}
		io.WriteString(w, "ok")
	}))
	s.Config.ConnContext = func(ctx context.Context, _ net.Conn) context.Context {
		return context.WithValue(ctx, connRequests{}, new(atomic.Int32))
	}
	s.Config.ErrorLog = log.New(io.Discard, "", 0)
	s.StartTLS()
	t.Cleanup(s.Close)
	o := DefaultOptions()
	o.Retries = 0 // net/http's own retry is the one under test
	p, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	slow := make(chan struct{})
	go func() { p.Get(context.Background(), noWait{}, s.URL+"/slow"); close(slow) }()
	time.Sleep(100 * time.Millisecond)
	if got := p.Get(context.Background(), noWait{}, s.URL+"/a"); !got.Reached { // a second connection, then idle
		t.Fatalf("first request: %s", got.Error.EN)
	}
	if got := p.Get(context.Background(), noWait{}, s.URL+"/b"); !got.Reached { // dropped, retried
		t.Errorf("retried request: %s", got.Error.EN)
	}
	<-slow
}

type connRequests struct{}

// Requests waiting beside a busy connection do not all dial when the wait
// ends: one does, and the others wait for it.
func TestWaitersDoNotDialTogether(t *testing.T) {
	s, handshakes := countingServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			time.Sleep(1500 * time.Millisecond)
		} else {
			time.Sleep(100 * time.Millisecond) // the first waiter's connection stays busy a while
		}
		io.WriteString(w, "x")
	})
	p := newProber(t)
	slow := make(chan struct{})
	go func() { p.Get(context.Background(), noWait{}, s.URL+"/slow"); close(slow) }()
	time.Sleep(100 * time.Millisecond)
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			if got := p.Get(context.Background(), noWait{}, s.URL+"/"); !got.Reached {
				t.Errorf("not reached: %s", got.Error.EN)
			}
		})
	}
	wg.Wait()
	if n := handshakes.Load(); n != 2 {
		t.Errorf("%d handshakes, want 2 (the busy one's, then one for the three waiting)", n)
	}
	<-slow
}

// A busy connection that closes after its answer (Connection: close) lets
// the request waiting for it dial at once rather than at the end of the wait.
func TestClosedConnectionEndsTheWait(t *testing.T) {
	s, _ := countingServer(t, func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(100 * time.Millisecond)
		w.Header().Set("Connection", "close")
		io.WriteString(w, "bye")
	})
	p := newProber(t)
	go p.Get(context.Background(), noWait{}, s.URL+"/")
	time.Sleep(30 * time.Millisecond)
	start := time.Now()
	if got := p.Get(context.Background(), noWait{}, s.URL+"/"); !got.Reached {
		t.Fatalf("not reached: %s", got.Error.EN)
	}
	if took := time.Since(start); took > 400*time.Millisecond {
		t.Errorf("took %s: the wait should end when the busy connection closed (about 170 ms)", took.Round(time.Millisecond))
	}
}

// The crawl's workers read side by side: a worker does not wait for the
// other's connection in use.
func TestCrawlWorkersDoNotWaitForABusyConnection(t *testing.T) {
	s, handshakes := gateServer(t, 300*time.Millisecond)
	p := newProber(t)
	ctx := withoutBusyWait(context.Background())
	go p.Get(ctx, noWait{}, s.URL+"/slow")
	time.Sleep(100 * time.Millisecond)
	start := time.Now()
	if got := p.Get(ctx, noWait{}, s.URL+"/"); !got.Reached {
		t.Fatalf("not reached: %s", got.Error.EN)
	}
	if took := time.Since(start); took > 150*time.Millisecond || handshakes.Load() != 2 {
		t.Errorf("took %s with %d handshakes: the worker should have opened its own connection at once", took.Round(time.Millisecond), handshakes.Load())
	}
}
