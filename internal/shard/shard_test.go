package shard

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/engine"
)

func TestParseAcceptsIndexOverCount(t *testing.T) {
	for in, want := range map[string]Shard{"0/1": {0, 1}, "3/7": {3, 7}, " 6/7\n": {6, 7}, "9999/10000": {9999, 10000}, "07/8": {7, 8}} {
		got, err := Parse(in)
		if err != nil || got != want {
			t.Errorf("Parse(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
}

func TestParseRefusesWithBilingualReasons(t *testing.T) {
	for in, want := range map[string]string{
		"":                          "want INDEX/COUNT",
		"3":                         "want INDEX/COUNT",
		"7/7":                       "from 0 to 6",
		"-1/3":                      "index \"-1\" is not a whole number",
		"+1/3":                      "index \"+1\" is not a whole number",
		"1 /3":                      "index \"1 \" is not a whole number",
		"1/0":                       "from 1 to 10000",
		"1/10001":                   "from 1 to 10000",
		"1/3/4":                     "count \"3/4\" is not a whole number",
		"99999999999999999999/3":    "is not a whole number",
		"$JOB_COMPLETION_INDEX/4":   "not expanded",
		"$(JOB_COMPLETION_INDEX)/4": "not expanded",
	} {
		_, err := Parse(in)
		var e *Error
		if !errors.As(err, &e) || !strings.Contains(err.Error(), want) || !e.Text.Complete() || !strings.Contains(e.Text.FR, "--shard") {
			t.Errorf("Parse(%q) = %v; want an *Error in both languages containing %q", in, err, want)
		}
	}
}

// 10,000 sites over 7 shards: each site in exactly one shard, each shard
// within 10% of the mean.
func TestKeepSplitsExactlyAndEvenly(t *testing.T) {
	const targets, n = 10000, 7
	counts := make([]int, n)
	for i := range targets {
		key := Key(check.FamilyWeb, fmt.Sprintf("https://site-%d.example.fr/", i))
		in := 0
		for s := range n {
			if (Shard{s, n}).Keep(key) {
				counts[s]++
				in++
			}
		}
		if in != 1 {
			t.Fatalf("%s is in %d shards", key, in)
		}
	}
	mean := float64(targets) / n
	for s, c := range counts {
		if d := float64(c) - mean; d > mean/10 || d < -mean/10 {
			t.Errorf("shard %d/%d holds %d targets, mean %.0f", s, n, c, mean)
		}
	}
}

// The share of a key is frozen: a change here moves targets between the pods
// of a running Job. The values were checked outside Go:
// printf 'web\0https://example.fr' | sha256sum, first 16 hex digits mod 10.
func TestKeepIsStable(t *testing.T) {
	for key, want := range map[string]int{
		Key(check.FamilyWeb, "https://example.fr"):            2,
		Key(check.FamilyPassword, "policies/ad.json"):         1,
		Key(check.FamilyContracts, "contracts/inventory.yml"): 9,
	} {
		if got := indexOf(key, 10); got != want {
			t.Errorf("%q goes to shard %d of 10, was %d", key, got, want)
		}
	}
}

func indexOf(key string, n int) int {
	for s := range n {
		if (Shard{s, n}).Keep(key) {
			return s
		}
	}
	return -1
}

func TestKeyNormalisesAndSeparatesFamilies(t *testing.T) {
	a, b := Key(check.FamilyWeb, "HTTPS://Example.fr:443/"), Key(check.FamilyWeb, "https://example.fr")
	if a != b {
		t.Errorf("one site written two ways has keys %q and %q", a, b)
	}
	if Key(check.FamilyPassword, "./data/x.csv") != Key(check.FamilyPassword, "data/x.csv") {
		t.Error("one path written two ways has two keys")
	}
	if Key(check.FamilyPassword, "data/x.csv") == Key(check.FamilyLeads, "data/x.csv") {
		t.Error("one path in two families has one key")
	}
}

func TestZeroShardKeepsEverything(t *testing.T) {
	if !(Shard{}).Keep("anything") || !(Shard{0, 1}).Keep("anything") {
		t.Error("an unsharded scan dropped a unit")
	}
}

func TestFilterPartitionsThePlanInOrder(t *testing.T) {
	var plan []engine.Unit
	for i := range 40 {
		plan = append(plan, engine.Unit{Family: check.FamilyWeb, Target: fmt.Sprintf("https://s%d.example.fr", i)},
			engine.Unit{Family: check.FamilyPassword, Target: fmt.Sprintf("policies/p%d.json", i)})
	}
	const n = 5
	seen := map[string]int{}
	for s := range n {
		last := -1
		for _, u := range (Shard{s, n}).Filter(plan) {
			at := -1
			for i, p := range plan {
				if p.Target == u.Target {
					at = i
				}
			}
			if at <= last {
				t.Fatalf("shard %d: %s out of plan order", s, u.Target)
			}
			last = at
			seen[u.Target]++
		}
	}
	for _, u := range plan {
		if seen[u.Target] != 1 {
			t.Errorf("%s is in %d shards", u.Target, seen[u.Target])
		}
	}
}

// Every pod computes the plan's fingerprint from the same units in
// whatever order it built them; a target added, one written another way,
// or a check turned off changes what the split is of, and the fingerprint.
func TestFingerprintTellsPlansApart(t *testing.T) {
	units := plan()
	fp := Fingerprint(units)
	if len(fp) != 32 || strings.Trim(fp, "0123456789abcdef") != "" {
		t.Fatalf("fingerprint %q: want 32 hex digits", fp)
	}
	reversed := slices.Clone(units)
	slices.Reverse(reversed)
	if Fingerprint(reversed) != fp {
		t.Error("the order the units were built in changes the fingerprint")
	}
	spelled := slices.Clone(units)
	spelled[0].Target = strings.ToUpper(strings.TrimSuffix(spelled[0].Target, "/"))
	if Fingerprint(spelled) != fp {
		t.Errorf("%s written as %s changes the fingerprint (the split keys it as one target)", units[0].Target, spelled[0].Target)
	}
	for name, changed := range map[string][]engine.Unit{
		"a target added":   append(slices.Clone(units), engine.Unit{Family: check.FamilyWeb, Target: "https://new.example.fr/"}),
		"a target removed": units[1:],
		"a check off":      edited(units, func(u *engine.Unit) { u.Checks = u.Checks[1:] }),
		"another family":   edited(units, func(u *engine.Unit) { u.Family = check.FamilyContracts }),
	} {
		if Fingerprint(changed) == fp {
			t.Errorf("%s: same fingerprint", name)
		}
	}
}

func edited(units []engine.Unit, f func(*engine.Unit)) []engine.Unit {
	out := slices.Clone(units)
	f(&out[0])
	return out
}

func TestParseRun(t *testing.T) {
	for in, want := range map[string]string{"pipeline-41": "pipeline-41", " 0b7c-uid ": "0b7c-uid", "nightly 2026-12-02": "nightly 2026-12-02"} {
		if got, err := ParseRun(in); err != nil || got != want {
			t.Errorf("ParseRun(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for in, want := range map[string]string{
		"":                       "--run is empty",
		"$(VIGIE_RUN)":           "the variable was not expanded",
		"$GITHUB_RUN_ID":         "the variable was not expanded",
		strings.Repeat("a", 129): "129 bytes, at most 128",
		"run\x1b[2J":             "only printable characters",
	} {
		_, err := ParseRun(in)
		var e *Error
		if !errors.As(err, &e) || !strings.Contains(err.Error(), want) || !e.Text.Complete() {
			t.Errorf("ParseRun(%q) = %v; want an error in both languages with %q", in, err, want)
		}
	}
}
