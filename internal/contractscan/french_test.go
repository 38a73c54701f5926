package contractscan

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check/checktest"
	"github.com/vigie-security/vigie/internal/contractdoc"
)

// TestErrorsInFrench: what Prepare refuses, and why a document could not
// be read, reads in French for a French reader; err.Error() stays English.
func TestErrorsInFrench(t *testing.T) {
	dir := t.TempDir()
	absent := filepath.Join(dir, "absent.pdf")
	_, err := Prepare(Source{Documents: []string{absent}})
	checktest.SaysFrench(t, err, absent+" : fichier introuvable", absent+": no such file")

	empty := t.TempDir()
	_, err = Prepare(Source{Documents: []string{empty}})
	checktest.SaysFrench(t, err, empty+" : aucun document contractuel (.txt", empty+": no contract documents (.txt")

	_, err = Prepare(Source{Folder: filepath.Join(dir, "contrats")})
	checktest.SaysFrench(t, err, "contracts.folder "+filepath.Join(dir, "contrats")+" : fichier ou dossier introuvable",
		"contracts.folder "+filepath.Join(dir, "contrats")+": no such file or directory")

	inv := filepath.Join(dir, "inv.csv")
	put(t, inv, []byte("processor\nAcme\nacme\n"))
	_, err = Prepare(Source{Inventory: inv})
	checktest.SaysFrench(t, err, "inventaire "+inv+" : ligne 3 : même nom de sous-traitant", "row 3: same processor name as row 2")

	bad := filepath.Join(dir, "dpa.docx")
	put(t, bad, []byte("pas une archive"))
	ev := Analyse(context.Background(), bad, contractdoc.DefaultLimits())
	if ev.Problem == nil || !strings.HasPrefix(ev.Problem.EN, "could not read the document: "+bad+": corrupt document") ||
		ev.Problem.FR != "document illisible : "+bad+" : document corrompu : archive zip non valide" {
		t.Errorf("unreadable document: %+v", ev.Problem)
	}
}
