package probe

import (
	"context"
	"net/url"
	"path"
	"strings"

	web "github.com/vigie-security/vigie/checks/web"
	"github.com/vigie-security/vigie/internal/safe"
)

// crawlWorkers bounds the linked pages of one target read at once.
const crawlWorkers = 2

// notPages are link suffixes that are never HTML pages with forms.
var notPages = []string{".pdf", ".jpg", ".jpeg", ".png", ".gif", ".svg", ".webp", ".ico", ".css", ".js", ".zip", ".gz",
	".mp4", ".mp3", ".woff", ".woff2", ".xml", ".json", ".txt", ".csv", ".xlsx", ".docx"}

// crawl reads (once per scan for pages several targets link to) the same-origin pages that the landing pages link to (the
// plain-HTTP page when one is served, and the HTTPS page), one level deep
// and at most web.CrawlPages, and keeps only their forms: a login or
// payment page one click from the home page is judged like the home page.
func (p *Prober) crawl(ctx context.Context, pace Pacer, ev web.Evidence, own []string, headers map[string]string) ([]web.LinkedPage, int) {
	var lists [][]string
	seen := map[string]bool{}
	var starts []web.Probe
	for _, s := range []web.Probe{ev.HTTP, ev.HTTPS} {
		// A page a redirect reached on another site is that site's: its
		// links are not the target's pages.
		if s.Reached && s.StatusCode >= 200 && s.StatusCode < 300 && sameSite(hostOf(s.FinalURL()), ev.Host) {
			seen[s.FinalURL()] = true
			starts = append(starts, s)
		}
	}
	linked := 0
	for _, s := range starts {
		final := s.FinalURL()
		var list []string
		for _, l := range s.Content().Links {
			if seen[l] || origin(l) != origin(final) || !pageLike(l) {
				continue
			}
			seen[l] = true
			linked++
			list = append(list, l)
		}
		lists = append(lists, list)
	}
	// Take from each landing page in turn, so both sides get read.
	var todo []string
	for i := 0; len(todo) < web.CrawlPages; i++ {
		added := false
		for _, l := range lists {
			if i < len(l) && len(todo) < web.CrawlPages {
				todo, added = append(todo, l[i]), true
			}
		}
		if !added {
			break
		}
	}
	out := make([]web.LinkedPage, len(todo))
	jobs := make(chan int)
	wctx := withoutBusyWait(ctx) // the workers read side by side, on a connection each if need be
	var wg safe.Group
	for range crawlWorkers {
		wg.Go(func() {
			for i := range jobs {
				u := todo[i]
				wg.Do(func() { // a panic kept, the worker drains on: the loop below never blocks
					out[i] = p.shared.do(ctx, keyed("page "+u, headers), func() any {
						return linkedPage(p.get(wctx, pace, u, own, headers, nil))
					}).(web.LinkedPage)
				})
			}
		})
	}
	for i := range todo {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return out, linked
}

// linkedPage keeps a page's forms and drops its body.
func linkedPage(pr web.Probe) web.LinkedPage {
	lp := web.LinkedPage{URL: redactURL(pr.FinalURL()), Status: pr.StatusCode, Truncated: pr.BodyTruncated}
	if !pr.Reached {
		lp.Error = pr.Error.EN
		return lp
	}
	if pr.StatusCode >= 200 && pr.StatusCode < 300 {
		lp.Forms = web.ParsePage(pr.Body, pr.FinalURL()).Forms
	}
	return lp
}

func pageLike(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	ext := strings.ToLower(path.Ext(u.Path))
	for _, x := range notPages {
		if ext == x {
			return false
		}
	}
	return true
}
