package scan

import "runtime/debug"

// GCPercent is the collector's target for a scan (GOGC). With the findings
// on disk, the live heap is the targets in flight, and collecting at twice
// it took 5% of a web scan's CPU; at 2.5 times it, 2,000 loopback targets
// took 4% less CPU and wall for 106 MiB of peak RSS instead of 92, and 10,000
// targets 127 MiB against 103 at 1,000 (vigie-bench, 2 cores).
const GCPercent = 150

// TuneGC sets GCPercent unless GOGC is set: what the vigie command and its
// benchmark run scans with.
func TuneGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(GCPercent)
	}
}
