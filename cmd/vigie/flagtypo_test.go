package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A mistyped flag or severity is exit 2 with what was most likely meant,
// in both languages; a flag nothing is near gets no guess.
func TestFlagTyposSuggestTheNearest(t *testing.T) {
	for _, tc := range []struct {
		args []string
		lang string
		want string
	}{
		{[]string{"scan", "--tagret", "x"}, "en_US.UTF-8", "did you mean --target?"},
		{[]string{"scan", "--tagret", "x"}, "fr_FR.UTF-8", "vouliez-vous dire --target ?"},
		{[]string{"scan", "--fail-on", "hgih", "-t", "http://127.0.0.1:1/"}, "en_US.UTF-8", "did you mean high?"},
		{[]string{"leads", "check", "--tabel", "x", "a.csv"}, "en_US.UTF-8", "did you mean --table?"},
	} {
		r := vigie(t, context.Background(), map[string]string{"LANG": tc.lang}, tc.args...)
		if r.code != 2 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("vigie %s: exit %d, %q; want 2 and %q", strings.Join(tc.args, " "), r.code, r.stderr, tc.want)
		}
	}
	if r := vigie(t, context.Background(), nil, "scan", "--zzzzzz"); r.code != 2 || strings.Contains(r.stderr, "did you mean") {
		t.Errorf("a flag nothing is near: %+v", r)
	}
}

// A duration out of range is said as a duration is written (2h, not 2h0m0s).
func TestLeadsTimeoutOutOfRange(t *testing.T) {
	for _, cmd := range [][]string{{"leads", "check", "--timeout", "0s", "a.csv"}, {"leads", "plan", "--timeout", "0s", "-o", "p.csv", "a.csv"}} {
		r := vigie(t, context.Background(), nil, cmd...)
		if r.code != 2 || !strings.Contains(r.stderr, "at most 2h, got 0s") {
			t.Errorf("vigie %s: %+v", strings.Join(cmd, " "), r)
		}
	}
}

// -o - is standard output, as for most tools, not a file named "-".
func TestOutputDashIsStdout(t *testing.T) {
	dir := t.TempDir()
	policy := filepath.Join(dir, "policy.yaml")
	if err := os.WriteFile(policy, []byte("version: 1\npolicies:\n  - name: users\n    min_length: 12\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	r := vigie(t, context.Background(), nil, "password", "check", policy, "-f", "json", "-o", "-")
	if r.code > 1 || !strings.HasPrefix(strings.TrimSpace(r.stdout), "{") {
		t.Errorf("-o -: %+v", r)
	}
	if _, err := os.Stat(filepath.Join(dir, "-")); !os.IsNotExist(err) {
		t.Errorf("a file named - was written: %v", err)
	}
}
