package probe

import (
	"context"
	"io"
	"net"
	"net/http"
	neturl "net/url"
	"time"

	web "github.com/vigie-security/vigie/checks/web"
	"github.com/vigie-security/vigie/internal/check"
)

// Bounds on what one response may make vigie read or keep, whatever the server sends.
const (
	// maxHeaderBytes bounds a response's header block (net/http's default is 10 MB).
	maxHeaderBytes = 256 << 10
	// maxCookies bounds the Set-Cookie lines kept along one chain, all hops together;
	// the rest are counted (web.Probe.CookiesDropped), never kept.
	maxCookies = 100
	// maxCookieLine bounds one kept Set-Cookie line; a longer one is counted as dropped.
	maxCookieLine = 4 << 10
	// redirectBody is what is read of a redirect's body before closing it.
	redirectBody = 16 << 10
)

// newPageClient is the client of the page GETs. vigie follows redirects
// itself (CheckRedirect stops at every hop) so that each hop's headers are
// chosen for its own origin, its cookies are counted against one budget, and
// a body longer than MaxBody is cut instead of failing (httpx's client errs
// on a Content-Length longer than what it read, and can bound neither the
// header block nor the headers that follow a redirect). A few idle
// connections are kept, briefly: the page, CORS and linked-page GETs of one
// origin then share a handshake, and memory stays bounded; requests that
// start together wait a little for one another's connection (dialGate).
func newPageClient(o Options, gate *dialGate) *http.Client {
	return newClient(o, gate, &http.Transport{MaxResponseHeaderBytes: maxHeaderBytes,
		MaxIdleConns: 64, MaxIdleConnsPerHost: 1, IdleConnTimeout: 2 * time.Second})
}

// newClient sets on t the dial, TLS and header timeouts of o and returns a
// client of it that never follows a redirect. Certificates are not verified
// here: WEB-CERT-* judges them. TLS dials go through gate.
func newClient(o Options, gate *dialGate, t *http.Transport) *http.Client {
	dialer := &net.Dialer{Timeout: o.Timeout}
	t.DialContext = dialer.DialContext
	t.DialTLSContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		return gate.dial(ctx, addr, func(wrap func(net.Conn) net.Conn) (net.Conn, error) {
			return dialTLS(ctx, dialer, o.Timeout, network, addr, wrap)
		})
	}
	t.ResponseHeaderTimeout = o.Timeout
	return &http.Client{
		Timeout:       o.Timeout,
		Transport:     t,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// chain GETs url and follows its redirects, at most MaxRedirects of them.
// Custom headers go only to the origins in own (see headersFor).
func (p *Prober) chain(ctx context.Context, pace Pacer, url string, own []string, secret, extra map[string]string) web.Probe {
	out := web.Probe{URL: url}
	cur := url
	for hop := 0; ; hop++ {
		if err := pace.Wait(toHost(ctx, cur)); err != nil {
			return p.hopFailed(ctx, out, cur, err)
		}
		resp, err := p.send(ctx, cur, own, secret, extra)
		if err != nil {
			return p.hopFailed(ctx, out, cur, err)
		}
		h := web.Hop{URL: cur, Status: resp.StatusCode}
		h.SetCookie, out.CookiesDropped = keepCookies(resp.Header.Values("Set-Cookie"), out.CookiesDropped, &out)
		resp.Header.Del("Set-Cookie") // kept on the hop, not twice
		next, loc, follow := p.nextHop(cur, resp)
		h.Location = loc
		out.Hops = append(out.Hops, h)
		out.Reached, out.StatusCode, out.Headers = true, resp.StatusCode, resp.Header
		if follow == nil && next != "" && len(out.Hops) <= p.opts.MaxRedirects {
			drain(resp.Body, redirectBody)
			cur = next
			continue
		}
		if follow != nil {
			out.FollowErr = check.Textf("%s cannot be reached: %s", "%s est inaccessible : %s", redactURL(loc), follow)
		}
		out.Body, out.BodyTruncated, err = readBody(resp, p.opts.MaxBody)
		if err != nil && len(out.Body) == 0 && follow == nil {
			out.Reached = false
			out.ErrorKind, out.Error = classify(err, p.opts.Timeout)
			return out
		}
		last := out.Hops[len(out.Hops)-1]
		out.RedirectLimit = follow == nil && last.Location != "" && last.Status >= 300 && last.Status < 400
		return out
	}
}

// hopFailed records a request that got no answer: the whole probe failed
// when it was the first, else the chain keeps its hops and says why it stopped.
func (p *Prober) hopFailed(ctx context.Context, out web.Probe, cur string, err error) web.Probe {
	kind, why := classify(err, p.opts.Timeout)
	if len(out.Hops) == 0 || ctx.Err() != nil { // a hop's own timeout keeps the chain; the target's ends it
		out.Reached, out.Hops, out.Headers, out.StatusCode = false, nil, nil, 0
		out.ErrorKind, out.Error = kind, why
		return out
	}
	out.FollowErr = check.Textf("%s cannot be reached: %s", "%s est inaccessible : %s", redactURL(cur), why)
	return out
}

// send issues one GET of url.
func (p *Prober) send(ctx context.Context, url string, own []string, secret, extra map[string]string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(withGotConn(ctx), http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", p.opts.UserAgent)
	req.Header.Set("Accept", "*/*")
	req.Header.Set("Accept-Charset", "utf-8")
	for k, v := range headersFor(url, own, p.opts.Headers, secret) {
		req.Header.Set(k, v)
	}
	for k, v := range extra {
		req.Header.Set(k, v)
	}
	return p.pages.Do(req)
}

// nextHop reads a response's redirect: the absolute URL to follow (empty
// when it is no redirect), the Location as kept in evidence (credentials
// dropped), and why it cannot be followed.
func (p *Prober) nextHop(cur string, resp *http.Response) (next, loc string, why error) {
	if resp.StatusCode < 300 || resp.StatusCode >= 400 || resp.StatusCode == http.StatusNotModified {
		return "", "", nil
	}
	raw := resp.Header.Get("Location")
	if raw == "" {
		return "", "", nil
	}
	base, err := neturl.Parse(cur)
	if err != nil {
		return "", shorten(RedactURL(raw)), err
	}
	u, err := base.Parse(raw)
	if err != nil {
		return "", shorten(RedactURL(raw)), check.Errorf("malformed Location: %v", "en-tête Location illisible : %v", urlReason(err))
	}
	u.User = nil
	loc = u.String()
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", loc, check.Errorf("unsupported protocol scheme %q", "schéma %q non pris en charge", u.Scheme)
	}
	if u.Host == "" {
		return "", loc, check.Errorf("no host in Location", "aucun hôte dans l'en-tête Location")
	}
	return u.String(), loc, nil
}

// readBody reads at most limit bytes of the body; more is cut, not an
// error: a page cannot hide by being long.
func readBody(resp *http.Response, limit int64) ([]byte, bool, error) {
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusSwitchingProtocols || resp.StatusCode == http.StatusNotModified {
		return nil, false, nil
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	cut := int64(len(b)) > limit
	if cut {
		b, err = b[:limit], nil
	}
	return decodePage(b, resp.Header), cut, err
}

// drain reads a little of a body so a short one ends cleanly, then closes it.
func drain(body io.ReadCloser, n int64) {
	_, _ = io.Copy(io.Discard, io.LimitReader(body, n))
	_ = body.Close()
}

// keepCookies keeps a hop's Set-Cookie lines while the chain's budget lasts
// and counts the rest.
func keepCookies(lines []string, dropped int, out *web.Probe) ([]string, int) {
	kept := 0
	for _, h := range out.Hops {
		kept += len(h.SetCookie)
	}
	var keep []string
	for _, l := range lines {
		if kept >= maxCookies || len(l) > maxCookieLine {
			dropped++
			continue
		}
		keep = append(keep, l)
		kept++
	}
	return keep, dropped
}
