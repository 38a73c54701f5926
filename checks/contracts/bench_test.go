package contracts

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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

func BenchmarkAnalyzeCorpus(b *testing.B) {
	docs, size := corpusDocs(b)
	benchEach(b, docs, size, func(d Document) { Analyze(d) })
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
