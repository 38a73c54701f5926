package leadscan

import (
	"context"
	"database/sql"
	"encoding/csv"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5"

	"github.com/vigie-security/vigie/checks/leads"
)

const benchRows = 1_000_000

// benchHeader is writeLeads' header: the database tables have the same
// HubSpot-like columns, "Record ID" their primary key.
func benchHeader(tb testing.TB, path string) []string {
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	h, err := csv.NewReader(f).Read()
	if err != nil {
		tb.Fatal(err)
	}
	return h
}

func benchDDL(h []string, quote func(string) string) string {
	cols := make([]string, len(h))
	for i, c := range h {
		cols[i] = quote(c) + " TEXT"
		if i == 0 {
			cols[i] = quote(c) + " INTEGER PRIMARY KEY"
		}
	}
	return "(" + strings.Join(cols, ", ") + ")"
}

// scanBench judges the whole table with every check, as BenchmarkCSV does.
func scanBench(b *testing.B, src Source) {
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	cpu0 := cpuSeconds()
	b.ResetTimer()
	for b.Loop() {
		p, err := Prepare(src)
		if err != nil {
			b.Fatal(err)
		}
		ev := p.Collect(context.Background(), now)
		if ev.Problem != nil || ev.Counts.Rows != benchRows {
			b.Fatalf("%v, %d rows", ev.Problem, ev.Counts.Rows)
		}
		for _, c := range leads.All() {
			c.Evaluate(ev)
		}
	}
	b.ReportMetric((cpuSeconds()-cpu0)/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(benchRows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(vmHWM(), "peakRSS-MiB")
}

// BenchmarkSQLite: the 1M rows of BenchmarkCSV in a SQLite file.
func BenchmarkSQLite(b *testing.B) {
	dir := b.TempDir()
	csvPath := writeLeads(b, dir, benchRows)
	h := benchHeader(b, csvPath)
	dbPath := dir + "/leads.db"
	db, err := sql.Open("sqlite", dbPath)
	if err != nil {
		b.Fatal(err)
	}
	q := func(s string) string { return `"` + s + `"` }
	if _, err := db.Exec("CREATE TABLE contacts " + benchDDL(h, q)); err != nil {
		b.Fatal(err)
	}
	tx, _ := db.Begin()
	st, err := tx.Prepare("INSERT INTO contacts VALUES (?" + strings.Repeat(", ?", len(h)-1) + ")")
	if err != nil {
		b.Fatal(err)
	}
	eachRecord(b, csvPath, func(rec []string) {
		args := make([]any, len(rec))
		for i, v := range rec {
			args[i] = v
		}
		if _, err := st.Exec(args...); err != nil {
			b.Fatal(err)
		}
	})
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	db.Close()
	os.Chmod(dbPath, 0o600)
	scanBench(b, Source{Path: dbPath, Table: "contacts"})
}

func eachRecord(tb testing.TB, path string, fn func([]string)) {
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.ReuseRecord = true
	r.Read() // the header
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return
		}
		if err != nil {
			tb.Fatal(err)
		}
		fn(rec)
	}
}

// BenchmarkPostgres: the same 1M rows in the server of VIGIE_TEST_POSTGRES,
// loaded with COPY, scanned over the network protocol.
func BenchmarkPostgres(b *testing.B) {
	dsn := os.Getenv("VIGIE_TEST_POSTGRES")
	if dsn == "" {
		b.Skip("VIGIE_TEST_POSTGRES not set")
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close(ctx)
	table := "vigie_bench_" + strconv.Itoa(os.Getpid())
	csvPath := writeLeads(b, b.TempDir(), benchRows)
	h := benchHeader(b, csvPath)
	q := func(s string) string { return pgx.Identifier{s}.Sanitize() }
	if _, err := conn.Exec(ctx, "CREATE TABLE "+table+" "+benchDDL(h, q)); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { conn.Exec(context.Background(), "DROP TABLE "+table) })
	f, _ := os.Open(csvPath)
	defer f.Close()
	if _, err := conn.PgConn().CopyFrom(ctx, f, "COPY "+table+" FROM STDIN (FORMAT csv, HEADER true)"); err != nil {
		b.Fatal(err)
	}
	conn.Exec(ctx, "VACUUM ANALYZE "+table)
	scanBench(b, Source{DSN: dsn, Table: table})
}

// BenchmarkMySQL: the same 1M rows in the server of VIGIE_TEST_MYSQL,
// loaded with LOAD DATA LOCAL INFILE.
func BenchmarkMySQL(b *testing.B) {
	dsn := os.Getenv("VIGIE_TEST_MYSQL")
	if dsn == "" {
		b.Skip("VIGIE_TEST_MYSQL not set")
	}
	d, err := parseDSN(dsn)
	if err != nil {
		b.Fatal(err)
	}
	cfg, _ := mysqlConfig(d, DefaultLimits())
	db, err := sql.Open("mysql", cfg.FormatDSN())
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	table := "vigie_bench_" + strconv.Itoa(os.Getpid())
	csvPath := writeLeads(b, b.TempDir(), benchRows)
	h := benchHeader(b, csvPath)
	q := func(s string) string { return "`" + s + "`" }
	if _, err := db.Exec("CREATE TABLE " + table + " " + benchDDL(h, q)); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Exec("DROP TABLE " + table) })
	mysql.RegisterLocalFile(csvPath)
	defer mysql.DeregisterLocalFile(csvPath)
	if _, err := db.Exec("LOAD DATA LOCAL INFILE '" + csvPath + "' INTO TABLE " + table +
		" CHARACTER SET utf8mb4 FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"' LINES TERMINATED BY '\\n' IGNORE 1 LINES"); err != nil {
		b.Fatal(err)
	}
	scanBench(b, Source{DSN: dsn, Table: table})
}
