package probe

import (
	"context"
	"crypto/tls"
	"io"
	"log"
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
	t.Helper()
	var handshakes atomic.Int32
	s := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			time.Sleep(hold)
		}
		io.WriteString(w, "<!doctype html><title>gate</title>")
	}))
	s.TLS = &tls.Config{VerifyConnection: func(tls.ConnectionState) error { handshakes.Add(1); return nil }}
	s.Config.ErrorLog = log.New(io.Discard, "", 0)
	s.StartTLS()
	t.Cleanup(s.Close)
	return s, &handshakes
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
	p, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
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
