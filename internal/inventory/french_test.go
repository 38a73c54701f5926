package inventory

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/check/checktest"
)

// TestErrorsInFrench: a French reader gets each error in French, with its
// file, line and counts, and still no personal value (issue 17, item 2);
// err.Error() stays English.
func TestErrorsInFrench(t *testing.T) {
	headerless := "jean@x.fr,Azerty123!,0612345678\nmarie@x.fr,Soleil42,0698765432\n"
	long := strings.Repeat("é", MaxCell)
	missing := filepath.Join(t.TempDir(), "absent.csv")
	for name, tc := range map[string]struct {
		path   string
		opt    Options
		en, fr string
	}{
		"csv without header": {write(t, "u.csv", []byte(headerless)), Options{},
			"no processor column: line 1 does not look like a header (3 columns",
			"aucune colonne de sous-traitant : la ligne 1 ne ressemble pas à un en-tête (3 colonnes, non affichées"},
		"column mapped": {write(t, "u.csv", []byte(headerless)), Options{Columns: map[string]string{"processor": "Nom"}},
			`no column named "Nom": line 1 does not look like a header`,
			`contracts.columns.processor : aucune colonne nommée "Nom" : la ligne 1 ne ressemble pas à un en-tête (3 colonnes`},
		"xlsx without header": {xlsxFile(t, [][]any{{}, {"jean@x.fr", "Azerty123!"}}), Options{},
			"row 2 does not look like a header (2 columns",
			"première feuille : aucune colonne de sous-traitant : la ligne 2 ne ressemble pas à un en-tête (2 colonnes"},
		"long cell": {write(t, "c.csv", []byte("processor;service\nAcme;"+long+"\n")), Options{},
			"line 2, column 2 (service): a cell of 8192 bytes, over the 4096-byte limit for one cell",
			"ligne 2, colonne 2 (service) : une cellule de 8192 octets, au-delà de la limite de 4096 octets pour une cellule"},
		"duplicate": {write(t, "d.csv", []byte("processor\nAcme\nacme\n")), Options{},
			"row 3: same processor name as row 2; merge the rows",
			"ligne 3 : même nom de sous-traitant qu'à la ligne 2 ; fusionnez les lignes"},
		"no sheet": {xlsxFile(t, [][]any{{"processor"}, {"Acme"}}), Options{Sheet: "Vendors"},
			`no sheet named "Vendors" (the workbook has 1 sheet)`, `aucune feuille nommée "Vendors" (le classeur a 1 feuille)`},
		"yaml unknown field": {write(t, "i.yaml", []byte("processors:\n  - name: Acme\n    contrat: a.pdf\n")), Options{},
			`line 3: unknown field "contrat"`, `ligne 3 : champ "contrat" inconnu (champs possibles : processor,`},
		"yaml scalar": {write(t, "s.yaml", []byte("processors: jean@x.fr Azerty123!\n")), Options{},
			"yaml: unmarshal errors: line 1: cannot unmarshal !!str a value into",
			"yaml : ligne 1 : valeur !!str illisible comme []yaml.Node (une liste processors: est attendue au premier niveau)"},
		"yaml dup key": {write(t, "k.yaml", []byte("processors:\n  - name: Acme\n    name: Jean Dupont\n")), Options{},
			"line 2: yaml: unmarshal errors: line 3: mapping key a value already defined at line 2",
			"ligne 2 : yaml : ligne 3 : clé déjà définie à la ligne 2"},
		"yaml syntax": {write(t, "y.yaml", []byte("processors:\n  - name: a: b\n")), Options{},
			"yaml: line 2: mapping values are not allowed in this context",
			"yaml : ligne 2 : valeur de clé interdite à cet endroit"},
		"not xlsx": {write(t, "i.xlsx", []byte("pas un classeur")), Options{},
			"not a readable XLSX workbook: not a zip archive", "classeur XLSX illisible : pas une archive zip"},
		"format":  {write(t, "i.ods", []byte("x")), Options{}, `unsupported format ".ods"`, `format ".ods" non pris en charge`},
		"no file": {missing, Options{}, "no such file or directory", "inventaire " + missing + " : fichier ou dossier introuvable"},
	} {
		_, err := Load(tc.path, tc.opt)
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		fr := check.InLang(err, check.FR)
		if !strings.Contains(err.Error(), tc.en) || !strings.HasPrefix(err.Error(), "inventory "+tc.path+": ") {
			t.Errorf("%s: English %q, want the file and %q", name, err, tc.en)
		}
		if !strings.Contains(fr, tc.fr) || !strings.HasPrefix(fr, "inventaire "+tc.path+" : ") {
			t.Errorf("%s: French %q, want the file and %q", name, fr, tc.fr)
		}
		if w := checktest.EnglishWord(fr); w != "" {
			t.Errorf("%s: %q in French: %q", name, w, fr)
		}
		if v := leaks(fr); v != "" {
			t.Errorf("%s: the French error shows %q: %q", name, v, fr)
		}
	}
}
