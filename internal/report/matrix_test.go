package report

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

func elementFinding(target, checkID, element, code, level string, processors ...any) check.Finding {
	ev := map[string]any{"element": element, "code": code, "level": level}
	if len(processors) > 0 {
		ev["processors"] = processors // as decoded from JSON
	}
	return check.Finding{CheckID: checkID, Family: check.FamilyContracts, Target: target, Evidence: ev}
}

func TestContractMatrix(t *testing.T) {
	meta := func(id, el string) check.Meta {
		return check.Meta{ID: id, Family: check.FamilyContracts, Frameworks: map[string][]string{"gdpr-art28": {el}}}
	}
	r := Report{
		Checks: []check.Meta{meta("CTR-AUDIT-001", "A28-3h-audits-information"), meta("CTR-BREACH-002", "A28-33-breach-deadline"),
			{ID: "CTR-INV-001", Family: check.FamilyContracts}},
		Findings: []check.Finding{
			elementFinding("a.pdf", "CTR-AUDIT-001", "A28-3h-audits-information", "AU", "missing", "Acme"),
			elementFinding("a.pdf", "CTR-BREACH-002", "A28-33-breach-deadline", "BD", "present", "Acme"),
			elementFinding("annex.docx", "CTR-AUDIT-001", "A28-3h-audits-information", "AU", "specific", "Acme"),
			elementFinding("annex.docx", "CTR-BREACH-002", "A28-33-breach-deadline", "BD", "missing", "Acme"),
			elementFinding("loose.txt", "CTR-AUDIT-001", "A28-3h-audits-information", "AU", "restated"),
			{CheckID: "CTR-INV-001", Family: check.FamilyContracts, Status: check.Fail, Target: "inv.csv#Ghost", Evidence: map[string]any{"processor": "Ghost"}},
			{CheckID: "WEB-HSTS-001", Family: check.FamilyWeb, Target: "x"},
		},
	}
	m := ContractMatrix(r)
	if len(m.Columns) != 2 || m.Columns[0].Code != "AU" || m.Columns[1].Element != "A28-33-breach-deadline" {
		t.Fatalf("columns %+v", m.Columns)
	}
	if len(m.Rows) != 3 {
		t.Fatalf("rows %+v", m.Rows)
	}
	acme := m.Rows[0]
	if acme.Name != "Acme" || !acme.Processor || len(acme.Documents) != 2 || acme.Cells[0].Level != "specific" || acme.Cells[1].Level != "present" ||
		acme.Cells[0].Finding.Target != "annex.docx" {
		t.Errorf("a processor gets the best level of its documents: %+v", acme)
	}
	if g := m.Rows[1]; g.Name != "Ghost" || g.Note != "no-contract" || len(g.Documents) != 0 {
		t.Errorf("processor without contract: %+v", g)
	}
	if l := m.Rows[2]; l.Name != "loose.txt" || l.Processor || l.Cells[0].Level != "restated" || l.Cells[1].Level != "" {
		t.Errorf("document without processor: %+v", l)
	}
	var out bytes.Buffer
	if err := (Table{Options{Lang: check.FR, Width: 100}}).Write(context.Background(), &out, r); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"MATRICE ARTICLE 28", "AU BD", "Acme", "✓  ~", "aucun contrat", "loose.txt", "≈  ?", "AU=A28-3h-audits-information"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, out.String())
		}
	}
	if got := ContractMatrix(Report{Findings: r.Findings[6:]}); len(got.Rows) != 0 {
		t.Errorf("no contracts, no matrix: %+v", got)
	}
}
