package probe_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	web "github.com/vigie-security/vigie/checks/web"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/probe"
)

// judge runs one web check on ev.
func judge(t *testing.T, id string, ev web.Evidence) check.Finding {
	t.Helper()
	c, ok := web.Checks().Lookup(id)
	if !ok {
		t.Fatalf("no check %s", id)
	}
	return c.Evaluate(ev)
}

// An HTTP side on one port that redirects to HTTPS on another names the
// HTTPS side: it is the one probed for TLS, certificate, HSTS and headers.
func TestHTTPSJudgedWhereTheRedirectGoes(t *testing.T) {
	ca := newCA(t)
	secure := tlsServer(t, ca, []string{"127.0.0.1"}, now.AddDate(0, -1, 0), now.AddDate(0, 3, 0),
		http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
			fmt.Fprint(w, "<html>ok</html>")
		}))
	plain := httptest.NewServer(http.RedirectHandler(secure.URL+"/", http.StatusMovedPermanently))
	defer plain.Close()
	p := newProber(t, func(o *probe.Options) { o.Roots = ca.Pool(); o.ExposurePaths = nil })

	tg, err := probe.ParseTarget(plain.URL) // https guessed on 127.0.0.1:443
	if err != nil || tg.HTTPSNamed {
		t.Fatalf("ParseTarget = %+v, %v", tg, err)
	}
	ev := p.Collect(context.Background(), noPace{}, tg)
	if ev.HTTPS.URL != secure.URL+"/" || ev.HTTPSVia != plain.URL+"/" || !ev.HTTPS.Reached || !ev.TLS.Trusted {
		t.Fatalf("https judged = %q via %q, reached %v, trusted %v", ev.HTTPS.URL, ev.HTTPSVia, ev.HTTPS.Reached, ev.TLS.Trusted)
	}
	for _, id := range []string{"WEB-HTTPS-001", "WEB-HSTS-001", "WEB-CERT-001"} {
		if f := judge(t, id, ev); f.Status != check.Pass {
			t.Errorf("%s = %s: %s", id, f.Status, f.Message.EN)
		}
	}
	f := judge(t, "WEB-HTTPS-001", ev)
	if f.Evidence["https_judged"] != secure.URL+"/" || f.Evidence["https_named_by_redirect_from"] != plain.URL+"/" {
		t.Errorf("evidence does not say which URL was judged: %v", f.Evidence)
	}

	// A redirect to an HTTPS port that does not answer is still the side judged.
	down := "https://" + closedPort(t) + "/"
	broken := httptest.NewServer(http.RedirectHandler(down, http.StatusMovedPermanently))
	defer broken.Close()
	tg, _ = probe.ParseTarget(broken.URL)
	ev = p.Collect(context.Background(), noPace{}, tg)
	if f := judge(t, "WEB-HTTPS-001", ev); f.Status != check.Fail || !strings.Contains(f.Message.EN, down) || !strings.Contains(f.Message.EN, "where "+broken.URL) {
		t.Errorf("HTTPS-001 = %s: %s", f.Status, f.Message.EN)
	}

	// A side the user named is kept, whatever the redirect says.
	named, _ := probe.ExplicitTarget("n", plain.URL, "https://"+closedPort(t)+"/")
	if ev := p.Collect(context.Background(), noPace{}, named); ev.HTTPSVia != "" || ev.HTTPS.URL != named.HTTPSURL {
		t.Errorf("named side replaced by %q", ev.HTTPS.URL)
	}
}

// A site whose robots.txt disallows a listed folder of exports and a
// forbidden folder holding a SQL dump gets both reported, within the
// stated request budget and without leaving its host.
func TestExposureDiscoveredFromRobotsAndListings(t *testing.T) {
	var offHost atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { offHost.Add(1) }))
	defer other.Close()
	var mu sync.Mutex
	asked := map[string]int{}
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		asked[r.URL.Path]++
		mu.Unlock()
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nDisallow: /exports/\nDisallow: /private\nSitemap: "+other.URL+"/sitemap.xml\n")
		case "/sitemap.xml":
			fmt.Fprint(w, `<urlset><url><loc>http://`+r.Host+`/archive/old-customers.sql</loc></url><url><loc>`+other.URL+`/x.sql</loc></url></urlset>`)
		case "/exports/":
			fmt.Fprint(w, "<html><head><title>Index of /exports/</title></head><body><h1>Index of /exports/</h1><hr><pre><a href=\"../\">../</a>\n"+
				"<a href=\"leads-2026.csv\">leads-2026.csv</a>  01-Dec-2026 10:00  1204\n<a href=\"readme.txt\">readme.txt</a>\n</pre><hr></body></html>")
		case "/exports/leads-2026.csv":
			fmt.Fprint(w, "id;email;telephone\n1;a@example.fr;0600000000\n")
		case "/private/":
			http.Error(w, "forbidden", http.StatusForbidden)
		case "/private/leads.sql":
			fmt.Fprint(w, "-- MySQL dump\nCREATE TABLE `leads` (id int);\nINSERT INTO leads VALUES (1);\n")
		case "/archive/old-customers.sql":
			fmt.Fprint(w, "INSERT INTO customers VALUES (1);\n")
		default:
			http.NotFound(w, r)
		}
	}))
	defer site.Close()
	p := newProber(t, nil)
	ex := p.Exposure(context.Background(), noPace{}, site.URL+"/", web.ExposurePaths())
	ev := web.Evidence{Target: "site", HTTP: web.Probe{URL: site.URL + "/", Reached: true}, Exposure: ex}

	dump := judge(t, "WEB-EXPO-002", ev)
	for _, want := range []string{"/exports/leads-2026.csv", "/private/leads.sql", "/archive/old-customers.sql"} {
		if dump.Status != check.Fail || !strings.Contains(dump.Message.EN, want) {
			t.Errorf("WEB-EXPO-002 = %s, want %s named: %s", dump.Status, want, dump.Message.EN)
		}
	}
	listing := judge(t, "WEB-EXPO-004", ev)
	if listing.Status != check.Fail || !strings.Contains(listing.Message.EN, "/exports/ (directory listing, nginx: 2 entries, 1 named like a dump or an export: leads-2026.csv)") ||
		!strings.Contains(listing.Message.FR, "listage de répertoire") {
		t.Errorf("WEB-EXPO-004 = %s: %s / %s", listing.Status, listing.Message.EN, listing.Message.FR)
	}
	if ex.Requests > web.MaxExposureRequests || ex.Requests < len(web.ExposurePaths()) || listing.Evidence["requests"] != ex.Requests {
		t.Errorf("requests = %d (limit %d), evidence %v", ex.Requests, web.MaxExposureRequests, listing.Evidence["requests"])
	}
	if offHost.Load() != 0 {
		t.Errorf("%d request(s) left the target's host", offHost.Load())
	}
	if asked["/robots.txt"] != 1 || asked["/readme.txt"] != 0 || asked["/exports/readme.txt"] != 0 {
		t.Errorf("asked %v", asked)
	}
}

// The files a listing names are fetched however many dump names the
// folders robots.txt names before it have queued (they once took the
// listing's whole allowance, and a listed SQL dump went unfetched).
func TestListedFilesAfterARefusedFolder(t *testing.T) {
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nDisallow: /crm\nDisallow: /partage/\n")
		case "/crm/":
			http.Error(w, "forbidden", http.StatusForbidden)
		case "/partage/":
			fmt.Fprint(w, "<html><head><title>Index of /partage/</title></head><body><h1>Index of /partage/</h1><hr><pre><a href=\"../\">../</a>\n"+
				"<a href=\"sauvegarde.sql\">sauvegarde.sql</a>  01-Dec-2026 10:00  1204\n"+
				"<a href=\"export-aurore.lambert%40example.fr.csv\">export-aurore.lambert@example.fr.csv</a>\n"+
				"<a href=\"prospects_Lambert_0639980001.csv\">prospects_Lambert_0639980001.csv</a>\n</pre><hr></body></html>")
		case "/partage/export-aurore.lambert@example.fr.csv", "/partage/prospects_Lambert_0639980001.csv":
			fmt.Fprint(w, "id;email\n1;aurore.lambert@example.fr\n")
		case "/partage/sauvegarde.sql":
			fmt.Fprint(w, "-- MySQL dump\nCREATE TABLE `prospects` (id int);\nINSERT INTO prospects VALUES (1);\n")
		default:
			http.NotFound(w, r)
		}
	}))
	defer site.Close()
	ex := newProber(t, nil).Exposure(context.Background(), noPace{}, site.URL+"/", web.ExposurePaths())
	ev := web.Evidence{Target: "site", HTTP: web.Probe{URL: site.URL + "/", Reached: true}, Exposure: ex}
	if f := judge(t, "WEB-EXPO-002", ev); f.Status != check.Fail || !strings.Contains(f.Message.EN, "/partage/sauvegarde.sql") ||
		!strings.Contains(f.Message.EN, "/partage/prospects_Lambert_06******01.csv") {
		t.Errorf("WEB-EXPO-002 = %s: %s", f.Status, f.Message.EN)
	}
	// The files named after a person are fetched, and shown masked in every finding.
	for _, id := range []string{"WEB-EXPO-002", "WEB-EXPO-004"} {
		f := judge(t, id, ev)
		raw, _ := json.Marshal(f)
		if s := string(raw); strings.Contains(s, "lambert@") || strings.Contains(s, "lambert%40") || strings.Contains(s, "0639980001") {
			t.Errorf("%s shows a person: %s", id, s)
		}
	}
}

// A page the HTTP side's redirect reached on another site is not crawled
// as the target's: its linked login page is that site's, not the target's.
func TestNoCrawlFromAnotherSite(t *testing.T) {
	var contact atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			http.SetCookie(w, &http.Cookie{Name: "PHPSESSID", Value: "x"})
			fmt.Fprint(w, `<html><body><a href="/contact.html">contact</a></body></html>`)
		case "/contact.html":
			contact.Add(1)
			fmt.Fprint(w, `<form action="/login" method="post"><input type="password" name="pw"></form>`)
		}
	}))
	defer other.Close()
	elsewhere := strings.Replace(other.URL, "127.0.0.1", "localhost", 1) + "/"
	site := httptest.NewServer(http.RedirectHandler(elsewhere, http.StatusFound))
	defer site.Close()
	tg, err := probe.ParseTarget(site.URL)
	if err != nil {
		t.Fatal(err)
	}
	ev := newProber(t, func(o *probe.Options) { o.ExposurePaths = nil }).Collect(context.Background(), noPace{}, tg)
	if len(ev.Pages) != 0 || contact.Load() != 0 {
		t.Errorf("crawled %d pages of another site (%d contact requests)", len(ev.Pages), contact.Load())
	}
	// Nor are that site's cookies the target's.
	if f := judge(t, "WEB-COOKIE-001", ev); strings.Contains(f.Message.EN, "PHPSESSID") {
		t.Errorf("WEB-COOKIE-001 judges another site's cookie: %s", f.Message.EN)
	}
	if len(ev.HTTP.Hops) != 2 || ev.HTTP.Hops[1].Status != 200 {
		t.Errorf("the redirect chain itself is kept: %+v", ev.HTTP.Hops)
	}
}

// Forms one click from the home page are judged: a login page and a
// payment page over plain HTTP, a card form on HTTPS posting to http://.
func TestFormsOnLinkedPages(t *testing.T) {
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			fmt.Fprint(w, `<html><body><a href="/login.html">log in</a> <a href="pay.html?x=1">pay</a> <a href="https://elsewhere.example/">out</a> <a href="/logo.png">logo</a></body></html>`)
		case "/login.html":
			fmt.Fprint(w, `<form method=post><input name=user><input type=password name=pw></form>`)
		case "/pay.html":
			fmt.Fprint(w, `<form method=post><input autocomplete="cc-number" name=n><input autocomplete="cc-csc" name=c></form>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer plain.Close()
	p := newProber(t, func(o *probe.Options) { o.ExposurePaths = nil })
	tg, _ := probe.ParseTarget(plain.URL)
	ev := p.Collect(context.Background(), noPace{}, tg)
	if len(ev.Pages) != 2 || ev.PagesLinked != 2 {
		t.Fatalf("pages read = %+v (%d linked)", ev.Pages, ev.PagesLinked)
	}
	if f := judge(t, "WEB-FORM-001", ev); f.Status != check.Fail || !strings.Contains(f.Message.EN, "/login.html") || f.Evidence["linked_pages_read"] != 2 {
		t.Errorf("WEB-FORM-001 = %s: %s %v", f.Status, f.Message.EN, f.Evidence)
	}
	card := judge(t, "WEB-FORM-004", ev)
	if card.Status != check.Fail || card.Severity != check.Critical || !strings.Contains(card.Message.EN, "/pay.html") || !strings.Contains(card.Message.EN, "2 field") {
		t.Errorf("WEB-FORM-004 = %s %s: %s", card.Status, card.Severity, card.Message.EN)
	}
}

// Paths of one origin share its TLS, CORS and exposure probes.
func TestOriginProbesShared(t *testing.T) {
	var robots atomic.Int32
	ca := newCA(t)
	secure := tlsServer(t, ca, []string{"127.0.0.1"}, now.AddDate(0, -1, 0), now.AddDate(0, 3, 0),
		http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/robots.txt" {
				robots.Add(1)
			}
			fmt.Fprint(w, "<html>ok</html>")
		}))
	p := newProber(t, func(o *probe.Options) { o.Roots = ca.Pool() })
	var wg sync.WaitGroup
	evs := make([]web.Evidence, 3)
	for i, path := range []string{"/a", "/b", "/c"} {
		tg, err := probe.ParseTarget(secure.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		wg.Add(1)
		go func() { defer wg.Done(); evs[i] = p.Collect(context.Background(), noPace{}, tg) }()
	}
	wg.Wait()
	if n := robots.Load(); n != 1 {
		t.Errorf("robots.txt asked %d times for one origin", n)
	}
	for i, ev := range evs {
		if !ev.TLS.Trusted || !ev.Exposure.Scanned || !strings.HasSuffix(ev.HTTPS.URL, []string{"/a", "/b", "/c"}[i]) {
			t.Errorf("target %d: tls %v exposure %v url %s", i, ev.TLS.Trusted, ev.Exposure.Scanned, ev.HTTPS.URL)
		}
	}
}
