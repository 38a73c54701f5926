package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

// TestLeadsCheck: a HubSpot export without any mapping, in every format a
// person reads, and nothing personal from it printed.
func TestLeadsCheck(t *testing.T) {
	export := "../../internal/leadscan/testdata/hubspot.csv"
	raw, err := os.ReadFile(export)
	if err != nil {
		t.Fatal(err)
	}
	var personal []string // every e-mail and phone of the export
	for _, line := range strings.Split(string(raw), "\n")[1:] {
		if cells := strings.Split(line, ","); len(cells) > 4 {
			personal = append(personal, cells[1], cells[2], cells[3], cells[4])
		}
	}
	dir := t.TempDir()
	for _, format := range []string{"json", "table", "markdown", "csv", "sarif", "junit", "html"} {
		out := filepath.Join(dir, "r."+format)
		r := vigie(t, context.Background(), nil, "leads", "check", export, "--format", format, "--output", out)
		if r.code != 0 {
			t.Fatalf("%s: code %d stderr %s", format, r.code, r.stderr)
		}
		data, _ := os.ReadFile(out)
		for _, v := range personal {
			if v != "" && strings.Contains(string(data), v) {
				t.Errorf("%s report holds a value of the export: %q", format, v)
			}
		}
		if format == "json" {
			rep := decode(t, string(data))
			if len(rep.Targets) != 1 || rep.Targets[0].Family != check.FamilyLeads || len(rep.Findings) < 20 {
				t.Errorf("targets %+v, %d findings", rep.Targets, len(rep.Findings))
			}
		}
	}
	if r := vigie(t, context.Background(), nil, "leads", "check", filepath.Join(dir, "nope.csv")); r.code != exitUsage || !strings.Contains(r.stderr, "nope.csv") {
		t.Errorf("missing file: code %d stderr %q", r.code, r.stderr)
	}
	if r := vigie(t, context.Background(), nil, "leads", "check", export, "--column", "email"); r.code != exitUsage {
		t.Errorf("--column without a label: code %d", r.code)
	}
}
