package demo

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/score"
)

// TestREADMEWorkedExample keeps the README's scoring example true: it
// recomputes the expired-certificate site and looks for the same figures.
func TestREADMEWorkedExample(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rep := runDemo(t, time.Now())
	var total, kept float64
	for _, f := range rep.Findings {
		m, _ := rep.Meta(f.CheckID)
		c, counted := score.Credit[f.Status]
		if f.Target != SiteExpired || !counted || m.ObservatoryPoints {
			continue
		}
		total += score.Weight[f.Severity]
		kept += score.Weight[f.Severity] * c
	}
	var res score.Target
	for _, s := range rep.Scores.Targets {
		if s.Target == SiteExpired {
			res = s
		}
	}
	want := []string{
		fmt.Sprintf("keeps %.0f of %.0f points", kept, total),
		fmt.Sprintf("lowered to %d and the grade is **%s**", res.Score, res.Grade),
		fmt.Sprintf("Observatory-equivalent score is %d (%s)", res.Observatory.Score, res.Observatory.Grade),
	}
	for _, d := range res.Deductions {
		want = append(want, fmt.Sprintf("`%+.1f` against %s", -d.Points, d.CheckID))
	}
	text := strings.Join(strings.Fields(string(readme)), " ")
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("README worked example does not say %q: update it", w)
		}
	}
	if res.Grade != check.Grade("E") {
		t.Errorf("the example site is graded %s", res.Grade)
	}
}

// TestREADMEDemoSites keeps the README's table of the demo sites true: the
// grade each row gives (its first word) is the grade the demo scores.
func TestREADMEDemoSites(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| `(demo/[a-z-]+)` \\|[^|]*\\| ([A-F]\\+?)[ |]")
	rows := row.FindAllStringSubmatch(string(readme), -1)
	if len(rows) < 9 {
		t.Fatalf("%d demo sites in the README's table, want the 9 web sites", len(rows))
	}
	_, rep := runDemo(t, time.Now())
	grades := map[string]string{}
	for _, s := range rep.Scores.Targets {
		grades[s.Target] = string(s.Grade)
	}
	for _, r := range rows {
		if got, ok := grades[r[1]]; !ok || got != r[2] {
			t.Errorf("README: %s is graded %s; the demo scores it %q", r[1], r[2], got)
		}
	}
}
