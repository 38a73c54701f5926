package probe

import (
	"bufio"
	"context"
	"crypto/tls"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	web "github.com/vigie-security/vigie/checks/web"
	"github.com/vigie-security/vigie/internal/check"
)

// Exposure probes are many small GETs on one origin, so they go over a few
// keep-alive HTTP/1.1 connections of vigie's own, pipelinedDepth requests
// written at once and their answers read in order: a tenth of the system
// calls and none of net/http's per-request goroutines. A connection the
// server closes is dialled again for the requests it did not answer, and
// fewer are written at once from then on (one, to a server that closes
// after every answer).
const pipelinedDepth = 8

// sessions lets the page and exposure connections to a server resume its
// TLS session instead of a full handshake (certificates are judged by
// vigie's own handshakes, which never resume).
var sessions = tls.NewLRUClientSessionCache(1024)

// serverSessions is the session cache as one server sees it. Go keys a
// session by server name only, and names a server dialled by IP address by
// that address: every port of 127.0.0.1 (or of a shared host's IP) would
// share one entry, each server overwriting the others' ticket and offered
// theirs, so nothing ever resumed.
type serverSessions struct{ addr string }

func (s serverSessions) Get(key string) (*tls.ClientSessionState, bool) {
	return sessions.Get(s.addr + " " + key)
}

func (s serverSessions) Put(key string, cs *tls.ClientSessionState) { sessions.Put(s.addr+" "+key, cs) }

// dialTLS opens the TLS connection of a page or exposure request,
// certificates unchecked (WEB-CERT-* judges them). A host name is sent as
// SNI; sessions are remembered by address and port (serverSessions), so
// two servers on one IP never offer each other's tickets. wrap, when set,
// wraps the TCP connection under TLS (the page client counts its open ones).
func dialTLS(ctx context.Context, d *net.Dialer, timeout time.Duration, network, addr string, wrap func(net.Conn) net.Conn) (net.Conn, error) {
	// TLS 1.0 and 1.1 are accepted: a server that speaks nothing newer still
	// has pages to judge (the TLS checks fail it for its protocols), and
	// Go's default minimum, TLS 1.2, would leave it "unreachable".
	cfg := &tls.Config{InsecureSkipVerify: true, CurvePreferences: probeCurves, NextProtos: []string{"http/1.1"},
		MinVersion: tls.VersionTLS10, ClientSessionCache: serverSessions{addr: addr}}
	if host, _, err := net.SplitHostPort(addr); err == nil {
		cfg.ServerName = host // an IP address is not sent as SNI
	}
	hctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	raw, err := d.DialContext(hctx, network, addr)
	if err != nil {
		return nil, err
	}
	if wrap != nil {
		raw = wrap(raw)
	}
	c := tls.Client(raw, cfg)
	if err := c.HandshakeContext(hctx); err != nil {
		raw.Close()
		return nil, err
	}
	return c, nil
}

// Bounds on one exposure answer, whatever the server sends.
const (
	exposureHeaderBytes = 64 << 10 // header block
	exposureDrain       = 64 << 10 // read past the kept bytes to reuse the connection; more closes it
)

// pipe is one connection to the origin.
type pipe struct {
	conn net.Conn
	br   *bufio.Reader
	bw   *bufio.Writer
	lim  *budgetReader
	stop func() bool
	// warm: the connection of vigie's own handshake, handed over and not
	// used yet (see Prober.exposure).
	warm bool
}

// budgetReader fails once a connection has been read for more than its
// answers were allowed: a header block or body without end cannot grow memory.
type budgetReader struct {
	r    io.Reader
	left int64
}

var errBudget = check.Errorf("answer larger than vigie reads: connection closed", "réponse plus grande que ce que vigie lit : connexion fermée")

func (b *budgetReader) Read(p []byte) (int, error) {
	if b.left <= 0 {
		return 0, errBudget
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.r.Read(p)
	b.left -= int64(n)
	return n, err
}

// dial opens a connection to the origin (TLS for https, certificates not
// checked here: WEB-CERT-* judges them), closed when ctx ends.
func (o *originProbe) dial(ctx context.Context) (*pipe, error) {
	u, err := url.Parse(o.origin)
	if err != nil {
		return nil, err
	}
	addr := u.Host
	if u.Port() == "" {
		addr = net.JoinHostPort(u.Hostname(), map[string]string{"http": "80", "https": "443"}[u.Scheme])
	}
	d := &net.Dialer{Timeout: o.p.opts.Timeout}
	var conn net.Conn
	if u.Scheme == "https" {
		conn, err = dialTLS(ctx, d, o.p.opts.Timeout, "tcp", addr, nil)
	} else {
		conn, err = d.DialContext(ctx, "tcp", addr)
	}
	if err != nil {
		return nil, err
	}
	return newPipe(ctx, conn), nil
}

// newPipe makes conn a pipe, closed when ctx ends.
func newPipe(ctx context.Context, conn net.Conn) *pipe {
	lim := &budgetReader{r: conn}
	return &pipe{conn: conn, br: bufio.NewReaderSize(lim, 8<<10), bw: bufio.NewWriterSize(conn, 4<<10), lim: lim,
		stop: context.AfterFunc(ctx, func() { conn.Close() })}
}

func (c *pipe) close() {
	c.stop()
	c.conn.Close()
}

// rangeHeader asks for no more of an answer than exposureBody.
var rangeHeader = "Range: bytes=0-" + strconv.Itoa(exposureBody-1) + "\r\n"

// request writes one GET of path.
func (o *originProbe) request(w *bufio.Writer, path string, ranged bool) {
	host := strings.TrimPrefix(strings.TrimPrefix(o.origin, "https://"), "http://")
	// Piece by piece into the buffer: no string is built per request.
	for _, s := range []string{"GET ", path, " HTTP/1.1\r\nHost: ", host, "\r\nUser-Agent: ", o.p.opts.UserAgent, "\r\nAccept: */*\r\n"} {
		w.WriteString(s)
	}
	if ranged {
		w.WriteString(rangeHeader) // servers that honour it send less
	}
	for k, v := range o.headers {
		for _, s := range []string{k, ": ", v, "\r\n"} {
			w.WriteString(s)
		}
	}
	w.WriteString("\r\n")
}

// pipelined fetches paths over one connection at a time, pipelinedDepth
// requests per write, within the origin's request budget. The connection
// left open is kept for the origin's next phase (closed by the exposure's
// end): one handshake for all of them.
func (o *originProbe) pipelined(ctx context.Context, paths []web.ExposurePath, limits map[string]int, out []fetched, idx []int) {
	c, depth := o.take()
	defer func() { o.keep(c, depth) }()
	hctx := toHost(ctx, o.origin) // the server each request waits its turn on
	for i := 0; i < len(idx); {
		var batch []int
		for len(batch) < depth && i+len(batch) < len(idx) {
			j := idx[i+len(batch)]
			why := ""
			if o.left.Add(-1) < 0 {
				why = "request budget of the origin spent"
			} else if err := o.pace.Wait(hctx); err != nil {
				why = err.Error()
			}
			if why == "" {
				batch = append(batch, j)
				continue
			}
			o.left.Add(1) // not sent
			if len(batch) > 0 {
				break // sent first; this one is asked again after
			}
			out[j] = fetched{f: web.Fetch{Path: paths[j].Path, Kind: paths[j].Kind, Err: why}}
			i++
		}
		if len(batch) == 0 {
			continue
		}
		fresh, warm := c == nil, c != nil && c.warm
		if warm {
			c.warm = false
		}
		if fresh {
			var err error
			if c, err = o.dial(ctx); err != nil {
				_, reason := classify(err, o.p.opts.Timeout)
				for _, j := range batch { // no connection: each of these is an answer missing, like net/http's
					out[j] = fetched{f: web.Fetch{Path: paths[j].Path, Kind: paths[j].Kind, Err: reason.EN}}
				}
				i += len(batch)
				c = nil
				continue
			}
		}
		w := c.bw
		for _, j := range batch {
			o.request(w, paths[j].Path, limits[paths[j].Path] == 0)
		}
		_ = c.conn.SetDeadline(time.Now().Add(o.p.opts.Timeout))
		err := w.Flush()
		answered, keep := 0, true
		for _, j := range batch {
			if err != nil {
				break
			}
			out[j], keep, err = o.answer(c, paths[j], limits[paths[j].Path])
			if err == nil {
				answered++
			}
			if !keep {
				break
			}
		}
		// The last answer may end the connection too (Connection: close, a
		// body left unread): nothing more is read from it.
		if answered < len(batch) || err != nil || !keep {
			c.close()
			c = nil
		}
		if warm && answered == 0 && ctx.Err() == nil {
			// The server closed the handshake's connection before any
			// request reached it: the batch goes on a new connection, as
			// if none had been handed over, and is counted once.
			o.left.Add(int32(len(batch)))
			continue
		}
		fresh = fresh || warm // it answered as a new connection would
		switch {
		case err == nil:
			depth = max(1, min(depth, answered))
		case ctx.Err() == nil && !fresh && answered == 0:
			// A kept connection the server closed meanwhile (an idle
			// timeout): ask again on a new one, as many at once.
		case ctx.Err() == nil && (depth > 1 || !fresh):
			// A server that closes with requests unread may reset the
			// connection before an answer is read, and a kept connection
			// may have been closed meanwhile: ask again, one at a time.
			depth = 1
		case answered == 0: // one request on a new connection failed: it is this path's error
			_, reason := classify(err, o.p.opts.Timeout)
			out[batch[0]] = fetched{f: web.Fetch{Path: paths[batch[0]].Path, Kind: paths[batch[0]].Kind, Err: reason.EN}}
			answered = 1
		}
		i += answered // the rest is sent again on a new connection
	}
}

// answer reads one response; keep says whether the connection can carry the next.
func (o *originProbe) answer(c *pipe, ep web.ExposurePath, limit int) (fetched, bool, error) {
	f := web.Fetch{Path: ep.Path, Kind: ep.Kind}
	if limit == 0 {
		limit = exposureBody
	}
	c.lim.left = exposureHeaderBytes + int64(limit) + exposureDrain // each answer its own budget: what one left unused is not carried
	_ = c.conn.SetDeadline(time.Now().Add(o.p.opts.Timeout))
	resp, err := http.ReadResponse(c.br, &http.Request{Method: http.MethodGet})
	for err == nil && resp.StatusCode >= 100 && resp.StatusCode < 200 && resp.StatusCode != http.StatusSwitchingProtocols {
		resp, err = http.ReadResponse(c.br, &http.Request{Method: http.MethodGet}) // 103 Early Hints come before the answer
	}
	if err != nil {
		return fetched{f: f}, false, err
	}
	defer resp.Body.Close()
	f.Status, f.ContentType, f.Length = resp.StatusCode, resp.Header.Get("Content-Type"), resp.ContentLength
	// A read cut short keeps what arrived: signatures need content, so a short
	// body can miss a hit but never invent one.
	body, rerr := io.ReadAll(io.LimitReader(resp.Body, int64(limit)))
	if f.Length < 0 {
		f.Length = int64(len(body))
	}
	n, _ := io.Copy(io.Discard, io.LimitReader(resp.Body, exposureDrain+1))
	keep := rerr == nil && n <= exposureDrain && !resp.Close
	if keep { // the body must have ended for the next answer to be read
		var one [1]byte
		if m, _ := resp.Body.Read(one[:]); m > 0 {
			keep = false
		}
	}
	sig := body[:min(len(body), exposureBody)]
	f.Sum, f.Size = web.Sum(sig), len(sig)
	f.Body = sig
	if !web.KeepBody(f) {
		f.Body = nil // only what a check reads outlives the request
	}
	return fetched{f: f, body: body}, keep, nil
}
