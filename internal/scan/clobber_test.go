package scan

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/contractscan"
	"github.com/vigie-security/vigie/internal/leadscan"
	"github.com/vigie-security/vigie/internal/report"
)

// No report may replace a file the session reads: the configuration, a
// policy, a lead export, a contract, the waivers, the history (its SQLite
// journal files too) — named directly, through a symbolic link, or before
// it exists. Another path is written as before.
func TestPrepareRefusesAnOutputThatIsAnInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	policy := write("policy.yaml", "version: 1\npolicies:\n  - name: users\n    min_length: 12\n")
	leads := write("leads.csv", "id,email\n1,a@example.org\n")
	contract := write("dpa.txt", "Data processing agreement between A and B.\n")
	docs := filepath.Join(dir, "contracts")
	if err := os.Mkdir(docs, 0o700); err != nil {
		t.Fatal(err)
	}
	inFolder := filepath.Join(docs, "found.txt")
	if err := os.WriteFile(inFolder, []byte("Data processing agreement.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	config := write("vigie.yaml", "lang: en\n")
	waivers := write("waivers.yaml", "waivers: []\n")
	history := filepath.Join(dir, "history.db") // not made yet
	link := filepath.Join(dir, "link.csv")
	if err := os.Symlink(leads, link); err != nil {
		t.Fatal(err)
	}
	session := func(out string) *Session {
		return &Session{
			Plan: Plan{Policies: []string{policy}, LeadSources: []LeadSource{{Where: "test", Source: leadscan.Source{Path: leads}}},
				ContractSource: &contractscan.Source{Documents: []string{contract, docs}}},
			WaiverFile: waivers, History: history,
			Inputs:  []Input{{Path: config, What: InputConfig}},
			Outputs: []Output{{Writer: report.JSON{}, Path: out}},
		}
	}
	for _, tc := range []struct{ out, what string }{
		{config, "the configuration file"},
		{policy, "a password policy"},
		{leads, "a lead source"},
		{link, "a lead source"},
		{contract, "a contract document"},
		{inFolder, "a contract document"},
		{waivers, "the waiver file"},
		{history, "the history"},
		{history + "-wal", "the history"},
		{filepath.Join(dir, ".", "policy.yaml"), "a password policy"},
	} {
		err := session(tc.out).Prepare(context.Background())
		if err == nil || !strings.Contains(err.Error(), tc.what) || !strings.Contains(err.Error(), tc.out) {
			t.Errorf("-o %s: %v, want a refusal naming it as %s", tc.out, err, tc.what)
		}
	}
	if before, _ := os.ReadFile(leads); string(before) != "id,email\n1,a@example.org\n" {
		t.Errorf("the lead export changed: %q", before)
	}
	if err := session(filepath.Join(dir, "report.json")).Prepare(context.Background()); err != nil {
		t.Errorf("a new report path is refused: %v", err)
	}
}

type failingWriter struct{}

func (failingWriter) Write(context.Context, io.Writer, report.Report) error {
	return errors.New("the printer broke")
}

// An output that fails does not keep the next one from being written.
func TestDeliverWritesTheOthersWhenOneFails(t *testing.T) {
	dir := t.TempDir()
	first, second := filepath.Join(dir, "a.pdf"), filepath.Join(dir, "b.json")
	err := Deliver(context.Background(), []Output{{Writer: failingWriter{}, Path: first}, {Writer: report.JSON{}, Path: second}}, report.Report{ScanID: "x"})
	if err == nil || !strings.Contains(err.Error(), "the printer broke") {
		t.Errorf("err = %v, want the failing writer's", err)
	}
	if _, err := os.Stat(second); err != nil {
		t.Errorf("the JSON after the failed output was not written: %v", err)
	}
	if _, err := os.Stat(first); !os.IsNotExist(err) {
		t.Errorf("the failed output left a file: %v", err)
	}
}

// A report in a document format inside a folder the contracts family walks
// would be read as a contract next time: refused; a JSON report there, or a
// Markdown one beside it, is written.
func TestPrepareRefusesADocumentReportInAContractFolder(t *testing.T) {
	dir := t.TempDir()
	docs := filepath.Join(dir, "contracts")
	if err := os.MkdirAll(filepath.Join(docs, "2026"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(docs, "dpa.txt"), []byte("Data processing agreement between A and B.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for out, refused := range map[string]bool{
		filepath.Join(docs, "report.md"):          true,
		filepath.Join(docs, "2026", "report.pdf"): true,
		filepath.Join(docs, "report.json"):        false,
		filepath.Join(dir, "report.md"):           false,
	} {
		s := &Session{Plan: Plan{ContractSource: &contractscan.Source{Documents: []string{docs}}},
			Outputs: []Output{{Writer: report.JSON{}, Path: out}}}
		err := s.Prepare(context.Background())
		if (err != nil) != refused || refused && !strings.Contains(err.Error(), "would read the report as a contract") {
			t.Errorf("-o %s: %v, want refused %v", out, err, refused)
		}
	}
}
