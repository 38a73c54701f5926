package probe

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"net/http"
	"slices"
	"strings"
	"time"

	web "github.com/vigie-security/vigie/checks/web"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/safe"
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
	// HostRate caps the requests per second sent to one server (host and
	// port), however many targets live on it; 0 means no per-server cap.
	HostRate float64
	Now      func() time.Time // dates evidence; certificates are judged against it
}

// DefaultOptions are safe bounds for a baseline scan.
func DefaultOptions() Options {
	return Options{Timeout: 10 * time.Second, MaxRedirects: 10, MaxBody: 2 << 20, Retries: 2, ExposurePaths: web.ExposurePaths(),
		HostRate:  DefaultHostRate,
		UserAgent: "vigie (security baseline scanner; +https://github.com/vigie-security/vigie)", Now: time.Now}
}

// Prober probes web targets. It is safe for concurrent use.
type Prober struct {
	opts   Options
	pages  *http.Client
	gate   *dialGate // the page client's TLS dials
	hosts  *hostLimits
	shared sharedProbes
}

// New builds a Prober.
func New(o Options) (*Prober, error) {
	if o.Timeout <= 0 || o.MaxRedirects < 0 || o.MaxBody <= 0 || o.Retries < 0 || o.HostRate < 0 {
		return nil, check.Errorf("probe options out of range: timeout %s, redirects %d, body %d, retries %d, host rate %v",
			"options de sonde hors limites : délai %s, redirections %d, corps %d, nouvelles tentatives %d, débit par hôte %v", o.Timeout, o.MaxRedirects, o.MaxBody, o.Retries, o.HostRate)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	gate := &dialGate{}
	return &Prober{opts: o, pages: newPageClient(o, gate), gate: gate, hosts: &hostLimits{rate: o.HostRate}}, nil
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

// Collect probes both sides of t, its CORS answer and its certificate, in
// parallel. When the HTTPS side is a guess and the HTTP side redirects to
// HTTPS on the same site, that is the side judged. The origin's TLS, CORS
// and exposure probes are shared by targets on the same origin.
func (p *Prober) Collect(ctx context.Context, pace Pacer, t Target) web.Evidence {
	pace = p.hosts.pacer(pace)
	ev := web.Evidence{Target: t.Name, Host: t.Host, CollectedAt: p.opts.Now(), CORSOrigin: CORSOrigin}
	own := origins(t.HTTPURL, t.HTTPSURL)
	var wg safe.Group // a panic reaches the unit's goroutine, where the engine makes it an ERROR
	wg.Go(func() { ev.HTTPS = p.get(ctx, pace, t.HTTPSURL, own, t.Headers, nil) })
	ev.HTTP = p.get(ctx, pace, t.HTTPURL, own, t.Headers, nil)
	wg.Wait()
	ev.HTTP, ev.HTTPS = ownCookies(ev.HTTP, t.Host), ownCookies(ev.HTTPS, t.Host)
	httpsURL, host := t.HTTPSURL, t.Host
	if to, from := redirectedHTTPS(ev.HTTP, t.Host); !t.HTTPSNamed && to != "" && origin(to) != origin(t.HTTPSURL) {
		httpsURL, host, ev.HTTPSVia = to, hostOf(to), from
		if strings.EqualFold(host, t.Host) { // custom headers stay on the target's own host
			own = append(own, origin(to))
		}
		if tail, ok := chainFrom(ev.HTTP, to); ok && len(p.opts.Headers)+len(t.Headers) == 0 {
			ev.HTTPS = tail // the HTTP chain already fetched it, as a GET of it would
		} else {
			ev.HTTPS = p.get(ctx, pace, httpsURL, own, t.Headers, nil)
		}
	}
	key := sharedKey(httpsURL, t.Headers)
	var warm *tls.Conn // the handshake's connection, when this target made it: for the exposure probes
	wg.Go(func() {
		ev.TLS = p.shared.do(ctx, "tls "+key, func() any {
			t, c := p.handshake(toHost(ctx, httpsURL), pace, httpsURL, host, len(p.opts.ExposurePaths) > 0)
			warm = c
			t.Share() // the server's targets and findings hold one copy of what they report alike
			return t
		}).(web.TLS)
	})
	wg.Go(func() {
		ev.CORS = p.shared.do(ctx, "cors "+key, func() any {
			return corsOnly(p.get(ctx, pace, httpsURL, own, t.Headers, map[string]string{"Origin": CORSOrigin}))
		}).(web.Probe)
	})
	wg.Wait()
	// Sensitive paths on the site's origin (never where a later redirect
	// leads): HTTPS when it answers, else plain HTTP.
	base := ""
	switch {
	case ev.HTTPS.Reached:
		base = httpsURL
	case ev.HTTP.Reached:
		base = t.HTTPURL
	}
	if base != "" && len(p.opts.ExposurePaths) > 0 {
		ev.Exposure = p.shared.do(ctx, "expo "+sharedKey(base, t.Headers), func() any {
			var c *tls.Conn
			if origin(base) == origin(httpsURL) {
				c, warm = warm, nil // the exposure owns it now
			}
			return p.exposure(ctx, pace, base, p.opts.ExposurePaths, t.Headers, c)
		}).(web.Exposure)
	}
	if warm != nil { // another target probed the origin, or it is not probed
		closeNow(warm)
	}
	ev.HTTP.ReadContent() // once, for the crawl and every check that reads the pages
	ev.HTTPS.ReadContent()
	ev.Pages, ev.PagesLinked = p.crawl(ctx, pace, ev, own, t.Headers)
	return ev
}

// ownCookies drops the cookies that hops on another site set: a redirect
// that leaves the target's site brings back that site's cookies, which are
// not the target's to judge. The hops are copied, not edited in place.
func ownCookies(pr web.Probe, host string) web.Probe {
	for i, h := range pr.Hops {
		if len(h.SetCookie) == 0 || sameSite(hostOf(h.URL), host) {
			continue
		}
		hops := slices.Clone(pr.Hops)
		for j := i; j < len(hops); j++ {
			if !sameSite(hostOf(hops[j].URL), host) {
				hops[j].SetCookie = nil
			}
		}
		pr.Hops = hops
		break
	}
	return pr
}

// Get fetches url, following redirects, retrying transient connection
// failures. Options.Headers go only to url's own origin.
func (p *Prober) Get(ctx context.Context, pace Pacer, url string) web.Probe {
	return p.get(ctx, p.hosts.pacer(pace), url, origins(url), nil, nil)
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

// corsOnly keeps of the CORS answer what WEB-CORS-001 reads (its
// Access-Control-* headers), so the shared copy holds no page.
func corsOnly(pr web.Probe) web.Probe {
	h := map[string][]string{}
	for k, v := range pr.Headers {
		if strings.HasPrefix(k, "Access-Control-") {
			h[k] = v
		}
	}
	pr.Headers, pr.Body = h, nil
	hops := make([]web.Hop, len(pr.Hops))
	for i, hop := range pr.Hops {
		hop.SetCookie = nil
		hops[i] = hop
	}
	pr.Hops = hops
	return pr
}
