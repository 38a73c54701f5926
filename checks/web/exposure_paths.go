package web

import (
	"fmt"
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
		{"/_cat/indices?format=json", KindDB}, {"/_all_dbs", KindDB}, {"/solr/admin/cores?wt=json", KindDB}, {"/api/status", KindDB},
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
}

// Fetch is one bounded GET of one path, redirects not followed.
type Fetch struct {
	Path        string
	Kind        string
	Status      int
	ContentType string
	Length      int64  // Content-Length, or bytes read when absent
	Body        []byte // the first bytes only, for signatures; never written to a report
	Err         string
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
		return fmt.Errorf("path %q must start with a single / and stay on the target's host", p)
	}
	return nil
}
