package scan

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/config"
)

// Every path of the configuration that is not there is named at once, each
// with its file, line and key, before any is read.
func TestPrepareNamesEveryMissingPathAtItsLine(t *testing.T) {
	dir := t.TempDir()
	m := func(name string) string { return filepath.Join(dir, "missing", name) }
	there := filepath.Join(dir, "here.md")
	if err := os.WriteFile(there, []byte("# Accord de sous-traitance\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	yaml := "waivers: " + m("w.yaml") + "\nweb:\n  targets: [http://127.0.0.1:1/]\n  ca_file: " + m("ca.pem") + "\npassword:\n  policies: [" +
		m("p.yaml") + "]\n  hashes:\n    - file: " + m("h.csv") + "\ncontracts:\n  inventory: " + m("inv.csv") + "\n  documents: [" + there + ", " +
		m("c.pdf") + "]\nleads:\n  sources:\n    - path: " + m("l.csv") + "\n"
	file := filepath.Join(dir, "vigie.yaml")
	if err := os.WriteFile(file, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(file, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	plan, err := FromConfig(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := &Session{Plan: plan, WaiverFile: cfg.Waivers}
	err = s.Prepare(context.Background())
	if err == nil {
		t.Fatal("no error")
	}
	want := []string{":1: waivers: " + m("w.yaml"), ":4: web.ca_file: " + m("ca.pem"), ":6: password.policies[0]: " + m("p.yaml"),
		":8: password.hashes[0].file: " + m("h.csv"), ":10: contracts.inventory: " + m("inv.csv"),
		":11: contracts.documents[1]: " + m("c.pdf"), ":14: leads.sources[0].path: " + m("l.csv")}
	for _, c := range []struct {
		lang check.Lang
		end  string
	}{{check.EN, ": no such file or folder"}, {check.FR, " : fichier ou dossier introuvable"}} {
		lines := strings.Split(check.InLang(err, c.lang), "\n")
		if len(lines) != len(want) {
			t.Fatalf("%s: %d errors, want %d:\n%s", c.lang, len(lines), len(want), strings.Join(lines, "\n"))
		}
		for i, w := range want {
			if lines[i] != file+w+c.end {
				t.Errorf("%s: error %d = %q, want %q", c.lang, i+1, lines[i], file+w+c.end)
			}
		}
	}
	// The TUI's waiver file is written at its first waiver: it may be missing.
	s = &Session{Plan: plan, WaiverFile: cfg.Waivers, WaiversMayBeMissing: true}
	if err := s.Prepare(context.Background()); err == nil || strings.Contains(err.Error(), "waivers") {
		t.Errorf("a waiver file that may be missing: %v", err)
	}
}
