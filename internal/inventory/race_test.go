//go:build race

package inventory

// raceEnabled: the race detector instruments every allocation, so the
// allocation bounds of these tests measure it, not the reader.
const raceEnabled = true
