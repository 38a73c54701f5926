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
	"time"

	"github.com/vigie-security/vigie/checks/contracts"
	"github.com/vigie-security/vigie/internal/contractdoc"
)

// corpusTexts are the paragraphs of the corpus's text and Markdown
// contracts, one slice a contract.
func corpusTexts(b *testing.B) [][]string {
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
	return texts
}

// writeDoc writes paras as document i of dir, in the i-th of six formats
// in turn (txt, md, docx, odt, pdf, html); it returns the path and size.
func writeDoc(b *testing.B, dir, name string, i int, paras []string) (string, int64) {
	var buf bytes.Buffer
	ext := []string{".txt", ".md", ".docx", ".odt", ".pdf", ".html"}[i%6]
	if err := contractdoc.WriteAs(ext, &buf, paras); err != nil {
		b.Fatal(err)
	}
	p := filepath.Join(dir, name+ext)
	if err := os.WriteFile(p, buf.Bytes(), 0o600); err != nil {
		b.Fatal(err)
	}
	return p, int64(buf.Len())
}

// thousand writes 1,000 contract documents: the corpus, in every format
// (txt, md, html, docx, odt, pdf), repeated.
func thousand(b *testing.B) []string {
	dir := b.TempDir()
	texts := corpusTexts(b)
	var paths []string
	for i := 0; len(paths) < 1000; i++ {
		p, _ := writeDoc(b, dir, fmt.Sprintf("c%04d", i), i, texts[i%len(texts)])
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
	b.ResetTimer() // it deletes the metrics reported before it
	for b.Loop() {
		for _, d := range docs {
			contracts.Analyze(d)
		}
	}
	b.ReportMetric(float64(len(docs)), "docs/op")
}

// realSize writes n documents of 30 to 60 KB each, as real DPAs run: corpus
// contracts joined until the size is reached, in every format in turn.
func realSize(b *testing.B, n int) (paths []string, size int64) {
	dir := b.TempDir()
	var paras []string
	for _, t := range corpusTexts(b) {
		paras = append(paras, t...)
	}
	next := 0
	for i := 0; i < n; i++ {
		want := 30<<10 + (i*7919)%(30<<10) // 30 to 60 KB, spread
		var doc []string
		for got := 0; got < want; next++ {
			p := paras[next%len(paras)]
			doc, got = append(doc, p), got+len(p)+2
		}
		p, sz := writeDoc(b, dir, fmt.Sprintf("dpa%03d", i), i, doc)
		paths, size = append(paths, p), size+sz
	}
	return paths, size
}

// Benchmark500 reads, extracts and analyses 500 real-size DPAs (30 to 60 KB,
// six formats) on every core, as a consultant's folder is checked: the goal
// is 10 s on a 2-core machine. cpu-s is the CPU time it took, which a busy
// machine does not inflate as it does the wall time.
//
//	go test -run X -bench 500 -benchtime 1x ./internal/contractscan
func Benchmark500(b *testing.B) {
	paths, _ := realSize(b, 500)
	lim := contractdoc.DefaultLimits()
	b.ResetTimer()
	start := cpuTime()
	var chars int64
	for b.Loop() {
		chars = 0
		work := make(chan string)
		counts := make(chan int64)
		for w := 0; w < runtime.GOMAXPROCS(0); w++ {
			go func() {
				var n int64
				for p := range work {
					ev := Analyse(context.Background(), p, lim)
					if ev.Analysis == nil {
						b.Errorf("%s: %v", p, ev.Problem)
						continue
					}
					n += int64(ev.Analysis.Chars)
				}
				counts <- n
			}()
		}
		for _, p := range paths {
			work <- p
		}
		close(work)
		for w := 0; w < runtime.GOMAXPROCS(0); w++ {
			chars += <-counts
		}
	}
	b.SetBytes(chars)
	b.ReportMetric((cpuTime()-start).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(len(paths)), "docs/op")
}

// cpuTime is the CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
