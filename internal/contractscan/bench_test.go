package contractscan

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/vigie-security/vigie/checks/contracts"
	"github.com/vigie-security/vigie/internal/contractdoc"
)

// thousand writes 1,000 contract documents: the corpus, in every format
// (txt, md, html, docx, odt, pdf), repeated.
func thousand(b *testing.B) []string {
	dir := b.TempDir()
	src := filepath.Join("..", "..", "testdata", "contracts", "corpus")
	entries, err := os.ReadDir(src)
	if err != nil {
		b.Fatal(err)
	}
	var texts [][]string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".txt") || strings.HasSuffix(e.Name(), ".md") {
			data, err := os.ReadFile(filepath.Join(src, e.Name()))
			if err != nil {
				b.Fatal(err)
			}
			texts = append(texts, strings.Split(string(data), "\n\n"))
		}
	}
	var paths []string
	for i := 0; len(paths) < 1000; i++ {
		paras := texts[i%len(texts)]
		var buf bytes.Buffer
		ext := []string{".txt", ".md", ".docx", ".odt", ".pdf", ".html"}[i%6]
		if err := contractdoc.WriteAs(ext, &buf, paras); err != nil {
			b.Fatal(err)
		}
		p := filepath.Join(dir, fmt.Sprintf("c%04d%s", i, ext))
		if err := os.WriteFile(p, buf.Bytes(), 0o600); err != nil {
			b.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// BenchmarkAnalyse1000 reads and analyses 1,000 documents one after the
// other on one core: extraction included. MB/s is of extracted text;
// peak-RSS-MiB is the process's peak.
//
//	GOMAXPROCS=1 go test -run X -bench 1000 -benchtime 3x ./internal/contractscan
func BenchmarkAnalyse1000(b *testing.B) {
	paths := thousand(b)
	lim := contractdoc.DefaultLimits()
	b.ResetTimer()
	var chars int64
	for b.Loop() {
		chars = 0
		for _, p := range paths {
			ev := Analyse(context.Background(), p, lim)
			if ev.Analysis == nil {
				b.Fatalf("%s: %v", p, ev.Problem)
			}
			chars += int64(ev.Analysis.Chars)
		}
	}
	b.SetBytes(chars)
	b.ReportMetric(float64(len(paths)), "docs/op")
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		b.ReportMetric(float64(ru.Maxrss)/1024, "peak-RSS-MiB")
	}
	_ = runtime.GOMAXPROCS(0)
}

// BenchmarkAnalyze1000 is the analysis alone of the same 1,000 documents,
// extracted beforehand: the element matching vigie does itself.
func BenchmarkAnalyze1000(b *testing.B) {
	paths := thousand(b)
	var docs []contracts.Document
	var chars int64
	for _, p := range paths {
		d, err := contractdoc.Extract(context.Background(), p, contractdoc.DefaultLimits())
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
		for _, bl := range d.Blocks {
			chars += int64(len(bl.Text))
		}
	}
	b.SetBytes(chars)
	b.ReportMetric(float64(len(docs)), "docs/op")
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			contracts.Analyze(d)
		}
	}
}
