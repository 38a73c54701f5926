package probe

import (
	"context"
	"net"
	"net/url"
	"sync"
)

// firstDial serialises the first request to each address. fastdialer
// v0.5.17 (under httpx v1.11.0) races when two first connections to one
// address start together (DialWrap.doFirstConnection checks and sets its busy
// flag in two steps); once an address has one finished connection, it is safe.
type firstDial struct {
	mu   sync.Mutex
	warm map[string]chan struct{}
}

// enter waits until addr has been dialled once, or makes the caller the
// first; release must be called when the caller's request is done.
func (g *firstDial) enter(ctx context.Context, rawURL string) (release func()) {
	addr := addrOf(rawURL)
	g.mu.Lock()
	if g.warm == nil {
		g.warm = map[string]chan struct{}{}
	}
	ch, seen := g.warm[addr]
	if !seen {
		ch = make(chan struct{})
		g.warm[addr] = ch
		g.mu.Unlock()
		var once sync.Once
		return func() { once.Do(func() { close(ch) }) }
	}
	g.mu.Unlock()
	select {
	case <-ch:
	case <-ctx.Done():
	}
	return func() {}
}

func addrOf(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return rawURL
	}
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[u.Scheme]
	}
	return net.JoinHostPort(u.Hostname(), port)
}
