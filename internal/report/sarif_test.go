package report_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

func TestSARIFGoldenAndSchema(t *testing.T) {
	schema := testdataSchema(t, "sarif-schema-2.1.0.json")
	for name, tc := range map[string]struct {
		r    report.Report
		lang check.Lang
	}{
		"sarif.golden.sarif":         {sample(t), check.EN},
		"rich.sarif.fr.golden.sarif": {rich(t), check.FR},
	} {
		out := render(t, report.SARIF{Options: report.Options{Lang: tc.lang}}, tc.r)
		golden(t, name, out)
		if err := validate(t, schema, out); err != nil {
			t.Errorf("%s is not valid SARIF 2.1.0: %v", name, err)
		}
		checkSARIF(t, name, tc.r, tc.lang, out)
	}
}

// checkSARIF asserts what GitHub code scanning reads in the log.
func checkSARIF(t *testing.T, name string, r report.Report, lang check.Lang, out []byte) {
	log, err := sarif.FromBytes(out)
	if err != nil || len(log.Runs) != 1 {
		t.Fatalf("%s: %v, %d runs", name, err, len(log.Runs))
	}
	run := log.Runs[0]
	d := run.Tool.Driver
	if d.Name != "vigie" || d.Version == nil || *d.Version != "0.1.0-test" || d.InformationURI == nil {
		t.Errorf("%s: driver = %+v", name, d)
	}
	if len(d.Rules) != len(r.Checks) {
		t.Fatalf("%s: %d rules for %d checks", name, len(d.Rules), len(r.Checks))
	}
	sev := map[string]string{}
	for i, rule := range d.Rules {
		m := r.Checks[i]
		if rule.ID != m.ID || rule.ShortDescription.Text == nil || *rule.ShortDescription.Text != m.Title.In(lang) ||
			rule.Help == nil || rule.Help.Markdown == nil || !strings.Contains(*rule.Help.Text, m.Remediation.In(lang)) {
			t.Errorf("%s: rule %d = %+v for %s", name, i, rule, m.ID)
		}
		s, _ := rule.Properties["security-severity"].(string)
		sev[rule.ID] = s
		tags, _ := rule.Properties["tags"].([]any)
		if len(tags) < 2 || tags[0] != "security" || tags[1] != string(m.Family) {
			t.Errorf("%s: rule %s tags %v", name, m.ID, tags)
		}
	}
	var want []check.Finding
	for _, f := range r.Findings {
		if f.Status == check.Fail || f.Status == check.Warn || f.Status == check.Error {
			want = append(want, f)
		}
	}
	if len(run.Results) != len(want) {
		t.Fatalf("%s: %d results, want %d (FAIL, WARN and ERROR only)", name, len(run.Results), len(want))
	}
	for i, res := range run.Results {
		f := want[i]
		if *res.RuleID != f.CheckID || d.Rules[*res.RuleIndex].ID != f.CheckID {
			t.Errorf("%s: result %d is %s, want %s", name, i, *res.RuleID, f.CheckID)
		}
		if got := res.PartialFingerprints["vigieFingerprint/v1"]; got != f.Fingerprint {
			t.Errorf("%s: %s fingerprint %v, want %s", name, f.CheckID, got, f.Fingerprint)
		}
		if lvl := *res.Level; (f.Status == check.Fail && f.Severity >= check.High && lvl != "error") || (f.Status == check.Error && lvl != "warning") {
			t.Errorf("%s: %s %s %s has level %s", name, f.CheckID, f.Status, f.Severity, lvl)
		}
		if !strings.Contains(*res.Message.Text, f.Message.In(lang)) {
			t.Errorf("%s: message %q lacks %q", name, *res.Message.Text, f.Message.In(lang))
		}
		loc := res.Locations[0].PhysicalLocation.ArtifactLocation
		if uri := *loc.URI; !strings.HasPrefix(uri, "vigie/"+string(f.Family)+"/") || strings.ContainsAny(uri, ":<>|` \n") || *loc.URIBaseId != "%SRCROOT%" {
			t.Errorf("%s: %q has location %q", name, f.Target, uri)
		}
	}
	for id, s := range sev {
		if m, _ := r.Meta(id); s != map[check.Severity]string{check.Critical: "9.5", check.High: "8.0", check.Medium: "5.5", check.Low: "3.0", check.Info: "0.0"}[m.Severity] {
			t.Errorf("%s: %s (%s) has security-severity %q", name, id, m.Severity, s)
		}
	}
}

func TestSARIFEmptyAndInterrupted(t *testing.T) {
	r := rich(t)
	r.Findings, r.Interrupted = nil, true
	out := render(t, report.SARIF{}, r)
	if err := validate(t, testdataSchema(t, "sarif-schema-2.1.0.json"), out); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results     []any `json:"results"`
			Invocations []struct {
				OK bool `json:"executionSuccessful"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(out, &log); err != nil || log.Runs[0].Results == nil || len(log.Runs[0].Results) != 0 || log.Runs[0].Invocations[0].OK {
		t.Errorf("empty interrupted log = %s (%v)", out, err)
	}
}

// TestSARIFKeepsTheMostImportantResults: past the cap, errors of the highest
// severity are kept first, the log stays valid and says what it left out.
func TestSARIFKeepsTheMostImportantResults(t *testing.T) {
	r := rich(t)
	out := render(t, report.SARIF{Options: report.Options{Lang: check.EN}, MaxResults: 3}, r)
	if err := validate(t, testdataSchema(t, "sarif-schema-2.1.0.json"), out); err != nil {
		t.Fatal(err)
	}
	log, err := sarif.FromBytes(out)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, res := range log.Runs[0].Results {
		got = append(got, *res.RuleID+" "+*res.Level)
	}
	// Two critical FAILs (error), then the first high FAIL met.
	want := []string{"WEB-FORM-001 error", "PWD-CNIL-001 error", "PWD-HASH-001 error"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("kept %v, want %v", got, want)
	}
	notes := log.Runs[0].Invocations[0].ToolExecutionNotifications
	if len(notes) != 1 || !strings.HasPrefix(*notes[0].Message.Text, "7 less important results left out") {
		t.Errorf("notifications = %+v", notes)
	}
}
