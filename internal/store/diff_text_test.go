package store

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/score"
)

var update = flag.Bool("update", false, "rewrite golden files")

type fx struct {
	id, target string
	family     check.Family
	sev        check.Severity
	status     check.Status
}

// scanOfFindings is a report with its checks' titles and its scores.
func scanOfFindings(id string, at time.Time, fs []fx) report.Report {
	r := report.Report{ScanID: id, StartedAt: at, FinishedAt: at.Add(time.Minute)}
	metas := map[string]check.Meta{}
	for _, f := range fs {
		m := check.Meta{ID: f.id, Family: f.family, Severity: f.sev,
			Title: check.Text{EN: "Title of " + f.id, FR: "Titre de " + f.id}}
		if _, ok := metas[f.id]; !ok {
			r.Checks = append(r.Checks, m)
		}
		metas[f.id] = m
		// Each finding says what it found, but WEB-COOKIE-001's, kept without
		// one: the diff then frames the check's title as a failure.
		var msg check.Text
		if f.id != "WEB-COOKIE-001" {
			msg = check.Text{EN: f.id + " " + string(f.status) + " on " + f.target, FR: f.id + " " + string(f.status) + " sur " + f.target}
		}
		r.Findings = append(r.Findings, check.NewFinding(m, f.target, check.Outcome{Status: f.status, Message: msg}))
	}
	r.Scores = score.Compute(r.Findings, func(id string) (check.Meta, bool) { m, ok := metas[id]; return m, ok })
	return r
}

const shop, blog = "https://shop.example.fr", "https://blog.example.fr"

func diffPair() (report.Report, report.Report) {
	t0 := time.Date(2026, 11, 30, 3, 0, 0, 0, time.UTC)
	from := scanOfFindings("scan-2026-11-30", t0, []fx{
		{"WEB-HSTS-001", shop, check.FamilyWeb, check.High, check.Fail},
		{"WEB-CSP-001", shop, check.FamilyWeb, check.High, check.Pass},
		{"WEB-TLS-002", shop, check.FamilyWeb, check.Medium, check.Warn},
		{"WEB-COOKIE-001", blog, check.FamilyWeb, check.High, check.Fail},
		{"WEB-HSTS-001", blog, check.FamilyWeb, check.High, check.Fail},
		{"PWD-HASH-001", "users.csv", check.FamilyPassword, check.Critical, check.Fail},
		{"WEB-REF-001", shop, check.FamilyWeb, check.Low, check.Pass},
	})
	to := scanOfFindings("scan-2026-12-01", t0.Add(24*time.Hour), []fx{
		{"WEB-HSTS-001", shop, check.FamilyWeb, check.High, check.Pass},             // fixed
		{"WEB-CSP-001", shop, check.FamilyWeb, check.High, check.Fail},              // new
		{"WEB-TLS-002", shop, check.FamilyWeb, check.Medium, check.Fail},            // changed WARN → FAIL
		{"WEB-HSTS-001", blog, check.FamilyWeb, check.High, check.Fail},             // still failing
		{"PWD-HASH-001", "users.csv", check.FamilyPassword, check.High, check.Fail}, // severity changed
		{"WEB-REF-001", shop, check.FamilyWeb, check.Low, check.Pass},
		{"WEB-HSTS-001", "https://new.example.fr", check.FamilyWeb, check.High, check.Error}, // new, not checked before
		{"CON-ART28-001", "dpa.pdf", check.FamilyContracts, check.Medium, check.Pass},        // new family
	})
	return from, to
}

func TestCompare(t *testing.T) {
	from, to := diffPair()
	c := Compare(from, to)
	ids := func(l []Move) string {
		var out []string
		for _, m := range l {
			out = append(out, m.CheckID+"@"+m.Target)
		}
		return strings.Join(out, " ")
	}
	for name, got := range map[string]string{
		"new":     ids(c.New),
		"fixed":   ids(c.Fixed),
		"changed": ids(c.Changed),
		"gone":    ids(c.Gone),
	} {
		want := map[string]string{
			"new":     "WEB-HSTS-001@https://new.example.fr WEB-CSP-001@" + shop, // by severity, then target
			"fixed":   "WEB-HSTS-001@" + shop,
			"changed": "PWD-HASH-001@users.csv WEB-TLS-002@" + shop,
			"gone":    "WEB-COOKIE-001@" + blog,
		}[name]
		if got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if c.StillFailing != 1 || c.New[0].Before != "" || c.New[1].Before != check.Pass || c.Changed[0].SeverityBefore != check.Critical || c.Changed[0].Severity != check.High {
		t.Errorf("comparison %+v", c)
	}
	if c.Overall.Before.Score != from.Scores.Overall.Score || c.Overall.After.Score != to.Scores.Overall.Score ||
		len(c.Families) != 3 || c.Families[2].Family != check.FamilyContracts || c.Families[2].Before.Scored {
		t.Errorf("score moves %+v %+v", c.Overall, c.Families)
	}
}

func TestDiffTextGolden(t *testing.T) {
	from, to := diffPair()
	c := Compare(from, to)
	c.To.Demo = true // the note on mixing a demo with a real scan
	for _, l := range check.Langs {
		var b bytes.Buffer
		if err := WriteDiff(&b, c, l); err != nil {
			t.Fatal(err)
		}
		golden(t, "diff."+string(l)+".golden.txt", b.Bytes())
		if strings.ContainsAny(b.String(), "\x1b\r") {
			t.Errorf("%s: control characters in the diff", l)
		}
	}
	// Long lists are capped with a count.
	defer func(n int) { DiffListMax = n }(DiffListMax)
	DiffListMax = 1
	var b bytes.Buffer
	WriteDiff(&b, c, check.EN)
	if !strings.Contains(b.String(), "… and 1 more") {
		t.Errorf("capped list:\n%s", b.String())
	}
}

// TestCompareStored: the store's Compare resolves both names and adds
// what only the history knows (the demo marker).
func TestCompareStored(t *testing.T) {
	each(t, func(t *testing.T, fresh func() string) {
		ctx := context.Background()
		s := mustOpen(t, fresh())
		from, to := diffPair()
		if err := s.Save(ctx, from); err != nil {
			t.Fatal(err)
		}
		if err := s.Save(ctx, to, WithDemo(true)); err != nil {
			t.Fatal(err)
		}
		got, err := s.Compare(ctx, "last~1", "scan-2026-12")
		if err != nil {
			t.Fatal(err)
		}
		want := Compare(from, to)
		want.To.Demo = true
		var a, b bytes.Buffer
		WriteDiff(&a, got, check.EN)
		WriteDiff(&b, want, check.EN)
		if a.String() != b.String() || !got.To.Demo || got.From.Demo {
			t.Errorf("stored comparison differs:\n%s\nwant:\n%s", a.String(), b.String())
		}
		if _, err := s.Compare(ctx, "scan-2026-1", "last"); err == nil || !strings.Contains(err.Error(), "several scans") {
			t.Errorf("ambiguous: %v", err)
		}
		// --baseline: only what is new since the baseline fails.
		base, before, err := s.Baseline(ctx, "2026-11-30")
		if err != nil || base.ID != from.ScanID || len(before) != len(from.Findings) {
			t.Fatalf("baseline %+v %d %v", base, len(before), err)
		}
		ch := Diff(base, before, to)
		if len(ch.New) != 3 || ch.Since != from.ScanID { // CSP, TLS (WARN → FAIL) and the new site
			t.Errorf("new since the baseline: %+v", ch.New)
		}
	})
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/store -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from golden file; rerun with -update if the change is intended.\ngot:\n%s", name, got)
	}
}

// A JSON consumer iterates the lists: nothing moved is [], never null.
func TestCompareJSONListsAreNeverNull(t *testing.T) {
	from, _ := diffPair()
	b, err := json.Marshal(Compare(from, from))
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{`"new":[]`, `"fixed":[]`, `"changed":[]`, `"gone":[]`} {
		if !bytes.Contains(b, []byte(k)) {
			t.Errorf("JSON lacks %s: %s", k, b)
		}
	}
	if b, _ = json.Marshal(Compare(report.Report{}, report.Report{})); !bytes.Contains(b, []byte(`"families":[]`)) {
		t.Errorf("two empty scans: families not []: %s", b)
	}
}

// A new failure reads as its own message, a fix as the title it now meets.
func TestDiffNamesFailuresByTheirMessage(t *testing.T) {
	from, to := diffPair()
	var b bytes.Buffer
	if err := WriteDiff(&b, Compare(from, to), check.EN); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"      WEB-CSP-001 FAIL on https://shop.example.fr\n", "      Title of WEB-HSTS-001\n", "      Not met: “Title of WEB-COOKIE-001”\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("diff lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "      Title of WEB-CSP-001\n") {
		t.Errorf("a new failure is named by its passing title:\n%s", out)
	}
}
