package store

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

const crashEnv = "VIGIE_STORE_CRASH_CHILD"

// TestKillMidWrite kills a process while it saves scans in a loop, several
// times, then requires an intact history holding every scan it said it saved.
func TestKillMidWrite(t *testing.T) {
	if path := os.Getenv(crashEnv); path != "" {
		crashChild(path)
		return
	}
	if testing.Short() {
		t.Skip("re-executes the test binary")
	}
	each(t, killMidWrite)
}

func killMidWrite(t *testing.T, fresh func() string) {
	path := fresh()
	confirmed := 0
	for round, delay := range []time.Duration{0, 3 * time.Millisecond, 7 * time.Millisecond, 13 * time.Millisecond} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKillMidWrite$") // the child saves at the top of the test
		cmd.Env = append(os.Environ(), crashEnv+"="+path, fmt.Sprintf("VIGIE_STORE_CRASH_ROUND=%d", round))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := bufio.NewScanner(out)
		for n := 0; n < 3 && lines.Scan(); n++ { // let it save a few, then kill it mid-loop
			confirmed++
		}
		time.Sleep(delay)
		cmd.Process.Kill() // SIGKILL
		for lines.Scan() {
			if strings.HasPrefix(lines.Text(), "saved") {
				confirmed++ // said before it died
			}
		}
		cmd.Wait()
	}
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !IsPostgres(path) {
		var verdict string
		if err := s.db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&verdict); err != nil || verdict != "ok" {
			t.Fatalf("integrity_check after kill -9: %q %v", verdict, err)
		}
	}
	var scans, findings int
	s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM scans`).Scan(&scans)
	s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM findings`).Scan(&findings)
	if scans < confirmed || findings != scans*3 {
		t.Errorf("%d scans, %d findings after kills; %d were confirmed saved", scans, findings, confirmed)
	}
}

// crashChild saves scans until it is killed, saying "saved" after each commit.
func crashChild(path string) {
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(1)
	}
	all := map[string]check.Status{"WEB-HSTS-001": check.Fail, "WEB-CSP-001": check.Pass, "WEB-TLS-001": check.Fail}
	round := os.Getenv("VIGIE_STORE_CRASH_ROUND")
	t0 := time.Now()
	for i := 0; ; i++ {
		r := rep(fmt.Sprintf("scan-%s-%d", round, i), t0.Add(time.Duration(i)*time.Millisecond), all)
		r.Findings[0].Evidence = map[string]any{"padding": strings.Repeat("x", 3000)} // several pages per scan
		if err := s.Save(ctx, r); err != nil {
			fmt.Println("save:", err)
			os.Exit(1)
		}
		fmt.Println("saved", i)
	}
}
