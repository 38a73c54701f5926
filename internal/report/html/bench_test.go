package htmlreport

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/vigie-security/vigie/checks/web"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/engine"
	"github.com/vigie-security/vigie/internal/report"
)

// big is n web sites, a third of them correct, the others with the sample's
// flaws in turn: about 35 findings a site.
func big(t testing.TB, n int) report.Report {
	t.Helper()
	base := webUnits()
	units := make([]engine.Unit, 0, n)
	for i := range n {
		u := base[i%3]
		name := fmt.Sprintf("https://site-%04d.example.fr", i)
		collect := u.Collect
		u.Target = name
		u.Collect = func(ctx context.Context, p engine.Pacer) (any, error) {
			ev, err := collect(ctx, p)
			e := ev.(web.Evidence)
			e.Target = name
			return e, err
		}
		units = append(units, u)
	}
	return run(t, units)
}

// BenchmarkWrite10k renders a report of 10,000+ findings (286 sites):
// the page size is reported as bytes/page.
func BenchmarkWrite10k(b *testing.B) {
	r := big(b, 286)
	if len(r.Findings) < 10000 {
		b.Fatalf("%d findings", len(r.Findings))
	}
	var buf bytes.Buffer
	if err := (Writer{Lang: check.FR, Now: time.Now}).Write(context.Background(), &buf, r); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		if err := (Writer{Lang: check.FR, Now: time.Now}).Write(context.Background(), io.Discard, r); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/page")
	b.ReportMetric(float64(len(r.Findings)), "findings")
}
