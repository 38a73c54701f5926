package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// -o naming a file the command reads is exit 2 before any work, the file
// left as it was: the configuration, a lead export, a policy, the history
// (a report shown from it, or the scan's own).
func TestOutputThatIsAnInputIsRefused(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	policy := write("policy.yaml", "version: 1\npolicies:\n  - name: users\n    min_length: 12\n")
	config := write("vigie.yaml", "password:\n  policies: ["+policy+"]\n")
	leads := write("leads.csv", "id,email\n1,a@example.org\n")
	db := filepath.Join(dir, "h.db")
	if r := vigie(t, context.Background(), nil, "scan", "-c", config, "--history", db, "-f", "json", "-o", filepath.Join(dir, "r.json")); r.code != 0 && r.code != 1 {
		t.Fatalf("the first scan, to make a history: %+v", r)
	}
	before := map[string][]byte{}
	for _, p := range []string{policy, config, leads, db} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		before[p] = b
	}
	for _, args := range [][]string{
		{"scan", "-c", config, "-f", "json", "-o", config},
		{"scan", "-c", config, "-f", "json", "-o", policy},
		{"password", "check", policy, "-f", "json", "-o", policy},
		{"leads", "check", leads, "-f", "json", "-o", leads},
		{"leads", "plan", leads, "-c", config, "-o", config},
		{"history", "show", "last", "--history", db, "-f", "html", "-o", db},
		{"scan", "-c", config, "--history", db, "-f", "json", "-o", db},
	} {
		r := vigie(t, context.Background(), nil, args...)
		if r.code != 2 || !strings.Contains(r.stderr, "name another file") {
			t.Errorf("vigie %s: exit %d, %q; want 2 and a refusal", strings.Join(args, " "), r.code, r.stderr)
		}
	}
	for p, b := range before {
		if now, _ := os.ReadFile(p); string(now) != string(b) {
			t.Errorf("%s changed", p)
		}
	}
	// A folder that does not exist is a usage mistake for leads plan too.
	if r := vigie(t, context.Background(), nil, "leads", "plan", leads, "-o", filepath.Join(dir, "missing", "plan.csv")); r.code != 2 {
		t.Errorf("leads plan -o into a missing folder: %+v", r)
	}
}

// A PDF that cannot be printed (the browser VIGIE_CHROME names is not
// there) is exit 2 before the scan, not exit 3 after it with the other
// formats unwritten.
func TestMissingBrowserIsFoundBeforeTheScan(t *testing.T) {
	dir := t.TempDir()
	policy := filepath.Join(dir, "policy.yaml")
	if err := os.WriteFile(policy, []byte("version: 1\npolicies:\n  - name: users\n    min_length: 12\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("VIGIE_CHROME", filepath.Join(dir, "no-such-chrome"))
	out := filepath.Join(dir, "out")
	if err := os.Mkdir(out, 0o700); err != nil {
		t.Fatal(err)
	}
	r := vigie(t, context.Background(), nil, "password", "check", policy, "-f", "json,pdf", "--output-dir", out)
	if r.code != 2 || !strings.Contains(r.stderr, "VIGIE_CHROME") {
		t.Errorf("exit %d, %q; want 2 naming VIGIE_CHROME", r.code, r.stderr)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("%d files written, want none before a refusal", len(entries))
	}
}

// vigie merge expands its patterns itself: a report path among the files a
// pattern names is refused too (merge 'shard-*.json' -o shard-all.json, run
// a second time).
func TestMergeRefusesToReplaceAShardItReads(t *testing.T) {
	dir := t.TempDir()
	policy := filepath.Join(dir, "policy.yaml")
	if err := os.WriteFile(policy, []byte("version: 1\npolicies:\n  - name: users\n    min_length: 12\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	config := filepath.Join(dir, "vigie.yaml")
	if err := os.WriteFile(config, []byte("password:\n  policies: ["+policy+"]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	shard := filepath.Join(dir, "shard-0.json")
	if r := vigie(t, context.Background(), nil, "scan", "-c", config, "--shard", "0/1", "-f", "json", "-o", shard); r.code > 1 {
		t.Fatalf("shard: %+v", r)
	}
	before, _ := os.ReadFile(shard)
	r := vigie(t, context.Background(), nil, "merge", filepath.Join(dir, "shard-*.json"), "-f", "json", "-o", shard)
	if r.code != 2 || !strings.Contains(r.stderr, "one of the reports the merge reads") {
		t.Errorf("merge over its own input: %+v", r)
	}
	if now, _ := os.ReadFile(shard); string(now) != string(before) {
		t.Error("the shard report changed")
	}
}
