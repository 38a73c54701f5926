package waiver

import (
	"strings"
	"testing"
)

// Every problem of a waiver file is said in one run, each with its line.
func TestParseListsEveryProblem(t *testing.T) {
	data := []byte(`waivers:
  - check: WEB-NOPE-001
    statement: ok
    expires: 2027-01-01
  - check: WEB-HSTS-001
    expires: 2027-13-45
  - check: WEB-CSP-001
    statement: accepted
    expires: 2027-01-01
    target: "[bad"
`)
	_, err := Parse("w.yaml", data, func(id string) bool { return id != "WEB-NOPE-001" })
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		`w.yaml:2: waivers[0]: unknown check "WEB-NOPE-001"`,
		"w.yaml:5: waivers[1]: statement is required",
		`w.yaml:5: waivers[1]: expires "2027-13-45" is not a date`,
		`w.yaml:7: waivers[2]: target "[bad" is not a valid pattern`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q does not say %q", err, want)
		}
	}
}
