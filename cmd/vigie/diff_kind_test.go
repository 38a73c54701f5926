package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Two scans in the history, one a demo: vigie diff says why it compares
// nothing (a demo is compared only with demos) and how to compare anyway.
func TestDiffSaysDemoScansAreKeptApart(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "h.db")
	policy := filepath.Join(dir, "policy.yaml")
	if err := os.WriteFile(policy, []byte("version: 1\npolicies:\n  - name: users\n    min_length: 12\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	config := filepath.Join(dir, "vigie.yaml")
	if err := os.WriteFile(config, []byte("password:\n  policies: ["+policy+"]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := vigie(t, context.Background(), nil, "demo", "--history", db, "-f", "json", "-o", filepath.Join(dir, "d.json")); r.code > 1 {
		t.Fatalf("demo: %+v", r)
	}
	if r := vigie(t, context.Background(), nil, "scan", "-c", config, "--history", db, "-f", "json", "-o", filepath.Join(dir, "s.json")); r.code > 1 {
		t.Fatalf("scan: %+v", r)
	}
	r := vigie(t, context.Background(), map[string]string{"LANG": "en_US.UTF-8"}, "diff", "--history", db)
	if r.code != 2 || !strings.Contains(r.stderr, "of the same kind") || !strings.Contains(r.stderr, "name two scans") {
		t.Errorf("diff: %+v", r)
	}
}
