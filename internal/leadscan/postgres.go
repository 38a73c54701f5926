package leadscan

import (
	"context"
	"crypto/tls"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/vigie-security/vigie/checks/leads"
	"github.com/vigie-security/vigie/internal/check"
)

// connectTimeout bounds a connection: a server that does not answer must
// not hold the scan for the whole source timeout.
const connectTimeout = 10 * time.Second

func connTimeout(l Limits) time.Duration { return min(connectTimeout, l.Timeout) }

// pgRows streams a PostgreSQL table in one read-only transaction. The
// simple protocol returns every value as text, read cell by cell from the
// network: memory does not grow with the table.
type pgRows struct {
	conn *pgx.Conn
	tx   pgx.Tx
	rs   pgx.Rows
	cols []string
	bool []bool // per column: a boolean, sent as t/f
	pk   string
	n    int
	d    *dsn
	lim  time.Duration
}

// openPostgres connects read-only (default_transaction_read_only and a
// READ ONLY transaction), with statement_timeout, reads the server's facts
// and starts the scan of the chosen table.
func openPostgres(ctx context.Context, src Source, d *dsn) (_ *pgRows, table string, facts *leads.DB, err error) {
	cfg, err := pgx.ParseConfig(d.raw)
	if err != nil {
		return nil, "", nil, check.Errorf("the PostgreSQL URL cannot be parsed", "l'URL PostgreSQL est illisible")
	}
	cfg.ConnectTimeout = connTimeout(src.Limits)
	cfg.DefaultQueryExecMode = pgx.QueryExecModeSimpleProtocol
	cfg.RuntimeParams["application_name"] = "vigie"
	cfg.RuntimeParams["default_transaction_read_only"] = "on"
	// Dates as 2024-03-01, whatever the server's DateStyle (a DMY server
	// would make every date ambiguous), and in UTC.
	cfg.RuntimeParams["DateStyle"] = "ISO, YMD"
	cfg.RuntimeParams["TimeZone"] = "UTC"
	cfg.RuntimeParams["statement_timeout"] = strconv.FormatInt(src.Limits.Timeout.Milliseconds(), 10)
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, "", nil, serverErr(err, d, cfg.ConnectTimeout)
	}
	conn.PgConn().Frontend().SetMaxBodyLen(maxServerMessage)
	r := &pgRows{conn: conn, d: d, lim: src.Limits.Timeout}
	defer func() {
		if err != nil {
			r.Close()
			err = serverErr(err, d, src.Limits.Timeout)
		}
	}()
	// Repeatable read: the facts and the rows are one snapshot.
	if r.tx, err = conn.BeginTx(ctx, pgx.TxOptions{AccessMode: pgx.ReadOnly, IsoLevel: pgx.RepeatableRead}); err != nil {
		return nil, "", nil, err
	}
	schema, name, err := pgChooseTable(ctx, r.tx, src.Table)
	if err != nil {
		return nil, "", nil, err
	}
	ident := pgx.Identifier{schema, name}.Sanitize()
	table = name
	if schema != "public" {
		table = schema + "." + name
	}
	facts = pgFacts(ctx, r.tx, ident)
	_, facts.ConnTLS = conn.PgConn().Conn().(*tls.Conn)
	if r.pk, err = pgPrimaryKey(ctx, r.tx, ident); err != nil {
		return nil, table, facts, err
	}
	if r.rs, err = r.tx.Query(ctx, "SELECT * FROM "+ident+limitClause(src.Limits)); err != nil {
		return nil, table, facts, err
	}
	for _, f := range r.rs.FieldDescriptions() {
		r.cols = append(r.cols, f.Name)
		r.bool = append(r.bool, f.DataTypeOID == 16)
	}
	return r, table, facts, nil
}

// pgChooseTable: the named table ("name" or "schema.name"), or the only one
// that looks like leads, or the only one.
func pgChooseTable(ctx context.Context, tx pgx.Tx, want string) (schema, name string, err error) {
	rs, err := tx.Query(ctx, `SELECT table_schema, table_name, string_agg(column_name, E'\x1f' ORDER BY ordinal_position)
		FROM information_schema.columns WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg_toast%'
		GROUP BY 1, 2 ORDER BY (table_schema <> 'public'), 1, 2`)
	if err != nil {
		return "", "", err
	}
	var ts []dbTable
	for rs.Next() {
		var t dbTable
		var cols string
		if err := rs.Scan(&t.schema, &t.name, &cols); err != nil {
			rs.Close()
			return "", "", err
		}
		t.cols = strings.Split(cols, "\x1f")
		ts = append(ts, t)
	}
	rs.Close()
	if err := rs.Err(); err != nil {
		return "", "", err
	}
	t, err := pickTable(ts, want)
	return t.schema, t.name, err
}

func pgPrimaryKey(ctx context.Context, tx pgx.Tx, ident string) (string, error) {
	rs, err := tx.Query(ctx, `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
		WHERE i.indrelid = $1::regclass AND i.indisprimary`, ident)
	if err != nil {
		return "", err
	}
	var pk []string
	for rs.Next() {
		var c string
		if err := rs.Scan(&c); err != nil {
			rs.Close()
			return "", err
		}
		pk = append(pk, c)
	}
	rs.Close()
	if len(pk) == 1 {
		return pk[0], rs.Err()
	}
	return "", rs.Err() // none, or a composite key: row numbers
}

// pgFacts reads the account's rights on the table and the server's audit
// and TLS settings. A query the account may not run leaves its fact unknown.
func pgFacts(ctx context.Context, tx pgx.Tx, ident string) *leads.DB {
	f := &leads.DB{Engine: "postgres"}
	// A failed query aborts the transaction; each runs in a savepoint.
	try := func(fact, q string, args []any, dest ...any) {
		sp, err := tx.Begin(ctx)
		if err == nil {
			err = sp.QueryRow(ctx, q, args...).Scan(dest...)
		}
		if err != nil {
			f.Unknown = append(f.Unknown, fact)
			if sp != nil {
				sp.Rollback(ctx)
			}
			return
		}
		sp.Commit(ctx)
	}
	var ins, upd, del, trunc, ref, trig, sel bool
	var public string
	try("privileges", `SELECT current_user, current_setting('server_version'), r.rolsuper,
		pg_get_userbyid(c.relowner) = current_user OR (NOT r.rolsuper AND pg_has_role(c.relowner, 'MEMBER')),
		has_table_privilege(c.oid, 'INSERT'), has_table_privilege(c.oid, 'UPDATE'), has_table_privilege(c.oid, 'DELETE'),
		has_table_privilege(c.oid, 'TRUNCATE'), has_table_privilege(c.oid, 'REFERENCES'), has_table_privilege(c.oid, 'TRIGGER'),
		has_table_privilege(c.oid, 'SELECT'),
		COALESCE((SELECT string_agg(DISTINCT a.privilege_type, ',' ORDER BY a.privilege_type) FROM aclexplode(c.relacl) a WHERE a.grantee = 0), '')
		FROM pg_class c, pg_roles r WHERE c.oid = $1::regclass AND r.rolname = current_user`, []any{ident},
		&f.Account, &f.Version, &f.Superuser, &f.Owner, &ins, &upd, &del, &trunc, &ref, &trig, &sel, &public)
	for _, p := range []struct {
		on   bool
		name string
	}{{ins, "INSERT"}, {upd, "UPDATE"}, {del, "DELETE"}, {trunc, "TRUNCATE"}} {
		if p.on {
			f.Writes = append(f.Writes, p.name)
		}
	}
	f.AllPrivileges = ins && upd && del && trunc && ref && trig && sel
	if public != "" {
		f.Public = strings.Split(public, ",")
	}
	var logConn, logStmt, preload, ssl, listen string
	var pgaudit, preloadSeen bool
	try("audit settings", `SELECT
		COALESCE((SELECT setting FROM pg_settings WHERE name = 'log_connections'), ''),
		COALESCE((SELECT setting FROM pg_settings WHERE name = 'log_statement'), ''),
		COALESCE((SELECT setting FROM pg_settings WHERE name = 'shared_preload_libraries'), ''),
		EXISTS (SELECT 1 FROM pg_settings WHERE name = 'shared_preload_libraries'),
		EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pgaudit')`, nil, &logConn, &logStmt, &preload, &preloadSeen, &pgaudit)
	if !preloadSeen && !pgaudit {
		// Hidden from accounts without pg_read_all_settings: pgaudit may be
		// loaded without its extension created.
		f.Unknown = append(f.Unknown, "shared_preload_libraries")
	}
	f.ConnLog = logConn == "on"
	switch {
	case pgaudit || strings.Contains(preload, "pgaudit"):
		f.StmtAudit = "pgaudit"
	case logStmt == "all" || logStmt == "mod":
		f.StmtAudit = "log_statement=" + logStmt
	}
	try("tls settings", `SELECT COALESCE((SELECT setting FROM pg_settings WHERE name = 'ssl'), ''),
		COALESCE((SELECT setting FROM pg_settings WHERE name = 'listen_addresses'), '')`, nil, &ssl, &listen)
	f.ServerTLS = ssl == "on"
	f.Listen = listen
	for _, a := range strings.Split(listen, ",") {
		switch strings.TrimSpace(a) {
		case "*", "0.0.0.0", "::":
			f.ListenAnyHost = true
		}
	}
	return f
}

func (r *pgRows) Next() ([]string, int, error) {
	if !r.rs.Next() {
		if err := r.rs.Err(); err != nil {
			return nil, 0, serverErr(err, r.d, r.lim)
		}
		return nil, 0, io.EOF
	}
	raw := r.rs.RawValues()
	out := rowStrings(raw)
	for i, v := range raw {
		if r.bool[i] && len(v) == 1 {
			out[i] = pgBool(v[0])
		}
	}
	r.n++
	return out, r.n, nil
}

// limitClause: past the row limit the rest is not read, and not sent
// either (closing a result set would otherwise drain it).
func limitClause(l Limits) string { return " LIMIT " + strconv.Itoa(l.MaxRows+1) }

// rowStrings copies a row's cells out of the driver's buffer in one
// allocation: one string per row, cut into cells, not one per cell.
func rowStrings[B ~[]byte](raw []B) []string {
	n := 0
	for _, v := range raw {
		n += len(v)
	}
	var b strings.Builder // its String does not copy
	b.Grow(n)
	for _, v := range raw {
		b.Write(v)
	}
	all := b.String()
	out := make([]string, len(raw))
	at := 0
	for i, v := range raw {
		out[i] = all[at : at+len(v)]
		at += len(v)
	}
	return out
}

func (r *pgRows) Close() error {
	if r.rs != nil {
		r.rs.Close()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if r.tx != nil {
		r.tx.Rollback(ctx) // nothing was written; ends the snapshot
	}
	return r.conn.Close(ctx)
}

func (r *pgRows) Serial() bool     { return false }
func (r *pgRows) PK() string       { return r.pk }
func (r *pgRows) Header() []string { return r.cols }

// dbTable is a server's table: its columns, to find the leads.
type dbTable struct {
	schema, name string
	cols         []string
}

// pickTable: the table named (with or without its schema), or the only one
// that looks like leads, or the only one.
func pickTable(ts []dbTable, want string) (dbTable, error) {
	var names []string
	for _, t := range ts {
		full := t.name
		if t.schema != "" && t.schema != "public" {
			full = t.schema + "." + t.name
		}
		names = append(names, full)
		if want != "" && (want == t.name || want == t.schema+"."+t.name) {
			return t, nil
		}
	}
	list := tableList(names)
	switch {
	case want != "":
		return dbTable{}, check.Errorf("no table named %q that this account can read (tables: %s)",
			"aucune table nommée %q que ce compte peut lire (tables : %s)", want, list)
	case len(ts) == 0:
		return dbTable{}, check.Errorf("the database has no table this account can read", "la base ne contient aucune table que ce compte peut lire")
	}
	var like []dbTable
	for _, t := range ts {
		if leads.LooksLikeLeads(t.cols) {
			like = append(like, t)
		}
	}
	switch {
	case len(like) == 1:
		return like[0], nil
	case len(ts) == 1:
		return ts[0], nil
	}
	return dbTable{}, check.Errorf("several tables could hold the leads (%s): choose one with --table or leads.sources[].table",
		"plusieurs tables pourraient contenir les prospects (%s) : choisissez-en une avec --table ou leads.sources[].table", list)
}

// pgBool is a boolean cell in the text protocol ('t' or 'f') as the checks read it.
func pgBool(b byte) string {
	switch b {
	case 't':
		return "true"
	case 'f':
		return "false"
	}
	return string(b)
}
