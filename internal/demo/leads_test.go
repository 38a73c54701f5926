package demo

import (
	"context"
	"testing"
	"time"

	"github.com/vigie-security/vigie/checks/leads"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

// runDemo runs the real demo scan on one clock; the lab is closed (and its
// folder removed) when the test ends.
func runDemo(t *testing.T, now time.Time) (*Lab, report.Report) {
	t.Helper()
	lab, err := Start(now)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(lab.Close)
	plan, err := lab.Plan(func() time.Time { return now })
	if err != nil {
		t.Fatal(err)
	}
	rep, err := plan.Run(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return lab, rep
}

// notFiring are the leads checks the demo cannot make fire, and why. Each
// must be SKIPPED on both sources, never PASS: a check that cannot look
// does not pass.
var notFiring = map[string]string{
	"LEAD-SEC-002": "privileges of a PostgreSQL/MySQL account: the demo has no database server, SQLite has no accounts",
	"LEAD-SEC-003": "a shared server account: as LEAD-SEC-002",
	"LEAD-SEC-004": "the server's connection and statement audit: as LEAD-SEC-002",
	"LEAD-SEC-005": "the server's TLS: as LEAD-SEC-002",
}

// TestDemoFiresEveryLeadCheck: across the demo's two lead sources, every
// check of the family has at least one FAIL or WARN, on both sides of
// 2026-08-11 (when LEAD-CON-009 changes rule). Today's clock is the one
// vigie demo runs on.
func TestDemoFiresEveryLeadCheck(t *testing.T) {
	for _, now := range []time.Time{time.Now(), time.Date(2026, 6, 15, 10, 0, 0, 0, time.UTC), time.Date(2026, 9, 15, 10, 0, 0, 0, time.UTC)} {
		t.Run(now.Format("2006-01-02"), func(t *testing.T) {
			_, rep := runDemo(t, now)
			got := map[string]map[string]check.Status{} // check → target → status
			for _, f := range rep.Findings {
				if f.Family != check.FamilyLeads {
					continue
				}
				if got[f.CheckID] == nil {
					got[f.CheckID] = map[string]check.Status{}
				}
				got[f.CheckID][f.Target] = f.Status
				if f.Status == check.Error {
					t.Errorf("%s on %s: ERROR %s", f.CheckID, f.Target, f.Message.EN)
				}
			}
			targets := []string{LeadsExport, LeadsBase + "#" + LeadsTable}
			for _, c := range leads.All() {
				id := c.Meta().ID
				statuses := got[id]
				for _, target := range targets {
					if _, ok := statuses[target]; !ok {
						t.Errorf("%s: no finding on %s", id, target)
					}
				}
				if why, ok := notFiring[id]; ok {
					for target, st := range statuses {
						if st != check.Skipped {
							t.Errorf("%s on %s = %s, want SKIPPED (%s)", id, target, st, why)
						}
					}
					continue
				}
				fired := false
				for _, st := range statuses {
					fired = fired || st == check.Fail || st == check.Warn
				}
				if !fired {
					t.Errorf("%s fires nowhere in the demo: %v", id, statuses)
				}
			}
			for id := range notFiring {
				if got[id] == nil {
					t.Errorf("%s is listed as not firing but is not a check any more: drop it from notFiring", id)
				}
			}
		})
	}
}

// TestDemoLeadDecoys: the numbers and words planted to be ignored are:
// a Luhn-failing order number and a masked card (the export), a NIR with a
// wrong key (the base), a charity's name in a note (the export).
func TestDemoLeadDecoys(t *testing.T) {
	_, rep := runDemo(t, time.Now())
	want := []struct {
		id, target string
		records    int
	}{
		{"LEAD-SEN-005", LeadsExport, 1},                  // the test Visa, not 4970 1012 3456 7890 nor 4970 **** **** 1234
		{"LEAD-SEN-004", LeadsBase + "#" + LeadsTable, 1}, // the NIR with its key, not the one with a wrong key
		{"LEAD-SEN-001", LeadsExport, 1},                  // pregnancy and sick leave, not the Cancer Research Foundation
		{"LEAD-CON-004", LeadsBase + "#" + LeadsTable, 66},
	}
	for _, w := range want {
		var f *check.Finding
		for i := range rep.Findings {
			if rep.Findings[i].CheckID == w.id && rep.Findings[i].Target == w.target {
				f = &rep.Findings[i]
			}
		}
		if f == nil {
			t.Errorf("%s on %s: no finding", w.id, w.target)
			continue
		}
		if n, _ := f.Evidence["records"].(int); n != w.records {
			t.Errorf("%s on %s: %v records, want %d (%s)", w.id, w.target, f.Evidence["records"], w.records, f.Message.EN)
		}
	}
}
