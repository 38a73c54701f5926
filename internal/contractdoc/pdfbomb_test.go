package contractdoc

import (
	"bytes"
	"compress/zlib"
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

// writeBombPDF writes a one-page PDF whose content stream is n bytes of
// unit repeated, deflated: a few KB on disk per GB once inflated. The page
// also shows a clause, so a reader that stops early cannot pass for one
// that read the page.
func writeBombPDF(w *bytes.Buffer, unit string, n int64) error {
	var z bytes.Buffer
	zw, err := zlib.NewWriterLevel(&z, zlib.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write([]byte("BT /F1 10 Tf 50 780 Td (The Processor notifies breaches within 24 hours.) Tj ET\n")); err != nil {
		return err
	}
	chunk := []byte(strings.Repeat(unit, (1<<20)/len(unit)))
	for left := n; left > 0; left -= int64(len(chunk)) {
		c := chunk
		if left < int64(len(c)) {
			c = c[:left]
		}
		if _, err := zw.Write(c); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	var offsets []int
	obj := func(body string) {
		offsets = append(offsets, w.Len())
		fmt.Fprintf(w, "%d 0 obj\n%s\nendobj\n", len(offsets), body)
	}
	w.WriteString("%PDF-1.4\n")
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	obj("<< /Type /Pages /Kids [4 0 R] /Count 1 >>")
	obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>")
	obj(fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", z.Len(), z.Bytes()))
	xref := w.Len()
	fmt.Fprintf(w, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(w, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(w, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return nil
}

func bombFile(tb testing.TB, unit string, n int64) string {
	tb.Helper()
	var b bytes.Buffer
	if err := writeBombPDF(&b, unit, n); err != nil {
		tb.Fatal(err)
	}
	p := filepath.Join(tb.TempDir(), "bomb.pdf")
	if err := os.WriteFile(p, b.Bytes(), 0o600); err != nil {
		tb.Fatal(err)
	}
	return p
}

// A content stream that inflates past the limit is refused with an error
// naming the file, and reading it allocates about nothing.
func TestPDFBombRefused(t *testing.T) {
	for _, unit := range []string{"\x00", "q "} {
		p := bombFile(t, unit, 64<<20)
		var err error
		alloc := leastAlloc(func() { _, err = Extract(context.Background(), p, DefaultLimits()) })
		if err == nil || !strings.HasPrefix(err.Error(), p+": PDF bomb refused: the stream at byte ") || !strings.Contains(err.Error(), "inflates past the 16777216-byte limit for one stream") {
			t.Errorf("unit %q: error %v, want the path and the bomb refused", unit, err)
		}
		if alloc > 16<<20 {
			t.Errorf("unit %q: %d bytes allocated to refuse the bomb", unit, alloc)
		}
		if fr := check.InLang(err, check.FR); !strings.HasPrefix(fr, p+" : PDF piégé refusé : le flux à l'octet ") {
			t.Errorf("unit %q: French text %q", unit, fr)
		}
	}
}

// An object stream is inflated by the library as soon as it resolves an
// object in it, before any page is read: one whose object is a 64 MB
// string is refused by the raw pass, before the library sees the file.
func TestPDFObjectStreamBomb(t *testing.T) {
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write([]byte("1 0 ("))
	chunk := bytes.Repeat([]byte("a"), 1<<20)
	for range 64 {
		zw.Write(chunk)
	}
	zw.Write([]byte(")"))
	zw.Close()
	var w bytes.Buffer
	w.WriteString("%PDF-1.5\n")
	objstm := w.Len()
	fmt.Fprintf(&w, "5 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream\nendobj\n", z.Len(), z.Bytes())
	xref := w.Len()
	row := func(typ byte, a uint32, b uint16) []byte {
		return []byte{typ, byte(a >> 24), byte(a >> 16), byte(a >> 8), byte(a), byte(b >> 8), byte(b)}
	}
	var rows []byte
	rows = append(rows, row(0, 0, 65535)...)
	rows = append(rows, row(2, 5, 0)...) // object 1, the catalog, is the first of object stream 5
	for range 3 {
		rows = append(rows, row(0, 0, 0)...)
	}
	rows = append(rows, row(1, uint32(objstm), 0)...)
	rows = append(rows, row(1, uint32(xref), 0)...)
	fmt.Fprintf(&w, "6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n%s\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", len(rows), rows, xref)
	p := filepath.Join(t.TempDir(), "objstm.pdf")
	if err := os.WriteFile(p, w.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	var err error
	alloc := leastAlloc(func() { _, err = Extract(context.Background(), p, DefaultLimits()) })
	if err == nil || !strings.HasPrefix(err.Error(), p+": PDF bomb refused: the stream at byte ") {
		t.Errorf("object stream bomb: %v", err)
	}
	if alloc > 16<<20 {
		t.Errorf("%d bytes allocated to refuse the object stream bomb", alloc)
	}
}

// The document's budget bounds streams too: a stream under the per-stream
// limit is refused when it passes what the document may still inflate.
func TestPDFDocumentBudget(t *testing.T) {
	p := bombFile(t, "\x00", 3<<19)
	lim := DefaultLimits()
	lim.MaxInflated = 1 << 20
	if _, err := Extract(context.Background(), p, lim); err == nil || !strings.Contains(err.Error(), "the document's streams inflate past the 1048576-byte limit") {
		t.Errorf("document budget: %v", err)
	}
	lim = DefaultLimits()
	doc, err := Extract(context.Background(), p, lim)
	if err != nil || len(doc.Blocks) == 0 || !strings.Contains(doc.Blocks[0].Text, "24 hours") {
		t.Errorf("a 1.5 MB page under the limits: %+v, %v", doc.Blocks, err)
	}
}

// A page of bare numbers under the size limit is refused too: the library
// would stack every one of them.
func TestPDFOperandRun(t *testing.T) {
	p := bombFile(t, "0 ", 1<<20)
	if _, err := Extract(context.Background(), p, DefaultLimits()); err == nil || !strings.Contains(err.Error(), "page 1 content stacks more than 65536 operands") {
		t.Errorf("operand run: %v", err)
	}
	p = bombFile(t, strings.Repeat("0 ", maxOperands-10)+"n\n", 1<<20)
	if doc, err := Extract(context.Background(), p, DefaultLimits()); err != nil || !strings.Contains(doc.Blocks[0].Text, "24 hours") {
		t.Errorf("runs under the limit: %v", err)
	}
}

// BenchmarkPDFBomb reads the bomb: a content stream inflating to
// 2 GB (a 2 MB file). It reports the bytes allocated and the process's peak
// RSS, which stay in the tens of MB.
func BenchmarkPDFBomb(b *testing.B) {
	p := bombFile(b, "\x00", 2<<30)
	st, _ := os.Stat(p)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := Extract(context.Background(), p, DefaultLimits()); err == nil || !strings.Contains(err.Error(), "PDF bomb refused") {
			b.Fatalf("bomb read: %v", err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(st.Size())/(1<<20), "file-MB")
	if kb := peakRSSKB(); kb > 0 {
		b.ReportMetric(float64(kb)/1024, "peak-RSS-MB")
	}
}

// peakRSSKB is the process's high-water RSS (VmHWM), 0 where /proc is not.
func peakRSSKB() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb int64
			fmt.Sscanf(strings.TrimSpace(rest), "%d", &kb)
			return kb
		}
	}
	return 0
}

// BenchmarkPDFUnderLimit reads the worst page the limits accept: a content
// stream just under MaxStream of bare numbers, as many as the operand guard
// lets the library stack before each operator. Its peak RSS is what one
// PDF page can cost.
func BenchmarkPDFUnderLimit(b *testing.B) {
	p := bombFile(b, strings.Repeat("0 ", maxOperands-10)+"n\n", DefaultLimits().MaxStream-4096)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := Extract(context.Background(), p, DefaultLimits()); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if kb := peakRSSKB(); kb > 0 {
		b.ReportMetric(float64(kb)/1024, "peak-RSS-MB")
	}
}

// leastAlloc is the least of three readings of what f allocates: TotalAlloc
// counts the whole process, and another goroutine may allocate meanwhile.
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
