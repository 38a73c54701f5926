package catalog

import (
	"go/build"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

// TestMetadata is the single gate on check metadata: unique IDs, the ID
// pattern, known severity and family, both languages, at least one reference.
func TestMetadata(t *testing.T) {
	all := All()
	if len(all) == 0 {
		t.Fatal("empty catalogue")
	}
	if err := all.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, c := range all {
		m := c.Meta()
		prefix := map[check.Family]string{check.FamilyWeb: "WEB-", check.FamilyPassword: "PWD-",
			check.FamilyContracts: "CTR-", check.FamilyLeads: "LEAD-"}[m.Family]
		if !strings.HasPrefix(m.ID, prefix) {
			t.Errorf("%s: family %s wants prefix %s", m.ID, m.Family, prefix)
		}
	}
}

func TestValidateCatchesBadMetadata(t *testing.T) {
	good := All()[0].Meta()
	bad := func(f func(*check.Meta)) check.Catalogue {
		m := good
		f(&m)
		return check.Catalogue{check.Typed[fakeEv]{M: m}}
	}
	cases := map[string]check.Catalogue{
		"id pattern":    bad(func(m *check.Meta) { m.ID = "web-hsts-1" }),
		"severity":      bad(func(m *check.Meta) { m.Severity = 9 }),
		"french title":  bad(func(m *check.Meta) { m.Title.FR = "" }),
		"no reference":  bad(func(m *check.Meta) { m.References = nil }),
		"reference url": bad(func(m *check.Meta) { m.References = []check.Reference{{Source: "X"}} }),
		"cap grade":     bad(func(m *check.Meta) { m.CapOnFail = "Z" }),
		"family":        bad(func(m *check.Meta) { m.Family = "dns" }),
		"duplicate":     append(bad(func(*check.Meta) {}), bad(func(*check.Meta) {})...),
	}
	for name, cat := range cases {
		if err := cat.Validate(); err == nil {
			t.Errorf("%s: Validate accepted bad metadata", name)
		}
	}
}

type fakeEv struct{}

func (fakeEv) TargetName() string { return "" }

// TestChecksArePure keeps evaluation free of I/O: no package under checks/
// may import networking, files, processes or the collectors.
func TestChecksArePure(t *testing.T) {
	forbidden := []string{"net", "net/http", "os", "os/exec", "io/ioutil", "syscall", "database/sql"}
	for _, dir := range []string{"web", "password", "contracts", "leads"} {
		pkg, err := build.Import("github.com/vigie-security/vigie/checks/"+dir, "", 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range pkg.Imports {
			for _, f := range forbidden {
				if imp == f {
					t.Errorf("checks/%s imports %s", dir, imp)
				}
			}
			if strings.Contains(imp, "projectdiscovery") || strings.Contains(imp, "/internal/collect") {
				t.Errorf("checks/%s imports collector code %s", dir, imp)
			}
		}
	}
}

func TestKnown(t *testing.T) {
	if !Known("WEB-HSTS-001") || !Known("CTR-AUDIT-001") || !Known("LEAD-RET-001") || Known("WEB-NOPE-001") {
		t.Error("Known does not follow the catalogue")
	}
}
