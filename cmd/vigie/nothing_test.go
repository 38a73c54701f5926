package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A lone contract that cannot be read judges nothing (its document check
// is ERROR, every other check not applicable): exit 3, as for an
// unreachable site, not a clean exit 0.
func TestUnreadableLoneContractIsExit3(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "fake.docx")
	if err := os.WriteFile(bad, []byte("not a zip at all"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := vigie(t, context.Background(), nil, "contracts", "check", bad, "--lang", "en")
	if r.code != 3 || !strings.Contains(r.stderr, "no target could be checked") {
		t.Errorf("exit %d, %q; want 3", r.code, r.stderr)
	}
}
