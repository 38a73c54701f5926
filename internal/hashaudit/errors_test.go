package hashaudit

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/check/checktest"
)

// TestErrorsInFrench: the errors a malformed file of stored passwords gives
// read in French under check.FR, keep the file and line, show no stored
// value, and stay English in err.Error().
func TestErrorsInFrench(t *testing.T) {
	headerless := "jean@x.fr,Azerty123!\n"
	for name, tc := range map[string]struct{ data, column, en, fr string }{
		"no header": {headerless, "password_hash",
			`users.csv:1: the first line does not look like a header: 2 columns, none named "password_hash"`,
			`users.csv:1: la première ligne ne ressemble pas à un en-tête : 2 colonnes, aucune nommée "password_hash" ; ajoutez une ligne d'en-tête`},
		"index past the end": {headerless, "5", "users.csv:1: no column 5: the line has 2 columns",
			"users.csv:1: pas de colonne 5 : la ligne a 2 colonnes"},
		"unknown column": {"id,email,pwd\n1,jean@x.fr,Azerty123!\n", "hash", `users.csv:1: no column "hash" (columns: id, email, pwd)`,
			`users.csv:1: pas de colonne "hash" (colonnes : id, email, pwd)`},
		"endless line": {"jean@x.fr," + seedBcrypt + strings.Repeat("A", MaxLine), "", "users.csv:1: line longer than 64 KB",
			"users.csv:1: ligne de plus de 64 Ko : ce n'est pas un fichier de mots de passe stockés"},
		"endless quoted field": {"email,hash\njean@x.fr,\"" + seedBcrypt + strings.Repeat("Azerty123!\n", MaxLine/4), "",
			"users.csv:2: a line or quoted value longer than 64 KB",
			"users.csv:2: ligne ou valeur entre guillemets de plus de 64 Ko"},
		"values read as labels": {"jdoe,soleil\n", "hash", `users.csv:1: no column "hash": the first line has 2 columns, none named so`,
			`users.csv:1: pas de colonne "hash" : la première ligne a 2 colonnes, aucune nommée ainsi, et aucune de ses cellules ne nomme une colonne habituelle`},
		"empty file": {"", "hash", `users.csv: the file is empty: no header, no column "hash"`,
			`users.csv: le fichier est vide : ni en-tête, ni colonne "hash"`},
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "users.csv")
			if err := os.WriteFile(path, []byte(tc.data), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := AuditFile(context.Background(), path, tc.column)
			checktest.SaysFrench(t, err, tc.fr, tc.en)
			fr := check.InLang(err, check.FR)
			if v := leaks(fr); v != "" {
				t.Errorf("the French error shows %q: %s", v, fr)
			}
		})
	}
	_, err := AuditFile(context.Background(), filepath.Join(t.TempDir(), "nothere.csv"), "")
	if fr := check.InLang(err, check.FR); !strings.Contains(fr, "lecture des mots de passe stockés") || !strings.Contains(fr, "nothere.csv : fichier ou dossier introuvable") {
		t.Errorf("missing file, French: %q", fr)
	}
}
