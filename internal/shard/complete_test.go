package shard

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/report"
)

// A shard report records its share, in its JSON file too, and a merge
// refuses a set that is not every share of one split scan, before it merges
// anything, with the shares named in both languages.
func TestMergeRefusesAnIncompleteSetOfShards(t *testing.T) {
	dir := t.TempDir()
	two := shards(t, dir, 2)
	back, err := ReadFile(filepath.Join(dir, "shard-1.json"))
	if err != nil || back.Shard == nil || *back.Shard != (report.Share{Index: 1, Count: 2, Plan: Fingerprint(plan())}) {
		t.Fatalf("shard-1.json read back records share %+v (%v)", back.Shard, err)
	}
	if _, err := MergeFiles([]string{filepath.Join(dir, "shard-*.json")}); err != nil {
		t.Fatalf("the complete set: %v", err)
	}
	refused := func(t *testing.T, err error, want ...string) {
		t.Helper()
		var e *Error
		if !errors.As(err, &e) || !e.Text.Complete() {
			t.Fatalf("err = %v; want an *Error in both languages", err)
		}
		for _, w := range want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("err = %q; want %q in it", err, w)
			}
		}
	}

	t.Run("missing share, from the file", func(t *testing.T) {
		_, err := MergeFiles([]string{filepath.Join(dir, "shard-0.json")})
		refused(t, err, "shard 1/2 is missing")
		if !strings.Contains(err.(*Error).Text.FR, "la part 1/2 manque") {
			t.Errorf("FR: %q", err.(*Error).Text.FR)
		}
		sp, serr := report.NewSpool(t.TempDir())
		if serr != nil {
			t.Fatal(serr)
		}
		defer sp.Close()
		_, err = MergeFilesTo([]string{filepath.Join(dir, "shard-0.json")}, sp, nil)
		refused(t, err, "shard 1/2 is missing")
	})
	t.Run("several missing, the list bounded", func(t *testing.T) {
		seven := shards(t, t.TempDir(), 7)
		_, err := Merge([]report.Report{seven[1], seven[4], seven[6]})
		refused(t, err, "4 of the 7 shards are missing (0/7, 2/7, 3/7, 5/7)")
		lone := two[0]
		lone.Shard = &report.Share{Index: 0, Count: 100}
		_, err = Merge([]report.Report{lone})
		refused(t, err, "99 of the 100 shards are missing (1/100, 2/100, 3/100, 4/100, 5/100, 6/100, 7/100, 8/100, 9/100, 10/100, …)")
	})
	t.Run("counts disagree", func(t *testing.T) {
		three := shards(t, t.TempDir(), 3)
		_, err := Merge([]report.Report{two[0], two[1], three[2]})
		refused(t, err, "report #1 is shard 0/2 and report #3 is shard 2/3", "split differently")
	})
	t.Run("one share twice", func(t *testing.T) {
		retried := two[1]
		retried.ScanID = "shard-1-of-2-retried" // a pod that ran again: another scan, the same share
		_, err := Merge([]report.Report{two[0], two[1], retried})
		refused(t, err, "reports #2 and #3 are both shard 1/2")
	})
	t.Run("shards mixed with a report without a share", func(t *testing.T) {
		_, err := Merge([]report.Report{two[0], unstamped(two)[1]})
		refused(t, err, "report #1 is shard 0/2 of a split scan, report #2 records no shard")
	})
	t.Run("shards of two plans", func(t *testing.T) {
		// Tuesday's list has one site more: its shard 1/2 is not Monday's.
		tuesday := edit(two, 1, func(r *report.Report) { s := *r.Shard; s.Plan = Fingerprint(plan()[1:]); r.Shard = &s })
		_, err := Merge(tuesday)
		refused(t, err, "reports #1 (shard 0/2) and #2 (shard 1/2) were split from different scans", "targets, contracts or checks changed")
		if !strings.Contains(err.(*Error).Text.FR, "viennent de la répartition d'analyses différentes") {
			t.Errorf("FR: %q", err.(*Error).Text.FR)
		}
	})
	t.Run("shards of two runs", func(t *testing.T) {
		stamp := func(reps []report.Report, runs ...string) []report.Report {
			out := slices.Clone(reps)
			for i, run := range runs {
				s := *out[i].Shard
				s.Run = run
				out[i].Shard = &s
			}
			return out
		}
		if _, err := Merge(stamp(two, "pipeline-41", "pipeline-41")); err != nil {
			t.Errorf("one run: %v", err)
		}
		_, err := Merge(stamp(two, "pipeline-41", "pipeline-42"))
		refused(t, err, `belong to different runs (--run "pipeline-41", "pipeline-42")`)
		_, err = Merge(stamp(two, "pipeline-41"))
		refused(t, err, `(--run "pipeline-41", —)`)
	})
	t.Run("a share that is none", func(t *testing.T) {
		for _, s := range []report.Share{{Index: 2, Count: 2}, {Index: -1, Count: 2}, {Index: 0, Count: 0}, {Index: 0, Count: MaxCount + 1}} {
			_, err := Merge(edit(two, 1, func(r *report.Report) { r.Shard = &s }))
			refused(t, err, "report #2 records shard", "which is no share of a scan")
		}
	})
}

// Reports that record no share (a whole scan, or an older vigie) merge as
// they did, into the report the shards that record theirs merge into.
func TestMergeOfReportsWithoutShareIsUnchanged(t *testing.T) {
	three := shards(t, t.TempDir(), 3)
	stamped, err := Merge(three)
	if err != nil {
		t.Fatal(err)
	}
	old, err := Merge(unstamped(three))
	if err != nil {
		t.Fatal(err)
	}
	if stamped.Shard != nil || old.Shard != nil {
		t.Errorf("a merged report records a share: %+v %+v", stamped.Shard, old.Shard)
	}
	sameText(t, "merge of reports without their share", jsonOf(t, old), jsonOf(t, stamped))
	// Without shares, completeness cannot be told: two of three still merge.
	if _, err := Merge(unstamped(slices.Delete(slices.Clone(three), 1, 2))); err != nil {
		t.Errorf("reports without a share, as before: %v", err)
	}
}
