package report_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

// junitSchema is Jenkins' junit-10.xsd (the xunit plugin's, the strictest
// of the common JUnit schemas GitLab and Jenkins accept) as data: for each
// element, its allowed children and attributes, required ones marked "!".
// No XSD validator in Go works without cgo, so the test walks the tokens.
var junitSchema = map[string]struct{ children, attrs []string }{
	"testsuites": {[]string{"testsuite"}, []string{"name", "time", "tests", "failures", "disabled", "errors"}},
	"testsuite": {[]string{"properties", "testcase", "system-out", "system-err"},
		[]string{"!name", "!tests", "failures", "errors", "time", "disabled", "skipped", "timestamp", "hostname", "id", "package", "file", "log", "url", "version"}},
	"properties": {[]string{"property"}, nil},
	"property":   {nil, []string{"!name", "!value"}},
	"testcase": {[]string{"skipped", "error", "failure", "system-out", "system-err"},
		[]string{"!name", "assertions", "time", "classname", "status", "class", "file", "line", "log", "group", "url"}},
	"skipped":    {nil, []string{"message"}},
	"error":      {nil, []string{"message", "type"}},
	"failure":    {nil, []string{"message", "type"}},
	"system-out": {nil, nil},
	"system-err": {nil, nil},
}

func checkJUnitSchema(t *testing.T, name string, doc []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	var stack []string
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s: not XML: %v", name, err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			el := e.Name.Local
			rule, known := junitSchema[el]
			if !known || (len(stack) == 0 && el != "testsuites") {
				t.Fatalf("%s: unexpected <%s> at %v", name, el, stack)
			}
			if len(stack) > 0 && !contains(junitSchema[stack[len(stack)-1]].children, el) {
				t.Fatalf("%s: <%s> not allowed in <%s>", name, el, stack[len(stack)-1])
			}
			got := map[string]bool{}
			for _, a := range e.Attr {
				got[a.Name.Local] = true
				if !contains(rule.attrs, a.Name.Local) && !contains(rule.attrs, "!"+a.Name.Local) {
					t.Errorf("%s: <%s %s> not in the schema", name, el, a.Name.Local)
				}
			}
			for _, a := range rule.attrs {
				if strings.HasPrefix(a, "!") && !got[a[1:]] {
					t.Errorf("%s: <%s> lacks required %s", name, el, a[1:])
				}
			}
			stack = append(stack, el)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 && len(junitSchema[stack[len(stack)-1]].children) > 0 && len(bytes.TrimSpace(e)) > 0 {
				t.Errorf("%s: text inside <%s>", name, stack[len(stack)-1])
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// The decoded shape: encoding/xml into the fields CI parsers read.
type jMsg struct {
	Message string `xml:"message,attr"`
	Body    string `xml:",chardata"`
}
type jCase struct {
	Name      string `xml:"name,attr"`
	Classname string `xml:"classname,attr"`
	Skipped   *jMsg  `xml:"skipped"`
	Error     *jMsg  `xml:"error"`
	Failure   *jMsg  `xml:"failure"`
	SystemOut string `xml:"system-out"`
}

func TestJUnitGoldenAndShape(t *testing.T) {
	for name, tc := range map[string]struct {
		r    report.Report
		lang check.Lang
	}{"junit.golden.xml": {sample(t), check.EN}, "rich.junit.fr.golden.xml": {rich(t), check.FR}} {
		out := render(t, report.JUnit{Options: report.Options{Lang: tc.lang}}, tc.r)
		golden(t, name, out)
		checkJUnitSchema(t, name, out)
		checkJUnitCounts(t, name, tc.r, tc.lang, out)
	}
}

func checkJUnitCounts(t *testing.T, name string, r report.Report, lang check.Lang, out []byte) {
	var doc struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Errors   int `xml:"errors,attr"`
		Suites   []struct {
			Name     string  `xml:"name,attr"`
			Cases    []jCase `xml:"testcase"`
			Tests    int     `xml:"tests,attr"`
			Failures int     `xml:"failures,attr"`
			Errors   int     `xml:"errors,attr"`
			Skipped  int     `xml:"skipped,attr"`
			Time     *string `xml:"time,attr"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	c := r.Counts()
	if doc.Tests != len(r.Findings) || doc.Failures != c[check.Fail] || doc.Errors != c[check.Error] {
		t.Errorf("%s: totals %d/%d/%d, want %d/%d/%d", name, doc.Tests, doc.Failures, doc.Errors, len(r.Findings), c[check.Fail], c[check.Error])
	}
	byKey := map[string]check.Finding{}
	for _, f := range r.Findings {
		// Jenkins splits a classname at its last dot: the target has none.
		byKey["vigie."+string(f.Family)+"."+strings.ReplaceAll(f.Target, ".", "·")+"\x00"+f.CheckID] = f
	}
	seen := 0
	for _, s := range doc.Suites {
		var fail, errs, skip int
		for _, k := range s.Cases {
			id, _, _ := strings.Cut(k.Name, " ")
			f, ok := byKey[k.Classname+"\x00"+id]
			if !ok || !strings.HasPrefix(k.Classname, "vigie."+s.Name+".") || f.Family != check.Family(s.Name) {
				t.Fatalf("%s: testcase %q / %q matches no finding of %s", name, k.Classname, k.Name, s.Name)
			}
			if !strings.HasSuffix(k.Name, " ("+f.Target+")") {
				t.Errorf("%s: testcase %q does not end with its target %q as it is", name, k.Name, f.Target)
			}
			seen++
			want := map[check.Status]bool{check.Fail: k.Failure != nil, check.Error: k.Error != nil,
				check.Skipped: k.Skipped != nil, check.Waived: k.Skipped != nil, check.Warn: k.SystemOut != "",
				check.Pass: k.Failure == nil && k.Error == nil && k.Skipped == nil}
			if !want[f.Status] {
				t.Errorf("%s: %s on %q (%s) is %+v", name, id, f.Target, f.Status, k)
			}
			if f.Status == check.Fail && (!strings.Contains(k.Failure.Body, f.Message.In(lang)) || !strings.Contains(k.Failure.Message, f.Message.In(lang))) {
				t.Errorf("%s: failure %+v lacks the message", name, k.Failure)
			}
			if f.Status == check.Waived && (!strings.Contains(k.Skipped.Message, f.Waiver.Statement) || !strings.Contains(k.Skipped.Message, f.Waiver.Expires.Format("2006-01-02"))) {
				t.Errorf("%s: waived skip %q lacks statement or expiry", name, k.Skipped.Message)
			}
			fail, errs, skip = fail+b2i(k.Failure != nil), errs+b2i(k.Error != nil), skip+b2i(k.Skipped != nil)
		}
		if s.Time != nil {
			t.Errorf("%s: suite %s has time %q: vigie knows no family's own duration, and each the scan's adds up to more than the scan", name, s.Name, *s.Time)
		}
		if s.Tests != len(s.Cases) || s.Failures != fail || s.Errors != errs || s.Skipped != skip {
			t.Errorf("%s: suite %s says %d/%d/%d/%d, holds %d/%d/%d/%d", name, s.Name, s.Tests, s.Failures, s.Errors, s.Skipped, len(s.Cases), fail, errs, skip)
		}
	}
	if seen != len(r.Findings) {
		t.Errorf("%s: %d testcases for %d findings", name, seen, len(r.Findings))
	}
}

func b2i(b bool) int { return map[bool]int{true: 1}[b] }

// TestJUnitControlCharacters: characters XML cannot hold are replaced, so a
// CI parser never meets a malformed file.
func TestJUnitControlCharacters(t *testing.T) {
	r := rich(t)
	r.Findings[1].Target = "a\x01b\x1bc\uFFFE"
	r.Findings[1].Message = check.Text{EN: "m\x00", FR: "m\x00"}
	checkJUnitSchema(t, "control characters", render(t, report.JUnit{}, r))
}
