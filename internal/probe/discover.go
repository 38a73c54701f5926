package probe

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"net/url"
	"path"
	"slices"
	"strings"

	web "github.com/vigie-security/vigie/checks/web"
)

// Bounds on what robots.txt and sitemaps may make vigie read.
const (
	robotsBody    = 64 << 10  // a robots.txt is a few KB; Google reads 500 KiB
	sitemapBody   = 256 << 10 // the start of a sitemap names enough paths
	robotsLines   = 2000
	sitemapLocs   = 1000
	maxPathLength = 200
)

// robotsPaths reads robots.txt: the Allow and Disallow paths (cut at the
// first wildcard; an extension-less path is taken as a folder) and the
// sitemaps it names on the same host.
func robotsPaths(b []byte, base *url.URL) (paths, sitemaps []string) {
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 4096), 4096)
	for n := 0; sc.Scan() && n < robotsLines; n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		val = strings.TrimSpace(val)
		switch strings.ToLower(strings.TrimSpace(key)) {
		case "disallow", "allow":
			if i := strings.IndexAny(val, "*$?"); i >= 0 {
				val = val[:i]
			}
			if val == "" || val == "/" {
				continue
			}
			if !strings.HasSuffix(val, "/") && path.Ext(val) == "" {
				val += "/"
			}
			if p := sameHostPath(val, base); p != "" {
				paths = append(paths, p)
			}
		case "sitemap":
			if u := sameHostPath(val, base); u != "" {
				sitemaps = append(sitemaps, u)
			}
		}
	}
	return paths, sitemaps
}

// sitemapPaths reads the <loc> entries of a sitemap or sitemap index,
// keeping those on base's host; an index's entries are sitemaps.
func sitemapPaths(b []byte, base *url.URL) (paths []string, index bool) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	inLoc, locs := false, 0
	for locs < sitemapLocs {
		tok, err := d.Token()
		if err != nil {
			break // the end, or a cut or broken sitemap: what was read is kept
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "sitemapindex":
				index = true
			case "loc":
				inLoc = true
			}
		case xml.EndElement:
			inLoc = false
		case xml.CharData:
			if inLoc {
				locs++
				if p := sameHostPath(strings.TrimSpace(string(t)), base); p != "" {
					paths = append(paths, p)
				}
			}
		}
	}
	return paths, index
}

// sameHostPath is the path of raw when it is on base's host (any scheme
// or port: sitemaps rarely name the port) and usable as a probe path.
func sameHostPath(raw string, base *url.URL) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	if u.Host != "" && !strings.EqualFold(u.Hostname(), base.Hostname()) {
		return ""
	}
	p := u.EscapedPath()
	if p == "" || p == "/" || len(p) > maxPathLength || web.ValidPath(p) != nil {
		return ""
	}
	return p
}

// discovered merges what robots.txt and the sitemaps named, skipping the
// paths already on the list: at most web.MaxDiscovered, those most likely to
// hold data first (a dump or an export by name, then folders, in the order
// named), and how many new paths were named in all.
func discovered(known map[string]bool, lists ...[]string) (paths []string, named int) {
	var all []string
	for _, l := range lists {
		for _, p := range l {
			if !known[p] && web.ValidPath(p) == nil && len(p) <= maxPathLength {
				known[p] = true
				all = append(all, p)
			}
		}
	}
	slices.SortStableFunc(all, func(a, b string) int { return likely(b) - likely(a) })
	return all[:min(len(all), web.MaxDiscovered)], len(all)
}

// likely ranks a named path by what it may hold: 2 for a file named like a
// dump or an export, 1 for a folder, 0 for the rest.
func likely(p string) int {
	switch {
	case web.DumpLike(path.Base(p)):
		return 2
	case strings.HasSuffix(p, "/"), web.PathKind(p) == web.KindListing:
		return 1
	}
	return 0
}
