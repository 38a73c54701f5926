package atomicfile

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

// english are words that betray an English message in a French one.
var english = regexp.MustCompile(`\b(the|and|with|not|found|missing|must|should|reading|invalid|expected)\b`)

// saysFrench fails unless err reads in French with fr, and stays the
// English en in err.Error().
func saysFrench(t *testing.T, err error, fr, en string) {
	t.Helper()
	if err == nil {
		t.Fatal("no error")
	}
	got := check.InLang(err, check.FR)
	if !strings.Contains(got, fr) || english.MatchString(got) {
		t.Errorf("French: %q (want %q and no English word)", got, fr)
	}
	if !strings.Contains(err.Error(), en) {
		t.Errorf("English: %q (want %q)", err.Error(), en)
	}
}

func TestErrorsInFrench(t *testing.T) {
	dir := t.TempDir()
	saysFrench(t, WriteBytes(filepath.Join(dir, "absent", "x"), nil), "le dossier \""+filepath.Join(dir, "absent")+"/\" n'existe pas", "does not exist")
	saysFrench(t, WriteBytes(dir, nil), "est un dossier", "is a folder")
	if _, err := os.Stat("/dev/full"); err == nil {
		// A character device is written in place; this one is always full.
		saysFrench(t, WriteBytes("/dev/full", []byte("x")), "écriture de /dev/full : /dev/full : plus de place sur le disque",
			"writing /dev/full: write /dev/full: no space left on device")
	}
}
