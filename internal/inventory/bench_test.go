package inventory

import (
	"bytes"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// BenchmarkHugeInventory loads the inventories of issue 17 (a 1.6M-row
// CSV of 14 MB, a 1M-row XLSX) and reports what refusing them costs:
//
//	go test -run X -bench HugeInventory -benchtime 3x ./internal/inventory
//
// peak-RSS-MB is the process's high-water mark (VmHWM) during the loads,
// reset after the file is generated.
func BenchmarkHugeInventory(b *testing.B) {
	for name, gen := range map[string]func(testing.TB) string{"csv-1.6M": hugeCSV, "xlsx-1M": hugeXLSX} {
		b.Run(name, func(b *testing.B) {
			path := gen(b)
			runtime.GC()
			resetPeak(b)
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			for b.Loop() {
				if _, err := Load(path, Options{}); err == nil || !strings.Contains(err.Error(), "more than") {
					b.Fatal(err)
				}
			}
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/(1<<20), "alloc-MB/op")
			b.ReportMetric(float64(after.HeapSys)/(1<<20), "heap-sys-MB")
			if st, err := os.Stat(path); err == nil {
				b.ReportMetric(float64(st.Size())/(1<<20), "file-MB")
			}
			if kb := peakKB(); kb > 0 {
				b.ReportMetric(float64(kb)/1024, "peak-RSS-MB")
			}
		})
	}
}

// hugeXLSX writes a 1M-row workbook with excelize's stream writer, one
// cell a row so that it stays under the 64 MB unzipped limit (a wider one
// is refused by that limit before any row is read).
func hugeXLSX(tb testing.TB) string {
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		tb.Fatal(err)
	}
	_ = sw.SetRow("A1", []any{"processor"})
	for i := 2; i <= 1_000_000; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i)
		if err := sw.SetRow(cell, []any{i}); err != nil {
			tb.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		tb.Fatal(err)
	}
	p := tb.TempDir() + "/huge.xlsx"
	if err := f.SaveAs(p); err != nil {
		tb.Fatal(err)
	}
	f.Close()
	return p
}

// resetPeak zeroes VmHWM (Linux: "5" to clear_refs), so the peak measured
// is the loads', not the generator's.
func resetPeak(tb testing.TB) {
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		tb.Logf("peak RSS not reset: %v", err)
	}
}

func peakKB() int {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range bytes.Lines(status) {
		if rest, ok := bytes.CutPrefix(line, []byte("VmHWM:")); ok {
			kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(string(rest)), " kB"))
			return kb
		}
	}
	return 0
}
