package engine

import (
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

// EventKind says what an Event carries.
type EventKind int

const (
	// UnitStarted: collection of a unit began.
	UnitStarted EventKind = iota
	// FindingReady: one finding was evaluated.
	FindingReady
	// UnitDone: a unit is fully evaluated (Progress counts it).
	UnitDone
	// ScanDone: the scan ended; Report is final.
	ScanDone
)

// Event is one thing that happened during a scan.
type Event struct {
	Kind     EventKind
	Progress Progress
	Finding  check.Finding  // FindingReady
	Report   *report.Report // ScanDone
}

// Progress is where the scan stands.
type Progress struct {
	Done   int
	Total  int
	Target string
	Family check.Family
}
