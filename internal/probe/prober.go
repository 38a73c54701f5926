package probe

import (
	"bufio"
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net/http"
	neturl "net/url"
	"strings"
	"sync"
	"time"

	"github.com/projectdiscovery/gologger"
	"github.com/projectdiscovery/gologger/levels"
	"github.com/projectdiscovery/httpx/common/httpx"

	web "github.com/vigie-security/vigie/checks/web"
	"github.com/vigie-security/vigie/internal/check"
)

// Options bound and shape every request a Prober sends.
type Options struct {
	Timeout      time.Duration     // per request; also bounds each TLS handshake
	MaxRedirects int               // redirects followed before giving up (a loop)
	MaxBody      int64             // bytes of body kept per response
	Retries      int               // extra tries after a transient connection failure
	UserAgent    string            // names vigie
	Headers      map[string]string // sent with every request (may hold secrets: never logged)
	Roots        *x509.CertPool    // trust anchors; nil means the system roots
	// ExposurePaths are requested on each target's own host; empty turns exposure probing off.
	ExposurePaths []web.ExposurePath
	Now           func() time.Time // dates evidence; certificates are judged against it
}

// DefaultOptions are safe bounds for a baseline scan.
func DefaultOptions() Options {
	return Options{Timeout: 10 * time.Second, MaxRedirects: 10, MaxBody: 2 << 20, Retries: 2, ExposurePaths: web.ExposurePaths(),
		UserAgent: "vigie (security baseline scanner; +https://github.com/vigie-security/vigie)", Now: time.Now}
}

// Prober probes web targets. It is safe for concurrent use; Close it to
// release httpx's on-disk caches.
type Prober struct {
	opts   Options
	client *httpx.HTTPX
	first  firstDial
}

var silenceOnce sync.Once

// silenceHTTPX mutes httpx's process-wide logger so nothing it says reaches
// vigie's stdout or stderr; vigie reports failures as findings instead.
func silenceHTTPX() {
	silenceOnce.Do(func() {
		gologger.DefaultLogger.SetMaxLevel(levels.LevelSilent)
		gologger.DefaultLogger.SetWriter(discardWriter{})
	})
}

// New builds a Prober. It creates httpx's temporary caches: call Close.
func New(o Options) (*Prober, error) {
	if o.Timeout <= 0 || o.MaxRedirects < 0 || o.MaxBody <= 0 || o.Retries < 0 {
		return nil, fmt.Errorf("probe options out of range: timeout %s, redirects %d, body %d, retries %d",
			o.Timeout, o.MaxRedirects, o.MaxBody, o.Retries)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	silenceHTTPX()
	ho := httpx.DefaultOptions
	ho.RandomAgent = false
	ho.DefaultUserAgent = o.UserAgent
	ho.Timeout = o.Timeout
	ho.RetryMax = 0 // vigie retries itself, only what is transient
	ho.FollowRedirects = true
	ho.MaxRedirects = o.MaxRedirects
	ho.MaxResponseBodySizeToRead = o.MaxBody
	ho.TLSGrab = true
	ho.CdnCheck = "false"
	ho.CustomHeaders = map[string][]string{}
	for k, v := range o.Headers {
		ho.CustomHeaders[k] = []string{v}
	}
	client, err := httpx.New(&ho)
	if err != nil {
		return nil, fmt.Errorf("starting the httpx client: %w", err)
	}
	return &Prober{opts: o, client: client}, nil
}

// Close removes httpx's temporary folders.
func (p *Prober) Close() error {
	if p.client != nil && p.client.Dialer != nil {
		p.client.Dialer.Close()
	}
	return nil
}

// Pacer is what the engine gives collectors to space out requests.
type Pacer interface {
	Wait(ctx context.Context) error
}

// CORSOrigin is the foreign origin vigie presents to see whether a site
// reflects any origin back (the .invalid TLD can never be registered).
const CORSOrigin = "https://cors-probe.vigie.invalid"

// Collect probes both sides of t, its CORS answer and its certificate, in parallel.
func (p *Prober) Collect(ctx context.Context, pace Pacer, t Target) web.Evidence {
	ev := web.Evidence{Target: t.Name, Host: t.Host, CollectedAt: p.opts.Now(), CORSOrigin: CORSOrigin}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); ev.TLS = p.Handshake(ctx, pace, t.HTTPSURL, t.Host) }()
	go func() {
		defer wg.Done()
		// HTTPS first: the plain side usually redirects there, and its
		// address is then already warm (see firstDial).
		ev.HTTPS = p.Get(ctx, pace, t.HTTPSURL)
		var side sync.WaitGroup
		side.Add(2)
		go func() { defer side.Done(); ev.HTTP = p.Get(ctx, pace, t.HTTPURL) }()
		go func() {
			defer side.Done()
			ev.CORS = p.get(ctx, pace, t.HTTPSURL, map[string]string{"Origin": CORSOrigin})
		}()
		side.Wait()
	}()
	wg.Wait()
	// Sensitive paths on the target's own origin (never where a redirect
	// leads): HTTPS when it answers, else plain HTTP.
	base := ""
	switch {
	case ev.HTTPS.Reached:
		base = t.HTTPSURL
	case ev.HTTP.Reached:
		base = t.HTTPURL
	}
	if base != "" && len(p.opts.ExposurePaths) > 0 {
		ev.Exposure = p.Exposure(ctx, pace, base, p.opts.ExposurePaths)
	}
	return ev
}

// Get fetches url, following redirects, retrying transient connection failures.
func (p *Prober) Get(ctx context.Context, pace Pacer, url string) web.Probe {
	return p.get(ctx, pace, url, nil)
}

func (p *Prober) get(ctx context.Context, pace Pacer, url string, extra map[string]string) web.Probe {
	var out web.Probe
	for attempt := 0; ; attempt++ {
		out = p.getOnce(ctx, pace, url, extra)
		if out.Reached || attempt >= p.opts.Retries || !transient(out.ErrorKind, out.Error) || ctx.Err() != nil {
			return out
		}
		select {
		case <-ctx.Done():
			return out
		case <-time.After(time.Duration(attempt+1) * 50 * time.Millisecond):
		}
	}
}

func (p *Prober) getOnce(ctx context.Context, pace Pacer, url string, extra map[string]string) web.Probe {
	out := web.Probe{URL: url}
	fail := func(err error) web.Probe {
		out.ErrorKind, out.Error = classify(err, p.opts.Timeout)
		return out
	}
	if err := pace.Wait(ctx); err != nil {
		return fail(err)
	}
	req, err := p.client.NewRequestWithContext(ctx, "GET", url)
	if err != nil {
		return fail(err)
	}
	p.client.SetCustomHeaders(req, p.client.CustomHeaders)
	for k, v := range extra {
		req.Header.Set(k, v)
	}
	release := p.first.enter(ctx, url)
	resp, err := p.client.Do(req, httpx.UnsafeOptions{})
	release()
	if err != nil {
		var ue *neturl.Error
		if errors.As(err, &ue) && ue.URL != url && ctx.Err() == nil {
			// The server answered with a redirect the client could not follow:
			// keep that first answer, and why the rest failed.
			_, why := classify(ue.Err, p.opts.Timeout)
			follow := check.Textf("%s cannot be reached: %s", "%s est inaccessible : %s", redactURL(ue.URL), why)
			if first, ok := p.firstHop(ctx, pace, url, extra); ok {
				first.FollowErr = follow
				return first
			}
			out.ErrorKind, out.Error = KindRedirect, follow
			return out
		}
		return fail(err)
	}
	out.Reached = true
	out.StatusCode = resp.StatusCode
	out.Headers = resp.Headers
	out.Body = resp.Data
	out.BodyTruncated = int64(len(resp.RawData)) >= p.opts.MaxBody
	for _, c := range resp.Chain {
		out.Hops = append(out.Hops, web.Hop{URL: c.RequestURL, Status: c.StatusCode, Location: c.Location,
			SetCookie: setCookies(string(c.Response))})
	}
	if len(out.Hops) == 0 {
		out.Hops = []web.Hop{{URL: url, Status: resp.StatusCode, SetCookie: resp.Headers["Set-Cookie"]}}
	}
	last := out.Hops[len(out.Hops)-1]
	out.RedirectLimit = len(out.Hops) >= p.opts.MaxRedirects && last.Location != "" && last.Status >= 300 && last.Status < 400
	return out
}

type discardWriter struct{}

func (discardWriter) Write([]byte, levels.Level) {}

var _ io.Writer = io.Discard

// setCookies reads the Set-Cookie lines of one hop's header dump.
func setCookies(dump string) []string {
	resp, err := http.ReadResponse(bufio.NewReader(strings.NewReader(dump)), nil)
	if err != nil {
		return nil
	}
	resp.Body.Close()
	return resp.Header.Values("Set-Cookie")
}

// redactURL drops credentials and query from a URL a server sent us.
func redactURL(raw string) string {
	u, err := neturl.Parse(raw)
	if err != nil {
		return shorten(raw)
	}
	u.User, u.RawQuery, u.Fragment = nil, "", ""
	return shorten(u.String())
}

// firstHop fetches url without following redirects.
func (p *Prober) firstHop(ctx context.Context, pace Pacer, url string, extra map[string]string) (web.Probe, bool) {
	if err := pace.Wait(ctx); err != nil {
		return web.Probe{}, false
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return web.Probe{}, false
	}
	req.Header.Set("User-Agent", p.opts.UserAgent)
	for k, v := range p.opts.Headers {
		req.Header.Set(k, v)
	}
	for k, v := range extra {
		req.Header.Set(k, v)
	}
	client := newExposureClient(p.opts)
	defer client.CloseIdleConnections()
	resp, err := client.Do(req) // never follows redirects
	if err != nil {
		return web.Probe{}, false
	}
	defer resp.Body.Close()
	loc := resp.Header.Get("Location")
	if base, err := neturl.Parse(url); err == nil {
		if l, err := base.Parse(loc); err == nil {
			loc = l.String()
		}
	}
	return web.Probe{URL: url, Reached: true, StatusCode: resp.StatusCode, Headers: resp.Header,
		Hops: []web.Hop{{URL: url, Status: resp.StatusCode, Location: redactURL(loc), SetCookie: resp.Header.Values("Set-Cookie")}}}, true
}
