package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://vigie:s3cret@db.example:5432/vigie?sslmode=require": "postgres://vigie:***@db.example:5432/vigie?sslmode=require",
		"postgresql://vigie@db/vigie":                                   "postgresql://vigie@db/vigie",
		"postgres://db/vigie?user=v&password=s3cret":                    "postgres://db/vigie?password=***&user=v",
		"POSTGRES://u:p%40ss@h/d":                                       "postgres://u:***@h/d",
		"postgres://u:s3cret@[::1/d":                                    "postgres://***",
		"/var/lib/vigie/history.db":                                     "/var/lib/vigie/history.db", // was postgres://***
		"mysql://u:s3cret@h/d":                                          "mysql://u:***@h/d",
	} {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]bool{"postgres://h/d": true, "PostgreSQL://h/d": true, "history.db": false, "postgres.db": false} {
		if IsPostgres(in) != want {
			t.Errorf("IsPostgres(%q) = %v", in, !want)
		}
	}
}

// TestPostgresUnreachable needs no server: nothing listens on port 1 of the loopback.
func TestPostgresUnreachable(t *testing.T) {
	ctx := context.Background()
	_, err := Open(ctx, "postgres://vigie:s3cret@127.0.0.1:1/vigie?connect_timeout=2")
	var se *Error
	if err == nil || !errors.As(err, &se) || !strings.Contains(err.Error(), "postgres://vigie:***@127.0.0.1:1/vigie") ||
		!strings.Contains(err.Error(), "cannot be reached") || !strings.Contains(se.In(check.FR), "injoignable") {
		t.Errorf("unreachable: %v", err)
	}
	_, bad := Open(ctx, "postgres://vigie:s3cret@[::1/vigie")
	if bad == nil || !strings.Contains(bad.Error(), "not a valid PostgreSQL URL") {
		t.Errorf("bad URL: %v", bad)
	}
	for _, e := range []error{err, bad} {
		if e != nil && strings.Contains(e.Error(), "s3cret") {
			t.Errorf("the password was printed: %v", e)
		}
	}
}

func TestPostgresErrorsHideThePassword(t *testing.T) {
	history := pgHistory(t)
	ctx := context.Background()
	u, _ := url.Parse(history)
	pw, has := u.User.Password()
	if !has {
		t.Skipf("%s has no password to get wrong", pgEnv)
	}
	u.User = url.UserPassword(u.User.Username(), "not-the-password")
	_, err := Open(ctx, u.String())
	if err == nil || strings.Contains(err.Error(), "not-the-password") || !strings.Contains(err.Error(), ":***@") ||
		!strings.Contains(err.Error(), "refused the login") {
		t.Errorf("wrong password: %v", err)
	}
	u.User = url.UserPassword(u.User.Username(), pw)
	u.Path = "/no_such_db"
	if _, err := Open(ctx, u.String()); err == nil || strings.Contains(err.Error(), pw) || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("missing database: %v", err)
	}
}

func TestPostgresCheckAndTimeouts(t *testing.T) {
	history := pgHistory(t)
	ctx := context.Background()
	if err := Check(ctx, history); err != nil {
		t.Fatalf("Check on an empty database: %v", err)
	}
	s := mustOpen(t, history, WithStatementTimeout(100*time.Millisecond), WithBusyTimeout(200*time.Millisecond))
	start := time.Now()
	_, err := s.query(ctx, `SELECT pg_sleep(5)`)
	if err == nil || !strings.Contains(s.explain(err, unreadable(s.path)).Error(), "statement timeout") || time.Since(start) > 3*time.Second {
		t.Errorf("statement timeout: %v after %v", err, time.Since(start))
	}
	// Another program holding the tables: Check says so within the busy timeout.
	other, err := sql.Open("pgx", history)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	tx, err := other.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `LOCK TABLE scans IN ACCESS EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}
	start = time.Now()
	if err := Check(ctx, history, WithBusyTimeout(200*time.Millisecond)); err == nil || !strings.Contains(err.Error(), "locked") {
		t.Errorf("locked: %v", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("waited %v for a 200ms busy timeout", d)
	}
}

const shardEnv = "VIGIE_STORE_SHARD_CHILD"

// TestPostgresSharedBySeveralProcesses: processes saving into one database
// at once (the shards of a Kubernetes Job) all succeed, with the retention
// applied, and every scan whole.
func TestPostgresSharedBySeveralProcesses(t *testing.T) {
	if h := os.Getenv(shardEnv); h != "" {
		shardChild(h)
		return
	}
	history := pgHistory(t)
	const procs, each, keep = 4, 8, 20
	var cmds []*exec.Cmd
	for p := range procs {
		cmd := exec.Command(os.Args[0], "-test.run=^TestPostgresSharedBySeveralProcesses$")
		cmd.Env = append(os.Environ(), shardEnv+"="+history, fmt.Sprintf("VIGIE_STORE_SHARD=%d", p), fmt.Sprintf("VIGIE_STORE_SHARD_SCANS=%d", each))
		cmds = append(cmds, cmd)
	}
	outs := make([][]byte, procs)
	errs := make(chan error, procs)
	for i, cmd := range cmds {
		go func() {
			var err error
			outs[i], err = cmd.CombinedOutput()
			errs <- err
		}()
	}
	for range procs {
		if err := <-errs; err != nil {
			t.Errorf("a shard failed: %v", err)
		}
	}
	for i, o := range outs {
		if !strings.Contains(string(o), "saved all") {
			t.Errorf("shard %d: %s", i, o)
		}
	}
	ctx := context.Background()
	s := mustOpen(t, history, WithRetention(Retention{Keep: keep}))
	var scans, findings int
	s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM scans`).Scan(&scans)
	s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM findings`).Scan(&findings)
	if scans != keep || findings != 3*keep {
		t.Errorf("%d scans and %d findings after %d concurrent saves; want %d and %d", scans, findings, procs*each, keep, 3*keep)
	}
}

func shardChild(history string) {
	ctx := context.Background()
	s, err := Open(ctx, history, WithRetention(Retention{Keep: 20}))
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(1)
	}
	defer s.Close()
	shard, n := os.Getenv("VIGIE_STORE_SHARD"), 0
	fmt.Sscan(os.Getenv("VIGIE_STORE_SHARD_SCANS"), &n)
	all := map[string]check.Status{"WEB-HSTS-001": check.Fail, "WEB-CSP-001": check.Pass, "WEB-TLS-001": check.Fail}
	t0 := time.Date(2026, 12, 1, 3, 0, 0, 0, time.UTC)
	for i := range n {
		r := rep(fmt.Sprintf("shard-%s-%d", shard, i), t0.Add(time.Duration(i)*time.Second), all)
		if err := s.Save(ctx, r); err != nil {
			fmt.Println("save:", err)
			os.Exit(1)
		}
	}
	fmt.Println("saved all")
}
