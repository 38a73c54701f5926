package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestShardsMergeToOneScan: three `vigie scan --shard I/3` processes, run at
// once, and `vigie merge` give the findings and scores of one unsharded
// scan; with VIGIE_TEST_POSTGRES (.ci/run starts one) the merge keeps the
// whole scan in that PostgreSQL history.
func TestShardsMergeToOneScan(t *testing.T) {
	bin := buildBinary(t)
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
	var pods []*exec.Cmd
	for i := range 3 {
		out := filepath.Join(dir, fmt.Sprintf("shard-%d.json", i))
		pod := exec.Command(bin, scanArgs("--shard", fmt.Sprintf("%d/3", i), "-o", out)...)
		pod.Env = append(os.Environ(), "TMPDIR="+t.TempDir())
		if err := pod.Start(); err != nil {
			t.Fatal(err)
		}
		pods = append(pods, pod)
	}
	for i, pod := range pods {
		if err := pod.Wait(); err != nil {
			t.Fatalf("shard %d: %v", i, err)
		}
	}
	merged := filepath.Join(dir, "merged.json")
	mergeArgs := []string{"merge", filepath.Join(dir, "shard-*.json"), "-f", "json", "-o", merged}
	dsn := os.Getenv("VIGIE_TEST_POSTGRES")
	if dsn != "" {
		cfg := filepath.Join(dir, "vigie.yaml")
		os.WriteFile(cfg, []byte("history: ${VIGIE_TEST_POSTGRES}\n"), 0o600)
		mergeArgs = append(mergeArgs, "-c", cfg)
	}
	if r := vigie(t, context.Background(), map[string]string{"VIGIE_TEST_POSTGRES": dsn}, mergeArgs...); r.code != 0 {
		t.Fatalf("merge: code %d %s", r.code, r.stderr)
	}
	// A pod that failed for good: its share is missing, and nothing is written.
	partial := filepath.Join(dir, "partial.json")
	if r := vigie(t, context.Background(), nil, "merge", filepath.Join(dir, "shard-0.json"), filepath.Join(dir, "shard-2.json"), "-f", "json", "-o", partial); r.code != exitUsage || !strings.Contains(r.stderr, "shard 1/3 is missing") {
		t.Errorf("merge without shard 1/3: code %d %s", r.code, r.stderr)
	}
	if _, err := os.Stat(partial); err == nil {
		t.Error("the merge of an incomplete set wrote a report")
	}
	if dsn != "" {
		r := vigie(t, context.Background(), nil, "history", "--history", dsn, "--format", "json")
		if r.code != 0 || !strings.Contains(r.stdout, decode(t, mustRead(t, merged)).ScanID) {
			t.Errorf("the merged scan is not in the PostgreSQL history: code %d %s", r.code, r.stderr)
		}
	}
	single := vigie(t, context.Background(), nil, scanArgs()...)
	m, s := decode(t, mustRead(t, merged)), decode(t, single.stdout)
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

func mustRead(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// Shards left over from another run are refused before anything is
// written: another --run, or a target list that changed between the runs
// (Monday's 0/2 beside Tuesday's 1/2 was one complete split before).
func TestMergeRefusesShardsOfAnotherRun(t *testing.T) {
	var sites []string
	for range 3 {
		s := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
		defer s.Close()
		sites = append(sites, "--target", s.URL)
	}
	dir := t.TempDir()
	shardOf := func(name, share string, targets []string, extra ...string) string {
		t.Helper()
		out := filepath.Join(dir, name)
		args := append(append([]string{"scan", "--format", "json", "--timeout", "30s", "--shard", share, "-o", out}, targets...), extra...)
		if r := vigie(t, context.Background(), nil, args...); r.code != 0 && r.code != 1 {
			t.Fatalf("%s: code %d %s", name, r.code, r.stderr)
		}
		return out
	}
	merge := func(shards ...string) result {
		return vigie(t, context.Background(), nil, append(append([]string{"merge"}, shards...), "-f", "json", "-o", filepath.Join(dir, "merged.json"))...)
	}
	mon0, mon1 := shardOf("mon-0.json", "0/2", sites, "--run", "mon"), shardOf("mon-1.json", "1/2", sites, "--run", "mon")
	if r := merge(mon0, mon1); r.code != 0 {
		t.Fatalf("one run: code %d %s", r.code, r.stderr)
	}
	os.Remove(filepath.Join(dir, "merged.json"))
	tue1 := shardOf("tue-1.json", "1/2", sites, "--run", "tue")
	if r := merge(mon0, tue1); r.code != exitUsage || !strings.Contains(r.stderr, `belong to different runs (--run "mon", "tue")`) {
		t.Errorf("shards of two runs: code %d %s", r.code, r.stderr)
	}
	// Without --run, the plan tells a changed target list.
	old0, new1 := shardOf("old-0.json", "0/2", sites[:4]), shardOf("new-1.json", "1/2", sites)
	if r := merge(old0, new1); r.code != exitUsage || !strings.Contains(r.stderr, "were split from different scans") {
		t.Errorf("shards of two plans: code %d %s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "merged.json")); err == nil {
		t.Error("a refused merge wrote a report")
	}
	for _, args := range [][]string{
		{"scan", "--run", "mon", "--target", "x.example.com"},
		{"scan", "--shard", "0/2", "--run", "$(VIGIE_RUN)", "--target", "x.example.com"},
	} {
		if r := vigie(t, context.Background(), nil, args...); r.code != exitUsage || !strings.Contains(r.stderr, "--run") {
			t.Errorf("%q: code %d %s", args, r.code, r.stderr)
		}
	}
}
