package shard

import (
	"context"
	"fmt"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/engine"
	"github.com/vigie-security/vigie/internal/report"
)

// BenchmarkMerge merges 8 shards of 10,000 sites with 4 checks each.
func BenchmarkMerge(b *testing.B) {
	var units []engine.Unit
	for i := range 10000 {
		name := fmt.Sprintf("https://site-%05d.example.fr/", i)
		units = append(units, engine.Unit{Family: check.FamilyWeb, Target: name, Collect: evidenceOf(name, i),
			Checks: check.Catalogue{headers, tls, observatory, optional}})
	}
	var reps []report.Report
	for s := range 8 {
		e, err := engine.New(engine.WithScanID(func() string { return fmt.Sprint("s", s) }))
		if err != nil {
			b.Fatal(err)
		}
		r, err := e.Run(context.Background(), Shard{s, 8}.Filter(units), nil)
		if err != nil {
			b.Fatal(err)
		}
		reps = append(reps, r)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Merge(reps); err != nil {
			b.Fatal(err)
		}
	}
}
