package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFileCommandsQuiet: every command that writes a file says nothing on
// success when it is not on a terminal (cron mails nothing), and takes -q.
func TestFileCommandsQuiet(t *testing.T) {
	s := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	defer s.Close()
	dir := t.TempDir()
	hashes := filepath.Join(dir, "hashes.txt")
	os.WriteFile(hashes, []byte("$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW\n"), 0o600)
	db := filepath.Join(dir, "h.db")
	shardFile := filepath.Join(dir, "shard-0.json")
	fr := map[string]string{"LANG": "fr_FR.UTF-8"}
	if r := vigie(t, context.Background(), fr, "scan", "-t", s.URL, "-f", "json", "--history", db, "--shard", "0/1", "-o", shardFile); r.code != 0 || r.stdout+r.stderr != "" {
		t.Fatalf("scan -o: %+v", r)
	}
	if r := vigie(t, context.Background(), fr, "scan", "-t", s.URL, "--history", db, "-o", filepath.Join(dir, "r.txt"), "-q"); r.code != 0 || r.stdout+r.stderr != "" {
		t.Fatalf("scan --history -o -q: %+v", r)
	}
	cases := [][]string{
		{"contracts", "check", filepath.Join(corpusDir, "fr-pieges.txt")},
		{"password", "check", "../../testdata/password/vigie-policy.yaml"},
		{"password", "hashes", hashes},
		{"history", "show", "last", "--history", db},
		{"merge", shardFile},
	}
	for i, args := range cases {
		name := strings.Join(args[:2], " ")
		for _, q := range [][]string{nil, {"-q"}, {"--quiet", "--lang", "fr"}} {
			out := filepath.Join(dir, "out", strings.ReplaceAll(name, " ", "-")+string(rune('a'+i))+strings.Join(q, "")+".json")
			os.MkdirAll(filepath.Dir(out), 0o700)
			a := append(append(append([]string{}, args...), "-f", "json", "-o", out), q...)
			r := vigie(t, context.Background(), fr, a...)
			if r.code != 0 || r.stdout != "" || r.stderr != "" {
				t.Errorf("%s %v: code %d, stdout %q, stderr %q", name, q, r.code, r.stdout, r.stderr)
			}
			if st, err := os.Stat(out); err != nil || st.Size() == 0 {
				t.Errorf("%s %v: no report written: %v", name, q, err)
			}
		}
	}
	cfg := filepath.Join(dir, "vigie.yaml")
	for _, q := range [][]string{nil, {"-q"}} {
		r := vigie(t, context.Background(), fr, append([]string{"init", cfg, "--force"}, q...)...)
		if r.code != 0 || r.stdout+r.stderr != "" {
			t.Errorf("init %v: %+v", q, r)
		}
	}
}
