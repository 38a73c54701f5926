package report

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/score"
)

// mixedReport is n findings over n/35 web targets, every status present.
func mixedReport(n int) Report {
	r := bigReport(n)
	m := check.Meta{ID: "WEB-HDR-001", Family: check.FamilyWeb, Severity: check.Medium,
		Title: check.Text{EN: "HSTS", FR: "HSTS"}, Remediation: check.Text{EN: "Send it", FR: "Envoyez-le"}}
	r.Checks = []check.Meta{m}
	for i := range r.Findings {
		f := &r.Findings[i]
		f.Family, f.Severity, f.Status = check.FamilyWeb, check.Severities[i%5], check.Statuses[i%6]
		f.Target = fmt.Sprintf("https://site-%d.example.com/", i/35)
		f.Fingerprint = check.Fingerprint(f.CheckID, f.Target)
	}
	r.Scores = score.Compute(r.Findings, r.Meta)
	return r
}

// BenchmarkWritersPeakHeap: the live heap each writer adds over the report
// while writing 100,000 findings (measured after a collection every 64
// writes, so garbage does not count), against the size of what it writes.
func BenchmarkWritersPeakHeap(b *testing.B) {
	r := mixedReport(100_000)
	for _, format := range Formats {
		w, err := For(format, Options{Lang: check.FR})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				runtime.GC()
				var before runtime.MemStats
				runtime.ReadMemStats(&before)
				out := &liveWriter{}
				if err := w.Write(context.Background(), out, r); err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(out.peak-min(out.peak, before.HeapAlloc))/(1<<20), "live-heap-MiB")
				b.ReportMetric(float64(out.n)/(1<<20), "report-MiB")
			}
		})
	}
}

// liveWriter discards what it is given and samples the live heap.
type liveWriter struct {
	n, writes int
	peak      uint64
}

func (w *liveWriter) Write(p []byte) (int, error) {
	w.n += len(p)
	if w.writes++; w.writes%64 == 1 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		w.peak = max(w.peak, m.HeapAlloc)
	}
	return len(p), nil
}

// BenchmarkWritersTime: how long each writer takes over 100,000 findings.
func BenchmarkWritersTime(b *testing.B) {
	r := mixedReport(100_000)
	for _, format := range Formats {
		w, _ := For(format, Options{Lang: check.EN})
		b.Run(format, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := w.Write(context.Background(), io.Discard, r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
