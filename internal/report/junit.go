package report

import (
	"bufio"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

// JUnit writes JUnit XML for GitLab, Jenkins and other CI test reports: one
// testsuite per family, one testcase per check and target.
//
//   - FAIL is a <failure> and ERROR an <error>: both turn the pipeline red.
//   - SKIPPED and WAIVED are <skipped>; a waiver's message gives its
//     statement and expiry, so an accepted risk stays visible without failing.
//   - WARN passes, with the warning in <system-out>: CI treats any failure as
//     a broken build, and a warning is advice, not a verdict (thresholds, not
//     the report, decide whether a WARN fails a scan).
//
// classname is vigie.<family>.<target>, the target's dots written "·":
// Jenkins reads the text after the last dot as the class and the rest as
// the package, so a dot in a host or file name would split it; the test's
// name ends with the target as it is. GitLab, which groups by classname,
// keeps targets apart. Only <testsuites> has a time, the scan's: families
// run interleaved, so none has a duration of its own.
type JUnit struct{ Options }

type junitCase struct {
	XMLName   xml.Name      `xml:"testcase"`
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	Skipped   *junitMessage `xml:"skipped"`
	Error     *junitMessage `xml:"error"`
	Failure   *junitMessage `xml:"failure"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitMessage struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	Body    string `xml:",chardata"`
}

type junitCounts struct{ tests, failures, errors, skipped int }

func (c *junitCounts) add(s check.Status) {
	c.tests++
	switch s {
	case check.Fail:
		c.failures++
	case check.Error:
		c.errors++
	case check.Skipped, check.Waived:
		c.skipped++
	}
}

func (c junitCounts) attrs() []xml.Attr {
	return []xml.Attr{attr("tests", strconv.Itoa(c.tests)), attr("failures", strconv.Itoa(c.failures)),
		attr("errors", strconv.Itoa(c.errors)), attr("skipped", strconv.Itoa(c.skipped))}
}

func attr(name, value string) xml.Attr { return xml.Attr{Name: xml.Name{Local: name}, Value: value} }

func (j JUnit) Write(ctx context.Context, out io.Writer, r Report) error {
	l := j.Lang
	// A first pass counts, so each suite's totals come before its cases and
	// the cases stream: one family at a time, nothing copied.
	var all junitCounts
	fams := map[check.Family]*junitCounts{}
	var order []check.Family
	for f := range r.All() {
		c := fams[f.Family]
		if c == nil {
			c = &junitCounts{}
			fams[f.Family] = c
			order = append(order, f.Family)
		}
		c.add(f.Status)
		all.add(f.Status)
	}
	order = familiesInOrder(order)
	secs := fmt.Sprintf("%.3f", max(0, r.FinishedAt.Sub(r.StartedAt).Seconds()))
	stamp := r.StartedAt.UTC().Format("2006-01-02T15:04:05")

	w := bufio.NewWriterSize(out, 64<<10)
	w.WriteString(xml.Header)
	// The encoder flushes after each element; behind a writer that is not a
	// *bufio.Writer it flushes its own buffer into w, not w into the file.
	enc := xml.NewEncoder(struct{ io.Writer }{w})
	enc.Indent("", "  ")
	root := xml.StartElement{Name: xml.Name{Local: "testsuites"}, Attr: append([]xml.Attr{attr("name", "vigie")}, append(all.attrs()[:3], attr("time", secs))...)}
	if err := enc.EncodeToken(root); err != nil {
		return err
	}
	n := 0
	for _, fam := range order {
		suite := xml.StartElement{Name: xml.Name{Local: "testsuite"}, Attr: append([]xml.Attr{attr("name", string(fam))},
			append(fams[fam].attrs(), attr("timestamp", stamp), attr("id", strconv.Itoa(n)), attr("package", "vigie."+string(fam)))...)}
		n++
		if err := enc.EncodeToken(suite); err != nil {
			return err
		}
		if err := junitProperties(enc, r); err != nil {
			return err
		}
		for i, f := range r.Numbered() {
			if i%1024 == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			if f.Family != fam {
				continue
			}
			if err := enc.Encode(junitCaseOf(r, f, l)); err != nil {
				return err
			}
		}
		if err := enc.EncodeToken(suite.End()); err != nil {
			return err
		}
	}
	if err := enc.EncodeToken(root.End()); err != nil {
		return err
	}
	if err := enc.Flush(); err != nil {
		return err
	}
	w.WriteString("\n")
	return w.Flush()
}

func junitProperties(enc *xml.Encoder, r Report) error {
	type prop struct {
		Name  string `xml:"name,attr"`
		Value string `xml:"value,attr"`
	}
	props := struct {
		XMLName xml.Name `xml:"properties"`
		P       []prop   `xml:"property"`
	}{P: []prop{{"vigie.scan_id", r.ScanID}, {"vigie.version", r.Tool.Version}, {"vigie.interrupted", strconv.FormatBool(r.Interrupted)}}}
	return enc.Encode(props)
}

func junitCaseOf(r Report, f check.Finding, l check.Lang) junitCase {
	m, _ := r.Meta(f.CheckID)
	c := junitCase{Name: f.CheckID + " " + m.Title.In(l) + " (" + f.Target + ")", Classname: junitClass(f), Time: "0"}
	msg := f.Message.In(l)
	kind := f.Status.Label(l) + " " + f.Severity.Label(l)
	switch f.Status {
	case check.Fail:
		body := msg + evidenceSummary(l, f.Evidence)
		if fix := m.Remediation.In(l); fix != "" {
			body += "\n\n" + tr(l, "Remediation: ", "Correction : ") + fix
		}
		c.Failure = &junitMessage{Message: msg, Type: kind, Body: body}
	case check.Error:
		c.Error = &junitMessage{Message: msg, Type: kind, Body: msg + evidenceSummary(l, f.Evidence)}
	case check.Skipped:
		c.Skipped = &junitMessage{Message: msg}
	case check.Waived:
		c.Skipped = &junitMessage{Message: waiverNote(l, f)}
	case check.Warn:
		c.SystemOut = f.Status.Label(l) + ": " + msg + evidenceSummary(l, f.Evidence)
	}
	return c
}

// junitClass is vigie.<family>.<target> with no dot in the target.
func junitClass(f check.Finding) string {
	return "vigie." + string(f.Family) + "." + strings.ReplaceAll(f.Target, ".", "·")
}

// waiverNote says a finding was waived, why, until when and by which file.
func waiverNote(l check.Lang, f check.Finding) string {
	if f.Waiver == nil {
		return tr(l, "Waived", "Dérogé")
	}
	return fmt.Sprintf(tr(l, "Waived until %s (%s, was %s): %s", "Dérogé jusqu'au %s (%s, était %s) : %s"),
		f.Waiver.Expires.UTC().Format("2006-01-02"), f.Waiver.Source, f.Waiver.Was.Label(l), f.Waiver.Statement)
}
