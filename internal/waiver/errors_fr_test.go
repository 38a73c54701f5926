package waiver

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/check/checktest"
)

func TestWaiverErrorsInFrench(t *testing.T) {
	dir := t.TempDir()
	known := func(id string) bool { return id == "WEB-HSTS-001" }
	cases := []struct{ yaml, fr, en string }{
		{"waivers:\n  - target: x\n", ":2: waivers[0]: check est obligatoire", ":2: waivers[0]: check is required"},
		{"waivers:\n  - check: WEB-NOPE-001\n", `:2: waivers[0]: check "WEB-NOPE-001" inconnu (voir vigie checks)`, `unknown check "WEB-NOPE-001"`},
		{"waivers:\n  - check: WEB-HSTS-001\n", ":2: waivers[0]: statement est obligatoire : la justification", "statement is required"},
		{"waivers:\n  - check: WEB-HSTS-001\n    statement: ok\n", ":2: waivers[0]: expires est obligatoire (AAAA-MM-JJ) : une dérogation ne dure jamais indéfiniment", "expires is required"},
		{"waivers:\n  - check: WEB-HSTS-001\n    statement: ok\n    expires: soon\n", `:2: waivers[0]: expires "soon" n'est pas une date (AAAA-MM-JJ)`, `expires "soon" is not a date`},
		{"waivers:\n  - check: WEB-HSTS-001\n    statement: ok\n    expires: 2030-01-01\n    target: \"[\"\n", `:2: waivers[0]: target "[" n'est pas un motif valide`, `target "[" is not a valid pattern`},
	}
	for i, c := range cases {
		file := filepath.Join(dir, "w"+string(rune('a'+i))+".yaml")
		os.WriteFile(file, []byte(c.yaml), 0o600)
		_, err := Load(file, known)
		checktest.SaysFrench(t, err, file+c.fr, c.en)
	}

	_, err := Load(filepath.Join(dir, "nothere.yaml"), known)
	checktest.SaysFrench(t, err, "lecture des dérogations : "+filepath.Join(dir, "nothere.yaml")+" : fichier ou dossier introuvable", "reading waivers: ")

	file := filepath.Join(dir, "new.yaml")
	checktest.SaysFrench(t, Append(file, Entry{Check: "WEB-HSTS-001"}, known, check.EN), "une dérogation demande une justification", "a waiver needs a statement")
	checktest.SaysFrench(t, Append(file, Entry{Check: "WEB-HSTS-001", Statement: "ok", Expires: "31/12/2030"}, known, check.EN),
		`expires "31/12/2030" n'est pas une date (AAAA-MM-JJ)`, `expires "31/12/2030" is not a date`)
	checktest.SaysFrench(t, Append(dir, Entry{Check: "WEB-HSTS-001", Statement: "ok", Expires: "2030-12-31"}, known, check.EN),
		"écriture des dérogations "+dir+" : pas un fichier ordinaire (un dossier)", "not a regular file (a folder)")
}
