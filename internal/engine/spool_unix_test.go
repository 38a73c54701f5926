//go:build unix

package engine

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"syscall"
	"testing"

	"github.com/vigie-security/vigie/internal/report"
)

// A disk that fills up mid-scan loses the unit that did not fit, stops
// the scan with that reason, and the units already on disk make a whole
// report, marked interrupted.
func TestSpoolFullDiskStopsTheScanKeepingTheRest(t *testing.T) {
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Skip(err)
	}
	sp, err := report.NewSpool(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer sp.Close()
	e, _ := New(WithSpool(sp), WithConcurrency(1))
	limit := syscall.Rlimit{Cur: 40 << 10, Max: old.Max}
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &limit); err != nil {
		t.Skip(err)
	}
	rep, err := e.Run(context.Background(), spoolUnits(20, 5<<10, -1), nil)
	syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old)
	done := 0
	for _, tg := range rep.Targets {
		if tg.Completed {
			done++
		}
	}
	if err == nil || !strings.Contains(err.Error(), "keeping the findings on disk") || !rep.Interrupted || done == 0 || done == 20 || rep.Len() != done {
		t.Fatalf("%v; interrupted %v, %d targets done, %d findings", err, rep.Interrupted, done, rep.Len())
	}
	var out bytes.Buffer
	if err := (report.JSON{}).Write(context.Background(), &out, rep); err != nil || !json.Valid(out.Bytes()) {
		t.Errorf("the report of what was kept: %v", err)
	}
}
