package engine

import (
	"context"
	"fmt"
	"runtime"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
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
