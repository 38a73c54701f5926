package probe_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	web "github.com/vigie-security/vigie/checks/web"
)

func TestExposureStaysOnHostAndBounds(t *testing.T) {
	var offHost atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { offHost.Add(1) }))
	defer other.Close()
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/.git/HEAD":
			w.Write([]byte("ref: refs/heads/main\n"))
		case "/leads.csv":
			w.Write([]byte("id,email\n"))
			w.Write([]byte(strings.Repeat("1,x@example.fr\n", 100000))) // ~1.5 MB: only the start is kept
		case "/backup/":
			http.Redirect(w, r, other.URL+"/backup/", http.StatusFound) // must not be followed
		default:
			http.NotFound(w, r)
		}
	}))
	defer site.Close()
	p := newProber(t, nil)
	got := p.Exposure(context.Background(), noPace{}, site.URL+"/some/page", web.ExposurePaths())
	if !got.Scanned || got.Base != site.URL || got.Baseline.Status != 404 || len(got.Fetches) != len(web.ExposurePaths()) {
		t.Fatalf("scan = base %q baseline %d fetches %d", got.Base, got.Baseline.Status, len(got.Fetches))
	}
	byPath := map[string]web.Fetch{}
	for _, f := range got.Fetches {
		byPath[f.Path] = f
	}
	if f := byPath["/.git/HEAD"]; f.Status != 200 || !strings.HasPrefix(string(f.Body), "ref: refs/") {
		t.Errorf(".git/HEAD = %d %q", f.Status, f.Body)
	}
	if f := byPath["/leads.csv"]; len(f.Body) > 8<<10 {
		t.Errorf("kept %d bytes of a large file", len(f.Body))
	}
	if f := byPath["/backup/"]; f.Status != http.StatusFound {
		t.Errorf("redirect status = %d", f.Status)
	}
	if offHost.Load() != 0 {
		t.Errorf("an exposure probe left the target's host %d time(s)", offHost.Load())
	}
}
