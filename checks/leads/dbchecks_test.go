package leads

import (
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

func TestDBChecks(t *testing.T) {
	good := DB{Engine: "postgres", Account: "crm_app", ConnLog: true, StmtAudit: "pgaudit", ServerTLS: true, ConnTLS: true}
	cases := []struct {
		name   string
		id     string
		db     func(*DB)
		status check.Status
		words  string // in the English message
	}{
		{"least privilege", "LEAD-SEC-002", func(*DB) {}, check.Pass, "neither superuser"},
		{"superuser", "LEAD-SEC-002", func(d *DB) { d.Superuser = true }, check.Fail, "superuser"},
		{"owner", "LEAD-SEC-002", func(d *DB) { d.Owner, d.AllPrivileges = true, true }, check.Fail, "owns the lead table"},
		{"grant all", "LEAD-SEC-002", func(d *DB) { d.AllPrivileges = true }, check.Fail, "GRANT ALL"},
		{"public", "LEAD-SEC-002", func(d *DB) { d.Public = []string{"SELECT"} }, check.Fail, "SELECT the table (PUBLIC)"},
		{"anonymous", "LEAD-SEC-002", func(d *DB) { d.Engine, d.Anonymous = "mariadb", true }, check.Fail, "anonymous"},
		{"privileges unreadable", "LEAD-SEC-002", func(d *DB) { d.Unknown = []string{"privileges"} }, check.Warn, "could not"},
		{"anonymous accounts unreadable", "LEAD-SEC-002", func(d *DB) { d.Engine, d.Unknown = "mysql", []string{"anonymous accounts"} }, check.Warn, "anonymous account exists could not be read"},
		{"own name", "LEAD-SEC-003", func(*DB) {}, check.Pass, "name of its own"},
		{"root", "LEAD-SEC-003", func(d *DB) { d.Account = "root@localhost" }, check.Fail, `"root"`},
		{"postgres", "LEAD-SEC-003", func(d *DB) { d.Account = "postgres" }, check.Fail, "generic"},
		{"audited", "LEAD-SEC-004", func(*DB) {}, check.Pass, "pgaudit"},
		{"no audit", "LEAD-SEC-004", func(d *DB) { d.ConnLog, d.StmtAudit = false, "" }, check.Fail, "neither connections"},
		{"connections only", "LEAD-SEC-004", func(d *DB) { d.StmtAudit = "" }, check.Warn, "not statements"},
		{"statements only", "LEAD-SEC-004", func(d *DB) { d.ConnLog = false }, check.Warn, "connections are not"},
		{"audit unreadable", "LEAD-SEC-004", func(d *DB) { d.ConnLog, d.StmtAudit, d.Unknown = false, "", []string{"audit settings"} }, check.Warn, "could not be read"},
		{"tls", "LEAD-SEC-005", func(*DB) {}, check.Pass, "used it"},
		{"ssl off", "LEAD-SEC-005", func(d *DB) { d.ServerTLS, d.ConnTLS = false, false }, check.Fail, "does not offer TLS"},
		{"clear connection", "LEAD-SEC-005", func(d *DB) { d.ConnTLS = false }, check.Fail, "without TLS"},
		{"clear and everywhere", "LEAD-SEC-005", func(d *DB) { d.ConnTLS, d.ListenAnyHost = false, true }, check.Fail, "every interface"},
		{"mysql not required", "LEAD-SEC-005", func(d *DB) { d.Engine = "mysql" }, check.Warn, "require_secure_transport"},
		{"mysql required", "LEAD-SEC-005", func(d *DB) { d.Engine, d.RequireTLS = "mysql", true }, check.Pass, "used it"},
	}
	for _, tc := range cases {
		t.Run(tc.id+" "+tc.name, func(t *testing.T) {
			d := good
			tc.db(&d)
			e := Evidence{Target: "postgres://127.0.0.1:5432/crm#leads", Format: "postgres", AsOf: june, DB: &d, Counts: Counts{Rows: 7}}
			f := run(t, tc.id, e)
			if f.Status != tc.status || !strings.Contains(f.Message.EN, tc.words) {
				t.Fatalf("%s: %s %q, want %s with %q", tc.id, f.Status, f.Message.EN, tc.status, tc.words)
			}
			if f.Message.FR == "" || f.Message.FR == f.Message.EN {
				t.Errorf("no French message: %q", f.Message.FR)
			}
			if f.Evidence["records"] != 7 || f.Evidence["engine"] == nil {
				t.Errorf("evidence %v: want records 7 and the engine", f.Evidence)
			}
			if _, shown := f.Evidence["account"]; shown != (tc.id == "LEAD-SEC-003" && tc.status == check.Fail) {
				t.Errorf("account shown = %v in %v: only a generic name is shown", shown, f.Evidence)
			}
		})
	}
}

func TestDBChecksOnFilesAndFailures(t *testing.T) {
	for _, id := range []string{"LEAD-SEC-002", "LEAD-SEC-003", "LEAD-SEC-004", "LEAD-SEC-005"} {
		f := run(t, id, Evidence{Target: "x.csv", Format: "csv", AsOf: june, Counts: Counts{Rows: 3}})
		if f.Status != check.Skipped || !strings.Contains(f.Message.EN, "a file source") {
			t.Errorf("%s on a file: %s %q, want SKIPPED with the reason", id, f.Status, f.Message.EN)
		}
		p := check.Textf("could not read %s: %v", "lecture impossible de %s : %v", "postgres://127.0.0.1:9/x", "the server did not answer")
		f = run(t, id, Evidence{Target: "postgres://127.0.0.1:9/x", Format: "postgres", Problem: &p})
		if f.Status != check.Error || !strings.Contains(f.Message.EN, "did not answer") {
			t.Errorf("%s, server down: %s %q, want ERROR naming the problem", id, f.Status, f.Message.EN)
		}
		// The scan timed out but the server's facts were read: they are still judged.
		f = run(t, id, Evidence{Target: "postgres://127.0.0.1:9/x", Format: "postgres", Problem: &p, DB: &DB{Engine: "postgres", Account: "root"}})
		if f.Status == check.Error || f.Status == check.Skipped {
			t.Errorf("%s with facts and a failed scan: %s, want judged", id, f.Status)
		}
	}
}

func TestMessagesFollowThresholds(t *testing.T) {
	e := table(t, june, "id|email|created_at", "1|a@gmail.com|2024-01-01")
	if f := run(t, "LEAD-RET-001", e); f.Status != check.Pass || !strings.Contains(f.Message.EN, "3 years") {
		t.Fatalf("default: %s %q", f.Status, f.Message.EN)
	}
	cols := e.Columns
	ta := NewTally(cols, june, Thresholds{ProspectYears: 2})
	ta.Add(2, []string{"1", "a@gmail.com", "2024-01-01"})
	e = Evidence{Target: "t.csv", Format: "csv", AsOf: june, Columns: cols, Counts: ta.Counts(), Thresholds: Thresholds{ProspectYears: 2}}
	f := run(t, "LEAD-RET-001", e)
	if f.Status != check.Fail || !strings.Contains(f.Message.EN, "more than 2 years") || !strings.Contains(f.Message.FR, "plus de 2 ans") {
		t.Fatalf("2 years: %s %q / %q", f.Status, f.Message.EN, f.Message.FR)
	}
}
