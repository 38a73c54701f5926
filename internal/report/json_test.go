package report

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/score"
)

// plainJSON is how the report was written before it was streamed.
func plainJSON(t testing.TB, r Report) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestStreamedJSONIsOneEncode: the streamed writer writes the bytes one
// Encode of the whole report wrote, whatever the findings hold.
func TestStreamedJSONIsOneEncode(t *testing.T) {
	hostile := "x\",\n  \"findings\": null,\n    \"targets\": null, <b>&</b> \u2028"
	many := make([]check.Finding, 3)
	for i := range many {
		many[i] = check.Finding{CheckID: fmt.Sprintf("X-%d", i), Target: hostile, Message: check.Text{EN: hostile, FR: "é"},
			Evidence: map[string]any{"findings": nil, "list": []string{hostile}, "n": i}}
	}
	for name, r := range map[string]Report{
		"nil findings":   {ScanID: "a", Targets: []Target{{Name: hostile}}},
		"empty findings": {ScanID: "b", Findings: []check.Finding{}},
		"findings":       {ScanID: "c", Targets: []Target{{Name: hostile}}, Findings: many, Changes: &Changes{Since: hostile}},
		"empty targets":  {ScanID: "d", Targets: []Target{}, Scores: score.Summary{Targets: []score.Target{}}},
		"scores": {ScanID: "e", Targets: []Target{{Name: hostile}, {Name: "b"}}, Findings: many,
			Scores: score.Summary{Targets: []score.Target{{Target: hostile, Result: score.Result{Scored: true, Score: 40,
				Deductions: []score.Deduction{{CheckID: "X-1", Points: 2.5}}}}, {Target: "b"}},
				Families: []score.Family{{Family: "web", Targets: 2}}, Overall: score.Result{Cap: &score.Cap{Target: hostile}}}},
	} {
		var got bytes.Buffer
		if err := (JSON{}).Write(context.Background(), &got, r); err != nil {
			t.Fatal(err)
		}
		if want := plainJSON(t, r); !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%s: streamed JSON differs:\n%s\nwant:\n%s", name, got.Bytes(), want)
		}
	}
}

func bigReport(n int) Report {
	r := Report{ScanID: "big", Findings: make([]check.Finding, n)}
	for i := range r.Findings {
		r.Findings[i] = check.Finding{CheckID: "WEB-HDR-001", Target: fmt.Sprintf("https://site-%d.example.com/", i),
			Message:  check.Text{EN: "Strict-Transport-Security is missing", FR: "Strict-Transport-Security est absent"},
			Evidence: map[string]any{"url": fmt.Sprintf("https://site-%d.example.com/", i), "headers": []string{"server", "date", "content-type"}}}
	}
	return r
}

// BenchmarkJSONPeakHeap: the heap the render adds over the report itself,
// for 100,000 findings (about 3,000 web targets), streamed and in one Encode.
func BenchmarkJSONPeakHeap(b *testing.B) {
	r := bigReport(100_000)
	for _, tc := range []struct {
		name  string
		write func(*countingWriter)
	}{
		{"streamed", func(w *countingWriter) { JSON{}.Write(context.Background(), w, r) }},
		{"one-encode", func(w *countingWriter) { w.Write(plainJSON(b, r)) }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				runtime.GC()
				var before runtime.MemStats
				runtime.ReadMemStats(&before)
				w := &countingWriter{}
				tc.write(w)
				b.ReportMetric(float64(w.peak-before.HeapAlloc)/(1<<20), "peak-heap-MiB")
				b.ReportMetric(float64(w.n)/(1<<20), "report-MiB")
			}
		})
	}
}

// countingWriter discards the report and samples the heap as it is written.
type countingWriter struct {
	n, writes int
	peak      uint64
}

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += len(p)
	w.writes++
	if w.writes%64 == 1 || len(p) > 1<<20 {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		w.peak = max(w.peak, m.HeapAlloc)
	}
	return len(p), nil
}
