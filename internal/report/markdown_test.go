package report_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

func TestMarkdownGolden(t *testing.T) {
	golden(t, "markdown.en.golden.md", render(t, report.Markdown{Options: report.Options{Lang: check.EN}}, sample(t)))
	golden(t, "rich.markdown.fr.golden.md", render(t, report.Markdown{Options: report.Options{Lang: check.FR}}, rich(t)))
}

// unescapedPipes counts the cell separators of a table row.
func unescapedPipes(line string) int {
	n := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '|':
			n++
		}
	}
	return n
}

// TestMarkdownHostileTarget: a target holding pipes, backticks, HTML and a
// line break stays inside its cell and renders as text.
func TestMarkdownHostileTarget(t *testing.T) {
	for _, l := range check.Langs {
		out := string(render(t, report.Markdown{Options: report.Options{Lang: l}}, rich(t)))
		cols := 0
		for i, line := range strings.Split(out, "\n") {
			if !strings.HasPrefix(line, "|") {
				cols = 0
				continue
			}
			if cols == 0 {
				cols = unescapedPipes(line)
			}
			if got := unescapedPipes(line); got != cols {
				t.Errorf("%s line %d has %d separators, its table %d: %q", l, i+1, got, cols, line)
			}
			if strings.Contains(line, "forged") && !strings.Contains(line, "CSP") && !strings.Contains(line, "Check") && !strings.Contains(line, "Contrôle") {
				t.Errorf("%s: forged row %q", l, line)
			}
		}
		for i := range len(out) {
			if out[i] == '<' && (i == 0 || out[i-1] != '\\') {
				t.Errorf("%s: unescaped %q at %q", l, out[i], out[max(0, i-20):min(len(out), i+20)])
			}
		}
		if strings.Contains(out, "\n| forged") {
			t.Errorf("%s: the line break in the target was kept", l)
		}
		if strings.Contains(out, "/|`x`") || !strings.Contains(out, `\<script\>`) || !strings.Contains(out, "\\`x\\`") {
			t.Errorf("%s: the hostile target is missing, escaped", l)
		}
	}
}

func TestMarkdownCapsLists(t *testing.T) {
	r := rich(t)
	base := r.Findings[1] // a medium FAIL
	for i := range 130 {
		f := base
		f.Target = fmt.Sprintf("https://site-%d.example.fr", i)
		r.Findings = append(r.Findings, f)
	}
	out := string(render(t, report.Markdown{Options: report.Options{Lang: check.EN}, MaxRows: 10}, r))
	medium := 0
	for _, f := range r.Findings {
		if (f.Status == check.Fail || f.Status == check.Warn) && f.Severity == check.Medium {
			medium++
		}
	}
	if !strings.Contains(out, fmt.Sprintf("### Medium (%d)", medium)) || !strings.Contains(out, fmt.Sprintf("… and %d more", medium-10)) {
		t.Errorf("capped list lacks its count:\n%s", out)
	}
	section := out[strings.Index(out, "### Medium"):]
	section = section[:strings.Index(section, "### Low")]
	if n := strings.Count(section, "\n| FAIL"); n != 10 {
		t.Errorf("%d rows of the capped list shown, want 10", n)
	}
}

func TestMarkdownChangesSincePreviousScan(t *testing.T) {
	r := rich(t)
	r.Changes = &report.Changes{Since: "0badcafe-previous", SinceTime: t0.AddDate(0, 0, -7), PreviousScore: 41,
		New: []report.Change{{CheckID: "PWD-HASH-001"}}, Fixed: []report.Change{{CheckID: "WEB-HSTS-001"}}, StillFailing: 3}
	for l, want := range map[check.Lang]string{
		check.EN: "Since scan 0badcafe of 2026-11-16: score 41 → 30, 1 new, 1 fixed, 3 still failing.",
		check.FR: "Depuis le scan 0badcafe du 2026-11-16 : note 41 → 30, 1 nouveau, 1 corrigé, 3 toujours en échec.",
	} {
		if out := string(render(t, report.Markdown{Options: report.Options{Lang: l}}, r)); !strings.Contains(out, want) {
			t.Errorf("%s: no %q in:\n%s", l, want, out)
		}
	}
}
