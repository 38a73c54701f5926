package contractscan

import (
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/contractdoc"
)

// english are words that give away an English message in French output.
var english = regexp.MustCompile(`\b(?i:the|and|with|not|found|missing|must|should|reading|invalid|expected)\b`)

func assertFrench(t *testing.T, name string, err error, en, fr string) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: no error", name)
		return
	}
	if !strings.Contains(err.Error(), en) {
		t.Errorf("%s: English %q, want %q", name, err, en)
	}
	got := check.InLang(err, check.FR)
	if !strings.Contains(got, fr) {
		t.Errorf("%s: French %q, want %q", name, got, fr)
	}
	if w := english.FindString(got); w != "" {
		t.Errorf("%s: %q in French: %q", name, w, got)
	}
}

// TestErrorsInFrench: what Prepare refuses, and why a document could not
// be read, reads in French for a French reader; err.Error() stays English.
func TestErrorsInFrench(t *testing.T) {
	dir := t.TempDir()
	absent := filepath.Join(dir, "absent.pdf")
	_, err := Prepare(Source{Documents: []string{absent}})
	assertFrench(t, "missing document", err, absent+": no such file", absent+" : fichier introuvable")

	empty := t.TempDir()
	_, err = Prepare(Source{Documents: []string{empty}})
	assertFrench(t, "empty directory", err, empty+": no contract documents (.txt", empty+" : aucun document contractuel (.txt")

	_, err = Prepare(Source{Folder: filepath.Join(dir, "contrats")})
	assertFrench(t, "missing folder", err, "contracts.folder "+filepath.Join(dir, "contrats")+": no such file or directory",
		"contracts.folder "+filepath.Join(dir, "contrats")+" : fichier ou dossier introuvable")

	inv := filepath.Join(dir, "inv.csv")
	put(t, inv, []byte("processor\nAcme\nacme\n"))
	_, err = Prepare(Source{Inventory: inv})
	assertFrench(t, "inventory", err, "row 3: same processor name as row 2", "inventaire "+inv+" : ligne 3 : même nom de sous-traitant")

	bad := filepath.Join(dir, "dpa.docx")
	put(t, bad, []byte("pas une archive"))
	ev := Analyse(context.Background(), bad, contractdoc.DefaultLimits())
	if ev.Problem == nil || !strings.HasPrefix(ev.Problem.EN, "could not read the document: "+bad+": corrupt document") ||
		ev.Problem.FR != "document illisible : "+bad+" : document corrompu : archive zip non valide" {
		t.Errorf("unreadable document: %+v", ev.Problem)
	}
}
