package probe

import (
	"context"
	"errors"
	"net"
	"net/http/httptrace"
	"sync"
	"time"
)

// siblingWait bounds how long a page request waits for the connection a
// sibling request to the same server is opening, before opening its own.
const siblingWait = 500 * time.Millisecond

// dialGate spares a server a second TLS handshake when two page requests to
// it start together (a site's http:// side redirecting to the https:// side
// another target is fetching): the later dial waits for the earlier's
// connection to come free and the request goes over it; only if none frees
// within siblingWait does it open its own.
type dialGate struct {
	mu   sync.Mutex
	busy map[string]*dialing
}

// dialing is one address's dials in progress (waiting or connecting);
// failed is closed when one of them fails, so that those waiting dial at
// once rather than wait for a connection that will not come.
type dialing struct {
	n      int
	failed chan struct{}
}

// errServedBySibling ends a dial whose request already has a connection:
// net/http drops the error of a dial no request waits for.
var errServedBySibling = errors.New("probe: request served by a sibling's connection") // not shown: net/http drops it

type gotConnKey struct{}

// withGotConn marks ctx's request so that its dial learns when net/http has
// given it a connection some other dial opened.
func withGotConn(ctx context.Context) context.Context {
	got := make(chan struct{})
	var once sync.Once
	ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{GotConn: func(httptrace.GotConnInfo) { once.Do(func() { close(got) }) }})
	return context.WithValue(ctx, gotConnKey{}, got)
}

func (g *dialGate) dial(ctx context.Context, addr string, dial func() (net.Conn, error)) (net.Conn, error) {
	got, _ := ctx.Value(gotConnKey{}).(chan struct{})
	g.mu.Lock()
	if g.busy == nil {
		g.busy = map[string]*dialing{}
	}
	d := g.busy[addr]
	wait := got != nil && d != nil
	if d == nil {
		d = &dialing{failed: make(chan struct{})}
		g.busy[addr] = d
	}
	d.n++
	failed := d.failed
	g.mu.Unlock()
	var err error
	defer func() {
		g.mu.Lock()
		if err != nil && !errors.Is(err, errServedBySibling) {
			close(d.failed)
			d.failed = make(chan struct{})
		}
		if d.n--; d.n == 0 {
			delete(g.busy, addr)
		}
		g.mu.Unlock()
	}()
	if wait {
		t := time.NewTimer(siblingWait)
		defer t.Stop()
		select {
		case <-got:
			err = errServedBySibling
			return nil, err
		case <-ctx.Done():
			err = ctx.Err()
			return nil, err
		case <-failed:
		case <-t.C:
		}
	}
	var c net.Conn
	c, err = dial()
	return c, err
}
