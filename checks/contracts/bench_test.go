package contracts

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The parts of an analysis, on the labelled corpus (the whole of it is
// measured on 1,000 documents in internal/contractscan):
//
//	GOMAXPROCS=1 go test -run X -bench . ./checks/contracts

func corpusDocs(tb testing.TB) (docs []Document, size int) {
	dir := filepath.Join("..", "..", "testdata", "contracts", "corpus")
	entries, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".txt") && !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			tb.Fatal(err)
		}
		var d Document
		for _, p := range strings.Split(string(data), "\n\n") {
			d.Blocks = append(d.Blocks, Block{Text: p})
		}
		docs, size = append(docs, d), size+len(data)
	}
	return docs, size
}

func corpusSentences(tb testing.TB) (sents []sentence, folded int) {
	docs, _ := corpusDocs(tb)
	for _, d := range docs {
		sents = append(sents, segment(d.Blocks)...)
	}
	for _, s := range sents {
		folded += len(s.folded)
	}
	return sents, folded
}

// benchEach times fn over every item, size bytes in all.
func benchEach[T any](b *testing.B, items []T, size int, fn func(T)) {
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, it := range items {
			fn(it)
		}
	}
}

// BenchmarkAnalyzeCorpus also reports cpu-MB/s, the text analysed per
// second of CPU time: on a shared machine, wall time measures the load.
func BenchmarkAnalyzeCorpus(b *testing.B) {
	docs, size := corpusDocs(b)
	start := cpuTime()
	benchEach(b, docs, size, func(d Document) { Analyze(d) })
	if cpu := (cpuTime() - start).Seconds(); cpu > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/cpu/1e6, "cpu-MB/s")
	}
}

// cpuTime is the CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func BenchmarkSegment(b *testing.B) {
	docs, size := corpusDocs(b)
	benchEach(b, docs, size, func(d Document) { segment(d.Blocks) })
}

func BenchmarkFold(b *testing.B) {
	sents, _ := corpusSentences(b)
	n := 0
	for _, s := range sents {
		n += len(s.raw)
	}
	benchEach(b, sents, n, func(s sentence) { fold(s.raw) })
}
