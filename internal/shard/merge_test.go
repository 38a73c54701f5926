package shard

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/engine"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/score"
)

// site is the evidence of every synthetic unit: level decides the verdicts.
type site struct {
	name  string
	level int
}

func (s site) TargetName() string { return s.name }

func typed(id string, fam check.Family, sev check.Severity, fn func(site) check.Outcome) check.Typed[site] {
	return check.Typed[site]{M: check.Meta{ID: id, Family: fam, Severity: sev, Title: check.Text{EN: id, FR: id}}, Fn: fn}
}

func byLevel(mod int, statuses ...check.Status) func(site) check.Outcome {
	return func(s site) check.Outcome { return check.Outcome{Status: statuses[s.level%mod%len(statuses)]} }
}

var (
	headers = typed("WEB-HDR-001", check.FamilyWeb, check.High, byLevel(3, check.Pass, check.Warn, check.Fail))
	tls     = func() check.Typed[site] {
		c := typed("WEB-TLS-001", check.FamilyWeb, check.Critical, byLevel(4, check.Fail, check.Pass, check.Pass, check.Pass))
		c.M.CapOnFail = "C"
		return c
	}()
	observatory = func() check.Typed[site] {
		c := typed("WEB-OBS-001", check.FamilyWeb, check.Medium, func(s site) check.Outcome {
			return check.Outcome{Status: check.Pass, Evidence: map[string]any{"observatory_modifier": 5 - 5*(s.level%3)}}
		})
		c.M.ObservatoryPoints = true
		return c
	}()
	optional   = typed("WEB-OPT-001", check.FamilyWeb, check.Low, byLevel(5, check.Skipped, check.Pass))
	policy     = typed("PWD-LEN-001", check.FamilyPassword, check.High, byLevel(2, check.Pass, check.Fail))
	contract   = typed("CTR-DPA-001", check.FamilyContracts, check.Medium, byLevel(3, check.Warn, check.Pass, check.Fail))
	neverJudge = typed("CTR-NONE-001", check.FamilyContracts, check.Low, byLevel(1, check.Pass))
)

func evidenceOf(name string, level int) func(context.Context, engine.Pacer) (any, error) {
	return func(context.Context, engine.Pacer) (any, error) { return site{name, level}, nil }
}

// plan is a mixed plan in an order no sort gives: web sites, policy files
// of two policies each, a source that cannot be read, contracts.
func plan() []engine.Unit {
	var units []engine.Unit
	for i := range 61 {
		j := (i*17 + 5) % 61
		name := fmt.Sprintf("https://site-%02d.example.fr/", j)
		units = append(units, engine.Unit{Family: check.FamilyWeb, Target: name, Collect: evidenceOf(name, j),
			Checks: check.Catalogue{headers, tls, observatory, optional}})
		if i%6 == 0 {
			file := fmt.Sprintf("policies/p%02d.json", 60-i)
			units = append(units, engine.Unit{Family: check.FamilyPassword, Target: file, Checks: check.Catalogue{policy},
				Collect: func(context.Context, engine.Pacer) (any, error) {
					return engine.Subjects{site{file + "#admins", i}, site{file + "#users", i + 1}}, nil
				}})
		}
		if i%9 == 0 {
			file := fmt.Sprintf("contracts/c%02d.pdf", i)
			units = append(units, engine.Unit{Family: check.FamilyContracts, Target: file, Collect: evidenceOf(file, i),
				Checks: check.Catalogue{contract}})
		}
	}
	return append(units,
		engine.Unit{Family: check.FamilyPassword, Target: "policies/broken.json", Checks: check.Catalogue{policy},
			Collect: func(context.Context, engine.Pacer) (any, error) { return nil, errors.New("unreadable") }},
		engine.Unit{Family: check.FamilyContracts, Target: "contracts/none.pdf", Checks: nil, Collect: evidenceOf("contracts/none.pdf", 0)})
}

var t0 = time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)

// run scans units with a clock that starts at start and then reads start+30s.
func run(t *testing.T, units []engine.Unit, id string, start time.Time) report.Report {
	t.Helper()
	calls := 0
	clock := func() time.Time {
		calls++
		if calls == 1 {
			return start
		}
		return start.Add(30 * time.Second)
	}
	e, err := engine.New(engine.WithClock(clock), engine.WithScanID(func() string { return id }),
		engine.WithVersion("1.2.3"), engine.WithConcurrency(3))
	if err != nil {
		t.Fatal(err)
	}
	if len(units) == 0 {
		return EmptyReport("1.2.3", id, start)
	}
	rep, err := e.Run(context.Background(), units, nil)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// writeJSON writes r as vigie scan -f json does, and returns its path.
func writeJSON(t *testing.T, dir, name string, r report.Report) string {
	t.Helper()
	var b bytes.Buffer
	if err := (report.JSON{}).Write(context.Background(), &b, r); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// shards scans the plan in n shards and writes each report to dir.
func shards(t *testing.T, dir string, n int) []report.Report {
	t.Helper()
	var out []report.Report
	for s := range n {
		r := run(t, Shard{s, n}.Filter(plan()), fmt.Sprintf("shard-%d-of-%d", s, n), t0.Add(time.Duration(n-s)*time.Minute))
		r.Shard = Shard{s, n}.Share(Fingerprint(plan()), "") // as vigie scan --shard records it
		writeJSON(t, dir, fmt.Sprintf("shard-%d.json", s), r)
		out = append(out, r)
	}
	return out
}

// canonical is what a merge must equal: a single run's report laid out in
// the merged order (family, then normalised target; a single run orders
// targets by plan, which shards lose), checks by ID, and the target a family
// or the scan names as its cap replaced by the cap's grade and check, which
// are order-free (on a tie, score names the first capped target it meets).
func canonical(t *testing.T, r report.Report) string {
	t.Helper()
	byTarget := func(fa check.Family, a string, fb check.Family, b string) int {
		if c := compareKeys(targetKey{fa, check.NormalizeTarget(a)}, targetKey{fb, check.NormalizeTarget(b)}); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	}
	r.Targets = slices.Clone(r.Targets)
	slices.SortStableFunc(r.Targets, func(a, b report.Target) int { return byTarget(a.Family, a.Name, b.Family, b.Name) })
	r.Findings = slices.Clone(r.Findings)
	slices.SortStableFunc(r.Findings, func(a, b check.Finding) int { return byTarget(a.Family, a.Target, b.Family, b.Target) })
	r.Checks = slices.Clone(r.Checks)
	slices.SortFunc(r.Checks, func(a, b check.Meta) int { return cmp.Compare(a.ID, b.ID) })
	s := r.Scores
	s.Targets = slices.Clone(s.Targets)
	slices.SortStableFunc(s.Targets, func(a, b score.Target) int { return byTarget(a.Family, a.Target, b.Family, b.Target) })
	capped := map[string]bool{} // grade and check of every target cap
	for _, tg := range s.Targets {
		if tg.Cap != nil {
			capped[string(tg.Cap.Grade)+" "+tg.Cap.CheckID+" "+tg.Target] = true
		}
	}
	anonymous := func(res score.Result) score.Result {
		if res.Cap != nil {
			if !capped[string(res.Cap.Grade)+" "+res.Cap.CheckID+" "+res.Cap.Target] {
				t.Errorf("cap %+v names no target capped so", *res.Cap)
			}
			c := *res.Cap
			c.Target = "(a target capped so)"
			res.Cap = &c
		}
		return res
	}
	s.Families = slices.Clone(s.Families)
	for i := range s.Families {
		s.Families[i].Result = anonymous(s.Families[i].Result)
	}
	s.Overall = anonymous(s.Overall)
	b, err := json.MarshalIndent(struct {
		Targets  []report.Target
		Findings []check.Finding
		Checks   []check.Meta
		Scores   score.Summary
	}{r.Targets, r.Findings, r.Checks, s}, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// streamedMerge merges the shard reports of dir with their findings
// kept on disk, as vigie merge does.
func streamedMerge(t *testing.T, dir string) report.Report {
	t.Helper()
	sp, err := report.NewSpool(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sp.Close() })
	r, err := MergeFilesTo([]string{filepath.Join(dir, "shard-*.json")}, sp, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Spooled() {
		t.Fatal("the streamed merge keeps its findings in memory")
	}
	return r
}

func sameText(t *testing.T, what, got, want string) {
	t.Helper()
	if got == want {
		return
	}
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			t.Fatalf("%s: line %d is %q, want %q", what, i+1, g[i], w[i])
		}
	}
	t.Fatalf("%s: %d lines, want %d", what, len(g), len(w))
}

// The merge of N shard reports, read back from their JSON files, has the
// targets, findings, checks and scores of one unsharded run.
func TestMergeEqualsSingleRun(t *testing.T) {
	dir := t.TempDir()
	single, err := ReadFile(writeJSON(t, dir, "single.json", run(t, plan(), "single", t0)))
	if err != nil {
		t.Fatal(err)
	}
	if single.Scores.Overall.Cap == nil || len(single.Scores.Families) != 3 {
		t.Fatalf("the synthetic plan should cap the scan and cover 3 families: %+v", single.Scores.Overall)
	}
	want := canonical(t, single)
	if n := len(single.Findings); n < 250 {
		t.Fatalf("the synthetic plan gave only %d findings", n)
	}
	for _, n := range []int{1, 3, 7, 100} { // 100: most shards hold nothing
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			sub := filepath.Join(dir, fmt.Sprint(n))
			if err := os.Mkdir(sub, 0o700); err != nil {
				t.Fatal(err)
			}
			reps := shards(t, sub, n)
			merged, err := MergeFiles([]string{filepath.Join(sub, "shard-*.json")})
			if err != nil {
				t.Fatal(err)
			}
			sameText(t, "merge streamed to disk vs in memory", jsonOf(t, streamedMerge(t, sub)), jsonOf(t, merged))
			sameText(t, "merged vs single run", canonical(t, merged), want)
			if merged.Scores.Overall.Score != single.Scores.Overall.Score || merged.Scores.Overall.Grade != single.Scores.Overall.Grade {
				t.Fatalf("overall %d %s, single run %d %s", merged.Scores.Overall.Score, merged.Scores.Overall.Grade,
					single.Scores.Overall.Score, single.Scores.Overall.Grade)
			}
			// Earliest start, latest finish: shards start at different times.
			first, last := span(reps)
			if !merged.StartedAt.Equal(first) || !merged.FinishedAt.Equal(last) {
				t.Errorf("merged ran %s → %s", merged.StartedAt, merged.FinishedAt)
			}
			// The plan starts with sites that pass TLS, so the single run's cap
			// names a later site than the merge's: what canonical leaves out.
			if n > 1 && merged.Scores.Overall.Cap.Target == single.Scores.Overall.Cap.Target {
				t.Errorf("both name %s as the cap: the tie case is not exercised", single.Scores.Overall.Cap.Target)
			}
			// The comparison can fail: a merge missing a shard is not the single run.
			biggest := 0
			for i, r := range reps {
				if len(r.Targets) > len(reps[biggest].Targets) {
					biggest = i
				}
			}
			if partial, err := Merge(slices.Delete(slices.Clone(reps), biggest, biggest+1)); n > 1 && err == nil && canonical(t, partial) == want {
				t.Errorf("a merge missing shard %d equals the single run", biggest)
			}
			if merged.Interrupted || merged.Tool != single.Tool || merged.SchemaVersion != report.SchemaVersion || merged.Changes != nil {
				t.Errorf("merged header %+v", merged)
			}
			// The order of the files does not matter, the ID is derived, the output is deterministic.
			slices.Reverse(reps)
			again, err := Merge(reps)
			if err != nil {
				t.Fatal(err)
			}
			if a, b := jsonOf(t, again), jsonOf(t, merged); a != b {
				sameText(t, "merge in reverse order", a, b)
			}
		})
	}
}

func span(reps []report.Report) (first, last time.Time) {
	first, last = reps[0].StartedAt, reps[0].FinishedAt
	for _, r := range reps {
		if r.StartedAt.Before(first) {
			first = r.StartedAt
		}
		if r.FinishedAt.After(last) {
			last = r.FinishedAt
		}
	}
	return first, last
}

func jsonOf(t *testing.T, r report.Report) string {
	t.Helper()
	var b bytes.Buffer
	if err := (report.JSON{}).Write(context.Background(), &b, r); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestMergedScanIDIsDerived(t *testing.T) {
	reps := shards(t, t.TempDir(), 3)
	m, err := Merge(reps)
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`).MatchString(m.ScanID) {
		t.Errorf("merged scan ID %q is not a version 8 UUID", m.ScanID)
	}
	reps[2].ScanID = "another"
	other, _ := Merge(reps)
	if other.ScanID == m.ScanID {
		t.Error("two different sets of shards have one merged ID")
	}
}

func TestMergeKeepsInterruption(t *testing.T) {
	reps := shards(t, t.TempDir(), 3)
	reps[1].Interrupted = true
	m, err := Merge(reps)
	if err != nil || !m.Interrupted {
		t.Fatalf("merged interrupted = %v, %v", m.Interrupted, err)
	}
}

func TestMergeRefusesWhatIsNotOneScan(t *testing.T) {
	dir := t.TempDir()
	three := shards(t, dir, 3)
	four := shards(t, t.TempDir(), 4)
	for name, c := range map[string]struct {
		reps []report.Report
		want string
	}{
		"nothing":     {nil, "nothing to merge"},
		"schema":      {edit(three, 1, func(r *report.Report) { r.SchemaVersion++ }), "report #2 has schema version 2"},
		"tool":        {edit(three, 2, func(r *report.Report) { r.Tool.Version = "1.2.4" }), "vigie 1.2.3 and report #3 by vigie 1.2.4"},
		"given twice": {append(slices.Clone(three), three[0]), "reports #1 and #4 are the same scan shard-0-of-3"},
		"overlap":     {append(unstamped(three), unstamped(four)...), "the shards overlap"},
	} {
		_, err := Merge(c.reps)
		var e *Error
		if !errors.As(err, &e) || !strings.Contains(err.Error(), c.want) || !e.Text.Complete() {
			t.Errorf("%s: err = %v; want an *Error in both languages containing %q", name, err, c.want)
		}
	}
}

// unstamped is reps as an older vigie wrote them, without their share.
func unstamped(reps []report.Report) []report.Report {
	out := slices.Clone(reps)
	for i := range out {
		out[i].Shard = nil
	}
	return out
}

func edit(reps []report.Report, i int, f func(*report.Report)) []report.Report {
	out := slices.Clone(reps)
	f(&out[i])
	return out
}

func TestReadErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := jsonOf(t, run(t, plan()[:2], "one", t0))
	for _, c := range []struct{ path, want string }{
		{write("html.json", "<html>"), "not a vigie JSON report"},
		{write("empty.json", "{}"), "no schema_version or tool"},
		{write("two.json", good+good), "something follows the report"},
		{filepath.Join(dir, "missing.json"), "cannot open the report"},
		{dir, "is a folder"},
	} {
		_, err := ReadFile(c.path)
		var e *Error
		if !errors.As(err, &e) || !strings.Contains(err.Error(), c.path) || !strings.Contains(err.Error(), c.want) || !strings.Contains(e.Text.FR, c.path) {
			t.Errorf("ReadFile(%s) = %v; want the path and %q", c.path, err, c.want)
		}
	}
	// MergeFiles names the file that failed, and the files of overlapping shards.
	a, b := write("a.json", good), write("b.json", strings.Replace(good, `"scan_id": "one"`, `"scan_id": "two"`, 1))
	if _, err := MergeFiles([]string{a, b}); err == nil || !strings.Contains(err.Error(), a) || !strings.Contains(err.Error(), b) {
		t.Errorf("MergeFiles of two copies of one shard: %v", err)
	}
	if _, err := MergeFiles([]string{filepath.Join(dir, "shard-*.json")}); err == nil || !strings.Contains(err.Error(), "no report matches") {
		t.Errorf("a pattern matching nothing: %v", err)
	}
	if _, err := MergeFiles([]string{t.TempDir()}); err == nil || !strings.Contains(err.Error(), "no *.json report") {
		t.Errorf("an empty folder: %v", err)
	}
}
