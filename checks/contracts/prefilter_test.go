package contracts

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// allPatterns lists every pattern the analysis uses.
func allPatterns() []pattern {
	var out []pattern
	for _, r := range rules {
		out = append(out, r.present...)
		if r.need != nil {
			out = append(out, *r.need)
		}
		for _, ms := range [][]marker{r.reject, r.near, r.weak, r.specific, r.sufficient} {
			for _, m := range ms {
				out = append(out, m.re)
			}
		}
	}
	return append(out, dataWords, peopleWords, flowObligations, flowLiable, flowWritten, flowAudit, endReturn, endDelete,
		endChoice, endExtra, deadlineRe, annexRe, thirdNameRe, specialRe, specialNoneRe)
}

// The prefilters only skip work: on every sentence of the corpus, and on
// sentences joined together, each pattern answers as its plain expression.
func TestPrefilterNeverChangesAnswers(t *testing.T) {
	files, err := filepath.Glob("../../testdata/contracts/corpus/*")
	if err != nil || len(files) == 0 {
		t.Fatal("no corpus", err)
	}
	var texts []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var blocks []Block
		for _, p := range strings.Split(string(data), "\n\n") {
			blocks = append(blocks, Block{Text: p})
		}
		sents := segment(blocks)
		for i, s := range sents {
			texts = append(texts, s.folded, context(sents, i))
			if i > 0 {
				texts = append(texts, sents[i-1].folded+" "+s.folded)
			}
		}
	}
	texts = append(texts, "no audit", "xxxx", "[signature] ____", "security@example.fr", "within forty-eight (48) hours")
	lx := literals()
	checked := 0
	for _, p := range allPatterns() {
		for _, text := range texts {
			want := p.re.MatchString(text)
			if got := p.in(text, lx.scan(text)); got != want {
				t.Fatalf("pattern %s on %q: prefiltered %v, plain %v", p.re, text, got, want)
			}
			if got := p.MatchString(text); got != want {
				t.Fatalf("pattern %s on %q (string prefilter): %v, plain %v", p.re, text, got, want)
			}
			checked++
		}
	}
	t.Logf("%d pattern × text pairs agree", checked)
}

func TestRequiredLiterals(t *testing.T) {
	for expr, want := range map[string]string{
		`(notify|inform).{0,80}breach`:     "notify|inform", // either part would do; the first of the longest
		`canada|cameroun|cameroon`:         "canada|cameroun|cameroon",
		`\b\d+ (days|jours)`:               " days| jours",
		`x*`:                               "",
		`(sub-?processors?|another) agree`: "sub-processors agree|sub-processor agree|subprocessors agree|subprocessor agree|another agree",
	} {
		p := compile(expr)
		if got := strings.Join(p.any, "|"); got != want {
			t.Errorf("%s: required %q, want %q", expr, got, want)
		}
	}
}
