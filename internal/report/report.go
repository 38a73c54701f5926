// Package report holds the report model every writer and the TUI read, and
// the writers themselves (one file each). Writers never mutate a report.
package report

import (
	"iter"
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
	Interrupted   bool            `json:"interrupted"`     // cancelled before every target was done
	Shard         *Share          `json:"shard,omitempty"` // the share of a split scan (vigie scan --shard I/N); nil for a whole scan
	Targets       []Target        `json:"targets"`
	Findings      []check.Finding `json:"findings"`
	Checks        []check.Meta    `json:"checks"` // metadata of every check that ran, for readers of the report
	Scores        score.Summary   `json:"scores"`
	Changes       *Changes        `json:"changes,omitempty"` // since the previous scan, when history is kept

	// spool holds the findings of a large scan on disk, after Findings;
	// readers go through All, which yields both.
	spool *Spool
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

// Share is which part of a split scan a report holds, so that vigie merge
// can tell a complete set of shards from one missing a pod's.
type Share struct {
	Index int `json:"index"` // from 0
	Count int `json:"count"`
	// Plan fingerprints what the scan was split from (every unit and its
	// checks): shards of a changed target list or configuration differ.
	Plan string `json:"plan,omitempty"`
	// Run names the run the shard belongs to (vigie scan --run), the same
	// on every pod of it: Monday's shards are told from Tuesday's.
	Run string `json:"run,omitempty"`
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
	for f := range r.Verdicts() {
		c[f.Status]++
	}
	return c
}

// All yields every finding of the report, in order: those in memory, then
// those kept on disk. Writers read findings this way, never r.Findings
// directly, and check Err once done.
func (r Report) All() iter.Seq[check.Finding] {
	return func(yield func(check.Finding) bool) {
		for _, f := range r.Findings {
			if !yield(f) {
				return
			}
		}
		if r.spool != nil {
			r.spool.all(yield)
		}
	}
}

// Verdicts is All without evidence (Evidence nil): what the table, the
// counts, the thresholds and the history read, several times cheaper from
// disk than whole findings.
func (r Report) Verdicts() iter.Seq[check.Finding] {
	return func(yield func(check.Finding) bool) {
		for _, f := range r.Findings {
			f.Evidence = nil
			if !yield(f) {
				return
			}
		}
		if r.spool != nil {
			r.spool.verdicts(yield)
		}
	}
}

// NumberedVerdicts is Verdicts with each finding's position.
func (r Report) NumberedVerdicts() iter.Seq2[int, check.Finding] { return numbered(r.Verdicts()) }

// Numbered is All with each finding's position.
func (r Report) Numbered() iter.Seq2[int, check.Finding] { return numbered(r.All()) }

func numbered(fs iter.Seq[check.Finding]) iter.Seq2[int, check.Finding] {
	return func(yield func(int, check.Finding) bool) {
		i := 0
		for f := range fs {
			if !yield(i, f) {
				return
			}
			i++
		}
	}
}

// List is every finding in one slice, for the writers that lay a report
// out for people (HTML, PDF, Markdown) and need them all at once.
func (r Report) List() []check.Finding {
	if r.spool == nil {
		return r.Findings
	}
	out := make([]check.Finding, 0, r.Len())
	for f := range r.All() {
		out = append(out, f)
	}
	return out
}

// InMemory is r with every finding in Findings: a report laid out for
// people (HTML, PDF) reads findings in any order, many times.
func (r Report) InMemory() Report {
	if r.spool != nil {
		r.Findings, r.spool = r.List(), nil
	}
	return r
}

// Len is the number of findings.
func (r Report) Len() int {
	n := len(r.Findings)
	if r.spool != nil {
		n += r.spool.Len()
	}
	return n
}

// Err is what went wrong reading the findings kept on disk: a report
// rendered from a spool that failed is incomplete.
func (r Report) Err() error {
	if r.spool != nil {
		return r.spool.Err()
	}
	return nil
}

// Spooled reports whether the findings are kept on disk.
func (r Report) Spooled() bool { return r.spool != nil }

// WithSpool returns r with its findings (after r.Findings) read from s.
func (r Report) WithSpool(s *Spool) Report {
	r.spool = s
	return r
}

// Close releases the findings kept on disk; the report can no longer be
// read after it.
func (r Report) Close() error {
	if r.spool != nil {
		return r.spool.Close()
	}
	return nil
}
