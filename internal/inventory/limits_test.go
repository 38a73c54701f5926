package inventory

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// csvRows is a header and n processor rows.
func csvRows(n int) string {
	var b strings.Builder
	b.WriteString("processor;contract\n")
	for i := range n {
		fmt.Fprintf(&b, "P%d;p%d.pdf\n", i, i)
	}
	return b.String()
}

// TestRowLimit: past MaxRows, every format is refused with the file and
// the limit named (issue 17, item 3).
func TestRowLimit(t *testing.T) {
	if rows, err := Load(write(t, "ok.csv", []byte(csvRows(MaxRows))), Options{}); err != nil || len(rows) != MaxRows {
		t.Fatalf("%d rows (the limit): %d loaded, %v", MaxRows, len(rows), err)
	}
	xl := [][]any{{"processor", "contract"}}
	var y strings.Builder
	y.WriteString("processors:\n")
	for i := range MaxRows + 1 {
		xl = append(xl, []any{"P" + strconv.Itoa(i), "p.pdf"})
		fmt.Fprintf(&y, "  - name: P%d\n", i)
	}
	for name, path := range map[string]string{
		"csv":  write(t, "big.csv", []byte(csvRows(MaxRows+1))),
		"xlsx": xlsxFile(t, xl),
		"yaml": write(t, "big.yaml", []byte(y.String())),
	} {
		_, err := Load(path, Options{})
		if err == nil || !strings.Contains(err.Error(), "more than 10000 processor rows") || !strings.Contains(err.Error(), filepath.Base(path)) {
			t.Errorf("%s: %d rows: %v", name, MaxRows+1, err)
		}
	}
}

// TestCellLimit: a cell vigie reads is at most MaxCell bytes; a column it
// does not read may be longer (a comments column).
func TestCellLimit(t *testing.T) {
	big := strings.Repeat("é", MaxCell/2+1)
	if _, err := Load(write(t, "notes.csv", []byte("processor;notes\nAcme;"+big+"\n")), Options{}); err != nil {
		t.Errorf("a long unmapped cell: %v", err)
	}
	for name, path := range map[string]string{
		"csv":  write(t, "i.csv", []byte("processor;service\nAcme;"+big+"\n")),
		"yaml": write(t, "i.yaml", []byte("processors:\n  - name: Acme\n    service: "+big+"\n")),
		"xlsx": xlsxFile(t, [][]any{{"processor", "service"}, {"Acme", big}}),
	} {
		_, err := Load(path, Options{})
		if err == nil || !strings.Contains(err.Error(), "over the 4096-byte limit for one cell") || !strings.Contains(err.Error(), "line 2") ||
			!strings.Contains(err.Error(), "service") || strings.Contains(err.Error(), "éé") {
			t.Errorf("%s: a %d-byte cell: %v", name, len(big), err)
		}
	}
}

// TestNameLimit: the processor name, repeated as every finding's target,
// is at most MaxName bytes.
func TestNameLimit(t *testing.T) {
	long := strings.Repeat("n", MaxName+1)
	for name, path := range map[string]string{
		"csv":  write(t, "n.csv", []byte("processor;contract\n"+long+";a.pdf\n")),
		"yaml": write(t, "n.yaml", []byte("processors:\n  - name: "+long+"\n")),
	} {
		if _, err := Load(path, Options{}); err == nil || !strings.Contains(err.Error(), "over the 256-byte limit for a processor name") || strings.Contains(err.Error(), long) {
			t.Errorf("%s: a %d-byte name: %v", name, len(long), err)
		}
	}
	if _, err := Load(write(t, "ok.csv", []byte("processor\n"+long[1:]+"\n")), Options{}); err != nil {
		t.Errorf("a %d-byte name: %v", MaxName, err)
	}
}

// TestRecordLimit: an unclosed quote does not make the reader take the
// rest of the file as one cell.
func TestRecordLimit(t *testing.T) {
	path := write(t, "q.csv", []byte("processor;contract\nAcme;\""+strings.Repeat("a.pdf\n", MaxRecord/4)))
	if _, err := Load(path, Options{}); err == nil || !strings.Contains(err.Error(), "a record over 256 KB") {
		t.Errorf("unclosed quote: %v", err)
	}
}

// hugeCSV writes the 1.6M-row, 14 MB inventory of the issue.
func hugeCSV(tb testing.TB) string {
	p := filepath.Join(tb.TempDir(), "huge.csv")
	f, err := os.Create(p)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString("processor;contract\n")
	for i := range 1_600_000 {
		w.WriteString(strconv.Itoa(i))
		w.WriteString(";x\n")
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	f.Close()
	return p
}

// TestHugeCSVIsRefusedCheaply: a 1.6M-row CSV under MaxFile is refused at
// row MaxRows+1, having allocated little (the issue saw 10 GB).
func TestHugeCSVIsRefusedCheaply(t *testing.T) {
	path := hugeCSV(t)
	var err error
	least := leastAlloc(func() { _, err = Load(path, Options{}) })
	if err == nil || !strings.Contains(err.Error(), "more than 10000 processor rows") {
		t.Errorf("1.6M rows: %v", err)
	}
	if least > 48<<20 && !raceEnabled {
		t.Errorf("refusing 1.6M rows allocated %d MB", least>>20)
	}
}

// TestYAMLLimits: a YAML inventory is parsed whole, so it is bounded in
// bytes and in nodes before parsing; a flow list of a million items was
// half a gigabyte of parse tree.
func TestYAMLLimits(t *testing.T) {
	flow := write(t, "flow.yaml", []byte("processors: ["+strings.Repeat("a,", MaxYAML/2-20)+"]\n"))
	var err error
	got := leastAlloc(func() { _, err = Load(flow, Options{}) })
	if err == nil || !strings.Contains(err.Error(), "more than 100000 YAML items") || !strings.Contains(err.Error(), "flow.yaml") {
		t.Errorf("a flow list of %d items: %v", MaxYAML/2, err)
	}
	if got > 16<<20 {
		t.Errorf("refusing it allocated %d MB", got>>20)
	}
	big := write(t, "big.yaml", []byte("processors:\n"+strings.Repeat("# comment\n", MaxYAML/10+1)))
	if _, err := Load(big, Options{}); err == nil || !strings.Contains(err.Error(), "over the 1048576-byte limit for a YAML inventory") {
		t.Errorf("a YAML file over MaxYAML: %v", err)
	}
}

// TestKeptLimit: the cells read, over all rows, are bounded: each is
// repeated in several findings.
func TestKeptLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString("processor;service\n")
	cell := strings.Repeat("s", MaxCell-100)
	for i := 0; b.Len() < MaxKept+MaxCell; i++ {
		fmt.Fprintf(&b, "P%d;%s\n", i, cell)
	}
	_, err := Load(write(t, "wide.csv", []byte(b.String())), Options{})
	if err == nil || !strings.Contains(err.Error(), "the cells vigie reads total more than 4 MiB by line") {
		t.Errorf("%d bytes of cells: %v", b.Len(), err)
	}
}

// leastAlloc is the least of three readings of what f allocates: TotalAlloc
// counts the whole process, and another goroutine (a previous test's) may
// allocate meanwhile.
func leastAlloc(f func()) uint64 {
	least := uint64(math.MaxUint64)
	for range 3 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		f()
		runtime.ReadMemStats(&after)
		least = min(least, after.TotalAlloc-before.TotalAlloc)
	}
	return least
}
