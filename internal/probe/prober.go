package probe

import (
	"context"
	"crypto/x509"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"

	"github.com/projectdiscovery/gologger"
	"github.com/projectdiscovery/gologger/levels"

	web "github.com/vigie-security/vigie/checks/web"
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

// Prober probes web targets. It is safe for concurrent use.
type Prober struct {
	opts  Options
	pages *http.Client
}

var silenceOnce sync.Once

// silenceHTTPX mutes httpx's process-wide logger so nothing it says reaches
// vigie's stdout or stderr (vigie still uses its charset decoding); vigie
// reports failures as findings instead.
func silenceHTTPX() {
	silenceOnce.Do(func() {
		gologger.DefaultLogger.SetMaxLevel(levels.LevelSilent)
		gologger.DefaultLogger.SetWriter(discardWriter{})
	})
}

// New builds a Prober.
func New(o Options) (*Prober, error) {
	if o.Timeout <= 0 || o.MaxRedirects < 0 || o.MaxBody <= 0 || o.Retries < 0 {
		return nil, fmt.Errorf("probe options out of range: timeout %s, redirects %d, body %d, retries %d",
			o.Timeout, o.MaxRedirects, o.MaxBody, o.Retries)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	silenceHTTPX()
	return &Prober{opts: o, pages: newPageClient(o)}, nil
}

// Close releases the prober's idle connections. It creates no files.
func (p *Prober) Close() error {
	p.pages.CloseIdleConnections()
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
	own := origins(t.HTTPURL, t.HTTPSURL)
	go func() { defer wg.Done(); ev.TLS = p.Handshake(ctx, pace, t.HTTPSURL, t.Host) }()
	go func() {
		defer wg.Done()
		ev.HTTPS = p.get(ctx, pace, t.HTTPSURL, own, t.Headers, nil)
		var side sync.WaitGroup
		side.Add(2)
		go func() { defer side.Done(); ev.HTTP = p.get(ctx, pace, t.HTTPURL, own, t.Headers, nil) }()
		go func() {
			defer side.Done()
			ev.CORS = p.get(ctx, pace, t.HTTPSURL, own, t.Headers, map[string]string{"Origin": CORSOrigin})
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
		ev.Exposure = p.exposure(ctx, pace, base, p.opts.ExposurePaths, t.Headers)
	}
	return ev
}

// Get fetches url, following redirects, retrying transient connection
// failures. Options.Headers go only to url's own origin.
func (p *Prober) Get(ctx context.Context, pace Pacer, url string) web.Probe {
	return p.get(ctx, pace, url, origins(url), nil, nil)
}

// get fetches url; custom headers (Options.Headers merged with target's)
// go only to the origins in own, extra headers (not secrets) to every hop.
func (p *Prober) get(ctx context.Context, pace Pacer, url string, own []string, target, extra map[string]string) web.Probe {
	var out web.Probe
	for attempt := 0; ; attempt++ {
		out = p.chain(ctx, pace, url, own, target, extra)
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

type discardWriter struct{}

func (discardWriter) Write([]byte, levels.Level) {}

var _ io.Writer = io.Discard
