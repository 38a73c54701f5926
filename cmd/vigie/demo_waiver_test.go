package main

import (
	"context"
	"encoding/json"
	"os"
	"testing"
	"time"
)

// TestDemoReadsTheInterfacesWaivers: a risk waived in the demo's interface
// (written to vigie-demo-waivers.yaml in the folder) is waived in the
// demo's reports from that folder too, so the two never disagree.
func TestDemoReadsTheInterfacesWaivers(t *testing.T) {
	t.Chdir(t.TempDir())
	expires := time.Now().AddDate(0, 1, 0).Format("2006-01-02")
	body := "waivers:\n  - check: WEB-HSTS-001\n    target: demo/no-redirect\n    statement: accepted for the trial\n    expires: " + expires + "\n"
	if err := os.WriteFile(demoWaivers, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	r := vigie(t, context.Background(), nil, "demo", "-f", "json")
	var rep struct {
		Findings []struct {
			CheckID string `json:"check_id"`
			Target  string `json:"target"`
			Status  string `json:"status"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("exit %d: %v\n%s", r.code, err, r.stderr)
	}
	for _, f := range rep.Findings {
		if f.CheckID == "WEB-HSTS-001" && f.Target == "demo/no-redirect" {
			if f.Status != "WAIVED" {
				t.Errorf("the waived finding is %s", f.Status)
			}
			return
		}
	}
	t.Error("no WEB-HSTS-001 finding on demo/no-redirect")
}
