package contractscan

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vigie-security/vigie/checks/contracts"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/contractdoc"
	"github.com/vigie-security/vigie/internal/engine"
)

func corpus(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "contracts", "corpus", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func put(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

func run(t *testing.T, p *Plan) map[string]check.Finding {
	t.Helper()
	eng, err := engine.New(engine.WithConcurrency(4))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := eng.Run(context.Background(), p.Units(time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)), nil)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]check.Finding{}
	for _, f := range rep.Findings {
		out[f.Target+" "+f.CheckID] = f
	}
	return out
}

// A folder as a consultant finds it: an inventory, contracts in a
// subfolder, one contract missing, one not in the inventory, one corrupt.
func TestInventoryAndFolder(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "contrats")
	put(t, filepath.Join(dir, "saas", "cloudbridge.md"), corpus(t, "en-complete-saas.md"))
	put(t, filepath.Join(dir, "callsud.md"), corpus(t, "fr-offshore.md"))
	put(t, filepath.Join(dir, "orphan.txt"), corpus(t, "en-traps.txt"))
	put(t, filepath.Join(dir, "broken.docx"), []byte("PK\x03\x04 not really"))
	var docx bytes.Buffer
	if err := contractdoc.WriteDOCX(&docx, []string{"The Processor shall notify the Controller of a personal data breach within 12 hours."}); err != nil {
		t.Fatal(err)
	}
	put(t, filepath.Join(dir, "dialer.docx"), docx.Bytes())
	inv := filepath.Join(root, "inventaire.csv")
	put(t, inv, []byte("Sous-traitant;Contrat;Signé;Date de signature;Pays;Outil de transfert\n"+
		"Cloudbridge;cloudbridge.md;oui;2025-03-14;Irlande;aucun\n"+ // bare name, found in a subfolder
		"CallSud;callsud.md | dialer.docx;oui;2025-01-28;Maroc;CCT 2021/914\n"+
		"Ghost;ghost.pdf;non;;France;\n"+
		"NoPaper;;;;;\n"))
	p, err := Prepare(Source{Inventory: inv, Folder: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Docs) != 5 {
		t.Errorf("documents = %q, want the 5 files of the folder once each", p.Docs)
	}
	got := run(t, p)
	status := func(target, id string) check.Status {
		t.Helper()
		f, ok := got[target+" "+id]
		if !ok {
			t.Fatalf("no finding %s on %s", id, target)
		}
		return f.Status
	}
	cb := filepath.Join(dir, "saas", "cloudbridge.md")
	for _, tc := range []struct {
		target, id string
		want       check.Status
	}{
		{cb, "CTR-DOC-001", check.Pass},
		{cb, "CTR-BREACH-002", check.Pass},
		{filepath.Join(dir, "broken.docx"), "CTR-DOC-001", check.Error},
		{filepath.Join(dir, "broken.docx"), "CTR-AUDIT-001", check.Skipped},
		{inv + "#Cloudbridge", "CTR-INV-006", check.Pass},
		{inv + "#Cloudbridge", "CTR-INV-002", check.Pass},
		{inv + "#CallSud", "CTR-INV-004", check.Pass},
		{inv + "#Ghost", "CTR-INV-006", check.Fail},
		{inv + "#Ghost", "CTR-INV-002", check.Fail},
		{inv + "#NoPaper", "CTR-INV-001", check.Fail},
		{dir, "CTR-INV-007", check.Fail},
	} {
		if s := status(tc.target, tc.id); s != tc.want {
			t.Errorf("%s on %s = %s (%s), want %s", tc.id, tc.target, s, got[tc.target+" "+tc.id].Message.EN, tc.want)
		}
	}
	orphans := got[dir+" CTR-INV-007"].Evidence["unreferenced"].([]string)
	if len(orphans) != 2 || !strings.HasSuffix(orphans[0], "broken.docx") || !strings.HasSuffix(orphans[1], "orphan.txt") {
		t.Errorf("unreferenced = %q", orphans)
	}
	if f := got[cb+" CTR-SUBPR-001"]; len(f.Evidence["processors"].([]string)) != 1 {
		t.Errorf("document findings name their processor: %+v", f.Evidence)
	}
}

func TestDocumentsAlone(t *testing.T) {
	dir := t.TempDir()
	put(t, filepath.Join(dir, "a.txt"), corpus(t, "en-restated.txt"))
	// A document named on purpose that is not there is a usage mistake, said before the scan.
	missing := filepath.Join(dir, "missing.pdf")
	if _, err := Prepare(Source{Documents: []string{dir, missing}}); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("missing file: %v", err)
	}
	p, err := Prepare(Source{Documents: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	got := run(t, p)
	if f := got[filepath.Join(dir, "a.txt")+" CTR-INSTR-001"]; f.Status != check.Warn || f.Evidence["level"] != contracts.Restated.String() {
		t.Errorf("restated contract: %+v", f)
	}
	if _, err := Prepare(Source{Documents: []string{t.TempDir()}}); err == nil || !strings.Contains(err.Error(), "no contract documents") {
		t.Errorf("empty directory: %v", err)
	}
}

func TestRootKeepsReportedNames(t *testing.T) {
	root := t.TempDir()
	put(t, filepath.Join(root, "demo", "c.txt"), corpus(t, "fr-incomplet.md"))
	put(t, filepath.Join(root, "demo", "inv.csv"), []byte("processor,contract\nAcme,c.txt\n"))
	p, err := Prepare(Source{Root: root, Inventory: "demo/inv.csv", Folder: "demo"})
	if err != nil {
		t.Fatal(err)
	}
	got := run(t, p)
	for _, k := range []string{"demo/c.txt CTR-DOC-001", "demo/inv.csv#Acme CTR-INV-006", "demo CTR-INV-007"} {
		if f, ok := got[k]; !ok || f.Status != check.Pass {
			t.Errorf("%s: %+v", k, f)
		}
	}
}
