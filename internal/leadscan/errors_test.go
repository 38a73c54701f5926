package leadscan

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/check/checktest"
)

// assertFrench fails when fr, once the path is taken out, lacks want or
// has an English word.
func assertFrench(t *testing.T, fr, want, path string) {
	t.Helper()
	if !strings.Contains(fr, want) {
		t.Errorf("FR %q, want %q", fr, want)
	}
	if path != "" {
		fr = strings.ReplaceAll(fr, path, "")
	}
	if w := checktest.EnglishWord(fr); w != "" {
		t.Errorf("FR %q has the English word %q", fr, w)
	}
}

// TestErrorsInFrench: every way a lead source fails to plan or read is
// said in French under --lang fr (check.InLang), and stays the English
// text in err.Error().
func TestErrorsInFrench(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	csvFile := write("leads.csv", "email,created_at\na.b@gmail.com,2020-01-01\n")
	two := sqliteFile(t, `CREATE TABLE a (email TEXT)`, `CREATE TABLE b (email TEXT)`)
	broken := write("broken.db", "SQLite format 3\x00"+strings.Repeat("\x00", 200))
	prepare := []struct {
		src    Source
		en, fr string
	}{
		{Source{Path: dir}, "a directory, not a lead file", " : un dossier, pas un fichier de prospects"},
		{Source{Path: write("x.pdf", "%PDF")}, "not a lead file vigie reads", "pas un fichier de prospects que vigie sait lire (CSV, TSV, XLSX ou SQLite)"},
		{Source{Path: filepath.Join(dir, "nothere.csv")}, "no such file or directory", "nothere.csv : fichier ou dossier introuvable"},
		{Source{Path: csvFile, Limits: Limits{MaxFile: 10}}, "over the 10-byte limit", ": 42 octets, au-delà de la limite de 10 octets"},
		{Source{Path: write("big.xlsx", strings.Repeat("x", 100)), Limits: Limits{MaxXLSX: 10}}, "for a workbook", "au-delà de la limite de 10 octets pour un classeur (exportez-le en CSV"},
		{Source{Path: csvFile, Columns: map[string]string{"mail": "email"}}, `leads.columns: unknown role "mail"`, `leads.columns: rôle inconnu "mail"`},
		{Source{Path: two}, "choose one with --table", "plusieurs tables pourraient contenir les prospects (a, b) : choisissez-en une avec --table"},
		{Source{Path: two, Table: "c"}, `no table named "c" (tables: a, b)`, `aucune table nommée "c" (tables : a, b)`},
		{Source{Path: broken}, "not a SQLite database", "pas une base SQLite, ou une base corrompue"},
		{Source{Path: "postgres://u:pw@/crm"}, "database source: the database URL names no host", "source de base de données : l'URL de la base de données ne nomme aucun hôte"},
		{Source{DSN: "mysql://u:pw@127.0.0.1:3307/"}, "names no database", "l'URL MySQL ne nomme aucune base"},
		{Source{DSN: "postgres://u:p w@%zz/crm"}, "cannot be parsed", "l'URL de la base de données est illisible"},
	}
	for _, tc := range prepare {
		_, err := Prepare(tc.src)
		if err == nil {
			t.Errorf("%s: no error", tc.src.Path)
			continue
		}
		if !strings.Contains(err.Error(), tc.en) {
			t.Errorf("EN %q, want %q", err.Error(), tc.en)
		}
		fr := check.InLang(err, check.FR)
		assertFrench(t, fr, tc.fr, tc.src.Path)
		if strings.Contains(fr, "pw") || strings.Contains(err.Error(), "pw") {
			t.Errorf("a DSN's password shown: %q", fr)
		}
	}

	collect := []struct {
		src    Source
		en, fr string
	}{
		{Source{Path: write("empty.csv", "")}, "the file is empty", "lecture impossible de %s : le fichier est vide"},
		{Source{Path: write("long.csv", "email\n\""+strings.Repeat("x", 2<<20)), Limits: Limits{MaxRecord: 1 << 20}},
			"a record over 1024 KiB", "un enregistrement de plus de 1024 Kio (une ligne sans fin, ou un guillemet non fermé ?)"},
		{Source{Path: write("renamed.xlsx", "email\na.b@gmail.com\n")}, "not a zip archive", "classeur XLSX illisible : le fichier n'est pas une archive zip"},
		{Source{Path: write("old.xlsx", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"+strings.Repeat("\x00", 600))}, "an old .xls", "un ancien .xls ou un classeur protégé par mot de passe"},
	}
	for _, tc := range collect {
		p, err := Prepare(tc.src)
		if err != nil {
			t.Fatal(err)
		}
		ev := p.Collect(context.Background(), june)
		if ev.Problem == nil {
			t.Errorf("%s: read without a problem", tc.src.Path)
			continue
		}
		if !strings.Contains(ev.Problem.EN, tc.en) {
			t.Errorf("EN %q, want %q", ev.Problem.EN, tc.en)
		}
		want := tc.fr
		if strings.Contains(want, "%s") {
			want = fmt.Sprintf(want, tc.src.Path)
		}
		assertFrench(t, ev.Problem.FR, want, tc.src.Path)
	}

	// A plan that would overwrite its source, and one whose source fails.
	p, err := Prepare(Source{Path: csvFile})
	if err != nil {
		t.Fatal(err)
	}
	_, err = WritePlan(context.Background(), csvFile, []*Plan{p}, june)
	if err == nil || !strings.Contains(err.Error(), "overwrite the lead source") {
		t.Fatalf("overwrite: %v", err)
	}
	assertFrench(t, check.InLang(err, check.FR), "le plan écraserait la source de prospects elle-même", csvFile)
	empty, _ := Prepare(Source{Path: filepath.Join(dir, "empty.csv")})
	_, err = WritePlan(context.Background(), filepath.Join(dir, "plan.csv"), []*Plan{empty}, june)
	if err == nil || !strings.Contains(err.Error(), "the file is empty") {
		t.Fatalf("failing source: %v", err)
	}
	assertFrench(t, check.InLang(err, check.FR), "le fichier est vide", filepath.Join(dir, "empty.csv"))
}

// TestServerErrorsInFrench: what a database server's refusal means, in
// both languages, for every case serverErr knows; the driver's message
// (which may quote a value or the DSN) is in neither.
func TestServerErrorsInFrench(t *testing.T) {
	d, err := parseDSN("postgres://alice:s3cret@127.0.0.1:5432/crm")
	if err != nil {
		t.Fatal(err)
	}
	msg := "value jeanne.secret@gmail.com for alice:s3cret"
	for _, tc := range []struct {
		err    error
		en, fr string
	}{
		{&pgconn.PgError{Code: "28P01", Message: msg}, "authentication failed", "échec d'authentification"},
		{&pgconn.PgError{Code: "3D000", Message: msg}, "does not exist", "la base de données n'existe pas"},
		{&pgconn.PgError{Code: "57014", Message: msg}, "timed out after 2s", "la requête a dépassé le délai de 2s (statement_timeout)"},
		{&pgconn.PgError{Code: "25006", Message: msg}, "read-only session", "en lecture seule"},
		{&pgconn.PgError{Code: "42501", Message: msg}, "SQLSTATE 42501", "le compte n'a pas le droit de lire la table"},
		{&pgconn.PgError{Code: "53300", Message: msg}, "too many connections", "le serveur a trop de connexions"},
		{&pgconn.PgError{Code: "XX000", Message: msg}, "refused the query (SQLSTATE XX000)", "le serveur a refusé la requête (SQLSTATE XX000)"},
		{&mysql.MySQLError{Number: 1045, Message: msg}, "authentication failed", "échec d'authentification"},
		{&mysql.MySQLError{Number: 1049, Message: msg}, "does not exist", "la base de données n'existe pas"},
		{&mysql.MySQLError{Number: 3024, Message: msg}, "timed out", "la requête a dépassé le délai de 2s"},
		{&mysql.MySQLError{Number: 1142, Message: msg}, "MySQL error 1142", "(erreur MySQL 1142)"},
		{&mysql.MySQLError{Number: 1792, Message: msg}, "read-only transaction", "transaction en lecture seule"},
		{&mysql.MySQLError{Number: 1040, Message: msg}, "too many connections", "le serveur a trop de connexions"},
		{&mysql.MySQLError{Number: 1064, Message: msg}, "MySQL error 1064", "le serveur a refusé la requête (erreur MySQL 1064)"},
		{fmt.Errorf("x: %w", mysql.ErrInvalidConn), "stopped answering", "le serveur a cessé de répondre ou a fermé la connexion (délai de lecture 2s)"},
		{&net.OpError{Op: "dial", Err: syscall.ECONNREFUSED}, "connection refused", "aucun serveur de base de données n'écoute à cette adresse"},
		{context.DeadlineExceeded, "did not answer within 2s", "le serveur n'a pas répondu en 2s"},
		{context.Canceled, "cancelled", "la lecture a été annulée"},
		{&net.DNSError{Err: "no such host", Name: "db.invalid"}, "does not resolve", "le nom d'hôte est introuvable (DNS)"},
	} {
		got := serverErr(tc.err, d, 2*time.Second)
		if !strings.Contains(got.Error(), tc.en) {
			t.Errorf("%v: EN %q, want %q", tc.err, got.Error(), tc.en)
		}
		fr := check.InLang(got, check.FR)
		assertFrench(t, fr, tc.fr, "")
		for _, s := range []string{"jeanne", "s3cret", "alice"} {
			if strings.Contains(got.Error()+fr, s) {
				t.Errorf("%v: %q shown", tc.err, s)
			}
		}
	}
	if err := serverErr(errors.New("tls: failed for alice:s3cret@127.0.0.1"), d, time.Second); strings.Contains(err.Error(), "s3cret") || strings.Contains(err.Error(), "alice") {
		t.Errorf("a driver's message not scrubbed: %q", err)
	}
}
