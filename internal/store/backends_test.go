package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// pgEnv names the PostgreSQL the tests may use, as a URL; .ci/run starts one.
const pgEnv = "VIGIE_TEST_POSTGRES"

var pgSchemas atomic.Int64

// pgHistory returns the URL of an empty history in a schema of its own in
// the test PostgreSQL, dropped at the end of the test, or skips the test.
func pgHistory(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(pgEnv)
	if dsn == "" {
		t.Skipf("%s is not set: no PostgreSQL to test against (set it to a postgres:// URL of a throwaway database)", pgEnv)
	}
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	schema := fmt.Sprintf("vigie_test_%d_%d", os.Getpid(), pgSchemas.Add(1))
	ctx := context.Background()
	if _, err := admin.ExecContext(ctx, `DROP SCHEMA IF EXISTS `+schema+` CASCADE; CREATE SCHEMA `+schema); err != nil {
		t.Fatalf("%s: %v", Redact(dsn), err)
	}
	t.Cleanup(func() { admin.ExecContext(ctx, `DROP SCHEMA `+schema+` CASCADE`) })
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// each runs test on SQLite and on PostgreSQL; fresh names a new empty history.
func each(t *testing.T, test func(t *testing.T, fresh func() string)) {
	t.Run("sqlite", func(t *testing.T) {
		test(t, func() string { return filepath.Join(t.TempDir(), "history.db") })
	})
	t.Run("postgres", func(t *testing.T) {
		pgHistory(t) // skips without a PostgreSQL
		test(t, func() string { return pgHistory(t) })
	})
}

func mustOpen(t *testing.T, history string, opts ...Option) *Store {
	t.Helper()
	s, err := Open(context.Background(), history, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if pw := passwordOf(history); pw != "" && strings.Contains(s.path, pw) {
		t.Fatalf("the store keeps the password in its name: %s", s.path)
	}
	return s
}
