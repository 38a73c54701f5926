package leadscan

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The plan lists every record to act on (not only the evidence's first
// five), with its check and action, and nothing personal.
func TestWritePlan(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "crm.csv")
	var b strings.Builder
	b.WriteString("id;email;phone;created_at;last_activity_at;optout;consent_email;notes\n")
	for i := range 12 { // 12 stale prospects: more than the evidence keeps
		b.WriteString("S" + string(rune('a'+i)) + ";old" + string(rune('a'+i)) + ".person@gmail.com;0612345678;2019-01-01;;non;oui;diabète\n")
	}
	b.WriteString("K1;marie.curie@orange.fr;;2025-05-01;;oui;oui;\n")           // opted out, still consenting: suppress
	b.WriteString("K2;jo@acme.fr;;2027-01-01;;non;oui;\n")                      // future date
	b.WriteString("K3;fresh.lead@free.fr;0698765432;2026-03-01;;non;oui;RAS\n") // nothing to do
	if err := os.WriteFile(src, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(src)
	p, err := Prepare(Source{Path: src})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "plan.csv")
	sum, err := WritePlan(context.Background(), out, []*Plan{p}, june)
	if err != nil {
		t.Fatal(err)
	}
	if len(sum) != 1 || sum[0].Records["LEAD-RET-001"] != 12 || sum[0].Records["LEAD-CON-005"] != 1 || sum[0].Records["LEAD-RET-002"] != 1 || sum[0].KeyFrom != "id" {
		t.Fatalf("summary %+v", sum)
	}
	st, err := os.Stat(out)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("plan mode %v, %v", st.Mode(), err)
	}
	data, _ := os.ReadFile(out)
	rows, err := csv.NewReader(strings.NewReader(string(data))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], planHeader) {
		t.Fatalf("header %v", rows[0])
	}
	got := map[string][]string{}
	for _, r := range rows[1:] {
		if r[0] != src || r[5] != "id" || r[3] == "" || r[4] == "" || r[3] == r[4] {
			t.Errorf("line %v", r)
		}
		got[r[1]+" "+r[2]] = append(got[r[1]+" "+r[2]], r[6])
	}
	slices.Sort(got["LEAD-RET-001 delete_or_archive"])
	if k := got["LEAD-RET-001 delete_or_archive"]; len(k) != 12 || k[0] != "Sa" || k[11] != "Sl" {
		t.Errorf("RET-001 keys %v", k)
	}
	if k := got["LEAD-CON-005 suppress"]; !slices.Equal(k, []string{"K1"}) {
		t.Errorf("CON-005 keys %v", k)
	}
	if k := got["LEAD-RET-002 fix_date"]; !slices.Equal(k, []string{"K2"}) {
		t.Errorf("RET-002 keys %v (all %v)", k, got)
	}
	for _, secret := range []string{"person@", "gmail", "marie", "curie", "0612345678", "diabète", "fresh"} {
		if strings.Contains(string(data), secret) {
			t.Errorf("the plan holds %q", secret)
		}
	}
	if after, _ := os.ReadFile(src); string(after) != string(before) {
		t.Error("the source changed")
	}
}

func TestWritePlanRefuses(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "crm.csv")
	os.WriteFile(src, []byte("id;email;created_at\n1;a.b@gmail.com;2019-01-01\n"), 0o600)
	p, err := Prepare(Source{Path: src})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := WritePlan(context.Background(), src, []*Plan{p}, june); err == nil || !strings.Contains(err.Error(), "overwrite the lead source") {
		t.Fatalf("plan over its source: %v", err)
	}
	// A source that fails mid-way: no plan is written at all.
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("id;email\n1;\"unclosed\n"+strings.Repeat("x", 2<<20)+"\n"), 0o600)
	pb, err := Prepare(Source{Path: bad})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "plan.csv")
	if _, err := WritePlan(context.Background(), out, []*Plan{p, pb}, june); err == nil || !strings.Contains(err.Error(), "bad.csv") {
		t.Fatalf("failed source: %v", err)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a partial plan was written: %v", err)
	}
}
