package contractdoc

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vigie-security/vigie/checks/contracts"
)

// devDir is the shared development set of real, published DPAs. It is read
// where it is and never copied: the texts belong to others.
var devDir = filepath.Join("..", "..", "..", "shared", "corpus", "contracts")

type devLabels struct {
	Files map[string]struct {
		Labels   map[string]bool   `json:"labels"`
		Evidence map[string]string `json:"evidence"`
	} `json:"files"`
}

func loadDevSet(t *testing.T) devLabels {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(devDir, "labels.json"))
	if os.IsNotExist(err) {
		t.Skipf("development set %s is absent: nothing to measure", devDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	var l devLabels
	if err := json.Unmarshal(b, &l); err != nil {
		t.Fatalf("%s: %v", filepath.Join(devDir, "labels.json"), err)
	}
	if len(l.Files) == 0 {
		t.Fatalf("%s: no labelled file", devDir)
	}
	return l
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// tally counts presence decisions against labels.
type tally struct{ tp, fp, fn, tn int }

func (c *tally) add(got, want bool) {
	switch {
	case got && want:
		c.tp++
	case got:
		c.fp++
	case want:
		c.fn++
	default:
		c.tn++
	}
}

func (c tally) prf() (p, r, f float64) {
	p, r = ratio(c.tp, c.tp+c.fp), ratio(c.tp, c.tp+c.fn)
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// TestDevSetAccuracy measures, per element, precision and recall of "the
// element is there" on the real DPAs of the development set, and fails below
// a micro-F1 of 0.95.
func TestDevSetAccuracy(t *testing.T) {
	labels := loadDevSet(t)
	per := map[string]*tally{}
	var all tally
	for _, name := range sortedKeys(labels.Files) {
		f := labels.Files[name]
		doc, err := Extract(context.Background(), filepath.Join(devDir, name), DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		a := contracts.Analyze(doc)
		for _, el := range contracts.Elements {
			want, ok := f.Labels[el.ID]
			if !ok {
				t.Fatalf("%s: no label for %s", name, el.ID)
			}
			r, _ := a.Result(el.ID)
			got := r.Level.Counts()
			if per[el.ID] == nil {
				per[el.ID] = &tally{}
			}
			per[el.ID].add(got, want)
			all.add(got, want)
			if got != want {
				t.Logf("%-36s %-38s got %-8s want %-5v %s | %.110q", name, el.ID, r.Level, want, r.Why.EN, r.Sentence)
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%-36s %5s %5s %5s  tp fp fn\n", "element", "P", "R", "F1")
	for _, el := range contracts.Elements {
		c := per[el.ID]
		p, r, f := c.prf()
		fmt.Fprintf(&b, "%-36s %5.2f %5.2f %5.2f  %2d %2d %2d\n", el.ID, p, r, f, c.tp, c.fp, c.fn)
	}
	p, r, f := all.prf()
	fmt.Fprintf(&b, "%-36s %5.2f %5.2f %5.2f  %2d %2d %2d\n", "micro", p, r, f, all.tp, all.fp, all.fn)
	t.Log("\n" + b.String())
	if f < 0.95 {
		t.Errorf("micro-F1 %.3f on the development set, want ≥ 0.95", f)
	}
}

// norm folds what the labels' quotes normalise: case, emphasis, quotes and
// runs of space.
func norm(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("*", "", "_", "", "`", "", "’", "'", "‘", "'", "“", `"`, "”", `"`, "«", `"`, "»", `"`, "\u00a0", " ", "\u202f", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// cutEvidence removes from doc the fewest consecutive blocks (up to four)
// holding every piece of quote (split on "…"). It reports whether it found
// them.
func cutEvidence(doc contracts.Document, quote string) (contracts.Document, bool) {
	var pieces []string
	for _, p := range strings.Split(norm(quote), "…") {
		if p = strings.TrimSpace(p); p != "" {
			pieces = append(pieces, p)
		}
	}
	if len(pieces) == 0 { // no quote: nothing to cut (not the first block)
		return doc, false
	}
	normed := make([]string, len(doc.Blocks))
	for i, b := range doc.Blocks {
		normed[i] = norm(b.Text)
	}
	holds := func(s string) bool {
		for _, p := range pieces {
			if !strings.Contains(s, p) {
				return false
			}
		}
		return true
	}
	for width := 1; width <= 4; width++ {
		for i := 0; i+width <= len(normed); i++ {
			if !holds(strings.Join(normed[i:i+width], " ")) {
				continue
			}
			out := doc
			out.Blocks = append(append([]contracts.Block{}, doc.Blocks[:i]...), doc.Blocks[i+width:]...)
			return out, true
		}
	}
	return doc, false
}

// TestDevSetCutDown removes, for each element labelled present, the clause
// the labels quote as deciding, and judges the element again: a clause
// reported present once it is gone is the error that misleads most. The
// element can honestly remain when the contract says it twice, so every
// element still present must be one a person reviewed (devset_review.yaml:
// the fingerprint of the sentence shown and why it decides). A presence
// nobody reviewed fails, and so does a review nothing needs any more: the
// honest second clause was lost, or another sentence is now shown.
func TestDevSetCutDown(t *testing.T) {
	labels := loadDevSet(t)
	reviewed := loadReview(t, labels)
	used := map[string]bool{}
	gone, total, unplaced := 0, 0, 0
	for _, name := range sortedKeys(labels.Files) {
		f := labels.Files[name]
		doc, err := Extract(context.Background(), filepath.Join(devDir, name), DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		for _, el := range contracts.Elements {
			if !f.Labels[el.ID] {
				continue
			}
			cut, ok := cutEvidence(doc, f.Evidence[el.ID])
			if !ok {
				unplaced++
				t.Logf("%s %s: deciding clause not found in the extracted text", name, el.ID)
				continue
			}
			total++
			r, _ := contracts.Analyze(cut).Result(el.ID)
			if !r.Level.Counts() {
				gone++
				continue
			}
			rv, ok := reviewed[name][el.ID]
			if !ok || rv.Sentence != fingerprint(r.Sentence) {
				t.Error(reviewLine(name, el.ID, r.Level.String(), r.Sentence))
				continue
			}
			used[name+" "+el.ID] = true
			t.Logf("%-36s %-38s still %-8s reviewed: %s", name, el.ID, r.Level, rv.Reason)
		}
	}
	for _, name := range sortedKeys(reviewed) {
		for _, el := range sortedKeys(reviewed[name]) {
			if !used[name+" "+el] {
				t.Errorf("%s: %s %s is reviewed as decided by sentence %s, which it no longer reads present from: review it again or remove it",
					reviewPath, name, el, reviewed[name][el].Sentence)
			}
		}
	}
	t.Logf("deciding clause cut: %d of %d elements read missing (%.0f%%), %d honestly decided by another clause; %d quotes not placed",
		gone, total, 100*ratio(gone, total), len(used), unplaced)
	if total == 0 || unplaced*10 > total+unplaced {
		t.Errorf("%d deciding clauses placed, %d not: the cut-down measures nothing", total, unplaced)
	}
}

// BenchmarkDevSet times the analysis alone of the development set's real
// DPAs (extracted beforehand), in MB/s of text and per second of CPU time
// (cpu-MB/s, which a busy machine does not lower as it does the wall time):
//
//	GOMAXPROCS=1 go test -run X -bench DevSet ./internal/contractdoc
func BenchmarkDevSet(b *testing.B) {
	if _, err := os.Stat(devDir); err != nil {
		b.Skipf("development set %s is absent", devDir)
	}
	names, err := filepath.Glob(filepath.Join(devDir, "*.md"))
	if err != nil || len(names) == 0 {
		b.Skipf("no document in %s", devDir)
	}
	var docs []contracts.Document
	size := 0
	for _, n := range names {
		d, err := Extract(context.Background(), n, DefaultLimits())
		if err != nil {
			b.Fatal(err)
		}
		for _, bl := range d.Blocks {
			size += len(bl.Text)
		}
		docs = append(docs, d)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	start := cpuTime()
	for b.Loop() {
		for _, d := range docs {
			contracts.Analyze(d)
		}
	}
	if cpu := (cpuTime() - start).Seconds(); cpu > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/cpu/1e6, "cpu-MB/s")
	}
}

// cpuTime is the CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
