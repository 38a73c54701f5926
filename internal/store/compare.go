package store

import (
	"context"
	"sort"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/score"
)

// Comparison is what moved from one scan to another, finding by finding
// (through fingerprints) and score by score: vigie diff.
type Comparison struct {
	From  Scan   `json:"from"`
	To    Scan   `json:"to"`
	New   []Move `json:"new"`   // failing (FAIL or ERROR) in To; passing or not checked in From
	Fixed []Move `json:"fixed"` // failing in From, passing in To
	// Changed: any other move of status (WARN → FAIL, FAIL → ERROR,
	// FAIL → WAIVED…), or the same status with another severity.
	Changed      []Move      `json:"changed"`
	Gone         []Move      `json:"gone"`          // failing in From, not checked in To
	StillFailing int         `json:"still_failing"` // failing in both, unchanged
	Overall      ScoreMove   `json:"overall"`
	Families     []ScoreMove `json:"families"` // in the order of To's families, then From's
}

// Move is one finding that moved. Before is "" when From did not check it;
// After is "" when To did not.
type Move struct {
	Fingerprint    string         `json:"fingerprint"`
	CheckID        string         `json:"check_id"`
	Family         check.Family   `json:"family"`
	Target         string         `json:"target"`
	Title          check.Text     `json:"title"`
	Message        check.Text     `json:"message"` // the finding's message in To (in From for Gone)
	Before         check.Status   `json:"before,omitempty"`
	After          check.Status   `json:"after,omitempty"`
	SeverityBefore check.Severity `json:"severity_before"`
	Severity       check.Severity `json:"severity"`
}

// ScoreMove is one score in both scans; Family is "" for the overall score.
type ScoreMove struct {
	Family check.Family `json:"family,omitempty"`
	Before Points       `json:"before"`
	After  Points       `json:"after"`
}

// Points is a score as a person reads it; Scored is false when the scan
// had nothing to count there (or no such family).
type Points struct {
	Scored bool        `json:"scored"`
	Score  int         `json:"score"`
	Grade  check.Grade `json:"grade"`
}

// Delta is how many points the score moved, 0 unless both were scored.
func (m ScoreMove) Delta() int {
	if !m.Before.Scored || !m.After.Scored {
		return 0
	}
	return m.After.Score - m.Before.Score
}

// Compare compares two stored scans, each named as Resolve accepts.
func (s *Store) Compare(ctx context.Context, from, to string) (Comparison, error) {
	var scans [2]Scan
	var reps [2]report.Report
	for i, ref := range []string{from, to} {
		id, err := s.Resolve(ctx, ref)
		if err != nil {
			return Comparison{}, err
		}
		if scans[i], err = s.Info(ctx, id); err != nil {
			return Comparison{}, err
		}
		if reps[i], err = s.Load(ctx, id); err != nil {
			return Comparison{}, err
		}
	}
	c := Compare(reps[0], reps[1])
	c.From, c.To = scans[0], scans[1]
	return c, nil
}

// DefaultPair is what vigie diff compares without arguments: the newest
// complete scan and the complete scan before it of the same kind (demo or
// real). ErrNoPrevious when there is no such pair.
func (s *Store) DefaultPair(ctx context.Context) (from, to string, err error) {
	l, err := s.scans(ctx, `SELECT `+scanColumns+` FROM scans WHERE interrupted = 0 ORDER BY started_at DESC, id DESC LIMIT 1`)
	if err != nil {
		return "", "", err
	}
	if len(l) == 0 {
		return "", "", ErrNoPrevious
	}
	prev, _, err := s.Previous(ctx, l[0].StartedAt, WithDemo(l[0].Demo))
	if err != nil {
		return "", "", err
	}
	return prev.ID, l[0].ID, nil
}

// Baseline returns what the history keeps of the findings of the scan ref
// names (as Resolve reads it), for Diff: vigie scan --baseline A fails on
// the New of Diff(Baseline(A), the report) only.
func (s *Store) Baseline(ctx context.Context, ref string) (Scan, map[string]check.Status, error) {
	id, err := s.Resolve(ctx, ref)
	if err != nil {
		return Scan{}, nil, err
	}
	sc, err := s.Info(ctx, id)
	if err != nil {
		return Scan{}, nil, err
	}
	vs, err := s.statuses(ctx, id)
	return sc, vs, err
}

// Compare tells what moved from one report to another. From and To carry
// what the reports say of their scans; the store's Compare adds the demo marker.
func Compare(from, to report.Report) Comparison {
	// Empty lists, not nil: a JSON consumer iterates "new": [], never null.
	c := Comparison{From: scanOf(from), To: scanOf(to), New: []Move{}, Fixed: []Move{}, Changed: []Move{}, Gone: []Move{}}
	titles := map[string]check.Text{}
	for _, r := range []report.Report{from, to} {
		for _, m := range r.Checks {
			titles[m.ID] = m.Title
		}
	}
	before := make(map[string]check.Finding, len(from.Findings))
	for _, f := range from.Findings {
		before[f.Fingerprint] = f
	}
	seen := make(map[string]bool, len(to.Findings))
	for _, f := range to.Findings {
		if seen[f.Fingerprint] {
			continue
		}
		seen[f.Fingerprint] = true
		old, had := before[f.Fingerprint]
		m := Move{Fingerprint: f.Fingerprint, CheckID: f.CheckID, Family: f.Family, Target: f.Target, Title: titles[f.CheckID],
			Message: f.Message, After: f.Status, Severity: f.Severity, SeverityBefore: f.Severity}
		if had {
			m.Before, m.SeverityBefore = old.Status, old.Severity
		}
		switch {
		case failing(f.Status) && (!had || old.Status == check.Pass):
			c.New = append(c.New, m)
		case had && failing(old.Status) && f.Status == check.Pass:
			c.Fixed = append(c.Fixed, m)
		case had && (old.Status != f.Status || old.Severity != f.Severity):
			c.Changed = append(c.Changed, m)
		case failing(f.Status):
			c.StillFailing++
		}
	}
	for _, f := range from.Findings {
		if !seen[f.Fingerprint] && failing(f.Status) {
			seen[f.Fingerprint] = true
			c.Gone = append(c.Gone, Move{Fingerprint: f.Fingerprint, CheckID: f.CheckID, Family: f.Family, Target: f.Target,
				Title: titles[f.CheckID], Message: f.Message, Before: f.Status, SeverityBefore: f.Severity, Severity: f.Severity})
		}
	}
	for _, l := range [][]Move{c.New, c.Fixed, c.Changed, c.Gone} {
		sortMoves(l)
	}
	c.Overall = ScoreMove{Before: points(from.Scores.Overall), After: points(to.Scores.Overall)}
	c.Families = familyMoves(from.Scores.Families, to.Scores.Families)
	return c
}

func scanOf(r report.Report) Scan {
	return Scan{ID: r.ScanID, StartedAt: r.StartedAt, Score: r.Scores.Overall.Score, Grade: string(r.Scores.Overall.Grade), Interrupted: r.Interrupted}
}

func points(r score.Result) Points { return Points{Scored: r.Scored, Score: r.Score, Grade: r.Grade} }

func familyMoves(from, to []score.Family) []ScoreMove {
	out := []ScoreMove{} // [] in JSON when neither scan has a family
	at := map[check.Family]int{}
	for _, f := range to {
		at[f.Family] = len(out)
		out = append(out, ScoreMove{Family: f.Family, After: points(f.Result)})
	}
	for _, f := range from {
		i, ok := at[f.Family]
		if !ok {
			i = len(out)
			out = append(out, ScoreMove{Family: f.Family})
		}
		out[i].Before = points(f.Result)
	}
	return out
}

// sortMoves puts the most severe first, then by target and check.
func sortMoves(l []Move) {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		if a.Target != b.Target {
			return a.Target < b.Target
		}
		return a.CheckID < b.CheckID
	})
}
