package heapwatch

import (
	"runtime"
	"testing"
	"time"
)

// The peak of a stretch that held 64 MiB for a while is at least that,
// though the heap is back down when it stops.
func TestStartSeesThePeak(t *testing.T) {
	runtime.GC()
	stop := Start()
	b := make([]byte, 64<<20)
	for i := range b {
		b[i] = 1
	}
	time.Sleep(50 * time.Millisecond)
	runtime.KeepAlive(b)
	b = nil
	runtime.GC()
	if peak := stop(); peak < 64<<20 {
		t.Errorf("peak %d bytes, want at least 64 MiB", peak)
	}
}
