package web

import (
	"bytes"
	"net/url"
	"path"
	"strings"

	"golang.org/x/net/html"
)

// Listing is a directory listing found on a target, reduced to what the
// checks report: names, never contents.
type Listing struct {
	Path    string   // the directory, e.g. /exports/
	Style   string   // nginx, Apache, IIS, Caddy, Python http.server
	Entries int      // files and folders listed
	Flagged []string // entries named like a dump or a lead export, at most maxListed
	Dirs    []string // sub-folders listed, at most maxListed
}

// maxListingEntries bounds the entries read from one listing.
const maxListingEntries = 1000

// ListingStyle names the server whose directory listing body is, or "".
func ListingStyle(b []byte) string {
	switch {
	case bytes.Contains(b, []byte("<title>Directory listing for /")):
		return "Python http.server"
	case bytes.Contains(b, []byte("[To Parent Directory]")):
		return "IIS"
	case bytes.Contains(b, []byte("caddyserver.com")) && (bytes.Contains(b, []byte(`class="listing"`)) || bytes.Contains(b, []byte(`id="filter"`))):
		return "Caddy"
	case bytes.Contains(b, []byte("<title>Index of /")) || bytes.Contains(b, []byte("<h1>Index of /")):
		if bytes.Contains(b, []byte("<hr><pre>")) || bytes.Contains(b, []byte("<hr><pre>\n")) {
			return "nginx"
		}
		return "Apache"
	case bytes.Contains(b, []byte("<title>Directory Listing For /")): // Tomcat
		return "Tomcat"
	}
	return ""
}

// ParseListing reads the entries of a listing served at dirURL: links to
// names inside that directory (not its parent, not sort links).
func ParseListing(b []byte, dirURL string) (names []string) {
	base, err := url.Parse(dirURL)
	if err != nil {
		return nil
	}
	dir := base.EscapedPath()
	if !strings.HasSuffix(dir, "/") {
		dir += "/"
	}
	seen := map[string]bool{}
	z := html.NewTokenizer(bytes.NewReader(b))
	for len(names) < maxListingEntries {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		if string(name) != "a" || !hasAttr {
			continue
		}
		for {
			k, v, more := z.TagAttr()
			if strings.EqualFold(string(k), "href") {
				if n := entryName(base, dir, string(v)); n != "" && !seen[n] {
					seen[n] = true
					names = append(names, n)
				}
			}
			if !more {
				break
			}
		}
	}
	return names
}

// entryName is the name of an entry directly inside dir ("leads.csv",
// "old/"), or "" for any other link.
func entryName(base *url.URL, dir, href string) string {
	if href == "" || strings.HasPrefix(href, "?") || strings.HasPrefix(href, "#") {
		return ""
	}
	r, err := url.Parse(href)
	if err != nil {
		return ""
	}
	u := base.ResolveReference(r)
	p := u.EscapedPath() // names stay usable as request paths
	if u.Host != base.Host || u.RawQuery != "" || !strings.HasPrefix(p, dir) || p == dir {
		return ""
	}
	rest := strings.TrimPrefix(p, dir)
	if i := strings.Index(rest, "/"); i >= 0 && i != len(rest)-1 {
		return "" // deeper than one level
	}
	return rest
}

// dumpExtensions are the extensions of database dumps, backups and exports.
var dumpExtensions = []string{".sql", ".sql.gz", ".sql.zip", ".sql.bz2", ".dump", ".bak", ".csv", ".xlsx", ".xls", ".zip", ".tar.gz", ".tgz", ".gz", ".7z", ".json", ".ndjson", ".mdb", ".sqlite", ".db"}

// leadWords name what people call exports of people (FR, EN).
var leadWords = []string{"lead", "prospect", "contact", "client", "customer", "export", "backup", "dump", "fichier", "abonne", "subscriber",
	"newsletter", "crm", "users", "utilisateurs", "membres", "members", "database"}

// DumpLike is true for a file name that reads as a dump or a lead export:
// a dump extension (.sql, .dump, .bak always; .csv, .xlsx, archives and
// JSON with a lead word in the name).
func DumpLike(name string) bool {
	low := strings.ToLower(path.Base(name))
	ext := ""
	for _, x := range dumpExtensions {
		if strings.HasSuffix(low, x) && len(x) > len(ext) {
			ext = x
		}
	}
	switch ext {
	case "":
		return false
	case ".sql", ".sql.gz", ".sql.zip", ".sql.bz2", ".dump", ".bak", ".mdb", ".sqlite":
		return true
	}
	for _, w := range leadWords {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}
