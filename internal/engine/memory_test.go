package engine

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/heapwatch"
	"github.com/vigie-security/vigie/internal/report"
)

// heavy is evidence as a collector returns it: large (a page body), and
// nothing of it may outlive the unit's evaluation.
type heavy struct {
	target string
	body   []byte
}

func (h heavy) TargetName() string { return h.target }

// BenchmarkRetainedPerUnit runs 2,000 units of 35 checks whose evidence
// holds a 64 KB body, and reports the heap still in use after Run, per unit:
// what a scan keeps per target (findings only, never the evidence).
func BenchmarkRetainedPerUnit(b *testing.B) {
	const units = 2000
	var cat check.Catalogue
	for i := range 35 {
		cat = append(cat, check.Typed[heavy]{M: meta(fmt.Sprintf("WEB-M-%03d", i)), Fn: func(h heavy) check.Outcome {
			return check.Outcome{Status: check.Pass, Message: check.Text{EN: "ok", FR: "ok"},
				Evidence: map[string]any{"url": h.target, "bytes": len(h.body)}}
		}})
	}
	us := make([]Unit, units)
	for i := range us {
		name := fmt.Sprintf("https://t%05d.example/", i)
		us[i] = Unit{Family: check.FamilyWeb, Target: name, Checks: cat,
			Collect: func(context.Context, Pacer) (any, error) { return heavy{name, make([]byte, 64<<10)}, nil }}
	}
	e, err := New(WithConcurrency(8))
	if err != nil {
		b.Fatal(err)
	}
	var perUnit float64
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		rep, err := e.Run(context.Background(), us, nil)
		if err != nil || len(rep.Findings) != units*35 {
			b.Fatalf("%v, %d findings", err, len(rep.Findings))
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		perUnit = float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / units
		runtime.KeepAlive(rep)
	}
	b.ReportMetric(perUnit, "retained-B/unit")
	if perUnit > 64<<10 {
		b.Errorf("%.0f bytes kept per unit: the evidence outlived the evaluation", perUnit)
	}
}

// BenchmarkSpooledScanMemory runs scans of 1,000 to 100,000 units of 42
// checks, each finding with evidence about the size a web check keeps,
// with findings kept on disk, then writes the JSON and table reports (to
// nowhere), and reports the highest heap seen during it all and what stays
// after:
//
//	go test -run X -bench SpooledScanMemory -benchtime 1x ./internal/engine
//
// Flat memory means the peak at 100,000 is about the peak at 1,000.
func BenchmarkSpooledScanMemory(b *testing.B) {
	var cat check.Catalogue
	for i := range 42 {
		cat = append(cat, check.Typed[heavy]{M: meta(fmt.Sprintf("WEB-M-%03d", i)), Fn: func(h heavy) check.Outcome {
			st := check.Pass
			if i%5 == 0 {
				st = check.Fail
			}
			return check.Outcome{Status: st, Message: check.Text{EN: "the header is missing on " + h.target, FR: "l'en-tête manque sur " + h.target},
				Evidence: map[string]any{"url": h.target, "bytes": len(h.body), "headers": []string{"content-type", "server", "date", "cache-control"},
					"observatory_modifier": -5, "hops": []map[string]any{{"url": h.target, "status": 301}, {"url": h.target + "x", "status": 200}}}}
		}})
	}
	for _, units := range []int{1000, 10_000, 100_000} {
		b.Run(fmt.Sprint(units), func(b *testing.B) {
			us := make([]Unit, units)
			for i := range us {
				name := fmt.Sprintf("https://t%06d.example/", i)
				us[i] = Unit{Family: check.FamilyWeb, Target: name, Checks: cat,
					Collect: func(context.Context, Pacer) (any, error) { return heavy{name, make([]byte, 16<<10)}, nil }}
			}
			var peak, retained uint64
			for b.Loop() {
				sp, err := report.NewSpool(b.TempDir())
				if err != nil {
					b.Fatal(err)
				}
				e, err := New(WithSpool(sp))
				if err != nil {
					b.Fatal(err)
				}
				runtime.GC()
				stop := heapwatch.Start()
				rep, err := e.Run(context.Background(), us, nil)
				if err != nil || rep.Len() != units*42 {
					b.Fatalf("%v, %d findings", err, rep.Len())
				}
				for _, w := range []report.Writer{report.JSON{}, report.Table{}} { // the default output, and the one CI keeps
					if err := w.Write(context.Background(), io.Discard, rep); err != nil {
						b.Fatal(err)
					}
				}
				peak = stop()
				runtime.GC()
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				retained = ms.HeapAlloc
				runtime.KeepAlive(rep)
				sp.Close()
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
			b.ReportMetric(float64(retained)/float64(units), "retained-B/unit")
		})
	}
}
