package leadscan

import (
	"context"
	"database/sql"
	"io"
	"net"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/go-sql-driver/mysql"

	"github.com/vigie-security/vigie/checks/leads"
	"github.com/vigie-security/vigie/internal/check"
)

// myRows streams a MySQL/MariaDB table over one connection in a read-only
// session. The text protocol sends rows as the scan asks for them.
type myRows struct {
	db   *sql.DB
	conn *sql.Conn
	rs   *sql.Rows
	cols []string
	raw  []sql.RawBytes
	ptrs []any
	pk   string
	n    int
	d    *dsn
	lim  time.Duration
}

type quiet struct{}

func (quiet) Print(...any) {} // the driver's own log would bypass the report's scrubbing

// mysqlConfig turns mysql://user:password@host:port/db?tls=… into the
// driver's configuration; only tls is taken from the query.
func mysqlConfig(d *dsn, l Limits) (*mysql.Config, error) {
	c := mysql.NewConfig()
	c.MaxAllowedPacket = maxServerMessage // read packets too: a huge cell fails the read, it is not held whole
	if d.u.User != nil {
		c.User = d.u.User.Username()
		c.Passwd = d.password
	}
	port := d.u.Port()
	if port == "" {
		port = "3306"
	}
	c.Net, c.Addr = "tcp", net.JoinHostPort(d.u.Hostname(), port)
	c.DBName = strings.TrimPrefix(d.u.Path, "/")
	c.Timeout = connTimeout(l)
	// A server that stops sending mid-scan; past the statement timeout, so
	// that a slow statement gets the server's clearer error first.
	c.ReadTimeout = l.Timeout + connectTimeout
	c.Logger = quiet{}
	c.InterpolateParams = true // no prepared statements: the text protocol, streamed
	if v := d.u.Query().Get("tls"); v != "" {
		c.TLSConfig = v
		if err := c.Apply(); err != nil { // validates the tls name
			return nil, check.Errorf("the MySQL URL's tls= must be true, false, skip-verify or preferred",
				"le paramètre tls= de l'URL MySQL accepte true, false, skip-verify ou preferred")
		}
	}
	return c, nil
}

func openMySQL(ctx context.Context, src Source, d *dsn) (_ *myRows, table string, facts *leads.DB, err error) {
	cfg, err := mysqlConfig(d, src.Limits)
	if err != nil {
		return nil, "", nil, err
	}
	conn, err := mysql.NewConnector(cfg)
	if err != nil {
		return nil, "", nil, check.Errorf("the MySQL URL cannot be used", "l'URL MySQL est inutilisable")
	}
	r := &myRows{db: sql.OpenDB(conn), d: d, lim: src.Limits.Timeout}
	r.db.SetMaxOpenConns(1)
	limit := src.Limits.Timeout // what a "did not answer within" names
	defer func() {
		if err != nil {
			r.Close()
			err = serverErr(err, d, limit)
		}
	}()
	cctx, cancel := context.WithTimeout(ctx, cfg.Timeout)
	r.conn, err = r.db.Conn(cctx)
	if err == nil {
		err = r.conn.PingContext(cctx)
	}
	cancel()
	if err != nil {
		limit = cfg.Timeout
		return nil, "", nil, err // the deferred serverErr says it, once
	}
	if _, err = r.conn.ExecContext(ctx, "SET SESSION TRANSACTION READ ONLY"); err != nil {
		return nil, "", nil, err
	}
	// MySQL bounds SELECTs in ms, MariaDB every statement in seconds; each
	// server refuses the other's variable.
	ms := src.Limits.Timeout.Milliseconds()
	// A server with neither (MySQL before 5.7.8) is still bounded by the
	// context and the read timeout.
	if _, e := r.conn.ExecContext(ctx, "SET SESSION max_execution_time = "+strconv.FormatInt(ms, 10)); e != nil {
		r.conn.ExecContext(ctx, "SET SESSION max_statement_time = "+strconv.FormatFloat(float64(ms)/1000, 'f', 3, 64))
	}
	r.conn.ExecContext(ctx, "SET SESSION group_concat_max_len = 1048576") // long column lists; the default 1 KiB truncates
	r.conn.ExecContext(ctx, "SET SESSION time_zone = '+00:00'")           // TIMESTAMP columns in UTC
	if _, err = r.conn.ExecContext(ctx, "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY"); err != nil {
		return nil, "", nil, err
	}
	t, err := myChooseTable(ctx, r.conn, src.Table)
	if err != nil {
		return nil, "", nil, err
	}
	facts = myFacts(ctx, r.conn, t.name)
	if r.pk, err = myPrimaryKey(ctx, r.conn, t.name); err != nil {
		return nil, t.name, facts, err
	}
	if r.rs, err = r.conn.QueryContext(ctx, "SELECT * FROM "+myQuote(t.name)+limitClause(src.Limits)); err != nil {
		return nil, t.name, facts, err
	}
	if r.cols, err = r.rs.Columns(); err != nil {
		return nil, t.name, facts, err
	}
	r.raw = make([]sql.RawBytes, len(r.cols))
	r.ptrs = make([]any, len(r.cols))
	for i := range r.raw {
		r.ptrs[i] = &r.raw[i]
	}
	return r, t.name, facts, nil
}

func myQuote(name string) string { return "`" + strings.ReplaceAll(name, "`", "``") + "`" }

func myChooseTable(ctx context.Context, c *sql.Conn, want string) (dbTable, error) {
	rs, err := c.QueryContext(ctx, `SELECT TABLE_NAME, GROUP_CONCAT(COLUMN_NAME ORDER BY ORDINAL_POSITION SEPARATOR 0x1f)
		FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() GROUP BY TABLE_NAME ORDER BY TABLE_NAME`)
	if err != nil {
		return dbTable{}, err
	}
	defer rs.Close()
	var ts []dbTable
	for rs.Next() {
		var t dbTable
		var cols string
		if err := rs.Scan(&t.name, &cols); err != nil {
			return dbTable{}, err
		}
		t.cols = strings.Split(cols, "\x1f")
		ts = append(ts, t)
	}
	if err := rs.Err(); err != nil {
		return dbTable{}, err
	}
	return pickTable(ts, want)
}

func myPrimaryKey(ctx context.Context, c *sql.Conn, table string) (string, error) {
	rs, err := c.QueryContext(ctx, `SELECT COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE
		WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND CONSTRAINT_NAME = 'PRIMARY'`, table)
	if err != nil {
		return "", err
	}
	defer rs.Close()
	var pk []string
	for rs.Next() {
		var s string
		if err := rs.Scan(&s); err != nil {
			return "", err
		}
		pk = append(pk, s)
	}
	if len(pk) == 1 {
		return pk[0], rs.Err()
	}
	return "", rs.Err()
}

var grantLine = regexp.MustCompile("^GRANT (.+?) ON (\\S+) TO ")

// myPrivileges reads SHOW GRANTS lines: the privileges granted on *.*, on
// the database and on the table; global says some were on *.*.
func myPrivileges(lines []string, db, table string) (privs []string, global bool) {
	for _, l := range lines {
		m := grantLine.FindStringSubmatch(l)
		if m == nil {
			continue // a role grant
		}
		on := strings.ReplaceAll(m[2], "`", "")
		if on != "*.*" && on != db+".*" && on != db+"."+table {
			continue
		}
		for _, p := range strings.Split(m[1], ",") {
			p = strings.TrimSpace(p)
			if p == "ALL" {
				p = "ALL PRIVILEGES"
			}
			if on == "*.*" && (p == "ALL PRIVILEGES" || p == "SUPER") {
				global = true
			}
			if !slices.Contains(privs, p) {
				privs = append(privs, p)
			}
		}
	}
	return privs, global
}

// writes are the privileges that change or drop the leads.
func writes(privs []string) []string {
	var out []string
	for _, w := range []string{"INSERT", "UPDATE", "DELETE", "DROP", "ALTER"} {
		if slices.Contains(privs, w) || slices.Contains(privs, "ALL PRIVILEGES") {
			out = append(out, w)
		}
	}
	return out
}

func myFacts(ctx context.Context, c *sql.Conn, table string) *leads.DB {
	f := &leads.DB{Engine: "mysql"}
	var db, comment string
	if err := c.QueryRowContext(ctx, "SELECT VERSION(), CURRENT_USER(), DATABASE(), @@version_comment").Scan(&f.Version, &f.Account, &db, &comment); err != nil {
		f.Unknown = append(f.Unknown, "privileges")
		return f
	}
	if strings.Contains(f.Version+comment, "MariaDB") {
		f.Engine = "mariadb"
	}
	lines, err := myStrings(ctx, c, "SHOW GRANTS")
	if err != nil {
		f.Unknown = append(f.Unknown, "privileges")
	}
	privs, global := myPrivileges(lines, db, table)
	f.Superuser, f.AllPrivileges, f.Writes = global, slices.Contains(privs, "ALL PRIVILEGES"), writes(privs)
	// MariaDB 10.11 has a PUBLIC role; elsewhere this fails: no such grants.
	if pub, err := myStrings(ctx, c, "SHOW GRANTS FOR PUBLIC"); err == nil {
		f.Public, _ = myPrivileges(pub, db, table)
	}
	var anon int
	if err := c.QueryRowContext(ctx, "SELECT COUNT(*) FROM mysql.user WHERE User = ''").Scan(&anon); err != nil {
		f.Unknown = append(f.Unknown, "anonymous accounts")
	}
	f.Anonymous = anon > 0
	vars := map[string]string{}
	rs, err := c.QueryContext(ctx, `SHOW GLOBAL VARIABLES WHERE Variable_name IN
		('general_log', 'require_secure_transport', 'have_ssl', 'server_audit_logging', 'audit_log_policy', 'bind_address')`)
	if err == nil {
		for rs.Next() {
			var k, v string
			if rs.Scan(&k, &v) == nil {
				vars[strings.ToLower(k)] = v
			}
		}
		err = rs.Err() // a read broken partway leaves settings unknown, not off
		rs.Close()
	}
	if err != nil || len(vars) == 0 {
		f.Unknown = append(f.Unknown, "audit settings", "tls settings")
	}
	var plugins []string
	if ps, err := myStrings(ctx, c, `SELECT PLUGIN_NAME FROM information_schema.PLUGINS WHERE PLUGIN_STATUS = 'ACTIVE'
		AND PLUGIN_NAME IN ('SERVER_AUDIT', 'audit_log')`); err == nil {
		plugins = ps
	}
	on := func(k string) bool { v := strings.ToUpper(vars[k]); return v == "ON" || v == "1" || v == "YES" }
	switch {
	case len(plugins) > 0 && (vars["server_audit_logging"] == "" || on("server_audit_logging")):
		f.StmtAudit = strings.ToLower(plugins[0])
	case on("general_log"):
		f.StmtAudit = "general_log"
	}
	f.ConnLog = f.StmtAudit != "" // both the general log and the audit plugins log connections
	f.ServerTLS, f.RequireTLS = on("have_ssl"), on("require_secure_transport")
	f.Listen = vars["bind_address"]
	if v, ok := vars["bind_address"]; ok {
		f.ListenAnyHost = v == "" || v == "*" || v == "0.0.0.0" || v == "::"
	}
	var name, cipher string
	if err := c.QueryRowContext(ctx, "SHOW SESSION STATUS LIKE 'Ssl_cipher'").Scan(&name, &cipher); err == nil {
		f.ConnTLS = cipher != ""
	}
	return f
}

func myStrings(ctx context.Context, c *sql.Conn, q string) ([]string, error) {
	rs, err := c.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	var out []string
	for rs.Next() {
		var s string
		if err := rs.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rs.Err()
}

func (r *myRows) Next() ([]string, int, error) {
	if !r.rs.Next() {
		if err := r.rs.Err(); err != nil {
			return nil, 0, serverErr(err, r.d, r.lim)
		}
		return nil, 0, io.EOF
	}
	if err := r.rs.Scan(r.ptrs...); err != nil {
		return nil, 0, serverErr(err, r.d, r.lim)
	}
	out := rowStrings(r.raw) // RawBytes are the driver's buffer: copied
	r.n++
	return out, r.n, nil
}

func (r *myRows) Close() error {
	if r.rs != nil {
		r.rs.Close()
	}
	if r.conn != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		r.conn.ExecContext(ctx, "ROLLBACK") // nothing was written; ends the snapshot
		cancel()
		r.conn.Close()
	}
	return r.db.Close()
}

func (r *myRows) Serial() bool     { return false }
func (r *myRows) PK() string       { return r.pk }
func (r *myRows) Header() []string { return r.cols }
