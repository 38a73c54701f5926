package report

import (
	"regexp"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

func TestTargetPath(t *testing.T) {
	safe := regexp.MustCompile(`^vigie/[a-z]+/[A-Za-z0-9._-]*[0-9a-f]{8}$`)
	if a, b := targetPath(check.FamilyWeb, "https://Shop.example.fr:443/"), targetPath(check.FamilyWeb, "https://shop.example.fr"); a != b {
		t.Errorf("two spellings of one target: %s and %s", a, b)
	}
	if a, b := targetPath(check.FamilyWeb, "https://a.example/x?y"), targetPath(check.FamilyWeb, "https://a.example/x/y"); a == b {
		t.Errorf("two targets that fold alike share %s", a)
	}
	for _, tg := range []string{"https://shop.example.fr/a b/../c?q=1#f", "../../etc/passwd", "C:\\contrats\\dpa.pdf", "", "é", "https://evil/|`x`</td>\n"} {
		if p := targetPath(check.FamilyContracts, tg); !safe.MatchString(p) || len(p) > 120 || strings.Contains(p, "..") {
			t.Errorf("%q → %q", tg, p)
		}
	}
}
