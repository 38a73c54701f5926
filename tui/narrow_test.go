package tui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

// At 80×24, what a line ends with is what gets cut: the low-severity count
// on the dashboard, the count on the findings' filter line, the waiver
// file's path; and the message keeps most of a findings row.
func TestNarrowLinesKeepTheirEnd(t *testing.T) {
	for _, l := range []check.Lang{check.EN, check.FR} {
		r := sampleReport()
		base := append(r.Findings[:0:0], r.Findings...)
		for i := 0; i < 60; i++ { // problems of every severity by the dozen, as the demo has
			for _, sev := range []check.Severity{check.Critical, check.High, check.Medium, check.Low} {
				f := base[i%len(base)]
				f.Severity, f.Status = sev, check.Fail
				if i%2 == 0 {
					f.Target = fmt.Sprintf("demo/contracts/acme-dialer-terms-%d.odt", i%3) // long names, as the demo's
				}
				r.Findings = append(r.Findings, f)
			}
		}
		file := filepath.Join(t.TempDir(), "a-folder-with-a-rather-long-name", "vigie-demo-waivers.yaml")
		m := sized(Options{Lang: l, Report: r, WaiverFile: file}, 80, 24)
		dash := m.View()
		fits(t, "dashboard", dash, 80, 24)
		for _, fam := range r.Scores.Families {
			line := lineWith(dash, familyName(l, fam.Family)+" ")
			if !strings.Contains(line, check.Low.Label(l)+" ") || strings.Contains(line, "…") {
				t.Errorf("%s: family line without its low-severity count: %q", l, line)
			}
		}
		list := press(m, "f")
		head := strings.Split(list.View(), "\n")[1]
		if want := fmt.Sprintf("/%d · ", len(r.Findings)); !strings.Contains(head, want) {
			t.Errorf("%s: the filter line lost the count %q: %q", l, want, head)
		}
		cols := strings.Split(list.View(), "\n")[2]
		if i := strings.Index(cols, "MESSAGE"); i < 0 || 80-len([]rune(cols[:i])) < 28 {
			t.Errorf("%s: the message column is narrow: %q", l, cols)
		}
		form := press(list, "enter", "w").View()
		fits(t, "waiver form", form, 80, 24)
		if !strings.Contains(strings.Join(strings.Fields(form), ""), file) {
			t.Errorf("%s: the waiver file's path %s is not shown whole:\n%s", l, file, form)
		}
	}
}

func lineWith(screen, s string) string {
	for _, line := range strings.Split(screen, "\n") {
		if strings.Contains(line, s) {
			return line
		}
	}
	return ""
}
