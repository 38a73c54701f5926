package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/leadscan"
)

func TestLeadsPlan(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "crm.csv")
	os.WriteFile(src, []byte("id;email;created_at;optout;consent_email\nA1;jean.dupont@gmail.com;2019-01-01;non;oui\nA2;marie.curie@orange.fr;2026-01-01;oui;oui\n"), 0o600)
	out := filepath.Join(dir, "plan.csv")
	// Quiet on success for cron: the summary is said on a terminal only.
	r := vigie(t, context.Background(), nil, "leads", "plan", src, "-o", out, "--lang", "fr")
	if r.code != 0 || r.stdout != "" || r.stderr != "" {
		t.Fatalf("code %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
	if r := vigie(t, context.Background(), nil, "leads", "plan", src, "-o", out, "-q"); r.code != 0 || r.stdout+r.stderr != "" {
		t.Errorf("-q: code %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
	data, _ := os.ReadFile(out)
	if !strings.Contains(string(data), ",LEAD-RET-001,delete_or_archive,") || !strings.Contains(string(data), ",id,A1") ||
		strings.Contains(string(data), "jean") || strings.Contains(string(data), "marie") {
		t.Errorf("plan:\n%s", data)
	}
	// From the configuration, the DSN from the environment: a server that
	// refuses is an error naming it, and no plan is written.
	cfg := filepath.Join(dir, "vigie.yaml")
	os.WriteFile(cfg, []byte("version: 1\nleads:\n  timeout: 2s\n  sources:\n    - path: ${LEADS_DSN}\n      table: leads\n"), 0o600)
	out2 := filepath.Join(dir, "plan2.csv")
	r = vigie(t, context.Background(), map[string]string{"LEADS_DSN": "postgres://app:Pl4n-Secret@127.0.0.1:1/crm?sslmode=disable"},
		"leads", "plan", "-c", cfg, "-o", out2)
	if r.code != exitScan || !strings.Contains(r.stderr, "127.0.0.1:1/crm") || strings.Contains(r.stderr+r.stdout, "Pl4n-Secret") {
		t.Errorf("refused server: code %d stderr %q", r.code, r.stderr)
	}
	if _, err := os.Stat(out2); !os.IsNotExist(err) {
		t.Errorf("a plan was written for a failed source")
	}
	// The plan over its own source is a usage mistake, said before any work.
	before, _ := os.ReadFile(src)
	r = vigie(t, context.Background(), map[string]string{"LANG": "fr_FR.UTF-8"}, "leads", "plan", src, "-o", filepath.Join(dir, ".", "crm.csv"))
	if after, _ := os.ReadFile(src); r.code != exitUsage || !strings.Contains(r.stderr, "--output "+filepath.Join(dir, "crm.csv")+" : le plan écraserait la source") || string(after) != string(before) {
		t.Errorf("plan over its source: code %d stderr %q", r.code, r.stderr)
	}
	if r := vigie(t, context.Background(), nil, "leads", "plan", src); r.code != exitUsage || !strings.Contains(r.stderr, "--output") {
		t.Errorf("no --output: code %d %q", r.code, r.stderr)
	}
	if r := vigie(t, context.Background(), nil, "leads", "plan", "-o", out); r.code != exitUsage || !strings.Contains(r.stderr, "no lead source") {
		t.Errorf("no source: code %d %q", r.code, r.stderr)
	}
}

func TestPlanLine(t *testing.T) {
	s := leadscan.PlanSummary{Target: "crm.csv", KeyFrom: "id", Records: map[string]int{"LEAD-RET-001": 1, "LEAD-CON-005": 1}}
	if got, want := planLine(s, check.FR), "crm.csv : 2 fiches à traiter (LEAD-CON-005 1, LEAD-RET-001 1) ; clés tirées de id"; got != want {
		t.Errorf("planLine = %q, want %q", got, want)
	}
}
