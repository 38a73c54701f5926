package probe

import (
	"context"
	"net"
	"net/http/httptrace"
	"sync"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

// siblingWait bounds how long a page request waits for a connection to the
// same server that a sibling request is opening or using, before opening
// its own (once more if, by then, another is being opened).
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

// dialing is one address's dials (n: waiting or connecting; connecting:
// under way) and connections open. wake is closed when a dial fails or a
// connection closes: those waiting look again rather than wait for a
// connection that will not come.
type dialing struct {
	n, connecting, open int
	opened              int // connections ever opened, so a waiter sees a new one
	wake                chan struct{}
}

// errServedBySibling ends a dial whose request already has a connection:
// net/http drops the error of a dial no request waits for.
var errServedBySibling = check.Errorf("request served by another connection to the server", "requête servie par une autre connexion au serveur")

type gotConnKey struct{}

type ownConnKey struct{}

// gotConn is a page request as its dial sees it: got is closed once
// net/http gives the request a connection; busyWait says the request waits
// for a connection in use, not only for one being opened.
type gotConn struct {
	got      chan struct{}
	busyWait bool
}

// withGotConn marks ctx's request so that its dial learns when net/http has
// given it a connection some other dial opened.
func withGotConn(ctx context.Context) context.Context {
	m := &gotConn{got: make(chan struct{}), busyWait: ctx.Value(ownConnKey{}) == nil}
	var once sync.Once
	ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{GotConn: func(httptrace.GotConnInfo) { once.Do(func() { close(m.got) }) }})
	return context.WithValue(ctx, gotConnKey{}, m)
}

// withoutBusyWait marks requests that run side by side on purpose (the
// crawl's workers): they wait for a connection being opened, not for one in
// use.
func withoutBusyWait(ctx context.Context) context.Context {
	return context.WithValue(ctx, ownConnKey{}, true)
}

// dial runs dial, which wraps its TCP connection with the wrap it is given
// so that the gate knows while it is open.
func (g *dialGate) dial(ctx context.Context, addr string, dial func(wrap func(net.Conn) net.Conn) (net.Conn, error)) (net.Conn, error) {
	m, _ := ctx.Value(gotConnKey{}).(*gotConn)
	g.mu.Lock()
	if g.busy == nil {
		g.busy = map[string]*dialing{}
	}
	d := g.busy[addr]
	if d == nil {
		d = &dialing{wake: make(chan struct{})}
		g.busy[addr] = d
	}
	d.n++
	g.mu.Unlock()
	defer func() {
		g.mu.Lock()
		d.n--
		g.release(addr, d)
		g.mu.Unlock()
	}()
	// A request that already had a connection is one net/http retries after
	// the server dropped it: it dials at once.
	if m != nil && !closed(m.got) {
		if err := g.await(ctx, d, m); err != nil {
			return nil, err
		}
	} else {
		g.mu.Lock()
		d.connecting++
		g.mu.Unlock()
	}
	c, err := dial(func(raw net.Conn) net.Conn {
		g.mu.Lock()
		d.open++
		d.opened++
		g.mu.Unlock()
		return &gatedConn{Conn: raw, closed: func() {
			g.mu.Lock()
			d.open--
			g.wakeAll(d)
			g.release(addr, d)
			g.mu.Unlock()
		}}
	})
	g.mu.Lock()
	d.connecting--
	if err != nil {
		g.wakeAll(d)
	}
	g.mu.Unlock()
	return c, err
}

// await waits while a sibling's connection may serve the request, then
// claims the right to dial (d.connecting). When the wait ends with another
// dial under way, or a connection opened since it began (another waiter's),
// it waits for that one, once.
func (g *dialGate) await(ctx context.Context, d *dialing, m *gotConn) error {
	deadline, extended := time.Now().Add(siblingWait), false
	g.mu.Lock()
	opened := d.opened
	g.mu.Unlock()
	for {
		g.mu.Lock()
		busy := d.connecting > 0 || (m.busyWait && d.open > 0)
		over := !time.Now().Before(deadline)
		if over && (d.connecting > 0 || d.opened > opened) && !extended {
			deadline, extended, over = time.Now().Add(siblingWait), true, false
		}
		if !busy || over {
			d.connecting++
			g.mu.Unlock()
			return nil
		}
		wake := d.wake
		g.mu.Unlock()
		t := time.NewTimer(time.Until(deadline))
		select {
		case <-m.got:
			t.Stop()
			return errServedBySibling
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-wake:
		case <-t.C:
		}
		t.Stop()
	}
}

// wakeAll tells those waiting on d to look again; g.mu held.
func (g *dialGate) wakeAll(d *dialing) {
	close(d.wake)
	d.wake = make(chan struct{})
}

// release forgets addr once nothing is dialling it or open to it; g.mu held.
func (g *dialGate) release(addr string, d *dialing) {
	if d.n == 0 && d.open == 0 && g.busy[addr] == d {
		delete(g.busy, addr)
	}
}

func closed(c chan struct{}) bool {
	select {
	case <-c:
		return true
	default:
		return false
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
