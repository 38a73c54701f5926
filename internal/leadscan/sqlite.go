package leadscan

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the pure-Go driver, "sqlite"

	"github.com/vigie-security/vigie/checks/leads"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/textenc"
)

// openDB opens a SQLite file read-only: mode=ro and query_only, so nothing
// is ever written, and a busy timeout so a locked file fails, not hangs.
func openDB(path string) (*sql.DB, error) {
	immutable := "0"
	if walAtRest(path) {
		immutable = "1"
	}
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?mode=ro&immutable=" + immutable + "&_pragma=query_only(1)&_pragma=busy_timeout(2000)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	return db, nil
}

// walAtRest: a WAL-mode base with no pending WAL. Read normally, SQLite
// would create its -shm file beside it, writing into the source's folder;
// read as immutable it creates nothing and misses nothing.
func walAtRest(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	hdr := make([]byte, 20)
	if n, _ := f.Read(hdr); n < 20 || hdr[18] != 2 || hdr[19] != 2 {
		return false // not WAL: a read-only rollback-journal open writes nothing
	}
	if st, err := os.Stat(path + "-wal"); err == nil && st.Size() > 0 {
		return false // in use, or changes not yet checkpointed: they must be read
	}
	_, err = os.Stat(path + "-shm")
	return os.IsNotExist(err)
}

type table struct {
	name string
	cols []string
	pk   []string
}

func tables(ctx context.Context, db *sql.DB) ([]table, error) {
	rs, err := db.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		return nil, dbErr(err)
	}
	var names []string
	for rs.Next() {
		var n string
		if err := rs.Scan(&n); err != nil {
			rs.Close()
			return nil, dbErr(err)
		}
		names = append(names, n)
	}
	rs.Close()
	if err := rs.Err(); err != nil {
		return nil, dbErr(err)
	}
	var out []table
	for _, n := range names {
		t, err := tableInfo(ctx, db, n)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// tableInfo reads one table's columns and primary key; a table that does
// not exist has no columns.
func tableInfo(ctx context.Context, db *sql.DB, name string) (table, error) {
	t := table{name: name}
	rs, err := db.QueryContext(ctx, `SELECT name, pk FROM pragma_table_info(?) ORDER BY cid`, name)
	if err != nil {
		return t, dbErr(err)
	}
	defer rs.Close()
	for rs.Next() {
		var c string
		var pk int
		if err := rs.Scan(&c, &pk); err != nil {
			return t, dbErr(err)
		}
		t.cols = append(t.cols, c)
		if pk > 0 {
			t.pk = append(t.pk, c)
		}
	}
	if err := rs.Err(); err != nil {
		return t, dbErr(err)
	}
	return t, nil
}

// dbErr says what a driver error means, without the query.
func dbErr(err error) error {
	s := err.Error()
	switch {
	case strings.Contains(s, "SQLITE_BUSY"), strings.Contains(s, "database is locked"):
		return check.Errorf("the database is locked by another program (waited 2 s)", "la base est verrouillée par un autre programme (attente de 2 s)")
	case strings.Contains(s, "SQLITE_NOTADB"), strings.Contains(s, "file is not a database"):
		return check.Errorf("not a SQLite database, or a corrupt one", "pas une base SQLite, ou une base corrompue")
	case strings.Contains(s, "SQLITE_CORRUPT"), strings.Contains(s, "malformed"):
		return check.Errorf("the database file is corrupt (malformed)", "le fichier de la base est corrompu (malformed)")
	case errors.Is(err, context.DeadlineExceeded):
		return check.Errorf("the read timed out", "la lecture a dépassé le délai")
	}
	return err
}

// chooseTable: the configured one, or the only table that names an e-mail
// or phone column, or the only table.
func chooseTable(src Source) (string, error) {
	db, err := openDB(src.Path)
	if err != nil {
		return "", err
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	ts, err := tables(ctx, db)
	if err != nil {
		return "", err
	}
	var names []string
	for _, t := range ts {
		names = append(names, t.name)
		if src.Table != "" && t.name == src.Table {
			return t.name, nil
		}
	}
	list := tableList(names)
	if src.Table != "" {
		return "", check.Errorf("no table named %q (tables: %s)", "aucune table nommée %q (tables : %s)", src.Table, list)
	}
	if len(ts) == 0 {
		return "", check.Errorf("the database has no table", "la base ne contient aucune table")
	}
	var leadsLike []string
	for _, t := range ts {
		if leads.LooksLikeLeads(t.cols) {
			leadsLike = append(leadsLike, t.name)
		}
	}
	switch {
	case len(leadsLike) == 1:
		return leadsLike[0], nil
	case len(ts) == 1:
		return ts[0].name, nil
	}
	return "", check.Errorf("several tables could hold the leads (%s): choose one with --table or leads.table",
		"plusieurs tables pourraient contenir les prospects (%s) : choisissez-en une avec --table ou leads.table", list)
}

type sqliteRows struct {
	db     *sql.DB
	rs     *sql.Rows
	cancel context.CancelFunc
	cols   []string
	pk     string
	n      int
	vals   []any
	ptrs   []any
}

func openSQLite(ctx context.Context, src Source) (*sqliteRows, error) {
	db, err := openDB(src.Path)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, src.Limits.Timeout)
	fail := func(err error) (*sqliteRows, error) {
		cancel()
		db.Close()
		return nil, dbErr(err)
	}
	t, err := tableInfo(ctx, db, src.Table) // the one chosen by Prepare, not every table again
	if err != nil {
		return fail(err)
	}
	if len(t.cols) == 0 {
		return fail(check.Errorf("no table named %q", "aucune table nommée %q", src.Table))
	}
	rs, err := db.QueryContext(ctx, `SELECT * FROM "`+strings.ReplaceAll(t.name, `"`, `""`)+`"`)
	if err != nil {
		return fail(err)
	}
	// The query's columns, not the pragma's: SELECT * also returns the
	// generated columns that pragma_table_info leaves out.
	cols, err := rs.Columns()
	if err != nil {
		rs.Close()
		return fail(err)
	}
	r := &sqliteRows{db: db, rs: rs, cancel: cancel, cols: cols, vals: make([]any, len(cols)), ptrs: make([]any, len(cols))}
	if len(t.pk) == 1 {
		r.pk = t.pk[0]
	}
	for i := range r.vals {
		r.ptrs[i] = &r.vals[i]
	}
	return r, nil
}

func (s *sqliteRows) Next() ([]string, int, error) {
	if !s.rs.Next() {
		if err := s.rs.Err(); err != nil {
			return nil, 0, dbErr(err)
		}
		return nil, 0, io.EOF
	}
	if err := s.rs.Scan(s.ptrs...); err != nil {
		return nil, 0, dbErr(err)
	}
	s.n++
	out := make([]string, len(s.vals))
	for i, v := range s.vals {
		switch x := v.(type) {
		case nil:
		case string:
			out[i] = x
		case []byte:
			out[i] = string(x)
		case int64:
			out[i] = strconv.FormatInt(x, 10)
		case float64:
			out[i] = strconv.FormatFloat(x, 'f', -1, 64)
		case bool:
			out[i] = strconv.FormatBool(x)
		case time.Time:
			out[i] = x.UTC().Format(time.RFC3339)
		default:
			out[i] = fmt.Sprint(x)
		}
	}
	return out, s.n, nil
}

func (s *sqliteRows) Close() error {
	s.rs.Close()
	s.cancel()
	return s.db.Close()
}
func (s *sqliteRows) Serial() bool     { return false }
func (s *sqliteRows) PK() string       { return s.pk }
func (s *sqliteRows) Header() []string { return s.cols }

// tableList names the tables for a message, or counts them when a name
// could be a value (a table named after a person) or the list is long.
func tableList(names []string) check.Text {
	ok := len(names) > 0
	for _, n := range names {
		for _, part := range strings.Split(n, ".") { // a schema, then the table
			ok = ok && textenc.IsLabel(part)
		}
	}
	if list := strings.Join(names, ", "); ok && len(list) <= 300 {
		return check.Text{EN: list, FR: list}
	}
	return check.Textf("%d tables", "%d tables", len(names))
}
