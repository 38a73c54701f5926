package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/check/checktest"
)

func TestHistoryErrorsInFrench(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	_, err := Open(ctx, filepath.Join(dir, "nodir", "h.db"))
	checktest.SaysFrench(t, err, "ouverture de l'historique "+filepath.Join(dir, "nodir", "h.db")+" : ", "opening history ")
	checktest.SaysFrench(t, err, "fichier ou dossier introuvable", "no such file or directory")

	notes := filepath.Join(dir, "notes.txt")
	os.WriteFile(notes, []byte(strings.Repeat("some notes\n", 200)), 0o600)
	checktest.SaysFrench(t, Check(ctx, notes), "n'est pas un historique vigie (pas une base SQLite)", "is not a vigie history file")
	checktest.SaysFrench(t, Check(ctx, dir), "n'est pas un fichier ordinaire (un dossier)", "is not a regular file (a folder)")

	s, err := Open(ctx, filepath.Join(dir, "h.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, _, err = s.Previous(ctx, time.Now())
	checktest.SaysFrench(t, err, "aucun scan antérieur dans l'historique", "no earlier scan in the history")
}

// TestPostgresErrorsInFrenchHideThePassword needs no server: nothing
// listens on port 1 of the loopback.
func TestPostgresErrorsInFrenchHideThePassword(t *testing.T) {
	ctx := context.Background()
	for _, dsn := range []string{"postgres://vigie:s3cret@127.0.0.1:1/vigie?connect_timeout=2", "postgres://vigie:s3cret@[::1/vigie"} {
		_, err := Open(ctx, dsn)
		if err == nil {
			t.Fatalf("%s opened", Redact(dsn))
		}
		for _, l := range []check.Lang{check.EN, check.FR} {
			if s := check.InLang(err, l); strings.Contains(s, "s3cret") {
				t.Errorf("%s: %s", l, s)
			}
		}
		if fr := check.InLang(err, check.FR); !strings.Contains(fr, "PostgreSQL est injoignable : connexion impossible à `user=vigie database=vigie`") &&
			!strings.Contains(fr, "n'est pas une URL PostgreSQL valide : lecture impossible de `postgres://vigie:xxxxx@[::1/vigie` : pas une URL lisible") {
			t.Errorf("FR: %s", fr)
		}
	}
}

func TestDriverPhrasesInFrench(t *testing.T) {
	e := &Error{Path: "h.db", Text: unusable("h.db"), Err: errors.New("attempt to write a readonly database (8)")}
	if fr := e.In(check.FR); fr != `l'historique "h.db" n'est pas accessible en écriture : écriture dans une base en lecture seule (8)` {
		t.Errorf("FR: %q", fr)
	}
	if en := e.In(check.EN); en != `history "h.db" cannot be written: attempt to write a readonly database (8)` {
		t.Errorf("EN: %q", en)
	}
}

// frenchColon is a colon without the space French typography puts before it.
var frenchColon = regexp.MustCompile(`\S: `)

// TestPostgresDriverPhrasesInFrench: pgx's own words read French, with a
// space before each colon and no system call's name; the system's reasons
// are check.InLang's. Nothing listens on port 1 of the loopback.
func TestPostgresDriverPhrasesInFrench(t *testing.T) {
	cases := []struct{ dsn, fr, en string }{
		{"postgres://vigie:s3cret@127.0.0.1:1/h?connect_timeout=2",
			"PostgreSQL est injoignable : connexion impossible à `user=vigie database=h` :\n\t127.0.0.1:1 (127.0.0.1) : erreur de connexion : connexion à 127.0.0.1:1 : connexion refusée",
			"failed to connect to `user=vigie database=h`:\n\t127.0.0.1:1 (127.0.0.1): dial error: dial tcp 127.0.0.1:1: connect: connection refused"},
		{"postgres://vigie:s3cret@127.0.0.1:1/h?sslmode=bogus",
			"lecture impossible de `postgres://vigie:xxxxx@127.0.0.1:1/h?sslmode=bogus` : configuration TLS impossible (valeur de sslmode inconnue)",
			"failed to configure TLS (sslmode is invalid)"},
		{"postgres://vigie:s3cret@127.0.0.1:1/h?sslmode=verify-full&sslrootcert=" + filepath.Join(t.TempDir(), "ca.pem"),
			"configuration TLS impossible (lecture du fichier d'autorités (CA) impossible : ",
			"failed to configure TLS (unable to read CA file: open "},
		{"postgres://vigie:s3cret@127.0.0.1:99999/h", "` : port illisible", "`: invalid port"},
	}
	for _, c := range cases {
		_, err := Open(context.Background(), c.dsn)
		checktest.SaysFrench(t, err, c.fr, c.en)
		fr := check.InLang(err, check.FR)
		if frenchColon.MatchString(fr) || strings.Contains(fr, "connect:") || strings.Contains(fr, "s3cret") {
			t.Errorf("French typography or secret: %q", fr)
		}
	}
}
