package probe

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"

	web "github.com/vigie-security/vigie/checks/web"
	"github.com/vigie-security/vigie/internal/check"
)

// exposureBody is how much of each exposure response is kept: enough for
// content signatures, never enough to hold a dump.
const exposureBody = 8 << 10

// exposureWorkers bounds the parallel requests on one target's host; two
// keep-alive connections cost two handshakes and keep a host's paths quick.
const exposureWorkers = 2

// newExposureClient is a plain net/http client with keep-alive (httpx's
// client disables it), no redirects (probes stay on the target's host) and
// every bound set.
func newExposureClient(o Options) *http.Client {
	return newClient(o, &http.Transport{
		MaxResponseHeaderBytes: 64 << 10,
		MaxIdleConnsPerHost:    exposureWorkers,
		IdleConnTimeout:        30 * time.Second,
	})
}

// Exposure requests each path on base's origin, after a random path that
// tells what "not found" looks like there.
func (p *Prober) Exposure(ctx context.Context, pace Pacer, base string, paths []web.ExposurePath) web.Exposure {
	return p.exposure(ctx, pace, base, paths, nil)
}

// exposure is Exposure with a target's own headers (sent, like
// Options.Headers, only because every path is on the target's origin).
func (p *Prober) exposure(ctx context.Context, pace Pacer, base string, paths []web.ExposurePath, target map[string]string) web.Exposure {
	u, err := url.Parse(base)
	if err != nil || u.Host == "" {
		return web.Exposure{Error: check.Text{EN: "no usable origin", FR: "aucune origine utilisable"}}
	}
	origin := u.Scheme + "://" + u.Host
	out := web.Exposure{Base: origin, Scanned: true}
	// One client per target: its keep-alive connections serve this host's
	// paths, then close, so memory stays flat however many targets a scan has.
	client := newExposureClient(p.opts)
	defer client.CloseIdleConnections()
	var rnd [8]byte
	_, _ = rand.Read(rnd[:])
	headers := headersFor(origin+"/", origins(origin+"/"), p.opts.Headers, target)
	out.Baseline = p.fetch(ctx, pace, client, origin, headers, web.ExposurePath{Path: "/vigie-" + hex.EncodeToString(rnd[:]) + ".html"})
	if out.Baseline.Err != "" && ctx.Err() != nil {
		_, out.Error = classify(ctx.Err(), p.opts.Timeout)
		return out
	}
	out.Fetches = make([]web.Fetch, len(paths))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range exposureWorkers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				out.Fetches[i] = p.fetch(ctx, pace, client, origin, headers, paths[i])
			}
		}()
	}
	for i := range paths {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	if ctx.Err() != nil {
		_, out.Error = classify(ctx.Err(), p.opts.Timeout)
	}
	return out
}

func (p *Prober) fetch(ctx context.Context, pace Pacer, client *http.Client, origin string, headers map[string]string, ep web.ExposurePath) web.Fetch {
	f := web.Fetch{Path: ep.Path, Kind: ep.Kind}
	if err := pace.Wait(ctx); err != nil {
		f.Err = err.Error()
		return f
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, origin+ep.Path, nil)
	if err != nil {
		f.Err = err.Error()
		return f
	}
	req.Header.Set("User-Agent", p.opts.UserAgent)
	req.Header.Set("Range", "bytes=0-"+strconv.Itoa(exposureBody-1)) // servers that honour it send less
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := client.Do(req)
	if err != nil {
		_, reason := classify(err, p.opts.Timeout)
		f.Err = reason.EN
		return f
	}
	defer resp.Body.Close()
	f.Status, f.ContentType, f.Length = resp.StatusCode, resp.Header.Get("Content-Type"), resp.ContentLength
	// A read cut short keeps what arrived: signatures need content, so a short
	// body can miss a hit but never invent one.
	f.Body, _ = io.ReadAll(io.LimitReader(resp.Body, exposureBody))
	if f.Length < 0 {
		f.Length = int64(len(f.Body))
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // let the connection be reused when the rest is short
	return f
}
