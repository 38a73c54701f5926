package probe_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/vigie-security/vigie/internal/probe"
)

// recorder is a loopback server that remembers the secret headers it saw.
type recorder struct {
	mu   sync.Mutex
	seen map[string]bool
}

func (r *recorder) handler(next http.Handler) http.HandlerFunc {
	return func(w http.ResponseWriter, req *http.Request) {
		r.mu.Lock()
		for _, h := range []string{"X-Api-Key", "X-Site-Token", "Authorization", "Cookie"} {
			if req.Header.Get(h) != "" {
				r.seen[h] = true
			}
		}
		r.mu.Unlock()
		if next != nil {
			next.ServeHTTP(w, req)
		}
	}
}

// Custom headers hold API keys: a redirect to another origin (here another
// port of 127.0.0.1) must carry none of them, nor Authorization or Cookie,
// while the target's own origin gets the scan-wide and its own headers.
// (The client used to copy every custom header along every redirect.)
func TestCustomHeadersStayOnTheTargetsOrigin(t *testing.T) {
	other := &recorder{seen: map[string]bool{}}
	otherSrv := httptest.NewServer(other.handler(nil))
	defer otherSrv.Close()
	own := &recorder{seen: map[string]bool{}}
	ownSrv := httptest.NewServer(own.handler(http.RedirectHandler(otherSrv.URL+"/landing", http.StatusFound)))
	defer ownSrv.Close()

	p := newProber(t, func(o *probe.Options) {
		o.Headers = map[string]string{"X-Api-Key": "k-123", "Authorization": "Bearer t", "Cookie": "s=1"}
		o.ExposurePaths = o.ExposurePaths[:2]
	})
	tg := target(t, ownSrv.URL+"/", "https://"+closedPort(t)+"/")
	tg.Headers = map[string]string{"X-Site-Token": "only-here"}
	ev := p.Collect(context.Background(), noPace{}, tg)
	if !ev.HTTP.Reached || len(ev.HTTP.Hops) != 2 {
		t.Fatalf("http side = %+v", ev.HTTP)
	}
	for _, h := range []string{"X-Api-Key", "X-Site-Token", "Authorization", "Cookie"} {
		if !own.seen[h] {
			t.Errorf("the target's own origin did not get %s", h)
		}
		if other.seen[h] {
			t.Errorf("%s followed the redirect to another origin", h)
		}
	}
}

// A target's own headers are never sent to another target.
func TestTargetHeadersAreNotSentToOtherTargets(t *testing.T) {
	a := &recorder{seen: map[string]bool{}}
	aSrv := httptest.NewServer(a.handler(nil))
	defer aSrv.Close()
	b := &recorder{seen: map[string]bool{}}
	bSrv := httptest.NewServer(b.handler(nil))
	defer bSrv.Close()
	p := newProber(t, func(o *probe.Options) { o.ExposurePaths = nil })
	ta := target(t, aSrv.URL+"/", "https://"+closedPort(t)+"/")
	ta.Headers = map[string]string{"X-Site-Token": "a-only"}
	p.Collect(context.Background(), noPace{}, ta)
	p.Collect(context.Background(), noPace{}, target(t, bSrv.URL+"/", "https://"+closedPort(t)+"/"))
	if !a.seen["X-Site-Token"] || b.seen["X-Site-Token"] {
		t.Errorf("a saw it: %v, b saw it: %v", a.seen["X-Site-Token"], b.seen["X-Site-Token"])
	}
}
