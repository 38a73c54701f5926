package waiver

import (
	"github.com/vigie-security/vigie/internal/check"

	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAppend(t *testing.T) {
	file := filepath.Join(t.TempDir(), "waivers.yaml")
	known := func(id string) bool { return strings.HasPrefix(id, "WEB-") }
	e := Entry{Check: "WEB-HSTS-001", Target: "www.example.fr", Statement: "legacy site, retired in March", Expires: "2027-03-31"}
	if err := Append(file, e, known, check.EN); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, append(mustRead(t, file), []byte("# kept comment\n")...), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Append(file, Entry{Check: "WEB-CSP-001", Statement: "vendor widget", Expires: "2027-01-01"}, known, check.EN); err != nil {
		t.Fatal(err)
	}
	w, err := Load(file, known)
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Waivers) != 2 || w.Waivers[0].Target != "www.example.fr" || w.Waivers[1].Check != "WEB-CSP-001" {
		t.Errorf("waivers = %+v", w.Waivers)
	}
	if st, _ := os.Stat(file); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode().Perm())
	}
	if !strings.Contains(string(mustRead(t, file)), "kept comment") {
		t.Errorf("comments are kept:\n%s", mustRead(t, file))
	}
	for name, bad := range map[string]Entry{
		"no statement": {Check: "WEB-HSTS-001", Expires: "2027-01-01"},
		"bad date":     {Check: "WEB-HSTS-001", Statement: "x", Expires: "next year"},
		"unknown":      {Check: "NOPE-001", Statement: "x", Expires: "2027-01-01"},
	} {
		if err := Append(file, bad, known, check.EN); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	huge := filepath.Join(t.TempDir(), "huge.yaml")
	if err := os.WriteFile(huge, []byte("# "+strings.Repeat("x", MaxSize)+"\nwaivers: []\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Append(huge, e, known, check.EN); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("an oversized waiver file is refused, not read whole: %v", err)
	}
	broken := filepath.Join(t.TempDir(), "broken.yaml")
	if err := os.WriteFile(broken, []byte("waivers: [oops"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Append(broken, e, known, check.EN); err == nil || string(mustRead(t, broken)) != "waivers: [oops" {
		t.Errorf("a file vigie cannot read is left alone: %v", err)
	}
}

func mustRead(t *testing.T, f string) []byte {
	t.Helper()
	b, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A new waiver file's header is in the language of whoever wrote it.
func TestAppendHeaderInWritersLanguage(t *testing.T) {
	e := Entry{Check: "WEB-HSTS-001", Target: "https://a.example", Statement: "widget", Expires: "2027-01-01"}
	for l, want := range map[check.Lang]string{check.EN: "# Accepted risks:", check.FR: "# Risques acceptés :"} {
		file := filepath.Join(t.TempDir(), "w.yaml")
		if err := Append(file, e, known, l); err != nil {
			t.Fatal(err)
		}
		if got := string(mustRead(t, file)); !strings.HasPrefix(got, want) {
			t.Errorf("%s: header %q, want it to start with %q", l, got, want)
		}
	}
}
