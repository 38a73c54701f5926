// Package heapwatch measures the highest heap of a stretch of work, for the
// memory benchmarks: runtime.MemStats after the fact misses the peak.
package heapwatch

import (
	"runtime/metrics"
	"time"
)

// Start samples the heap's objects every 10 ms until stop is called, which
// gives the highest seen, in bytes.
func Start() (stop func() uint64) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	done, high := make(chan struct{}), make(chan uint64)
	go func() {
		var h uint64
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			h = max(h, sample[0].Value.Uint64())
			select {
			case <-done:
				high <- h
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 { close(done); return <-high }
}
