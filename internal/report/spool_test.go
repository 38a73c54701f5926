package report_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

// spooled is r with its findings on disk, one unit a target as the engine
// keeps them.
func spooled(t *testing.T, r report.Report) report.Report {
	t.Helper()
	sp, err := report.NewSpool(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sp.Close() })
	unit, start := 0, 0
	for i := 1; i <= len(r.Findings); i++ {
		if i == len(r.Findings) || r.Findings[i].Target != r.Findings[start].Target {
			if err := sp.Put(unit, r.Findings[start:i]); err != nil {
				t.Fatal(err)
			}
			unit, start = unit+1, i
		}
	}
	out := r.WithSpool(sp)
	out.Findings = nil
	return out
}

// Every writer gives the same bytes from findings kept on disk as from
// findings in memory.
func TestWritersReadTheSpoolAsMemory(t *testing.T) {
	mem := sample(t)
	marked := 0
	for i, f := range mem.Findings {
		switch {
		case f.Status != check.Fail:
		case marked == 0: // past 2^53: exact, not a float, wherever evidence is shown
			mem.Findings[i].Evidence = map[string]any{"max_age": int64(9007199254740993), "share": 0.1}
			marked++
		case marked == 1: // a waiver, in every writer
			mem.Findings[i].Status = check.Waived
			mem.Findings[i].Waiver = &check.Waiver{Statement: "accepted « ici »", Expires: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), Source: "w.yaml:2", Was: check.Fail}
			marked++
		}
	}
	disk := spooled(t, mem)
	if disk.Len() != len(mem.Findings) || !disk.Spooled() {
		t.Fatalf("spooled %d findings (spooled=%v), want %d", disk.Len(), disk.Spooled(), len(mem.Findings))
	}
	for _, format := range report.Formats {
		for _, l := range check.Langs {
			w, err := report.For(format, report.Options{Lang: l, Width: 120})
			if err != nil {
				t.Fatal(err)
			}
			want, got := render(t, w, mem), render(t, w, disk)
			if !bytes.Equal(got, want) {
				t.Errorf("%s (%s) from the spool differs:\n%s\nwant:\n%s", format, l, got, want)
			}
			if err := disk.Err(); err != nil {
				t.Fatal(err)
			}
		}
	}
	if got, want := disk.Counts(), mem.Counts(); len(got) != len(want) || got[check.Fail] != want[check.Fail] {
		t.Errorf("counts %v, want %v", got, want)
	}
}

// The spool's file has no name while the scan runs (nothing left behind
// after kill -9), and nothing is left in its folder once closed.
func TestSpoolLeavesNothingBehind(t *testing.T) {
	dir := t.TempDir()
	sp, err := report.NewSpool(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := sp.Put(0, sample(t).Findings); err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 && runtime.GOOS != "windows" {
		t.Errorf("the spool has a name in %s: %v", dir, left)
	}
	if err := sp.Close(); err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("left behind in %s: %v", dir, left)
	}
}

// A spool that can no longer be read is not a report: the file is not
// written (and an older one stays as it was).
func TestUnreadableSpoolIsNoReport(t *testing.T) {
	disk := spooled(t, sample(t))
	path := filepath.Join(t.TempDir(), "r.json")
	if err := os.WriteFile(path, []byte("older"), 0o600); err != nil {
		t.Fatal(err)
	}
	disk.Close()
	err := report.WriteFile(context.Background(), path, report.JSON{}, disk)
	if err == nil {
		t.Fatal("a report was written from a closed spool")
	}
	if b, _ := os.ReadFile(path); string(b) != "older" {
		t.Errorf("the older report was replaced by %q", b)
	}
	if !checktestSaysFrench(err) {
		t.Errorf("error not bilingual: %v", err)
	}
}

func checktestSaysFrench(err error) bool {
	return check.InLang(err, check.FR) != check.InLang(err, check.EN)
}

// The table lists each target's findings under it, also when the findings
// do not come in the targets' order (gathered first then).
func TestTableFindingsUnderTheirTarget(t *testing.T) {
	f := func(target, id string) check.Finding {
		return check.Finding{CheckID: id, Family: check.FamilyWeb, Status: check.Fail, Target: target, Message: check.Text{EN: id + " on " + target}}
	}
	r := report.Report{Targets: []report.Target{{Name: "b", Family: check.FamilyWeb}, {Name: "a", Family: check.FamilyWeb}},
		Findings: []check.Finding{f("a", "X-1"), f("b", "X-2"), f("a", "X-3")}}
	for name, r := range map[string]report.Report{"out of order": r, "spooled": spooled(t, r)} {
		out := string(render(t, report.Table{Options: report.Options{Width: 120}}, r))
		b, a := strings.Index(out, "b  [web]"), strings.Index(out, "a  [web]")
		x1, x2, x3 := strings.Index(out, "X-1 on a"), strings.Index(out, "X-2 on b"), strings.Index(out, "X-3 on a")
		if b < 0 || a < 0 || !(b < x2 && x2 < a && a < x1 && x1 < x3) {
			t.Errorf("%s: blocks and findings out of place:\n%s", name, out)
		}
	}
}

// An interrupted table's last line says how many targets finished, and
// ends with no dangling separator when none judged anything.
func TestTableFooterOfAnInterruptedScan(t *testing.T) {
	r := report.Report{Interrupted: true, Targets: []report.Target{{Name: "a", Family: check.FamilyWeb, Completed: true}, {Name: "b", Family: check.FamilyWeb}}}
	for l, want := range map[check.Lang]string{check.EN: "2 targets (1 finished)", check.FR: "2 cibles (1 terminée)"} {
		out := strings.TrimRight(string(render(t, report.Table{Options: report.Options{Lang: l}}, r)), "\n")
		if last := out[strings.LastIndex(out, "\n")+1:]; last != want {
			t.Errorf("%s: last line %q, want %q", l, last, want)
		}
	}
}
