//go:build integration

package integration

import (
	"errors"
	"os/exec"
	"syscall"
	"testing"
	"time"
)

// startGroup starts cmd in a process group of its own and stops the whole
// group when the test ends: killing only nginx's master left its workers
// running after .ci/run.
func startGroup(t *testing.T, cmd *exec.Cmd) {
	t.Helper()
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	pgid := cmd.Process.Pid
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		_ = syscall.Kill(-pgid, syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(5 * time.Second):
			_ = syscall.Kill(-pgid, syscall.SIGKILL)
			<-exited
		}
		// The workers outlive the master by a moment; what is left then is killed.
		if !waitGroupGone(pgid, 5*time.Second) {
			_ = syscall.Kill(-pgid, syscall.SIGKILL)
			if !waitGroupGone(pgid, 5*time.Second) {
				t.Errorf("process group %d (%s) still running after the test", pgid, cmd.Path)
			}
		}
	})
}

func waitGroupGone(pgid int, d time.Duration) bool {
	for deadline := time.Now().Add(d); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if errors.Is(syscall.Kill(-pgid, 0), syscall.ESRCH) {
			return true
		}
	}
	return false
}
