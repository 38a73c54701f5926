package tui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/config"
	"github.com/vigie-security/vigie/internal/contractscan"
	"github.com/vigie-security/vigie/internal/leadscan"
	"github.com/vigie-security/vigie/internal/scan"
)

// trialSetup is trial 4's: `cd cfg && vigie tui -c all.yaml`, the config
// keeping a history and naming a lead export of the folder beside.
func trialSetup(t *testing.T) (Options, map[string][]byte) {
	t.Helper()
	root := t.TempDir()
	files := map[string][]byte{
		"hist/h.db":              []byte("SQLite format 3\x00 eight stored scans"),
		"hist/h.db-wal":          []byte("write-ahead log"),
		"leads/prospects-fr.csv": []byte("E-mail;Consentement\nun.prospect@example.fr;non\n"),
		"cfg/all.yaml": []byte("version: 1\nhistory: " + filepath.Join(root, "hist", "h.db") +
			"\nleads:\n  sources:\n    - path: ../leads/prospects-fr.csv\n"),
	}
	for name, data := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(filepath.Join(root, "cfg"))
	cfg, err := config.Load("all.yaml", func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	session := sessionOf(t, cfg)
	abs := map[string][]byte{}
	for name, data := range files {
		abs[filepath.Join(root, name)] = data
	}
	return Options{Report: sampleReport(), Session: session, ConfigFile: "all.yaml", WaiverFile: cfg.Waivers}, abs
}

// exportTo types path into the export form of the real program, as CSV,
// and returns the model once the write has answered.
func exportTo(t *testing.T, o Options, path string) Model {
	t.Helper()
	o.Renderer = asciiRenderer()
	tm := teatest.NewTestModel(t, New(o), teatest.WithInitialTermSize(400, 30))
	tm.Type("e")
	for formats := 0; formats < 4; formats++ { // json → sarif → junit → markdown → csv
		tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	}
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlU}) // the proposed name goes
	tm.Type(path)
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte("Not written")) || bytes.Contains(b, []byte("Non écrit")) ||
			bytes.Contains(b, []byte("Written to")) || bytes.Contains(b, []byte("Écrit dans"))
	}, teatest.WithDuration(5*time.Second))
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	return tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
}

// Trial 4 #3: the export wrote a CSV over the history and the lead export.
// Each input is refused, named in the person's language, and left as it was.
func TestExportRefusesTheScansInputs(t *testing.T) {
	for _, c := range []struct {
		path     string // as typed, from cfg/
		en, fr   string
		original string // the file it names
	}{
		{"../hist/h.db", "is the history", "est l'historique", "hist/h.db"},
		{"../hist/h.db-wal", "is the history", "est l'historique", "hist/h.db-wal"},
		{"all.yaml", "is the configuration file", "est le fichier de configuration", "cfg/all.yaml"},
		{"../leads/prospects-fr.csv", "is a lead source", "est une source de prospects", "leads/prospects-fr.csv"},
	} {
		for _, lang := range []check.Lang{check.EN, check.FR} {
			t.Run(c.original+"-"+string(lang), func(t *testing.T) {
				o, files := trialSetup(t)
				o.Lang = lang
				m := exportTo(t, o, c.path)
				want := tr(lang, c.en, c.fr)
				if m.export.err == nil || !strings.Contains(check.InLang(m.export.err, lang), want) {
					t.Fatalf("%s: refused as %q, got %v\n%s", c.path, want, m.export.err, m.View())
				}
				if v := m.View(); !strings.Contains(v, tr(lang, "Not written: ", "Non écrit : ")) || !strings.Contains(v, want) {
					t.Errorf("the form says why:\n%s", v)
				}
				for name, data := range files {
					if got, err := os.ReadFile(name); err != nil || !bytes.Equal(got, data) {
						t.Errorf("%s changed: %v %q", name, err, got)
					}
				}
			})
		}
	}
}

// Another path of the same session is written.
func TestExportBesideTheInputsIsWritten(t *testing.T) {
	o, _ := trialSetup(t)
	o.Lang = check.EN
	m := exportTo(t, o, "../hist/findings.csv")
	if data, err := os.ReadFile("../hist/findings.csv"); m.export.err != nil || err != nil || !bytes.Contains(data, []byte("WEB-HSTS-001")) {
		t.Fatalf("written: %v %v\n%s", m.export.err, err, m.View())
	}
}

// After a scan the plan is prepared: a chosen sheet's workbook, the
// documents found in the contracts folder and the waiver file are inputs,
// and a document-format export inside that folder is refused.
func TestExportGuardAfterAScan(t *testing.T) {
	dir := t.TempDir()
	contracts := filepath.Join(dir, "contracts")
	if err := os.Mkdir(contracts, 0o700); err != nil {
		t.Fatal(err)
	}
	sess := &scan.Session{Plan: scan.Plan{
		Leads:          []*leadscan.Plan{{Format: "xlsx", Target: filepath.Join(dir, "crm.xlsx#Contacts")}},
		ContractSource: &contractscan.Source{Folder: contracts},
	}}
	g := exportGuard{session: sess, waiverFile: filepath.Join(dir, "w.yaml"), reportFile: filepath.Join(dir, "opened.json")}
	for path, want := range map[string]string{
		filepath.Join(dir, "opened.json"):       "is the report the interface opened",
		filepath.Join(dir, "crm.xlsx"):          "is a lead source",
		filepath.Join(dir, "w.yaml"):            "is the waiver file",
		filepath.Join(contracts, "report.html"): "whose documents the contracts family reads",
	} {
		if err := g.refuse(path); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: want %q, got %v", path, want, err)
		}
	}
	// A link to the history is the history: the write would replace its target.
	g.session.History = filepath.Join(dir, "h.db")
	if err := os.WriteFile(g.session.History, []byte("SQLite format 3\x00"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "latest.csv")
	if err := os.Symlink(g.session.History, link); err != nil {
		t.Fatal(err)
	}
	if err := g.refuse(link); err == nil || !strings.Contains(err.Error(), "is the history") {
		t.Errorf("a link to the history: %v", err)
	}
	if err := g.refuse(filepath.Join(contracts, "report.json")); err != nil {
		t.Errorf("a JSON report is no contract: %v", err)
	}
}
