package schedule

import (
	"fmt"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

// BenchmarkDetect: 100 000 findings, 1 000 of them new failures.
func BenchmarkDetect(b *testing.B) {
	r := regressed()
	m := r.Checks[0]
	r.Findings, r.Changes.New = nil, nil
	for i := range 100_000 {
		f := check.NewFinding(m, fmt.Sprintf("https://s%d.example.fr", i), check.Outcome{Status: check.Fail})
		r.Findings = append(r.Findings, f)
		if i%100 == 0 {
			r.Changes.New = append(r.Changes.New, report.Change{CheckID: f.CheckID, Target: f.Target, Status: f.Status})
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if g := Detect(r, DefaultPolicy); len(g.New) != 1000 {
			b.Fatal(len(g.New))
		}
	}
}
