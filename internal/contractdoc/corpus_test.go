package contractdoc

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/vigie-security/vigie/checks/contracts"
)

type labelled struct {
	Language string            `yaml:"language"`
	Elements map[string]string `yaml:"elements"`
}

func loadLabels(t testing.TB) (dir string, labels map[string]labelled) {
	t.Helper()
	dir = filepath.Join("..", "..", "testdata", "contracts", "corpus")
	b, err := os.ReadFile(filepath.Join(dir, "labels.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(b, &labels); err != nil {
		t.Fatal(err)
	}
	return dir, labels
}

// TestCorpusAccuracy runs the labelled corpus through extraction and
// analysis and prints, per element, precision and recall of "the element is
// there" (restated, present or specific) against the labels; it fails below
// 0.9. Level agreement (which of the four) is printed too, and fails below
// levelBar over the corpus.
func TestCorpusAccuracy(t *testing.T) {
	dir, labels := loadLabels(t)
	if len(labels) < 12 {
		t.Fatalf("corpus has %d labelled contracts, want at least 12", len(labels))
	}
	type counts struct {
		tally
		same int
	}
	per := map[string]*counts{}
	same, all := 0, 0
	names := make([]string, 0, len(labels))
	for n := range labels {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		lab := labels[name]
		doc, err := Extract(context.Background(), filepath.Join(dir, name), DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		a := contracts.Analyze(doc)
		if string(a.Language) != lab.Language {
			t.Errorf("%s: language %q, labelled %q", name, a.Language, lab.Language)
		}
		if len(lab.Elements) != len(contracts.Elements) {
			t.Errorf("%s: %d labels, want one per element (%d)", name, len(lab.Elements), len(contracts.Elements))
		}
		for _, el := range contracts.Elements {
			want, err := contracts.ParseLevel(lab.Elements[el.ID])
			if err != nil {
				t.Fatalf("%s: %s: %v", name, el.ID, err)
			}
			got, _ := a.Result(el.ID)
			c := per[el.ID]
			if c == nil {
				c = &counts{}
				per[el.ID] = c
			}
			c.add(got.Level.Counts(), want.Counts())
			all++
			if got.Level == want {
				c.same++
				same++
			} else if testing.Verbose() {
				t.Logf("%-24s %-36s got %-8s want %-8s (%s) %q", name, el.ID, got.Level, want, got.Why.EN, got.Sentence)
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%-36s %9s %6s %6s\n", "element", "precision", "recall", "level")
	for _, el := range contracts.Elements {
		c := per[el.ID]
		p, r, _ := c.prf()
		fmt.Fprintf(&b, "%-36s %9.2f %6.2f %3d/%d\n", el.ID, p, r, c.same, len(names))
		if p < 0.9 || r < 0.9 {
			t.Errorf("%s: precision %.2f recall %.2f (tp %d fp %d fn %d), want both ≥ 0.90", el.ID, p, r, c.tp, c.fp, c.fn)
		}
	}
	t.Log("\n" + b.String())
	t.Logf("level agreement: %d of %d labels", same, all)
	if ratio(same, all) < levelBar {
		t.Errorf("the level agrees on %d of %d labels (%.3f), want ≥ %.2f", same, all, ratio(same, all), levelBar)
	}
}

// levelBar is the share of labels whose exact level the analyser must give.
const levelBar = 0.97

// ratio is 1 when there is nothing to get wrong (no positives to find).
func ratio(n, d int) float64 {
	if d == 0 {
		return 1
	}
	return float64(n) / float64(d)
}
