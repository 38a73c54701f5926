package htmlreport

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/vigie-security/vigie/checks/web"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/engine"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/score"
)

var update = flag.Bool("update", false, "rewrite golden files")

func writer(l check.Lang) Writer {
	return Writer{Lang: l, Org: "Prospects & Cie SAS", Consultant: "Camille Martin", Now: func() time.Time { return t0.Add(time.Hour) }}
}

func render(t testing.TB, w Writer, r report.Report) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := w.Write(context.Background(), &b, r); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	r := rich(t)
	for _, l := range check.Langs {
		got := render(t, writer(l), r)
		path := filepath.Join("testdata", "report."+string(l)+".golden.html")
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./internal/report/html -update to create it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the golden file; rerun with -update if the change is intended", path)
		}
	}
}

// Every section title and the figures a reader looks for, in both languages.
func TestSections(t *testing.T) {
	r := rich(t)
	want := map[check.Lang][]string{
		check.EN: {"Executive summary", "Score and how to raise it", "To reach the next grade", "What each check costs",
			"Since the previous scan", "Web sites", "Passwords", "Processor contracts", "Article 28 matrix",
			"Appendix A: method", "Appendix B: checks that ran", "Prospects &amp; Cie SAS", "Camille Martin",
			"legacy site, closed in March", "CNIL reference:", "The most serious problems", "lifts a cap", "<svg", "<title id=\"chart-t\">"},
		check.FR: {"Synthèse", "Score et comment le relever", "Pour atteindre la note suivante", "Ce que coûte chaque contrôle",
			"Depuis le scan précédent", "Sites web", "Mots de passe", "Contrats de sous-traitance", "Matrice article 28",
			"Annexe A : méthode", "Annexe B : contrôles exécutés", "Référence CNIL :", "lève un plafond", "ÉCHEC", "DÉROGÉ"},
	}
	for l, ws := range want {
		out := string(render(t, writer(l), r))
		for _, s := range ws {
			if !strings.Contains(out, s) {
				t.Errorf("%s: the page lacks %q", l, s)
			}
		}
		if !strings.Contains(out, fmt.Sprintf(`<html lang="%s">`, l)) {
			t.Errorf("%s: no lang attribute", l)
		}
	}
	fr := string(render(t, writer(check.FR), r))
	for _, en := range []string{"Executive summary", "How to fix", "What it risks", "Evidence<"} {
		if strings.Contains(fr, en) {
			t.Errorf("English %q in the French page", en)
		}
	}
}

var cssURL = regexp.MustCompile(`(?i)url\(\s*['"]?([^'")\s]*)|@import`)

// selfContained fails on anything that would make a browser fetch from
// elsewhere: a URL attribute that is not #… or data:, a url() or @import in
// CSS, a script, or a base element.
func selfContained(t *testing.T, page []byte) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	local := func(v string) bool {
		v = strings.TrimSpace(strings.ToLower(v))
		return strings.HasPrefix(v, "#") || strings.HasPrefix(v, "data:")
	}
	checkCSS := func(where, css string) {
		for _, m := range cssURL.FindAllStringSubmatch(css, -1) {
			if m[0] == "@import" || !local(m[1]) {
				t.Errorf("%s loads %q", where, m[0])
			}
		}
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "base", "link", "iframe", "object", "embed", "form":
				t.Errorf("<%s> in the page", n.Data)
			case "style":
				if n.FirstChild != nil {
					checkCSS("<style>", n.FirstChild.Data)
				}
			}
			for _, a := range n.Attr {
				k := strings.ToLower(a.Key)
				switch {
				case k == "src" || k == "href" || k == "srcset" || k == "action" || k == "formaction" || k == "poster" ||
					k == "data" || k == "background" || k == "xlink:href" || a.Namespace == "xlink" && k == "href":
					if !local(a.Val) {
						t.Errorf("<%s %s=%q> leaves the page", n.Data, a.Key, a.Val)
					}
				case k == "style":
					checkCSS("style attribute", a.Val)
				case strings.HasPrefix(k, "on"):
					t.Errorf("<%s %s> runs script", n.Data, a.Key)
				case k == "http-equiv" && strings.EqualFold(a.Val, "refresh"):
					t.Error("meta refresh")
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

func TestSelfContained(t *testing.T) {
	r := rich(t)
	for _, l := range check.Langs {
		selfContained(t, render(t, writer(l), r))
	}
	if strings.Contains(pageCSS, "url(") || strings.Contains(pageCSS, "@import") || strings.Contains(pageCSS, "@font-face") {
		t.Error("the stylesheet loads something")
	}
}

// Finding strings are hostile input: nothing in them may become markup.
func TestHostileStrings(t *testing.T) {
	r := rich(t)
	evil := `"><script>alert(1)</script><img src=https://evil.example/x onerror=alert(1)>`
	fs := make([]check.Finding, len(r.Findings))
	copy(fs, r.Findings)
	for i := range fs {
		if fs[i].Status == check.Fail {
			fs[i].Message = check.Text{EN: evil, FR: evil}
			fs[i].Target = "javascript:alert(1)//" + fs[i].Target
			fs[i].Evidence = map[string]any{evil: []any{evil, map[string]any{"k": evil}}, "url": "javascript:alert(2)"}
		}
	}
	r.Findings = fs
	r.Scores = score.Compute(fs, r.Meta)
	w := writer(check.EN)
	w.Org, w.Consultant = `</style><script>alert(3)</script>`, `<a href="https://evil.example">x</a>`
	out := render(t, w, r)
	selfContained(t, out)
	if bytes.Contains(out, []byte("<script")) || bytes.Contains(out, []byte("evil.example\">")) {
		t.Error("a hostile string reached the page as markup")
	}
	if !bytes.Contains(out, []byte("&lt;script&gt;alert(1)&lt;/script&gt;")) {
		t.Error("the hostile message is not shown, escaped")
	}
}

func TestDoesNotMutate(t *testing.T) {
	r := rich(t)
	before, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err) // two failed encodings would compare equal
	}
	render(t, writer(check.FR), r)
	render(t, Writer{Limit: 1}, r)
	if after, err := json.Marshal(r); err != nil || !bytes.Equal(before, after) {
		t.Error("the writer changed the report")
	}
}

// The plan's aggregation must be internal/score's, or its what-ifs lie.
func TestOverallIsScores(t *testing.T) {
	for name, r := range map[string]report.Report{"rich": rich(t), "web": run(t, webUnits()), "big": big(t, 40)} {
		lookup := func(id string) (check.Meta, bool) { return r.Meta(id) }
		var rs []score.Result
		var fams []check.Family
		for _, s := range r.Scores.Targets {
			rs = append(rs, s.Result)
			fams = append(fams, s.Family)
		}
		got, want := overall(fams)(rs), r.Scores.Overall
		if got.Score != want.Score || got.Grade != want.Grade || (got.Cap == nil) != (want.Cap == nil) {
			t.Errorf("%s: overall %+v, score.Compute says %+v", name, got, want)
		}
		for _, s := range r.Scores.Targets {
			var fs []check.Finding
			for _, f := range r.Findings {
				if f.Target == s.Target && f.Family == s.Family {
					fs = append(fs, f)
				}
			}
			if g := scoreOf(fs, lookup); g.Score != s.Score || g.Grade != s.Grade {
				t.Errorf("%s %s: %d %s, want %d %s", name, s.Target, g.Score, g.Grade, s.Score, s.Grade)
			}
		}
	}
}

// A cap is lifted before anything else counts; the path ends a grade up.
func TestPathLiftsCapsFirst(t *testing.T) {
	// An expired certificate on an otherwise good site: 49, capped at E.
	r := run(t, []engine.Unit{site("https://expired.example.fr", func(e *web.Evidence) { e.TLS.Leaf.NotAfter = t0.AddDate(0, 0, -12) })})
	if r.Scores.Overall.Grade != "E" {
		t.Fatalf("setup: %+v", r.Scores.Overall)
	}
	p := writer(check.EN).build(r)
	if len(p.Path) == 0 || p.PathReaches == "" {
		t.Fatalf("no path to the next grade: %+v (note %q)", p.Path, p.PathNote)
	}
	if first := p.Path[0]; first.CheckID != "WEB-CERT-002" || !first.LiftsCap {
		t.Errorf("first fix %+v, want WEB-CERT-002 lifting the E cap", first)
	}
	last := p.Path[len(p.Path)-1].After
	if check.Grade(last.Grade).Rank() >= r.Scores.Overall.Grade.Rank() {
		t.Errorf("the path ends at %s, not above %s", last.Grade, r.Scores.Overall.Grade)
	}
	// Check the last step independently: fix those checks, score again.
	fs := r.Findings
	for _, s := range p.Path {
		fs = fixed(fs, s.CheckID)
	}
	if again := score.Compute(fs, r.Meta).Overall; again.Score != last.Score {
		t.Errorf("after the path: %d, scoring the fixed findings gives %d", last.Score, again.Score)
	}
}

func TestLimits(t *testing.T) {
	r := big(t, 12)
	w := writer(check.EN)
	w.Limit = 3
	out := string(render(t, w, r))
	for _, s := range []string{"… and 9 more targets in this family", "passed, "} {
		if !strings.Contains(out, s) {
			t.Errorf("capped page lacks %q", s)
		}
	}
	if n := strings.Count(out, `<article class="target"`); n != 3 {
		t.Errorf("%d targets drawn, limit 3", n)
	}
}

func luminance(hex string) float64 {
	v, _ := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
	lin := func(c uint64) float64 {
		s := float64(c) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(v>>16&255) + 0.7152*lin(v>>8&255) + 0.0722*lin(v&255)
}

// White text on every badge, and coloured text on white, meet WCAG AA.
func TestContrast(t *testing.T) {
	ratio := func(a, b string) float64 {
		la, lb := luminance(a), luminance(b)
		return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
	}
	for g, c := range gradeColors {
		if r := ratio(c, "#ffffff"); r < 4.5 {
			t.Errorf("grade %s: %s on white text is %.2f:1", g, c, r)
		}
	}
	for s, c := range statusColors {
		if r := ratio(c, "#ffffff"); r < 4.5 {
			t.Errorf("status %s: %s is %.2f:1", s, c, r)
		}
	}
	for l, c := range levelColors {
		if r := ratio(c, "#ffffff"); r < 4.5 {
			t.Errorf("level %q: %s is %.2f:1", l, c, r)
		}
	}
}

// An interrupted scan: the page says so, and a target that never finished
// is listed as such, with no score.
func TestInterrupted(t *testing.T) {
	r := run(t, webUnits()[:1])
	r.Interrupted = true
	r.Targets = append(r.Targets, report.Target{Name: "https://late.example.fr", Family: check.FamilyWeb})
	for l, want := range map[check.Lang][]string{
		check.EN: {"The scan was interrupted", "https://late.example.fr", "(not finished)", "Not finished: the scan was interrupted"},
		check.FR: {"Le scan a été interrompu", "(non terminée)", "Non terminée : le scan a été interrompu"},
	} {
		out := string(render(t, writer(l), r))
		for _, s := range want {
			if !strings.Contains(out, s) {
				t.Errorf("%s: the page lacks %q", l, s)
			}
		}
	}
	if err := writer(check.EN).Write(canceled(), &bytes.Buffer{}, r); err == nil {
		t.Error("a cancelled context still rendered")
	}
}

func canceled() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return ctx
}
