package report_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

// reportSchema compiles the shipped schema, formats (date-time) asserted.
func reportSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	return compileSchema(t, "report.schema.json", report.JSONSchema, func(c *jsonschema.Compiler) {
		c.AssertFormat()
		c.DefaultDraft(jsonschema.Draft2020)
	})
}

func TestJSONReportsMatchSchema(t *testing.T) {
	s := reportSchema(t)
	golden, err := os.ReadFile(filepath.Join("testdata", "report.golden.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := validate(t, s, golden); err != nil {
		t.Errorf("report.golden.json: %v", err)
	}
	r := rich(t)
	r.Changes = &report.Changes{Since: "00000000-previous", SinceTime: t0.AddDate(0, 0, -7), PreviousScore: 41,
		New:   []report.Change{{CheckID: "PWD-HASH-001", Target: "exports/users.csv#password", Status: check.Fail}},
		Fixed: []report.Change{{CheckID: "WEB-HSTS-001", Target: "https://shop.example.fr", Status: check.Pass, Before: check.Fail}}, StillFailing: 3}
	if err := validate(t, s, render(t, report.JSON{}, r)); err != nil {
		t.Errorf("rich report: %v", err)
	}
	empty := report.Report{SchemaVersion: report.SchemaVersion, ScanID: "e", StartedAt: t0, FinishedAt: t0}
	if err := validate(t, s, render(t, report.JSON{}, empty)); err != nil {
		t.Errorf("empty report: %v", err)
	}
	shard := rich(t)
	shard.Shard = &report.Share{Index: 0, Count: 2}
	doc := render(t, report.JSON{}, shard)
	if err := validate(t, s, doc); err != nil {
		t.Errorf("shard report: %v", err)
	}
	if !strings.Contains(string(doc), `"shard": {`+"\n"+`    "index": 0,`+"\n"+`    "count": 2`+"\n"+`  },`) {
		t.Errorf("a shard report does not say which share it holds:\n%.600s", doc)
	}
}

// TestSchemaRejectsWrongReports: the schema is strict enough to catch a
// wrong type, a misspelt field, an unknown status and a bad time.
func TestSchemaRejectsWrongReports(t *testing.T) {
	s := reportSchema(t)
	good := render(t, report.JSON{}, rich(t))
	for name, mutate := range map[string]func(map[string]any){
		"score as a string":   func(m map[string]any) { m["scores"].(map[string]any)["overall"].(map[string]any)["score"] = "23" },
		"interrupted as text": func(m map[string]any) { m["interrupted"] = "no" },
		"unknown field":       func(m map[string]any) { m["scan_idd"] = "x" },
		"unknown status":      func(m map[string]any) { m["findings"].([]any)[0].(map[string]any)["status"] = "OK" },
		"message not a text":  func(m map[string]any) { m["findings"].([]any)[0].(map[string]any)["message"] = "hello" },
		"bad time":            func(m map[string]any) { m["started_at"] = "yesterday" },
		"missing scores":      func(m map[string]any) { delete(m, "scores") },
		"shard without count": func(m map[string]any) { m["shard"] = map[string]any{"index": 0} },
		"shard index below 0": func(m map[string]any) { m["shard"] = map[string]any{"index": -1, "count": 2} },
		"shard count 0":       func(m map[string]any) { m["shard"] = map[string]any{"index": 0, "count": 0} },
		"extra score field": func(m map[string]any) {
			m["scores"].(map[string]any)["targets"].([]any)[0].(map[string]any)["bonus"] = 1
		},
	} {
		var m map[string]any
		if err := json.Unmarshal(good, &m); err != nil {
			t.Fatal(err)
		}
		mutate(m)
		bad, _ := json.Marshal(m)
		if err := validate(t, s, bad); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// TestSchemaEnumsFollowTheCode: a new family, status or severity must be
// added to the schema too.
func TestSchemaEnumsFollowTheCode(t *testing.T) {
	var doc struct {
		Defs map[string]struct {
			Enum []string `json:"enum"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(report.JSONSchema, &doc); err != nil {
		t.Fatal(err)
	}
	same := func(name string, want []string) {
		got := slices.Clone(doc.Defs[name].Enum)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("schema %s = %v, code has %v", name, got, want)
		}
	}
	var fams, stats, sevs, grades []string
	for _, f := range check.Families {
		fams = append(fams, string(f))
	}
	for _, s := range check.Statuses {
		stats = append(stats, string(s))
	}
	for _, s := range check.Severities {
		sevs = append(sevs, s.String())
	}
	for _, g := range check.Grades {
		grades = append(grades, string(g))
	}
	same("family", fams)
	same("status", stats)
	same("severity", sevs)
	same("grade", grades)
	if !strings.Contains(string(report.JSONSchema), `"const": 1`) || report.SchemaVersion != 1 {
		t.Error("schema_version in the schema and in the code differ")
	}
}
