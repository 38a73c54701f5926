package contracts

import (
	"regexp"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

// x is an expression of the rule language, over folded text (see fold:
// lower case, no accents, one space between words). It is one of:
//   - terms: a set of words or phrases, matched whole, found by plain
//     substring search (most of what a contract clause is recognised by);
//   - within: two expressions in that order, at most n words apart;
//   - either: any of several expressions;
//   - several: at least n different terms of a set (a sentence that names
//     four parts of the description is a list of them);
//   - both: two expressions on the same text (a cheap term set can gate a
//     costly expression: both(terms("without", "sans"), rx(…)));
//   - rx: a regular expression, for the shapes the words above do not say
//     (numbers, dates, placeholders).
type x struct {
	words []term
	least int      // several: how many different terms must match
	after []string // notAfter: words a term must not directly follow
	re    string
	a, b  *x
	gap   int
	and   bool // a and b anywhere, rather than a then b
	aside bool // within, the gap's asides not counted (withinPastAsides)
	digit bool // any digit: a gate for expressions about numbers
	delay bool // a number then a unit of time
	any   []x
}

type term struct {
	s    string
	stem bool // any ending: "collect*" is collect, collected, collection
}

// terms is a set of words or phrases, folded when the rules are compiled,
// so "données" matches "donnees". A term ending in "*" matches any ending.
func terms(ts ...string) x {
	out := x{words: make([]term, 0, len(ts))}
	for _, t := range ts {
		stem := strings.HasSuffix(t, "*")
		out.words = append(out.words, term{s: fold(strings.TrimSuffix(t, "*")), stem: stem})
	}
	return out
}

// several is at least n different terms of ts (a terms set).
func several(n int, ts x) x {
	ts.least = n
	return ts
}

// notAfter is the terms ts where they do not directly follow one of the
// words: "personnel" the staff, not "à caractère personnel".
func notAfter(ts x, words ...string) x {
	for _, w := range words {
		ts.after = append(ts.after, fold(w)+" ")
	}
	return ts
}

// within is a followed by b with at most n words between them.
func within(n int, a, b x) x { return x{a: &a, b: &b, gap: n} }

// withinPastAsides is within, not counting the gap's asides (brackets,
// e-mail addresses, phone numbers): a recipient's contact details between
// a notice and its deadline.
func withinPastAsides(n int, a, b x) x {
	e := within(n, a, b)
	e.aside = true
	return e
}

// near is a and b in either order, at most n words apart.
func near(n int, a, b x) x { return either(within(n, a, b), within(n, b, a)) }

// delay is a number, in digits or in words, then a unit of time: "48
// hours", "forty-eight (48) hours", "24h", "10 jours ouvrés".
func delay() x { return x{delay: true} }

// number is any digit in the text: the gate of an expression that reads a
// delay, a period or a date.
func number() x { return x{digit: true} }

// both is a and b anywhere in the text; it reports b's matches.
func both(a, b x) x { return x{a: &a, b: &b, and: true} }

// either is any of the expressions.
func either(xs ...x) x { return x{any: xs} }

// rx is a regular expression over folded text.
func rx(expr string) x { return x{re: expr} }

// toX lets rules write a plain string where a regular expression is meant.
func toX[E string | x](e E) x {
	if s, ok := any(e).(string); ok {
		return rx(s)
	}
	v, _ := any(e).(x)
	return v
}

// pattern is a compiled x.
type pattern struct {
	words []term
	least int
	after []string
	re    *regexp.Regexp
	a, b  *pattern
	gap   int
	and   bool
	aside bool
	digit bool
	delay bool
	any   []pattern
}

// maxDepth bounds how deeply expressions nest: rules are written by hand,
// and a deeper one is a mistake the constructor reports.
const maxDepth = 8

func compileX(e x) (pattern, error) { return compileAt(e, 0) }

func compileAt(e x, depth int) (pattern, error) {
	if depth > maxDepth {
		return pattern{}, check.Errorf("expression nested more than %d deep", "expression imbriquée sur plus de %d niveaux", maxDepth)
	}
	switch {
	case e.digit:
		return pattern{digit: true}, nil
	case e.delay:
		return pattern{delay: true}, nil
	case len(e.words) > 0:
		for _, w := range e.words {
			if w.s == "" {
				return pattern{}, check.Errorf("empty term", "terme vide")
			}
			if strings.Contains(w.s, "*") { // a stem is marked at the end only
				return pattern{}, check.Errorf("term %q: \"*\" inside a term matches nothing", "terme %q : un « * » à l'intérieur d'un terme ne trouve rien", w.s)
			}
		}
		if e.least > len(e.words) {
			return pattern{}, check.Errorf("several(%d) of %d terms", "several(%d) sur %d termes", e.least, len(e.words))
		}
		return pattern{words: e.words, least: e.least, after: e.after}, nil
	case e.re != "":
		re, err := regexp.Compile(e.re)
		if err != nil {
			return pattern{}, check.Errorf("pattern %.60q: %v", "motif %.60q : %v", e.re, err)
		}
		return pattern{re: re}, nil
	case e.a != nil && e.b != nil:
		a, err := compileAt(*e.a, depth+1)
		if err != nil {
			return pattern{}, err
		}
		b, err := compileAt(*e.b, depth+1)
		if err != nil {
			return pattern{}, err
		}
		if e.gap < 0 {
			return pattern{}, check.Errorf("negative gap %d", "écart négatif %d", e.gap)
		}
		return pattern{a: &a, b: &b, gap: e.gap, and: e.and, aside: e.aside}, nil
	case len(e.any) > 0:
		p := pattern{}
		for _, sub := range e.any {
			c, err := compileAt(sub, depth+1)
			if err != nil {
				return pattern{}, err
			}
			p.any = append(p.any, c)
		}
		return p, nil
	}
	return pattern{}, check.Errorf("empty expression", "expression vide")
}

// maxSpans bounds the matches one expression reports in one text.
const maxSpans = 64

type span struct{ start, end int }

// in reports whether p matches text.
func (p pattern) in(text string) bool {
	switch {
	case p.re != nil:
		return p.re.MatchString(text)
	case p.words != nil:
		n := 0
		for _, w := range p.words {
			if _, ok := p.next(w, text, 0); ok {
				if n++; n >= p.least {
					return true
				}
			}
		}
		return false
	case p.and:
		return p.a.in(text) && p.b.in(text)
	case p.digit:
		return strings.ContainsAny(text, "0123456789")
	case p.delay:
		return len(delaySpans(text, 1)) > 0
	}
	return len(p.spans(text, 1)) > 0
}

// find returns the first (leftmost) text p matches, or "".
func (p pattern) find(text string) string {
	if p.re != nil {
		return p.re.FindString(text)
	}
	best := span{-1, -1}
	if p.words != nil { // the leftmost is one of the terms' first matches
		if p.least > 1 && !p.in(text) {
			return ""
		}
		for _, w := range p.words {
			if s, ok := p.next(w, text, 0); ok && (best.start < 0 || s.start < best.start) {
				best = s
			}
		}
		if best.start < 0 {
			return ""
		}
		return text[best.start:best.end]
	}
	for _, s := range p.spans(text, maxSpans) {
		if best.start < 0 || s.start < best.start {
			best = s
		}
	}
	if best.start < 0 {
		return ""
	}
	return text[best.start:best.end]
}

// distinct counts the different strings p matches in text (a list of
// operations or of data categories).
func (p pattern) distinct(text string) int {
	spans := p.spans(text, maxSpans)
	seen := map[string]bool{}
	for k, s := range spans {
		inside := false // "email" within "email address" is one item
		for j, o := range spans {
			if j != k && o.start <= s.start && s.end <= o.end && o.end-o.start > s.end-s.start {
				inside = true
				break
			}
		}
		if !inside {
			seen[text[s.start:s.end]] = true
		}
	}
	return len(seen)
}

// spans lists up to limit places p matches in text.
func (p pattern) spans(text string, limit int) []span {
	var out []span
	switch {
	case p.re != nil:
		for _, m := range p.re.FindAllStringIndex(text, limit) {
			out = append(out, span{m[0], m[1]})
		}
	case p.words != nil:
		if p.least > 1 && !p.in(text) {
			break
		}
		for _, w := range p.words {
			for from := 0; len(out) < limit; {
				s, ok := p.next(w, text, from)
				if !ok {
					break
				}
				out = append(out, s)
				from = s.end
			}
		}
	case p.and:
		if p.a.in(text) {
			out = p.b.spans(text, limit)
		}
	case p.digit:
		if i := strings.IndexAny(text, "0123456789"); i >= 0 {
			out = append(out, span{i, i + 1})
		}
	case p.delay:
		out = delaySpans(text, limit)
	case p.a != nil:
		as := p.a.spans(text, maxSpans)
		if len(as) == 0 {
			break
		}
		bs := p.b.spans(text, maxSpans)
		for _, a := range as {
			for _, b := range bs {
				if b.start >= a.end && p.fits(text[a.end:b.start]) {
					out = append(out, span{a.start, b.end})
					break
				}
			}
			if len(out) >= limit {
				break
			}
		}
	default:
		for _, sub := range p.any {
			out = append(out, sub.spans(text, limit-len(out))...)
			if len(out) >= limit {
				break
			}
		}
	}
	return out
}

// fits: whether the gap between within's two sides is short enough.
func (p pattern) fits(gap string) bool {
	if p.aside {
		return atMostWordsPastAsides(gap, p.gap)
	}
	return atMostWords(gap, p.gap)
}

// atMostWords: whether a gap of folded text holds at most n words (runs
// of word bytes, as words() splits them). It stops at the n+1th, without
// building the words: it runs for every pair of spans a within reads.
func atMostWords(gap string, n int) bool {
	for i := 0; i < len(gap); i++ {
		if isWordByte(gap[i]) && (i == 0 || !isWordByte(gap[i-1])) {
			if n--; n < 0 {
				return false
			}
		}
	}
	return true
}

// next finds term w of p in text from byte from, not where it follows one
// of p's after words.
func (p *pattern) next(w term, text string, from int) (span, bool) {
	for {
		sp, ok := w.next(text, from)
		if !ok || !p.follows(text[:sp.start]) {
			return sp, ok
		}
		from = sp.start + 1
	}
}

func (p *pattern) follows(before string) bool {
	for _, a := range p.after {
		if strings.HasSuffix(before, a) && (len(before) == len(a) || !isWordByte(before[len(before)-len(a)-1])) {
			return true
		}
	}
	return false
}

// next finds the term in text from byte from, whole: not inside a word, and
// not followed by more letters unless it is a stem.
func (w term) next(text string, from int) (span, bool) {
	for from <= len(text) {
		i := strings.Index(text[from:], w.s)
		if i < 0 {
			return span{}, false
		}
		start, end := from+i, from+i+len(w.s)
		if (start == 0 || !isWordByte(text[start-1]) || !isWordByte(w.s[0])) &&
			(w.stem || end == len(text) || !isWordByte(text[end]) || !isWordByte(w.s[len(w.s)-1])) {
			if w.stem {
				for end < len(text) && isWordByte(text[end]) {
					end++
				}
			}
			return span{start, end}, true
		}
		from = start + 1
	}
	return span{}, false
}

func isWordByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80 }

// heading is a label that opens a clause or a table row: "Security", "2.
// Scope", "Durée :", "Data subjects:". It matches at the start of the text
// (after a list dash or a clause number), or before a colon when it opens
// the text or a label ("Annex I - Data subjects: …").
func heading(ts ...string) x {
	alts := make([]string, 0, len(ts))
	for _, t := range ts {
		alts = append(alts, regexp.QuoteMeta(fold(t)))
	}
	w := `(?:` + strings.Join(alts, "|") + `)`
	// Two expressions rather than one: anchored, the first is tried at the
	// start only; the second, read anywhere, only where a colon and one of
	// the words are.
	return either(rx(`^(?:- )?(?:(?:article |clause |section )?\d+(?:\.\d+)*\.?\)? )?`+w+`\b`),
		both(terms(":"), both(terms(ts...), rx(`(?:^|[:-] )(?:the |les |le |la |l')?`+w+`\s*:`))))
}

// delayUnits are the units of a delay, longest first where one starts
// another.
var delayUnits = []string{"hours", "hour", "hrs", "hr", "heures", "heure", "h", "calendar days", "business days", "working days", "days", "day",
	"jours ouvres", "jours ouvrables", "jours calendaires", "jours", "jour"}

// delaySpans lists up to limit delays in text.
func delaySpans(text string, limit int) []span {
	var out []span
	for i := 0; i < len(text) && len(out) < limit; i++ {
		if end, _, ok := readDelay(text, i); ok {
			out = append(out, span{i, end})
		}
	}
	return out
}

// firstHours is the first delay in text, in hours (a day is 24).
func firstHours(text string) (int, bool) {
	for i := range len(text) {
		if _, hours, ok := readDelay(text, i); ok {
			return hours, true
		}
	}
	return 0, false
}

// readDelay reads a delay that starts at byte i of text, a word's start:
// where it ends and how many hours it is.
func readDelay(text string, i int) (end, hours int, ok bool) {
	if i > 0 && isWordByte(text[i-1]) || !isWordByte(text[i]) {
		return 0, 0, false
	}
	j := i
	for j < len(text) && isDigit(text[j]) {
		j++
	}
	n := 0
	switch {
	case j == i: // a number in words, or no number
		for j < len(text) && (isWordByte(text[j]) || text[j] == '-') {
			j++
		}
		if n, ok = numberWords[text[i:j]]; !ok {
			return 0, 0, false
		}
	case j-i > 3:
		return 0, 0, false
	default:
		for _, c := range text[i:j] {
			n = n*10 + int(c-'0')
		}
	}
	k := skipSpaces(text, j)
	if k < len(text) && text[k] == ')' { // "forty-eight (48) hours" read from "48"
		k = skipSpaces(text, k+1)
	}
	if k < len(text) && text[k] == '(' { // "forty-eight (48) hours" read from "forty-eight"
		m := k + 1
		for m < len(text) && isDigit(text[m]) {
			m++
		}
		if m < len(text) && m > k+1 && text[m] == ')' {
			k = skipSpaces(text, m+1)
		}
	}
	for _, u := range delayUnits {
		if strings.HasPrefix(text[k:], u) && (k+len(u) == len(text) || !isWordByte(text[k+len(u)])) {
			if strings.Contains(u, "day") || strings.HasPrefix(u, "jour") {
				n *= 24
			}
			return k + len(u), n, true
		}
	}
	return 0, 0, false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func skipSpaces(text string, i int) int {
	for i < len(text) && text[i] == ' ' {
		i++
	}
	return i
}
