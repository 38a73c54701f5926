package probe

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
)

func TestRobotsPaths(t *testing.T) {
	base, _ := url.Parse("https://shop.example.fr:8443/")
	cases := []struct {
		name, body     string
		paths, sitemap []string
	}{
		{"folders and files", "User-agent: *\nDisallow: /exports/\nDisallow: /private # staff only\nAllow: /old/backup.sql\n",
			[]string{"/exports/", "/private/", "/old/backup.sql"}, nil},
		{"wildcards cut, root and empty skipped", "User-agent: *\nDisallow: /\nDisallow:\nDisallow: /tmp/*.csv$\nDisallow: /*?session=\n",
			[]string{"/tmp/"}, nil},
		{"sitemaps on the same host only", "Sitemap: https://shop.example.fr/s1.xml\nSitemap: https://cdn.other.fr/s2.xml\nsitemap: /s3.xml\n",
			nil, []string{"/s1.xml", "/s3.xml"}},
		{"case and spaces", "USER-AGENT: *\n  disallow :  /Admin/  \n", []string{"/Admin/"}, nil},
		{"not robots", "<html><body>hello</body></html>", nil, nil},
		{"off-host refused, odd paths escaped", "Disallow: //evil.example/\nDisallow: /a b/\n", []string{"/a%20b/"}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, sm := robotsPaths([]byte(tc.body), base)
			if !slices.Equal(got, tc.paths) || !slices.Equal(sm, tc.sitemap) {
				t.Errorf("robots = %q, sitemaps %q; want %q, %q", got, sm, tc.paths, tc.sitemap)
			}
		})
	}
	// Bounded: a huge robots.txt stops at robotsLines lines.
	paths, _ := robotsPaths([]byte(strings.Repeat("Disallow: /x/\n", robotsLines*2)), base)
	if len(paths) != robotsLines {
		t.Errorf("read %d lines of a huge robots.txt", len(paths))
	}
}

func TestSitemapPaths(t *testing.T) {
	base, _ := url.Parse("https://shop.example.fr/")
	cases := []struct {
		name, body string
		paths      []string
		index      bool
	}{
		{"urlset", `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://shop.example.fr/a.html</loc></url><url><loc> https://shop.example.fr/exports/leads.csv </loc></url><url><loc>https://other.fr/x</loc></url></urlset>`,
			[]string{"/a.html", "/exports/leads.csv"}, false},
		{"index", `<sitemapindex><sitemap><loc>https://shop.example.fr/sitemap-1.xml</loc></sitemap></sitemapindex>`, []string{"/sitemap-1.xml"}, true},
		{"cut in the middle", `<urlset><url><loc>https://shop.example.fr/a</loc></url><url><loc>https://shop.exa`, []string{"/a"}, false},
		{"not xml", "hello", nil, false},
		{"root only", `<urlset><url><loc>https://shop.example.fr/</loc></url></urlset>`, nil, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, index := sitemapPaths([]byte(tc.body), base)
			if !slices.Equal(got, tc.paths) || index != tc.index {
				t.Errorf("sitemap = %q index %v; want %q %v", got, index, tc.paths, tc.index)
			}
		})
	}
}

func TestDiscoveredIsBounded(t *testing.T) {
	var many []string
	for i := range 100 {
		many = append(many, "/d"+strings.Repeat("x", i%5)+string(rune('a'+i%26))+"/")
	}
	known := map[string]bool{"/backup/": true}
	got, named := discovered(known, []string{"/backup/", "/new/"}, many)
	if len(got) > 20 || got[0] != "/new/" || slices.Contains(got, "/backup/") || named < 27 {
		t.Errorf("discovered = %q, %d named", got, named)
	}
}

// Past the bound, the paths most likely to hold data go first: files named
// like dumps or exports, then folders, each in the order named.
func TestDiscoveredRanksWhatMayHoldData(t *testing.T) {
	var named []string
	for i := range 24 {
		named = append(named, fmt.Sprintf("/page%d.html", i))
	}
	named = append(named, "/rub1/", "/partage/", "/old/prospects.sql")
	got, n := discovered(map[string]bool{}, named)
	if n != 27 || len(got) != 20 || got[0] != "/old/prospects.sql" || got[1] != "/rub1/" || got[2] != "/partage/" || got[3] != "/page0.html" {
		t.Errorf("discovered = %q, %d named", got, n)
	}
}

func TestSameSite(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"example.fr", "www.example.fr", true},
		{"shop.example.co.uk", "www.example.co.uk", true},
		{"example.co.uk", "other.co.uk", false},
		{"example.fr", "example.com", false},
		{"127.0.0.1", "127.0.0.1", true},
		{"127.0.0.1", "127.0.0.2", false},
		{"localhost", "localhost", true},
		{"Example.FR.", "www.example.fr", true},
		{"github.io", "evil.github.io", false},
	} {
		if got := sameSite(tc.a, tc.b); got != tc.want {
			t.Errorf("sameSite(%q, %q) = %v", tc.a, tc.b, got)
		}
	}
}
