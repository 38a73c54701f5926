package report

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

// targetPath is a stable, relative, URI-safe path standing for a target in
// formats that want a file (SARIF's artifact location): vigie/<family>/<name>,
// the name being the normalised target (one path for every spelling of
// it, as for the fingerprint) without its scheme, letters, digits, dot and dash
// kept, the rest folded to "_", and the hash of the normalised target appended
// so two targets that fold alike stay apart.
func targetPath(f check.Family, target string) string {
	norm := check.NormalizeTarget(target)
	t := norm
	if i := strings.Index(t, "://"); i >= 0 {
		t = t[i+3:]
	}
	var b strings.Builder
	under := false
	for _, r := range t {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-'
		switch {
		case ok:
			b.WriteRune(r)
			under = false
		case !under && b.Len() > 0:
			b.WriteByte('_')
			under = true
		}
		if b.Len() >= 80 {
			break
		}
	}
	name := strings.Trim(strings.ReplaceAll(b.String(), "..", "_"), "._")
	sum := sha256.Sum256([]byte(norm))
	if name != "" {
		name += "-"
	}
	fam := string(f)
	if fam == "" {
		fam = "unknown"
	}
	return "vigie/" + fam + "/" + name + hex.EncodeToString(sum[:4])
}
