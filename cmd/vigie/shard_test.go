package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestShardsMergeToOneScan: three `vigie scan --shard I/3` runs and `vigie
// merge` give the findings and scores of one unsharded scan.
func TestShardsMergeToOneScan(t *testing.T) {
	var sites []string
	for i := range 7 {
		s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if i%2 == 0 {
				w.Header().Set("X-Content-Type-Options", "nosniff")
			}
		}))
		defer s.Close()
		sites = append(sites, "--target", s.URL)
	}
	dir := t.TempDir()
	scanArgs := func(extra ...string) []string {
		return append(append([]string{"scan", "--format", "json", "--timeout", "30s"}, sites...), extra...)
	}
	for i := range 3 {
		out := filepath.Join(dir, fmt.Sprintf("shard-%d.json", i))
		if r := vigie(t, context.Background(), nil, scanArgs("--shard", fmt.Sprintf("%d/3", i), "-o", out)...); r.code != 0 {
			t.Fatalf("shard %d: code %d %s", i, r.code, r.stderr)
		}
	}
	merged := filepath.Join(dir, "merged.json")
	if r := vigie(t, context.Background(), nil, "merge", filepath.Join(dir, "shard-*.json"), "-f", "json", "-o", merged); r.code != 0 {
		t.Fatalf("merge: code %d %s", r.code, r.stderr)
	}
	single := vigie(t, context.Background(), nil, scanArgs()...)
	data, _ := os.ReadFile(merged)
	m, s := decode(t, string(data)), decode(t, single.stdout)
	canon := func(fs []string) string { sort.Strings(fs); return strings.Join(fs, "\n") }
	var mf, sf []string
	for _, f := range m.Findings {
		mf = append(mf, f.Target+" "+f.CheckID+" "+string(f.Status))
	}
	for _, f := range s.Findings {
		sf = append(sf, f.Target+" "+f.CheckID+" "+string(f.Status))
	}
	if a, b := canon(mf), canon(sf); a != b || len(mf) != 7*perTarget {
		am, bm := map[string]bool{}, map[string]bool{}
		for _, l := range strings.Split(a, "\n") {
			am[l] = true
		}
		for _, l := range strings.Split(b, "\n") {
			bm[l] = true
			if !am[l] {
				t.Errorf("only in the single run: %s", l)
			}
		}
		for l := range am {
			if !bm[l] {
				t.Errorf("only in the merge: %s", l)
			}
		}
	}
	if m.Scores.Overall.Score != s.Scores.Overall.Score || m.Scores.Overall.Grade != s.Scores.Overall.Grade {
		t.Errorf("overall %d %s, single run %d %s", m.Scores.Overall.Score, m.Scores.Overall.Grade, s.Scores.Overall.Score, s.Scores.Overall.Grade)
	}
	if r := vigie(t, context.Background(), nil, "scan", "--shard", "3/3", "--target", "x.example.com"); r.code != exitUsage {
		t.Errorf("--shard 3/3: code %d", r.code)
	}
}
