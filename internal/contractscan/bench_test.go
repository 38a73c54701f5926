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

// BenchmarkAnalyse1000 analyses 1,000 contract documents one after the other
// on one core: the corpus, in every format (txt, md, html, docx, odt, pdf),
// repeated. MB/s is of extracted text; peak-RSS-MiB is the process's peak.
//
//	GOMAXPROCS=1 go test -run X -bench Analyse1000 -benchtime 1x ./internal/contractscan
func BenchmarkAnalyse1000(b *testing.B) {
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
		switch ext {
		case ".docx":
			err = contractdoc.WriteDOCX(&buf, paras)
		case ".odt":
			err = contractdoc.WriteODT(&buf, paras)
		case ".pdf":
			err = contractdoc.WritePDF(&buf, paras)
		case ".html":
			buf.WriteString("<html><body><p>" + strings.Join(paras, "</p><p>") + "</p></body></html>")
		default:
			buf.WriteString(strings.Join(paras, "\n\n"))
		}
		if err != nil {
			b.Fatal(err)
		}
		p := filepath.Join(dir, fmt.Sprintf("c%04d%s", i, ext))
		if err := os.WriteFile(p, buf.Bytes(), 0o600); err != nil {
			b.Fatal(err)
		}
		paths = append(paths, p)
	}
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

// BenchmarkAnalyzeText is the analysis alone, on text already extracted.
func BenchmarkAnalyzeText(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "contracts", "corpus", "en-complete-saas.md"))
	if err != nil {
		b.Fatal(err)
	}
	var doc contracts.Document
	for _, p := range strings.Split(string(data), "\n\n") {
		doc.Blocks = append(doc.Blocks, contracts.Block{Text: p})
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		contracts.Analyze(doc)
	}
}
