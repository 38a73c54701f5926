package leadscan

import (
	"context"
	"database/sql"
	"fmt"
	"net"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/vigie-security/vigie/checks/leads"
	"github.com/vigie-security/vigie/internal/check"
)

// The seeded lead base of the server tests: each row plants a problem,
// and its personal values must appear in no finding.
const seedCols = `id INTEGER PRIMARY KEY, email VARCHAR(200), phone VARCHAR(40), created_at DATE, last_activity_at DATE,
	optout BOOLEAN, consent_email BOOLEAN, source VARCHAR(100), notes TEXT`

var seedRows = []string{
	`(1, 'jean.dupont@gmail.com', '06 12 34 56 78', '2019-01-05', NULL, false, true, 'salon 2019', 'diabète, rappeler après son traitement')`,
	`(2, 'marie.curie@orange.fr', '0612345679', '2025-05-01', '2025-06-01', true, true, 'web', NULL)`,
	`(3, 'p.martin@acme-industrie.fr', NULL, '2025-01-01', NULL, false, false, NULL, 'carte 4970 1012 3456 7890 1')`,
	`(4, 'luc.bernard@free.fr', '0698765432', '2026-03-01', NULL, false, true, 'formulaire site', 'RAS')`,
}

var seedSecrets = []string{"jean.dupont", "marie.curie", "p.martin", "luc.bernard", "12 34 56 78", "0612345679", "0698765432", "diabète", "traitement"}

// serverDB is one configured test server: its DSN for vigie, and a
// writable handle for the test's own setup.
type serverDB struct {
	dsn   string
	exec  func(q string) error
	close func()
}

func postgresServer(t *testing.T) serverDB {
	dsn := os.Getenv("VIGIE_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("VIGIE_TEST_POSTGRES not set (postgres://user:password@127.0.0.1:port/db): PostgreSQL lead tests skipped")
	}
	conn, err := pgx.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatalf("test server: %v", err)
	}
	return serverDB{dsn: dsn, close: func() { conn.Close(context.Background()) },
		exec: func(q string) error { _, err := conn.Exec(context.Background(), q); return err }}
}

func mysqlServer(t *testing.T) serverDB {
	dsn := os.Getenv("VIGIE_TEST_MYSQL")
	if dsn == "" {
		t.Skip("VIGIE_TEST_MYSQL not set (mysql://user:password@127.0.0.1:port/db): MySQL/MariaDB lead tests skipped")
	}
	d, err := parseDSN(dsn)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := mysqlConfig(d, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	cfg.MultiStatements = true
	db, err := sql.Open("mysql", cfg.FormatDSN())
	if err != nil {
		t.Fatal(err)
	}
	return serverDB{dsn: dsn, close: func() { db.Close() },
		exec: func(q string) error { _, err := db.Exec(q); return err }}
}

func servers() map[string]func(*testing.T) serverDB {
	return map[string]func(*testing.T) serverDB{"postgres": postgresServer, "mysql": mysqlServer}
}

// seed creates a fresh table named for the test and fills it.
func seed(t *testing.T, s serverDB, table, cols string, rows []string) {
	t.Helper()
	must := func(q string) {
		if err := s.exec(q); err != nil {
			t.Fatalf("seed %s: %v", table, err)
		}
	}
	must("DROP TABLE IF EXISTS " + table)
	must("CREATE TABLE " + table + " (" + cols + ")")
	if len(rows) > 0 {
		must("INSERT INTO " + table + " VALUES " + strings.Join(rows, ", "))
	}
	t.Cleanup(func() { s.exec("DROP TABLE IF EXISTS " + table) })
}

func collect(t *testing.T, src Source) (leads.Evidence, map[string]check.Finding) {
	t.Helper()
	p, err := Prepare(src)
	if err != nil {
		t.Fatal(err)
	}
	ev := p.Collect(context.Background(), june)
	out := map[string]check.Finding{}
	for _, c := range leads.All() {
		f := c.Evaluate(ev)
		out[f.CheckID] = f
	}
	return ev, out
}

func TestServerSeededBase(t *testing.T) {
	for engine, open := range servers() {
		t.Run(engine, func(t *testing.T) {
			s := open(t)
			defer s.close()
			table := fmt.Sprintf("vigie_leads_%d", os.Getpid())
			seed(t, s, table, seedCols, seedRows)
			ev, fs := collect(t, Source{DSN: s.dsn, Table: table})
			if ev.Problem != nil {
				t.Fatalf("problem: %v", ev.Problem.EN)
			}
			if ev.Format != engine || ev.Counts.Rows != len(seedRows) || ev.DB == nil || ev.Columns.KeyColumn() != "id" {
				t.Fatalf("format %s rows %d db %v key %q", ev.Format, ev.Counts.Rows, ev.DB, ev.Columns.KeyColumn())
			}
			want := map[string]check.Status{
				"LEAD-RET-001": check.Fail, "LEAD-CON-005": check.Fail, "LEAD-INF-001": check.Fail, "LEAD-SEN-001": check.Fail,
				"LEAD-SEC-002": check.Fail,                             // the test account owns (PostgreSQL) or has ALL on (MySQL) its table
				"LEAD-SEC-004": check.Fail, "LEAD-SEC-005": check.Fail, // CI servers: no audit, no TLS
				"LEAD-SEC-006": check.Skipped,
			}
			for id, st := range want {
				if fs[id].Status != st {
					t.Errorf("%s: %s %q, want %s", id, fs[id].Status, fs[id].Message.EN, st)
				}
			}
			if k := fs["LEAD-RET-001"].Evidence["record_keys"]; fmt.Sprint(k) != "[1]" {
				t.Errorf("RET-001 keys %v, want [1]", k)
			}
			if k := fs["LEAD-CON-005"].Evidence["record_keys"]; fmt.Sprint(k) != "[2]" {
				t.Errorf("CON-005 keys %v, want [2]", k)
			}
			u, _ := url.Parse(s.dsn)
			pw, _ := u.User.Password()
			for id, f := range fs {
				text := fmt.Sprint(f.Message, f.Evidence, f.Target)
				for _, secret := range append(seedSecrets, pw, u.User.Username()+":", s.dsn) {
					if strings.Contains(text, secret) {
						t.Errorf("%s shows %q: %s", id, secret, text)
					}
				}
			}
			// Read-only: the table is as the test left it.
			p, _ := Prepare(Source{DSN: s.dsn, Table: table})
			if ev := p.Collect(context.Background(), june); ev.Counts.Rows != len(seedRows) {
				t.Errorf("second read: %d rows", ev.Counts.Rows)
			}
			// A stated sample: the first rows only, said in the findings.
			ps, _ := Prepare(Source{DSN: s.dsn, Table: table, Limits: Limits{MaxRows: 2}})
			if ev := ps.Collect(context.Background(), june); ev.Sample != 2 || ev.Counts.Rows != 2 {
				t.Errorf("sample: %d of %d rows", ev.Sample, ev.Counts.Rows)
			} else if f := leads.All()[0].Evaluate(ev); f.Evidence["sample_size"] != 2 {
				t.Errorf("sample not stated: %v", f.Evidence)
			}
			// The plan of a database: its primary keys, its masked target.
			out := t.TempDir() + "/plan.csv"
			sum, err := WritePlan(context.Background(), out, []*Plan{p}, june)
			if err != nil {
				t.Fatal(err)
			}
			data, _ := os.ReadFile(out)
			if sum[0].Records["LEAD-RET-001"] != 1 || !strings.Contains(string(data), ",LEAD-RET-001,delete_or_archive,") ||
				!strings.Contains(string(data), "#"+table+",LEAD-CON-005,suppress,") || strings.Contains(string(data), pw) {
				t.Errorf("plan %+v:\n%s", sum, data)
			}
		})
	}
}

func TestServerNoPrimaryKey(t *testing.T) {
	for engine, open := range servers() {
		t.Run(engine, func(t *testing.T) {
			s := open(t)
			defer s.close()
			table := fmt.Sprintf("vigie_nopk_%d", os.Getpid())
			seed(t, s, table, "email VARCHAR(200), created_at DATE", []string{"('a.b@gmail.com', '2019-01-01')", "('c.d@gmail.com', '2025-01-01')"})
			_, fs := collect(t, Source{DSN: s.dsn, Table: table})
			f := fs["LEAD-RET-001"]
			if f.Status != check.Fail || fmt.Sprint(f.Evidence["record_keys"]) != "[row 1]" ||
				!strings.Contains(fmt.Sprint(f.Evidence["record_keys_from"]), "no primary key") {
				t.Fatalf("%s %v", f.Status, f.Evidence)
			}
		})
	}
}

func TestServerWrongPassword(t *testing.T) {
	for engine, open := range servers() {
		t.Run(engine, func(t *testing.T) {
			s := open(t)
			s.close()
			u, _ := url.Parse(s.dsn)
			u.User = url.UserPassword(u.User.Username(), "Wr0ng-Secret-42")
			ev, fs := collect(t, Source{DSN: u.String()})
			if ev.Problem == nil || !strings.Contains(ev.Problem.EN, "authentication failed") || !strings.Contains(ev.Problem.EN, u.Host) {
				t.Fatalf("problem %v: want an authentication failure naming %s", ev.Problem, u.Host)
			}
			for id, f := range fs {
				if f.Status != check.Error {
					t.Errorf("%s: %s, want ERROR", id, f.Status)
				}
				if text := fmt.Sprint(f.Message, f.Evidence); strings.Contains(text, "Wr0ng-Secret-42") || strings.Contains(text, u.User.Username()+":") {
					t.Errorf("%s shows the DSN: %s", id, text)
				}
			}
		})
	}
}

// A view that sleeps: its SELECT outlives a 1-second statement timeout.
func TestServerStatementTimeout(t *testing.T) {
	for engine, open := range servers() {
		t.Run(engine, func(t *testing.T) {
			s := open(t)
			defer s.close()
			view := fmt.Sprintf("vigie_slow_%d", os.Getpid())
			sleep := map[string]string{"postgres": "(SELECT 1 FROM pg_sleep(3))", "mysql": "SLEEP(3)"}[engine]
			s.exec("DROP VIEW IF EXISTS " + view)
			if err := s.exec("CREATE VIEW " + view + " AS SELECT 'a.b@gmail.com' AS email, " + sleep + " AS z"); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.exec("DROP VIEW IF EXISTS " + view) })
			start := time.Now()
			ev, fs := collect(t, Source{DSN: s.dsn, Table: view, Limits: Limits{Timeout: time.Second}})
			if ev.Problem == nil || !strings.Contains(ev.Problem.EN, "timed out") || !strings.Contains(ev.Problem.EN, view) {
				t.Fatalf("problem %v: want a timeout naming the table", ev.Problem)
			}
			if el := time.Since(start); el > 2500*time.Millisecond {
				t.Errorf("took %s with a 1 s timeout", el)
			}
			// The server's facts were read before the scan: they are still judged.
			if fs["LEAD-SEC-005"].Status != check.Fail || fs["LEAD-RET-001"].Status != check.Error {
				t.Errorf("SEC-005 %s, RET-001 %s", fs["LEAD-SEC-005"].Status, fs["LEAD-RET-001"].Status)
			}
		})
	}
}

// Always run: a port that accepts and never answers, and one that refuses.
func TestServerUnreachable(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			defer c.Close() // held open, silent
		}
	}()
	closed, _ := net.Listen("tcp", "127.0.0.1:0")
	refused := closed.Addr().String()
	closed.Close()
	for _, tc := range []struct{ dsn, want string }{
		{"postgres://app:S3cret-pw@" + ln.Addr().String() + "/crm?sslmode=disable", "did not answer within 1s"},
		{"mysql://app:S3cret-pw@" + ln.Addr().String() + "/crm", "did not answer within 1s"},
		{"postgres://app:S3cret-pw@" + refused + "/crm?sslmode=disable", "connection refused"},
		{"mysql://app:S3cret-pw@" + refused + "/crm", "connection refused"},
	} {
		start := time.Now()
		ev, fs := collect(t, Source{DSN: tc.dsn, Limits: Limits{Timeout: time.Second}})
		if ev.Problem == nil || !strings.Contains(ev.Problem.EN, tc.want) || strings.Contains(ev.Problem.EN, "S3cret") || strings.Contains(ev.Problem.EN, "app") {
			t.Errorf("%s: problem %v, want %q and no credentials", ev.Target, ev.Problem, tc.want)
		}
		if !strings.HasSuffix(ev.Target, "/crm") || strings.Contains(ev.Target, "app") {
			t.Errorf("target %q", ev.Target)
		}
		if el := time.Since(start); el > 3*time.Second {
			t.Errorf("%s: took %s", ev.Target, el)
		}
		if fs["LEAD-SEC-005"].Status != check.Error {
			t.Errorf("SEC-005 %s, want ERROR", fs["LEAD-SEC-005"].Status)
		}
	}
}

func TestDSNNeverShown(t *testing.T) {
	for _, tc := range []struct{ in, target, err string }{
		{"postgres://u:p%40ss@db.internal:6543/crm?sslmode=require", "postgres://db.internal:6543/crm", ""},
		{"postgresql://u@[::1]/crm", "postgres://[::1]:5432/crm", ""},
		{"mysql://u:pw@127.0.0.1/leads?tls=skip-verify", "mysql://127.0.0.1:3306/leads", ""},
		{"mariadb://u:pw@127.0.0.1:3307/leads", "mysql://127.0.0.1:3307/leads", ""},
		{"mysql://u:pw@127.0.0.1:3307/", "", "names no database"},
		{"postgres://u:pw@/crm", "", "names no host"},
		{"postgres://u:p w@%zz/crm", "", "cannot be parsed"},
	} {
		p, err := Prepare(Source{Path: tc.in})
		switch {
		case tc.err != "":
			if err == nil || !strings.Contains(err.Error(), tc.err) || strings.Contains(err.Error(), "pw") {
				t.Errorf("%s: err %v, want %q without the DSN", tc.target, err, tc.err)
			}
		case err != nil:
			t.Errorf("%s: %v", tc.target, err)
		case p.Target != tc.target:
			t.Errorf("target %q, want %q", p.Target, tc.target)
		}
	}
	d, err := parseDSN("postgres://alice:p%40ss%20w0rd@h/db")
	if err != nil {
		t.Fatal(err)
	}
	if got := d.scrub("failed for postgres://alice:p%40ss%20w0rd@h/db user=alice password=p@ss w0rd (p%40ss+w0rd)"); strings.Contains(got, "w0rd") || strings.Contains(got, "alice") {
		t.Errorf("scrub left %q", got)
	}
	if _, err := Prepare(Source{Path: "mysql://u:pw@127.0.0.1/x?tls=bogus"}); err != nil {
		t.Errorf("tls is checked when connecting, not planning: %v", err)
	}
}

// The caller's deadline (the scan's unit timeout) bounds the statement too.
func TestWithinDeadline(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if got := within(ctx, 5*time.Minute); got < 1500*time.Millisecond || got > 2*time.Second {
		t.Errorf("within 3 s: %s", got)
	}
	if got := within(context.Background(), time.Minute); got != time.Minute {
		t.Errorf("no deadline: %s", got)
	}
}

// PostgreSQL: a lead table granted to PUBLIC fails LEAD-SEC-002 and says
// which privileges.
func TestServerPublicGrant(t *testing.T) {
	s := postgresServer(t)
	defer s.close()
	table := fmt.Sprintf("vigie_public_%d", os.Getpid())
	seed(t, s, table, "id INTEGER PRIMARY KEY, email TEXT", []string{"(1, 'a.b@gmail.com')"})
	if err := s.exec("GRANT SELECT, UPDATE ON " + table + " TO PUBLIC"); err != nil {
		t.Fatal(err)
	}
	_, fs := collect(t, Source{DSN: s.dsn, Table: table})
	f := fs["LEAD-SEC-002"]
	if f.Status != check.Fail || fmt.Sprint(f.Evidence["public_privileges"]) != "[SELECT UPDATE]" || !strings.Contains(f.Message.EN, "PUBLIC") {
		t.Fatalf("%s %q %v", f.Status, f.Message.EN, f.Evidence)
	}
}

func TestMySQLGrants(t *testing.T) {
	for _, tc := range []struct {
		lines  []string
		privs  string
		global bool
		writes string
	}{
		{[]string{"GRANT USAGE ON *.* TO `app`@`%`", "GRANT SELECT, INSERT ON `crm`.* TO `app`@`%`"}, "[USAGE SELECT INSERT]", false, "[INSERT]"},
		{[]string{"GRANT ALL PRIVILEGES ON *.* TO `root`@`localhost` WITH GRANT OPTION"}, "[ALL PRIVILEGES]", true, "[INSERT UPDATE DELETE DROP ALTER]"},
		{[]string{"GRANT SUPER ON *.* TO `ops`@`%`", "GRANT SELECT ON `crm`.`leads` TO `ops`@`%`"}, "[SUPER SELECT]", true, "[]"},
		{[]string{"GRANT ALL ON `other`.* TO `app`@`%`", "GRANT `reader` TO `app`@`%`"}, "[]", false, "[]"},
		{[]string{"GRANT DELETE ON `crm`.`leads` TO PUBLIC"}, "[DELETE]", false, "[DELETE]"},
	} {
		privs, global := myPrivileges(tc.lines, "crm", "leads")
		if fmt.Sprint(privs) != tc.privs || global != tc.global || fmt.Sprint(writes(privs)) != tc.writes {
			t.Errorf("%v: %v %v %v", tc.lines, privs, global, writes(privs))
		}
	}
}

// TestServerHugeCell: a row larger than a server message may be is refused
// by the driver's bound, naming the source, instead of being read whole.
func TestServerHugeCell(t *testing.T) {
	s := postgresServer(t)
	defer s.close()
	table := fmt.Sprintf("vigie_huge_%d", os.Getpid())
	seed(t, s, table, "id INTEGER PRIMARY KEY, email VARCHAR(200), notes TEXT", nil)
	if err := s.exec("INSERT INTO " + table + " VALUES (1, 'a.b@gmail.com', repeat('x', 20000000))"); err != nil {
		t.Fatal(err)
	}
	_, fs := collect(t, Source{DSN: s.dsn, Table: table})
	f := fs["LEAD-RET-001"]
	if f.Status != check.Error || !strings.Contains(f.Message.EN, table) {
		t.Fatalf("a 20 MB cell: %s %q", f.Status, f.Message.EN)
	}
}
