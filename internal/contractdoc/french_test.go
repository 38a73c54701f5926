package contractdoc

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/check/checktest"
)

// TestErrorsInFrench: an extraction error reads in French for a French
// reader, the file first; err.Error() stays English.
func TestErrorsInFrench(t *testing.T) {
	dir := t.TempDir()
	file := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	folder := filepath.Join(dir, "dossier.pdf")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	small := DefaultLimits()
	small.MaxFile = 10
	for name, tc := range map[string]struct {
		path   string
		lim    Limits
		en, fr string
	}{
		"missing":   {filepath.Join(dir, "absent.pdf"), DefaultLimits(), "cannot open: no such file or directory", "ouverture impossible : fichier ou dossier introuvable"},
		"not a zip": {file("dpa.docx", "pas une archive"), DefaultLimits(), "corrupt document: not a valid zip archive", "document corrompu : archive zip non valide"},
		"format":    {file("dpa.rtf", "{\\rtf1}"), DefaultLimits(), "unsupported format (want .txt", "format non pris en charge (formats lus : .txt"},
		"directory": {folder, DefaultLimits(), "is a directory", "est un dossier"},
		"too big":   {file("long.txt", "Le sous-traitant notifie toute violation."), small, "file is 41 bytes, over the 10-byte limit", "le fichier fait 41 octets, au-delà de la limite de 10 octets"},
		"no text":   {file("vide.md", "   \n\n"), DefaultLimits(), "the document holds no text", "le document ne contient aucun texte"},
	} {
		_, err := Extract(context.Background(), tc.path, tc.lim)
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		if want := tc.path + ": " + tc.en; !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%s: English %q, want %q", name, err, want)
		}
		fr := check.InLang(err, check.FR)
		if want := tc.path + " : " + tc.fr; !strings.HasPrefix(fr, want) {
			t.Errorf("%s: French %q, want %q", name, fr, want)
		}
		if w := checktest.EnglishWord(fr); w != "" {
			t.Errorf("%s: %q in French: %q", name, w, fr)
		}
	}
}
