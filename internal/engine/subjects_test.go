package engine

import (
	"context"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

// TestUnitWithSubjects: a source read inside its unit (a policy file with
// two policies) becomes one target per subject, and a source that holds
// nothing is an ERROR on the source, never a silent absence.
func TestUnitWithSubjects(t *testing.T) {
	units := []Unit{
		unit("pol.yaml", func(context.Context, Pacer) (any, error) {
			return Subjects{ev{"pol.yaml#users"}, ev{"pol.yaml#admins"}}, nil
		}),
		unit("empty.yaml", func(context.Context, Pacer) (any, error) { return Subjects{}, nil }),
		unit("site", nil),
	}
	rep, err := mustNew(t).Run(context.Background(), units, nil)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tg := range rep.Targets {
		names = append(names, tg.Name)
	}
	if len(names) != 4 || names[0] != "pol.yaml#users" || names[1] != "pol.yaml#admins" || names[2] != "empty.yaml" || names[3] != "site" {
		t.Fatalf("targets = %v", names)
	}
	by := map[string][]check.Status{}
	for _, f := range rep.Findings {
		by[f.Target] = append(by[f.Target], f.Status)
	}
	if len(by["pol.yaml#admins"]) != 2 || by["pol.yaml#admins"][1] != check.Fail {
		t.Errorf("subject findings: %v", by)
	}
	if s := by["empty.yaml"]; len(s) != 2 || s[0] != check.Error {
		t.Errorf("an empty source must be ERROR: %v", s)
	}
	if len(rep.Scores.Targets) != 4 {
		t.Errorf("scores for %d targets, want 4", len(rep.Scores.Targets))
	}
}

// TestUnitTimeout: a unit's own timeout replaces the engine's.
func TestUnitTimeout(t *testing.T) {
	slow := func(ctx context.Context, _ Pacer) (any, error) {
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(300 * time.Millisecond):
			return ev{"slow"}, nil
		}
	}
	long, short := unit("long", slow), unit("short", slow)
	long.Timeout = 5 * time.Second
	rep, err := mustNew(t, WithTimeout(50*time.Millisecond)).Run(context.Background(), []Unit{long, short}, nil)
	if err != nil {
		t.Fatal(err)
	}
	status := map[string]check.Status{}
	for _, f := range rep.Findings {
		status[f.Target] = f.Status
	}
	if status["long"] == check.Error || status["short"] != check.Error {
		t.Errorf("statuses %v: the long unit has its own 5 s, the short one the engine's 50 ms", status)
	}
}
