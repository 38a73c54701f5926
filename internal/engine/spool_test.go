package engine

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

// spoolUnits are n units of one check whose evidence is size bytes, and
// NaN for the unit nan (a value JSON cannot hold).
func spoolUnits(n, size, nan int) []Unit {
	us := make([]Unit, n)
	for i := range us {
		c := check.Typed[heavy]{M: meta("WEB-S-001"), Fn: func(h heavy) check.Outcome {
			ev := map[string]any{"body": strings.Repeat("x", size)}
			if i == nan {
				ev["ratio"] = math.NaN()
			}
			return check.Outcome{Status: check.Pass, Message: check.Text{EN: "ok", FR: "ok"}, Evidence: ev}
		}}
		name := fmt.Sprintf("https://t%02d.example/", i)
		us[i] = Unit{Family: check.FamilyWeb, Target: name, Checks: check.Catalogue{c},
			Collect: func(context.Context, Pacer) (any, error) { return heavy{target: name}, nil }}
	}
	return us
}

// A finding whose evidence JSON cannot hold is kept, its evidence saying
// so, and the scan goes on.
func TestSpoolKeepsAFindingItCannotEncode(t *testing.T) {
	sp, err := report.NewSpool(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer sp.Close()
	e, _ := New(WithSpool(sp), WithConcurrency(1))
	rep, err := e.Run(context.Background(), spoolUnits(20, 10, 3), nil)
	if err != nil || rep.Interrupted || rep.Len() != 20 {
		t.Fatalf("%v, interrupted %v, %d findings", err, rep.Interrupted, rep.Len())
	}
	var out bytes.Buffer
	if err := (report.JSON{}).Write(context.Background(), &out, rep); err != nil || !json.Valid(out.Bytes()) || !strings.Contains(out.String(), `"evidence_error"`) {
		t.Errorf("report: %v, valid %v, says evidence_error %v", err, json.Valid(out.Bytes()), strings.Contains(out.String(), "evidence_error"))
	}
}

// A server's slots go once no unit holds or waits for one, and the bound
// still holds while they are used.
func TestServerSlotsAreDropped(t *testing.T) {
	s := &serverSlots{n: 1, m: map[string]*serverSlot{}}
	ctx := context.Background()
	ra, _ := s.acquire(ctx, "a")
	rb, _ := s.acquire(ctx, "b")
	waitCtx, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if _, ok := s.acquire(waitCtx, "a"); ok {
		t.Fatal("a second unit of server a got a slot while the first held it")
	}
	ra()
	rb()
	if len(s.m) != 0 {
		t.Errorf("%d servers still kept after their units ended", len(s.m))
	}
}
