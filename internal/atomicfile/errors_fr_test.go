package atomicfile

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/vigie-security/vigie/internal/check/checktest"
)

func TestErrorsInFrench(t *testing.T) {
	dir := t.TempDir()
	checktest.SaysFrench(t, WriteBytes(filepath.Join(dir, "absent", "x"), nil), "le dossier \""+filepath.Join(dir, "absent")+"/\" n'existe pas", "does not exist")
	checktest.SaysFrench(t, WriteBytes(dir, nil), "est un dossier", "is a folder")
	if _, err := os.Stat("/dev/full"); err == nil {
		// A character device is written in place; this one is always full.
		checktest.SaysFrench(t, WriteBytes("/dev/full", []byte("x")), "écriture de /dev/full : /dev/full : plus de place sur le disque",
			"writing /dev/full: write /dev/full: no space left on device")
	}
}
