package scan

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/config"
)

// A path of the configuration that cannot be read is named with its file
// and key, before any work.
func TestPrepareNamesTheConfigKeyOfABadPath(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing")
	for key, yaml := range map[string]string{
		"password.hashes[0]":   "password:\n  hashes:\n    - file: " + missing + ".csv\n",
		"password.policies[0]": "password:\n  policies: [" + missing + ".yaml]\n",
		"web.ca_file":          "web:\n  targets: [http://127.0.0.1:1/]\n  ca_file: " + missing + ".pem\n",
		"contracts":            "contracts:\n  documents: [" + missing + ".md]\n",
	} {
		file := filepath.Join(dir, "vigie.yaml")
		if err := os.WriteFile(file, []byte(yaml), 0o600); err != nil {
			t.Fatal(err)
		}
		cfg, err := config.Load(file, func(string) string { return "" })
		if err != nil {
			t.Fatalf("%s: %v", key, err)
		}
		plan, err := FromConfig(cfg, nil)
		if err != nil {
			t.Fatalf("%s: %v", key, err)
		}
		s := &Session{Plan: plan}
		err = s.Prepare(context.Background())
		if err == nil || !strings.HasPrefix(err.Error(), file+": "+key+": ") || !strings.Contains(err.Error(), missing) {
			t.Errorf("%s: %v, want it named with %s and the key", key, err, file)
		}
	}
}
