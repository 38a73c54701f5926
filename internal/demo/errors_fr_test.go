package demo

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/check/checktest"
)

// TestStartErrorInFrench: with no temporary folder to write the demo's
// files in, Start says so in French too.
func TestStartErrorInFrench(t *testing.T) {
	tmp := filepath.Join(t.TempDir(), "absent")
	t.Setenv("TMPDIR", tmp)
	lab, err := Start(time.Now())
	if err == nil {
		lab.Close()
		t.Fatal("the demo started without a temporary folder")
	}
	fr := check.InLang(err, check.FR)
	if !strings.Contains(fr, "dossier des contrats de démonstration : "+tmp) || !strings.Contains(fr, "fichier ou dossier introuvable") ||
		checktest.EnglishWord(fr) != "" {
		t.Errorf("French: %q", fr)
	}
	if en := err.Error(); !strings.HasPrefix(en, "demo contracts folder: ") || !strings.Contains(en, tmp+": no such file or directory") {
		t.Errorf("English: %q", en)
	}
}
