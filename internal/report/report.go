// Package report holds the report model every writer and the TUI read, and
// the writers themselves (one file each). Writers never mutate a report.
package report

import (
	"time"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/score"
)

// SchemaVersion changes whenever a JSON field is renamed or removed.
const SchemaVersion = 1

// Report is the outcome of one scan.
type Report struct {
	SchemaVersion int             `json:"schema_version"`
	ScanID        string          `json:"scan_id"`
	Tool          Tool            `json:"tool"`
	StartedAt     time.Time       `json:"started_at"`
	FinishedAt    time.Time       `json:"finished_at"`
	Interrupted   bool            `json:"interrupted"` // cancelled before every target was done
	Targets       []Target        `json:"targets"`
	Findings      []check.Finding `json:"findings"`
	Checks        []check.Meta    `json:"checks"` // metadata of every check that ran, for readers of the report
	Scores        score.Summary   `json:"scores"`
	Changes       *Changes        `json:"changes,omitempty"` // since the previous scan, when history is kept
}

// Changes is what moved since the previous complete scan, finding by finding.
type Changes struct {
	Since         string    `json:"since"` // previous scan ID
	SinceTime     time.Time `json:"since_time"`
	PreviousScore int       `json:"previous_score"`
	New           []Change  `json:"new"`   // failing now, not failing before (or not checked)
	Fixed         []Change  `json:"fixed"` // failing before, passing now
	StillFailing  int       `json:"still_failing"`
	Disappeared   int       `json:"disappeared"` // failing before, not checked now
}

// Change is one finding whose verdict moved.
type Change struct {
	CheckID string       `json:"check_id"`
	Target  string       `json:"target"`
	Status  check.Status `json:"status"`
	Before  check.Status `json:"before,omitempty"` // empty when it was not checked before
}

// Tool names the program that wrote the report.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Target is one thing that was scanned.
type Target struct {
	Name      string       `json:"name"`
	Family    check.Family `json:"family"`
	Completed bool         `json:"completed"`
}

// Meta returns the metadata of a check that ran.
// It is called once a finding by the writers: indexing, not ranging by
// value, keeps it from copying every Meta it passes.
func (r Report) Meta(id string) (check.Meta, bool) {
	for i := range r.Checks {
		if r.Checks[i].ID == id {
			return r.Checks[i], true
		}
	}
	return check.Meta{}, false
}

// Counts tallies findings by status.
func (r Report) Counts() map[check.Status]int {
	c := map[check.Status]int{}
	for _, f := range r.Findings {
		c[f.Status]++
	}
	return c
}
