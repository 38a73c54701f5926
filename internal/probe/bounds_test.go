package probe_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	web "github.com/vigie-security/vigie/checks/web"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/probe"
)

// findings evaluates every web check on ev, by ID.
func findings(ev web.Evidence) map[string]check.Finding {
	out := map[string]check.Finding{}
	for _, c := range web.Checks() {
		f := c.Evaluate(ev)
		out[f.CheckID] = f
	}
	return out
}

// A page longer than the body limit, sent with its Content-Length, is judged
// on its first bytes: a password form over plain HTTP is still reported, and
// the finding says the page was cut. (httpx's client failed the whole request,
// so every check was an ERROR and the form was never seen.)
func TestLongPageWithContentLengthIsJudged(t *testing.T) {
	page := []byte(`<html><body><form method=post action=/login><input name=u><input type=password name=p></form>`)
	page = append(page, strings.Repeat("<p>filler</p>\n", (3<<20)/14)...)
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", strconv.Itoa(len(page)))
		w.Write(page)
	}))
	defer plain.Close()
	p := newProber(t, nil)
	ev := p.Collect(context.Background(), noPace{}, target(t, plain.URL+"/", "https://"+closedPort(t)+"/"))
	if !ev.HTTP.Reached || !ev.HTTP.BodyTruncated || len(ev.HTTP.Body) != 2<<20 {
		t.Fatalf("http side: reached=%v truncated=%v body=%d err=%q", ev.HTTP.Reached, ev.HTTP.BodyTruncated, len(ev.HTTP.Body), ev.HTTP.Error.EN)
	}
	f := findings(ev)["WEB-FORM-001"]
	if f.Status != check.Fail || !strings.Contains(f.Message.EN, "password") ||
		!strings.Contains(f.Message.EN, "page was cut") || !strings.Contains(f.Message.FR, "page tronquée") {
		t.Errorf("WEB-FORM-001 = %s %q / %q", f.Status, f.Message.EN, f.Message.FR)
	}
	if f.Evidence["body_truncated"] != true || f.Evidence["body_read_bytes"] != 2<<20 {
		t.Errorf("evidence = %v", f.Evidence)
	}
}

// A chain of redirects each setting thousands of cookies keeps a bounded
// number of them, in all, and counts the rest; the cookie finding says so.
func TestCookiesAcrossHopsAreBounded(t *testing.T) {
	const perHop, hops = 3000, 10
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/"))
		for i := range perHop {
			w.Header().Add("Set-Cookie", fmt.Sprintf("c%d_%d=v; Path=/", n, i))
		}
		if n < hops-1 {
			http.Redirect(w, r, "/"+strconv.Itoa(n+1), http.StatusFound)
		}
	}))
	defer srv.Close()
	p := newProber(t, nil)
	got := p.Get(context.Background(), noPace{}, srv.URL+"/0")
	kept := 0
	for _, h := range got.Hops {
		kept += len(h.SetCookie)
	}
	if !got.Reached || len(got.Hops) != hops || kept > 100 || kept+got.CookiesDropped != perHop*hops {
		t.Fatalf("reached=%v hops=%d kept=%d dropped=%d err=%q", got.Reached, len(got.Hops), kept, got.CookiesDropped, got.Error.EN)
	}
	f := findings(web.Evidence{Target: "t", HTTP: got})["WEB-COOKIE-001"]
	if f.Evidence["cookies_not_examined"] != got.CookiesDropped || !strings.Contains(f.Message.EN, "not examined") ||
		!strings.Contains(f.Message.FR, "non examinée") || len(f.Message.EN) > 20000 {
		t.Errorf("WEB-COOKIE-001 = %s, %d bytes, evidence %v", f.Status, len(f.Message.EN), f.Evidence["cookies_not_examined"])
	}
}

// A header block over the bound (Chrome's 256 KB) is refused with a clear
// reason instead of being read whole.
func TestHugeHeaderBlockIsRefused(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for i := range 100000 {
			w.Header().Add("Set-Cookie", fmt.Sprintf("c%d=v", i))
		}
	}))
	defer srv.Close()
	got := newProber(t, nil).Get(context.Background(), noPace{}, srv.URL+"/")
	if got.Reached || !strings.Contains(got.Error.EN, "headers over 256 KB") || !strings.Contains(got.Error.FR, "en-têtes") {
		t.Errorf("reached=%v err=%q", got.Reached, got.Error.EN)
	}
}

var _ = probe.KindOther

// A redirect to a server that never answers keeps the first answer and
// says why the chain stopped, instead of making the side unreachable.
func TestRedirectToSilentServerKeepsTheFirstHop(t *testing.T) {
	silent := rawServer(t, func(c net.Conn) { time.Sleep(3 * time.Second) })
	srv := httptest.NewServer(http.RedirectHandler("http://"+silent+"/", http.StatusFound))
	defer srv.Close()
	p := newProber(t, func(o *probe.Options) { o.Timeout = 300 * time.Millisecond; o.Retries = 0 })
	got := p.Get(context.Background(), noPace{}, srv.URL+"/")
	if !got.Reached || len(got.Hops) != 1 || got.StatusCode != http.StatusFound || !strings.Contains(got.FollowErr.EN, "no answer within") {
		t.Errorf("reached=%v hops=%d status=%d follow=%q err=%q", got.Reached, len(got.Hops), got.StatusCode, got.FollowErr.EN, got.Error.EN)
	}
}
