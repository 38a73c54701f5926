package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const corpusDir = "../../testdata/contracts/corpus"

func TestContractsCheck(t *testing.T) {
	ctx := context.Background()
	traps := filepath.Join(corpusDir, "fr-pieges.txt")
	r := vigie(t, ctx, nil, "contracts", "check", traps, "--format", "json")
	rep := decode(t, r.stdout)
	if r.code != 0 || len(rep.Targets) != 1 {
		t.Fatalf("code %d targets %d stderr %s", r.code, len(rep.Targets), r.stderr)
	}
	var audit map[string]any
	for _, f := range rep.Findings {
		if f.CheckID == "CTR-AUDIT-001" {
			audit = f.Evidence
		}
	}
	if audit["element"] != "A28-3h-audits-information" || audit["level"] != "missing" || audit["rejected"] != true || audit["location"] != "§ 6" {
		t.Errorf("audit evidence = %v", audit)
	}
	if r := vigie(t, ctx, nil, "contracts", "check", traps, "--fail-on", "high"); r.code != exitThreshold {
		t.Errorf("--fail-on high with missing high elements: code %d", r.code)
	}
	r = vigie(t, ctx, map[string]string{"LANG": "fr_FR.UTF-8"}, "contracts", "check", corpusDir)
	for _, want := range []string{"MATRICE ARTICLE 28", "en-complete-saas.md", "≈", "ne compte pas"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("French table of the corpus lacks %q", want)
		}
	}
}

func TestContractsCheckBadInput(t *testing.T) {
	ctx := context.Background()
	if r := vigie(t, ctx, nil, "contracts", "check"); r.code != exitUsage {
		t.Errorf("no argument: code %d", r.code)
	}
	bad := filepath.Join(t.TempDir(), "inv.csv")
	if err := os.WriteFile(bad, []byte("Fournisseur du mois;Pièce\nAcme;a.pdf\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := vigie(t, ctx, nil, "contracts", "check", "--inventory", bad)
	if r.code != exitUsage || !strings.Contains(r.stderr, bad) || !strings.Contains(r.stderr, "no processor column") {
		t.Errorf("bad inventory: code %d stderr %q", r.code, r.stderr)
	}
	// A document named that is not there is exit 2 naming it, before any
	// work (it was a full 0/100 F report with exit 0).
	r = vigie(t, ctx, nil, "contracts", "check", filepath.Join(corpusDir, "en-traps.txt"), "nope.docx", "--format", "json")
	if r.code != exitUsage || r.stdout != "" || !strings.Contains(r.stderr, "nope.docx: no such file") {
		t.Errorf("missing document: code %d stderr %q", r.code, r.stderr)
	}
}

func TestScanReadsContractsSection(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(filepath.Join(corpusDir, "en-us-vendor.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "pixel.txt"), data, 0o600); err != nil {
		t.Fatal(err)
	}
	inv := filepath.Join(dir, "inv.yaml")
	if err := os.WriteFile(inv, []byte("processors:\n  - name: Pixelscore\n    contracts: pixel.txt\n    countries: France\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "vigie.yaml")
	if err := os.WriteFile(cfg, []byte("contracts:\n  inventory: "+inv+"\n  folder: "+dir+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := vigie(t, context.Background(), nil, "scan", "--config", cfg, "--format", "json")
	if r.code != 0 {
		t.Fatalf("code %d stderr %s", r.code, r.stderr)
	}
	rep := decode(t, r.stdout)
	found := false
	for _, f := range rep.Findings {
		if f.CheckID == "CTR-INV-008" && f.Target == inv+"#Pixelscore" {
			found = true
			if f.Status != "FAIL" || !strings.Contains(f.Message.EN, "United States") {
				t.Errorf("inventory says France, contract says United States: %s %s", f.Status, f.Message.EN)
			}
		}
	}
	if !found {
		t.Errorf("no cross-check finding; stderr %s", r.stderr)
	}
}
