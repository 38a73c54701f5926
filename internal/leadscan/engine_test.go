package leadscan

import (
	"context"
	"testing"
	"time"

	"github.com/vigie-security/vigie/checks/leads"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/engine"
)

// TestThroughEngine: the plan's units run as every other family's do.
func TestThroughEngine(t *testing.T) {
	p, err := Prepare(Source{Path: private(t, "salesforce.csv")})
	if err != nil {
		t.Fatal(err)
	}
	e, err := engine.New(engine.WithTimeout(30*time.Second), engine.WithClock(func() time.Time { return june }))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := e.Run(context.Background(), p.Units(june), func(engine.Event) {})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) != len(leads.All()) || rep.Targets[0].Family != check.FamilyLeads {
		t.Fatalf("%d findings, targets %v", len(rep.Findings), rep.Targets)
	}
	for _, f := range rep.Findings {
		if f.Status == check.Error {
			t.Errorf("%s: %s", f.CheckID, f.Message.EN)
		}
	}
}
