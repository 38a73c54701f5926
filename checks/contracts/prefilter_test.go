package contracts

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp/syntax"
	"slices"
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
			texts = append(texts, s.folded, contextText(sents, i))
			if i > 0 {
				texts = append(texts, sents[i-1].folded+" "+s.folded)
			}
		}
	}
	texts = append(texts, "no audit", "xxxx", "[signature] ____", "security@example.fr", "within forty-eight (48) hours",
		"a12 hours", "a12 hours, 12 hours", "7 (seven) days", "le 3/4/2025.", "2024-01-31", "x-31/12/2024", "n31/12/2024", "x2024")
	lx := literals()
	checked := 0
	for _, p := range allPatterns() {
		for _, text := range texts {
			want := p.re.MatchString(text)
			if got := p.in(text, lx.scan(text)); got != want {
				t.Fatalf("pattern %s on %q: prefiltered %v, plain %v", p.re, text, got, want)
			}
			if got, want := p.find(text, lx.scan(text)), p.re.FindString(text); got != want {
				t.Fatalf("pattern %s on %q: found %q, plain %q", p.re, text, got, want)
			}
			checked++
		}
	}
	t.Logf("%d pattern × text pairs agree", checked)
}

func TestRequiredLiterals(t *testing.T) {
	for expr, want := range map[string]string{
		`(notify|inform).{0,80}breach`: "notify|inform", // either part would do; the first of the longest
		`canada|cameroun|cameroon`:     "canada|cameroun|cameroon",
		`\b\d+ (days|jours)`:           " days| jours",
		`x*`:                           "",
		// Too many strings to multiply out: the run stops before it grows too large.
		`(nature|purpose|finalite)s? (and|et) (purpose|nature|finalite)s?`: "natures and purpose|natures and nature|natures and finalite|natures et purpose|natures et nature|natures et finalite|" +
			"nature and purpose|nature and nature|nature and finalite|nature et purpose|nature et nature|nature et finalite|" +
			"purposes and purpose|purposes and nature|purposes and finalite|purposes et purpose|purposes et nature|purposes et finalite|" +
			"purpose and purpose|purpose and nature|purpose and finalite|purpose et purpose|purpose et nature|purpose et finalite|" +
			"finalites and purpose|finalites and nature|finalites and finalite|finalites et purpose|finalites et nature|finalites et finalite|" +
			"finalite and purpose|finalite and nature|finalite and finalite|finalite et purpose|finalite et nature|finalite et finalite",
		`(sub-?processors?|another) agree`: "sub-processors agree|sub-processor agree|subprocessors agree|subprocessor agree|another agree",
	} {
		p := compile(expr)
		if got := strings.Join(p.any, "|"); got != want {
			t.Errorf("%s: required %q, want %q", expr, got, want)
		}
	}
}

// The literal scan misses no literal a text contains, and walking many
// texts side by side finds what walking each alone does.
func TestScanFindsEveryLiteral(t *testing.T) {
	sents, _ := corpusSentences(t)
	lx := literals()
	texts := []string{"", "e", "[x] ____ 72 h", "données"}
	for _, s := range sents {
		texts = append(texts, s.folded, "", s.folded+" "+s.head)
	}
	sets := make([]litSet, len(texts))
	for i := range sets {
		sets[i] = make(litSet, (lx.words+63)/64)
	}
	lx.scanAll(texts, sets)
	for i, text := range texts {
		alone := lx.scan(text)
		if !slices.Equal(alone, sets[i]) {
			t.Fatalf("text %d %q: scanned with others %v, alone %v", i, text, sets[i], alone)
		}
		for lit, id := range literalIDs {
			if id < lx.words && strings.Contains(text, lit) && !alone.has(id) {
				t.Fatalf("%q holds %q, the scan missed it", text, lit)
			}
		}
	}
}

// Every literal the analysis looks for is registered before the automaton
// is built (a test may register more later, for patterns of its own).
func TestAutomatonHasEveryLiteral(t *testing.T) {
	lx := literals()
	check := func(what string, ids []int) {
		for _, id := range ids {
			if id >= lx.words {
				t.Errorf("%s: literal %d registered after the automaton was built", what, id)
			}
		}
	}
	checkMask := func(what string, m litMask) {
		for _, mw := range m {
			for b := range 64 {
				if mw.bits&(1<<b) != 0 {
					check(what, []int{mw.w*64 + b})
				}
			}
		}
	}
	for _, p := range allPatterns() {
		check(p.re.String(), p.ids)
		for _, pt := range p.parts {
			for _, set := range pt.all {
				checkMask(pt.re.String(), set)
			}
			for _, w := range pt.words {
				check(pt.re.String(), []int{w.id})
			}
			if pt.gap != nil {
				for _, el := range pt.gap.elems {
					for _, w := range el {
						check(pt.re.String(), []int{w.id})
					}
				}
			}
		}
		for _, w := range p.words {
			check(p.re.String(), []int{w.id})
		}
	}
	for id, m := range triggers {
		checkMask(id, m)
	}
}

// Finite patterns and gapped ones are matched without the expression; the
// shapes they accept, and what they answer, on texts made to trip them.
func TestMatchersAgreeWithExpressions(t *testing.T) {
	for expr, finiteWanted := range map[string]bool{
		`\b(annex|schedule)\b`:      true,
		`e(u\b|ea\b|uropean union)`: true, // the parser factors "eu\b|eea\b|…" so
		`x(\by|z)`:                  false,
		`(u\b|v)w`:                  false,
		`(heberge\w*|kept) .{0,20}(in|en) (the )?(eu\b|france)`: false,
	} {
		tree, err := syntax.Parse(expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if got := finiteWords(tree) != nil; got != finiteWanted {
			t.Errorf("%s: finite %v, want %v", expr, got, finiteWanted)
		}
		p := compile(expr)
		for _, text := range []string{"eu", "the eu.", "feu", "eux", "european union", "xy", "x y", "xz", "uw", "u w", "vw",
			"annexes", "see annex", "kept in the eu", "hebergees en france", "kept in the europe", "hebergement x en france",
			"heberge in eu", "kept ok in the eux", "eux", "eu x", "eus", "eu s", "foobar", "foo x", "foox", "kept" + strings.Repeat(" x", 15) + " in eu"} {
			if got, want := matchParts(p, text), p.re.MatchString(text); got != want {
				t.Errorf("%s on %q: %v, expression %v", expr, text, got, want)
			}
		}
	}
}

// matchParts is pattern.in without literal sets, for patterns compiled
// after the automaton was built: every part runs.
func matchParts(p pattern, text string) bool {
	if p.words != nil {
		return matchWords(p.words, text, nil)
	}
	if p.parts == nil {
		return p.re.MatchString(text)
	}
	for _, pt := range p.parts {
		var ok bool
		switch {
		case pt.words != nil:
			ok = matchWords(pt.words, text, nil)
		case pt.gap != nil:
			ok = pt.gap.match(text, nil)
		case pt.lead != nil:
			ok = pt.lead.match(text)
		default:
			ok = pt.re.MatchString(text)
		}
		if ok {
			return true
		}
	}
	return false
}

// Any text, folded as contracts are: the prefiltered matchers answer and
// find what the plain expressions do, and an analysis runs to its end.
func FuzzPrefilterAgrees(f *testing.F) {
	for _, seed := range []string{"within 24 hours of a breach", "a12 hours", "n31/12/2024", "kept in the eu.", "no audit right",
		"sous 48h", "- 2. Objet : la prestation", "[signature] ____", "données hébergées en France"} {
		f.Add(seed)
	}
	lx := literals()
	patterns := allPatterns()
	f.Fuzz(func(t *testing.T, raw string) {
		if len(raw) > 2000 {
			return
		}
		text := fold(raw)
		lits := lx.scan(text)
		for _, p := range patterns {
			if got, want := p.in(text, lits), p.re.MatchString(text); got != want {
				t.Fatalf("pattern %s on %q: prefiltered %v, plain %v", p.re, text, got, want)
			}
			if got, want := p.find(text, lits), p.re.FindString(text); got != want {
				t.Fatalf("pattern %s on %q: found %q, plain %q", p.re, text, got, want)
			}
		}
		if a := Analyze(Document{Blocks: []Block{{Text: raw}}}); len(a.Results) != len(Elements) {
			t.Fatalf("%d results for %d elements", len(a.Results), len(Elements))
		}
	})
}

// A mask answers as testing its IDs one by one does, IDs past the set's
// end included (a pattern compiled after the automaton was built).
func TestMaskAgreesWithBits(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		set := make(litSet, 1+rng.IntN(4))
		for i := range set {
			set[i] = rng.Uint64() & rng.Uint64() & rng.Uint64() // sparse
		}
		ids := make([]int, rng.IntN(6))
		for i := range ids {
			ids[i] = rng.IntN(64 * (len(set) + 1))
		}
		want := false
		for _, id := range ids {
			want = want || set.has(id)
		}
		if got := set.any(maskOf(ids)); got != want {
			t.Fatalf("ids %v in %x: mask says %v, bits %v", ids, set, got, want)
		}
	}
}

// scan returns the literals one text contains.
func (t *trie) scan(text string) litSet {
	set := make(litSet, (t.words+63)/64)
	t.scanAll([]string{text}, []litSet{set})
	return set
}
