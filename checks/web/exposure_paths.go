package web

import (
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

// Kinds of exposure, each judged by its own check.
const (
	KindSecrets = "secrets" // source control and configuration: .git, .env, .DS_Store
	KindDump    = "dump"    // database dumps and lead exports
	KindInfo    = "info"    // server-status, phpinfo
	KindListing = "listing" // directory listings
	KindDB      = "db"      // database HTTP APIs
)

// ExposurePath is one path probed on a target's own host.
type ExposurePath struct {
	Path string
	Kind string
}

// leadNames and dumpExts build the lead-export paths: the names French and
// English teams give their exports.
var (
	leadNames = []string{"leads", "prospects", "contacts", "clients", "customers", "export", "backup", "dump"}
	dumpExts  = []string{".sql", ".sql.gz", ".csv", ".xlsx", ".zip", ".tar.gz"}
)

// ExposurePaths is the default probe list; config adds to it.
func ExposurePaths() []ExposurePath {
	ps := []ExposurePath{
		{"/.git/HEAD", KindSecrets}, {"/.git/config", KindSecrets}, {"/.env", KindSecrets}, {"/.DS_Store", KindSecrets},
		{"/server-status", KindInfo}, {"/phpinfo.php", KindInfo}, {"/info.php", KindInfo},
		{"/backup/", KindListing}, {"/uploads/", KindListing}, {"/export/", KindListing},
		{"/database.sql", KindDump}, {"/db.sql", KindDump},
		{"/_cat/indices?format=json", KindDB}, {"/_cat/indices", KindDB}, {"/_all_dbs", KindDB}, {"/solr/admin/cores?wt=json", KindDB}, {"/api/status", KindDB},
	}
	for _, n := range leadNames {
		for _, x := range dumpExts {
			ps = append(ps, ExposurePath{"/" + n + x, KindDump})
		}
	}
	return ps
}

// Exposure is what probing a target's sensitive paths found.
type Exposure struct {
	Base     string     // origin the paths were requested on
	Scanned  bool       // false when the target was not reachable or probing was off
	Error    check.Text // why probing stopped, if it did
	Baseline Fetch      // a random path that should not exist: the soft-404 reference
	Fetches  []Fetch
	// Discovered are the paths robots.txt and sitemap.xml named (at most
	// MaxDiscovered), probed with the list.
	Discovered []string
	// DiscoveredNamed counts the new paths they named: more than Discovered
	// when some were left out by the bound.
	DiscoveredNamed int
	// Listings are the directory listings found, with what they hold.
	Listings []Listing
	// Requests counts the requests made on the origin; never more than MaxExposureRequests.
	Requests int
}

// Bounds of exposure discovery, per target.
const (
	// MaxDiscovered bounds the paths taken from robots.txt and sitemap.xml.
	MaxDiscovered = 20
	// MaxListedFetches bounds the files fetched because a listing named them.
	MaxListedFetches = 10
	// MaxProbedDirs bounds the discovered folders probed for dump names.
	MaxProbedDirs = 3
	// MaxExposureRequests bounds every request of the exposure probes of one origin.
	MaxExposureRequests = 160
)

// DirDumpNames are the names tried inside a folder robots.txt or a listing
// revealed, where a forbidden listing may still serve its files.
var DirDumpNames = []string{"leads.sql", "leads.csv", "prospects.sql", "prospects.csv", "contacts.csv", "clients.csv",
	"export.csv", "export.sql", "backup.sql", "dump.sql", "database.sql", "backup.zip"}

// Fetch is one bounded GET of one path, redirects not followed.
type Fetch struct {
	Path        string
	Kind        string
	Status      int
	ContentType string
	Length      int64 // Content-Length, or bytes read when absent
	// Body holds the first bytes only where a check reads them (a content
	// signature matched, or a database API answered); never written to a report.
	Body []byte
	// Sum and Size fingerprint the bytes read, kept or not, to tell a
	// catch-all page (soft 404) from a real file.
	Sum  uint64
	Size int
	// Listed is set when a directory listing named this file.
	Listed bool
	Err    string
}

// Fingerprint returns the fingerprint of f's bytes: from Body when it is kept.
func (f Fetch) Fingerprint() (uint64, int) {
	if f.Body != nil {
		return Sum(f.Body), len(f.Body)
	}
	return f.Sum, f.Size
}

// Sum is the FNV-1a hash of b, the fingerprint of a fetched body.
func Sum(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// KeepBody tells the collector whether a check will read f's body (set on f):
// only a signature hit or a database API answer is worth keeping.
func KeepBody(f Fetch) bool {
	if f.Status != 200 && f.Status != 206 {
		return false
	}
	if f.Kind == KindDB {
		return true
	}
	_, ok := signature(f)
	return ok
}

// PathKind guesses which check judges a user-supplied path.
func PathKind(path string) string {
	low := strings.ToLower(path)
	switch {
	case strings.HasSuffix(low, "/"):
		return KindListing
	case strings.HasPrefix(low, "/."):
		return KindSecrets
	case strings.HasSuffix(low, ".php") || strings.Contains(low, "server-status"):
		return KindInfo
	}
	return KindDump
}

// ValidPath accepts an absolute path on the target's own host.
func ValidPath(p string) error {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.Contains(p, "://") || strings.ContainsAny(p, " \t\r\n#") {
		return check.Errorf("path %q must start with a single / and stay on the target's host",
			"le chemin %q doit commencer par un seul / et rester sur l'hôte de la cible", p)
	}
	return nil
}
