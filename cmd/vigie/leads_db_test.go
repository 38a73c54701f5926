package main

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-sql-driver/mysql"
	_ "github.com/jackc/pgx/v5/stdlib" // "pgx" for database/sql
)

// TestLeadsCheckDatabase: a seeded lead table in the configured servers,
// read by DSN in every report format: no personal value, no password, no
// user name, and the connection string neither in reports nor on stderr.
func TestLeadsCheckDatabase(t *testing.T) {
	for _, env := range []string{"VIGIE_TEST_POSTGRES", "VIGIE_TEST_MYSQL"} {
		t.Run(env, func(t *testing.T) {
			dsn := os.Getenv(env)
			if dsn == "" {
				t.Skip(env + " not set: the database report test is skipped")
			}
			db := openTestDB(t, dsn)
			defer db.Close()
			table := fmt.Sprintf("vigie_cli_%d", os.Getpid())
			for _, q := range []string{"DROP TABLE IF EXISTS " + table,
				"CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, email VARCHAR(100), phone VARCHAR(30), created_at DATE, notes TEXT)",
				"INSERT INTO " + table + " VALUES (1, 'albane.secrete@gmail.com', '06 98 76 54 32', '2019-02-02', 'enceinte de 3 mois')"} {
				if _, err := db.Exec(q); err != nil {
					t.Fatal(err)
				}
			}
			defer db.Exec("DROP TABLE " + table)
			u, _ := url.Parse(dsn)
			pw, _ := u.User.Password()
			secrets := []string{"albane", "secrete", "98 76 54", "enceinte", pw, u.User.Username() + ":", dsn}
			dir := t.TempDir()
			out := filepath.Join(dir, "r")
			r := vigie(t, context.Background(), nil, "leads", "check", dsn, "--table", table,
				"--format", "json,table,markdown,csv,sarif,junit,html", "--output-dir", out)
			if r.code != 0 {
				t.Fatalf("code %d stderr %s", r.code, r.stderr)
			}
			files, _ := os.ReadDir(out)
			if len(files) < 7 {
				t.Fatalf("%d reports", len(files))
			}
			for _, f := range append(files, nil) {
				text := r.stdout + r.stderr
				if f != nil {
					data, _ := os.ReadFile(filepath.Join(out, f.Name()))
					text = string(data)
					if !strings.Contains(text, "LEAD-SEC-005") || !strings.Contains(text, u.Host) {
						t.Errorf("%s lacks the database checks or the host", f.Name())
					}
				}
				for _, s := range secrets {
					if s != "" && strings.Contains(text, s) {
						t.Errorf("%v shows %q", f, s)
					}
				}
			}
		})
	}
}

func openTestDB(t *testing.T, dsn string) *sql.DB {
	if strings.HasPrefix(dsn, "postgres") {
		db, err := sql.Open("pgx", dsn)
		if err != nil {
			t.Fatal(err)
		}
		return db
	}
	u, _ := url.Parse(dsn)
	c := mysql.NewConfig()
	c.User = u.User.Username()
	c.Passwd, _ = u.User.Password()
	c.Net, c.Addr, c.DBName = "tcp", u.Host, strings.TrimPrefix(u.Path, "/")
	db, err := sql.Open("mysql", c.FormatDSN())
	if err != nil {
		t.Fatal(err)
	}
	return db
}
