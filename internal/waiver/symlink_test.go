package waiver

import (
	"github.com/vigie-security/vigie/internal/check"

	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A waiver file kept elsewhere (a dotfiles or config repository) and linked
// into place stays linked: Append writes the link's target, atomically.
func TestAppendKeepsASymlinkedFile(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "repo", "waivers.yaml")
	if err := os.Mkdir(filepath.Dir(real), 0o700); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "waivers.yaml")
	if err := os.Symlink("repo/waivers.yaml", link); err != nil {
		t.Fatal(err)
	}
	known := func(id string) bool { return strings.HasPrefix(id, "WEB-") }
	for _, e := range []Entry{
		{Check: "WEB-HSTS-001", Statement: "legacy site", Expires: "2027-03-31"}, // creates the target
		{Check: "WEB-CSP-001", Statement: "vendor widget", Expires: "2027-01-01"},
	} {
		if err := Append(link, e, known, check.EN); err != nil {
			t.Fatal(err)
		}
		if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("%s is no longer a symbolic link: %v %v", link, st.Mode(), err)
		}
	}
	w, err := Load(real, known)
	if err != nil || len(w.Waivers) != 2 {
		t.Fatalf("target holds %+v, %v", w.Waivers, err)
	}
	if st, _ := os.Stat(real); st.Mode().Perm() != 0o600 {
		t.Errorf("target mode %v", st.Mode().Perm())
	}
	if entries, _ := os.ReadDir(filepath.Dir(real)); len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
}
