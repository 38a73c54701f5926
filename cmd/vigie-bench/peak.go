package main

import (
	"os"
	"runtime/metrics"
	"runtime/pprof"
	"time"
)

// watchPeak writes a heap profile to path each time the live heap grows
// past its last profile by a tenth, so the last one written shows what the
// scan held at its peak (VIGIE_BENCH_PEAK). The returned stop ends it and
// gives the highest live heap seen, in bytes.
func watchPeak(path string) (stop func() uint64) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	done, peak := make(chan struct{}), make(chan uint64)
	go func() {
		var high, written uint64
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				peak <- high
				return
			case <-tick.C:
			}
			metrics.Read(sample)
			v := sample[0].Value.Uint64()
			high = max(high, v)
			if path != "" && v > written+written/10 {
				if f, err := os.Create(path); err == nil {
					_ = pprof.Lookup("heap").WriteTo(f, 0)
					f.Close()
					written = v
				}
			}
		}
	}()
	return func() uint64 { close(done); return <-peak }
}
