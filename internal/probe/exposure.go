package probe

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/hex"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"

	web "github.com/vigie-security/vigie/checks/web"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/safe"
)

// exposureBody is how much of each exposure response is read: enough for
// content signatures, never enough to hold a dump.
const exposureBody = 8 << 10

// listingBody is how much of a directory listing is read for its names.
const listingBody = 64 << 10

// exposureWorkers is the connections one origin's exposure probes use at
// once: one pipelined connection carries them all, at one handshake.
const exposureWorkers = 1

// Exposure requests each path on base's origin, after a random path that
// tells what "not found" looks like there.
func (p *Prober) Exposure(ctx context.Context, pace Pacer, base string, paths []web.ExposurePath) web.Exposure {
	return p.exposure(ctx, p.hosts.pacer(pace), base, paths, nil, nil)
}

// originProbe is one exposure scan of one origin: its client, headers and
// the request budget every phase draws on.
type originProbe struct {
	p       *Prober
	pace    Pacer
	origin  string
	headers map[string]string
	left    atomic.Int32

	mu    sync.Mutex
	idle  *pipe // the connection the last phase left open
	depth int   // requests written at once: what the origin's connections answered
}

// take is the connection (nil: none) and depth a phase starts with.
func (o *originProbe) take() (*pipe, int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	c := o.idle
	o.idle = nil
	if o.depth == 0 {
		o.depth = pipelinedDepth
	}
	return c, o.depth
}

// keep leaves c open for the next phase, closing any other.
func (o *originProbe) keep(c *pipe, depth int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.idle != nil && c != nil {
		c.close()
		return
	}
	if c != nil {
		o.idle = c
	}
	o.depth = depth
}

// closeIdle closes what the last phase left open.
func (o *originProbe) closeIdle() {
	if c, _ := o.take(); c != nil {
		c.close()
	}
}

// exposure is Exposure with a target's own headers (sent, like
// Options.Headers, only because every path is on the target's origin), and
// the connection of vigie's own handshake to that origin, if kept. It
// reads robots.txt and sitemap.xml for more paths, then probes the list and
// those paths, then what the directory listings it found name and the dump
// names inside the folders robots.txt revealed; at most
// web.MaxExposureRequests requests in all.
func (p *Prober) exposure(ctx context.Context, pace Pacer, base string, paths []web.ExposurePath, target map[string]string, warm *tls.Conn) (out web.Exposure) {
	u, err := url.Parse(base)
	if err != nil || u.Host == "" {
		if warm != nil {
			closeNow(warm)
		}
		return web.Exposure{Error: check.Text{EN: "no usable origin", FR: "aucune origine utilisable"}}
	}
	o := &originProbe{p: p, pace: pace, origin: u.Scheme + "://" + u.Host}
	if warm != nil { // the first requests go on vigie's own handshake to the origin: one connection fewer
		o.idle = newPipe(ctx, warm)
		o.idle.warm = true
	}
	o.left.Store(web.MaxExposureRequests)
	out = web.Exposure{Base: o.origin, Scanned: true}
	o.headers = headersFor(o.origin+"/", origins(o.origin+"/"), p.opts.Headers, target)
	defer func() { out.Requests = web.MaxExposureRequests - int(o.left.Load()) }()
	defer o.closeIdle()

	var rnd [8]byte
	_, _ = rand.Read(rnd[:])
	first := o.run(ctx, []web.ExposurePath{{Path: "/vigie-" + hex.EncodeToString(rnd[:]) + ".html"}, {Path: "/robots.txt"}, {Path: "/sitemap.xml"}},
		map[string]int{"/robots.txt": robotsBody, "/sitemap.xml": sitemapBody})
	out.Baseline = first[0].f
	if out.Baseline.Err != "" && ctx.Err() != nil {
		_, out.Error = classify(ctx.Err(), p.opts.Timeout)
		return out
	}
	robots, sitemaps := []string(nil), []string(nil)
	if r := first[1]; r.f.Status == 200 && !o.soft(r.f, out.Baseline) {
		robots, sitemaps = robotsPaths(r.body, u)
	}
	var fromSitemaps []string
	if s := first[2]; s.f.Status == 200 && !o.soft(s.f, out.Baseline) {
		ps, index := sitemapPaths(s.body, u)
		if index {
			sitemaps = append(ps, sitemaps...)
		} else {
			fromSitemaps = ps
		}
	}
	// One more sitemap (maxSitemaps in all): the first robots.txt or the index names.
	for _, sm := range sitemaps {
		if sm == "/sitemap.xml" {
			continue
		}
		if r := o.run(ctx, []web.ExposurePath{{Path: sm}}, map[string]int{sm: sitemapBody})[0]; r.f.Status == 200 {
			ps, index := sitemapPaths(r.body, u)
			if !index {
				fromSitemaps = append(fromSitemaps, ps...)
			}
		}
		break
	}
	known := map[string]bool{}
	for _, ep := range paths {
		known[ep.Path] = true
	}
	out.Discovered, out.DiscoveredNamed = discovered(known, robots, fromSitemaps)
	list := append([]web.ExposurePath{}, paths...)
	for _, d := range out.Discovered {
		list = append(list, web.ExposurePath{Path: d, Kind: web.PathKind(d)})
	}
	limits := map[string]int{}
	for _, ep := range list {
		if ep.Kind == web.KindListing {
			limits[ep.Path] = listingBody
		}
	}
	results := o.run(ctx, list, limits)
	out.Fetches = make([]web.Fetch, len(results))
	var more []web.ExposurePath
	dirs, fromListings := 0, 0   // each bound its own: a refused folder's dump names must not take the listed files' turn
	shown := map[string]string{} // a listed file's path as reports show it: masked
	isDiscovered := map[string]bool{}
	for _, d := range out.Discovered {
		isDiscovered[d] = true
	}
	for i, r := range results {
		out.Fetches[i] = r.f
		if r.f.Kind != web.KindListing || r.f.Err != "" || o.soft(r.f, out.Baseline) {
			continue
		}
		if style := web.ListingStyle(r.body); style != "" && r.f.Status == 200 {
			l, files := listingOf(r.f.Path, style, r.body, o.origin)
			out.Listings = append(out.Listings, l)
			for _, f := range files {
				shown[f] = l.Path + maskedName(strings.TrimPrefix(f, l.Path))
				if fromListings < web.MaxListedFetches {
					fromListings++
					more = append(more, web.ExposurePath{Path: f, Kind: web.KindDump})
				}
			}
			continue
		}
		// A folder robots.txt named whose listing is refused may still serve its files.
		if isDiscovered[r.f.Path] && r.f.Status != 404 && dirs < web.MaxProbedDirs {
			dirs++
			for _, n := range web.DirDumpNames {
				if !known[r.f.Path+n] {
					more = append(more, web.ExposurePath{Path: r.f.Path + n, Kind: web.KindDump})
				}
			}
		}
	}
	for _, r := range o.run(ctx, more, nil) {
		if p, ok := shown[r.f.Path]; ok {
			r.f.Listed, r.f.Path = true, p
		}
		if r.f.Listed {
			r.f.Body = r.body[:min(len(r.body), exposureBody)] // judged again with the flag
			if !web.KeepBody(r.f) {
				r.f.Body = nil
			}
		}
		out.Fetches = append(out.Fetches, r.f)
	}
	if ctx.Err() != nil {
		_, out.Error = classify(ctx.Err(), p.opts.Timeout)
	}
	return out
}

// listingOf reduces a listing to its names, and the paths of the files
// worth fetching: those named like a dump or an export.
func listingOf(dir, style string, body []byte, origin string) (web.Listing, []string) {
	names := web.ParseListing(body, origin+dir)
	l := web.Listing{Path: dir, Style: style, Entries: len(names)}
	var fetch []string
	for _, n := range names {
		switch {
		case strings.HasSuffix(n, "/"):
			if len(l.Dirs) < 20 {
				l.Dirs = append(l.Dirs, maskedName(n))
			}
		case web.DumpLike(n):
			if len(l.Flagged) < 20 {
				l.Flagged = append(l.Flagged, maskedName(n))
				fetch = append(fetch, dir+n)
			}
		}
	}
	return l, fetch
}

// fetched is one fetch with the bytes read (for robots, sitemaps and
// listings, parsed by the collector and then dropped).
type fetched struct {
	f    web.Fetch
	body []byte
}

// run fetches paths over exposureWorkers connections at once, within the
// budget; limits sets a larger read for some paths.
func (o *originProbe) run(ctx context.Context, paths []web.ExposurePath, limits map[string]int) []fetched {
	out := make([]fetched, len(paths))
	var wg safe.Group
	for w := range min(exposureWorkers, len(paths)) {
		var idx []int
		for i := w; i < len(paths); i += exposureWorkers {
			idx = append(idx, i)
		}
		wg.Go(func() { o.pipelined(ctx, paths, limits, out, idx) })
	}
	wg.Wait()
	return out
}

// soft reports a catch-all answer: the same as the random path's.
func (o *originProbe) soft(f, baseline web.Fetch) bool {
	if f.Status != baseline.Status {
		return false
	}
	a, n := f.Fingerprint()
	b, m := baseline.Fingerprint()
	return a == b && n == m
}
