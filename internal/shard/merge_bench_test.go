package shard

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/engine"
	"github.com/vigie-security/vigie/internal/heapwatch"
	"github.com/vigie-security/vigie/internal/report"
)

// benchShards are the reports of 8 shards of 10,000 sites with 4 checks each.
func benchShards(b *testing.B) []report.Report {
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
	return reps
}

// BenchmarkMerge merges 8 shards of 10,000 sites with 4 checks each.
func BenchmarkMerge(b *testing.B) {
	reps := benchShards(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Merge(reps); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMergeFilesPeakHeap merges 8 shard files of 10,000 sites in all,
// in memory and with the findings kept on disk (as vigie merge does), and
// reports the highest heap seen while merging and writing the JSON report:
//
//	go test -run X -bench MergeFilesPeakHeap -benchtime 1x ./internal/shard
func BenchmarkMergeFilesPeakHeap(b *testing.B) {
	dir := b.TempDir()
	for s, r := range benchShards(b) {
		if err := report.WriteFile(context.Background(), filepath.Join(dir, fmt.Sprintf("shard-%d.json", s)), report.JSON{}, r); err != nil {
			b.Fatal(err)
		}
	}
	args := []string{filepath.Join(dir, "shard-*.json")}
	for _, spooled := range []bool{false, true} {
		b.Run(map[bool]string{false: "memory", true: "disk"}[spooled], func(b *testing.B) {
			var peak uint64
			for b.Loop() {
				runtime.GC()
				stop := heapwatch.Start()
				var r report.Report
				var err error
				if spooled {
					sp, serr := report.NewSpool(b.TempDir())
					if serr != nil {
						b.Fatal(serr)
					}
					r, err = MergeFilesTo(args, sp, nil)
				} else {
					r, err = MergeFiles(args)
				}
				if err == nil {
					err = (report.JSON{}).Write(context.Background(), io.Discard, r)
				}
				peak = stop()
				if err != nil || r.Len() != 40000 {
					b.Fatalf("%v, %d findings", err, r.Len())
				}
				r.Close()
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
		})
	}
}
