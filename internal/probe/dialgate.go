package probe

import (
	"context"
	"errors"
	"net"
	"net/http/httptrace"
	"sync"
	"time"
)

// siblingWait bounds how long a page request waits for a connection to the
// same server that a sibling request is opening or using, before opening
// its own.
const siblingWait = 500 * time.Millisecond

// dialGate spares a server a second TLS handshake when page requests to it
// overlap (a site's http:// side redirecting to the https:// side another
// target is fetching, that target's CORS request while the redirect is
// answered): a dial to a server with a connection being opened or in use
// waits for one to come free, and the request goes over it; only if none
// frees within siblingWait does it open its own.
type dialGate struct {
	mu   sync.Mutex
	busy map[string]*dialing
}

// dialing is one address's dials in progress (waiting or connecting) and
// connections open; failed is closed when a dial fails, so that those
// waiting dial at once rather than wait for a connection that will not come.
type dialing struct {
	n, open int
	failed  chan struct{}
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

// dial runs dial, which wraps its TCP connection with the wrap it is given
// so that the gate knows while it is open.
func (g *dialGate) dial(ctx context.Context, addr string, dial func(wrap func(net.Conn) net.Conn) (net.Conn, error)) (net.Conn, error) {
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
		d.n--
		g.release(addr, d)
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
	c, err = dial(func(raw net.Conn) net.Conn {
		g.mu.Lock()
		d.open++
		g.mu.Unlock()
		return &gatedConn{Conn: raw, closed: func() {
			g.mu.Lock()
			d.open--
			g.release(addr, d)
			g.mu.Unlock()
		}}
	})
	return c, err
}

// release forgets addr once nothing is dialling it or open to it; g.mu held.
func (g *dialGate) release(addr string, d *dialing) {
	if d.n == 0 && d.open == 0 && g.busy[addr] == d {
		delete(g.busy, addr)
	}
}

// gatedConn tells the gate when a page connection closes.
type gatedConn struct {
	net.Conn
	once   sync.Once
	closed func()
}

func (c *gatedConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.closed)
	return err
}
