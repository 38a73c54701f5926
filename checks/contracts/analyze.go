package contracts

import (
	"regexp"
	"strings"
	"sync"

	"github.com/vigie-security/vigie/internal/check"
)

// Result is how one document covers one element, with the evidence.
type Result struct {
	Element  string     `json:"element"`
	Level    Level      `json:"level"`
	Sentence string     `json:"sentence,omitempty"` // trimmed and masked
	Location *Location  `json:"location,omitempty"`
	Why      check.Text `json:"why"`
	// Rejected: the sentence shown looks like the clause but does not count
	// (a negation, a carve-out, notice instead of authorisation).
	Rejected bool `json:"rejected,omitempty"`
}

// Analysis is what a document says, element by element.
type Analysis struct {
	Language  Language `json:"language"`
	Chars     int      `json:"chars"`
	Sentences int      `json:"sentences"`
	Results   []Result `json:"results"` // in Elements order
	// ThirdCountries are non-EEA countries the text names, for the
	// inventory's "transfers: none" cross-check.
	ThirdCountries []Mention `json:"third_countries,omitempty"`
	// Special is where the text mentions special-category data (Art. 9);
	// SpecialNone says it states that none is processed.
	Special     *Mention `json:"special,omitempty"`
	SpecialNone bool     `json:"special_none,omitempty"`
}

// Mention is a term found in a document and where.
type Mention struct {
	Term     string   `json:"term"`
	Location Location `json:"location"`
}

// Result returns the result for element id.
func (a Analysis) Result(id string) (Result, bool) {
	for _, r := range a.Results {
		if r.Element == id {
			return r, true
		}
	}
	return Result{}, false
}

// compiledRules are the elements' compiled rules, in Elements order (err
// says why they are not there: a test fails on it), and the index that
// finds every rule's triggers in a sentence at once.
type compiledRules struct {
	rules    []*rule
	err      error
	triggers *triggerIndex
}

// compiled compiles the rules at the first analysis, not when the package
// loads: every vigie command links this package, and the rules hold some
// 13 MB and 35 ms that a web scan, or vigie version, need not pay.
var compiled = sync.OnceValue(func() compiledRules {
	rules, err := compileRules(elementSpecs)
	return compiledRules{rules: rules, err: err, triggers: indexTriggers(rules)}
})

// Analyze judges a document against every element. It is pure and safe for
// concurrent use.
func Analyze(doc Document) Analysis {
	sents := segment(doc.Blocks)
	if name := controllerAlias(sents); name != "" {
		readAlias(sents, name)
	}
	a := Analysis{Sentences: len(sents)}
	c := compiled()
	rules, errRules, triggers := c.rules, c.err, c.triggers
	sets := make(ruleSet, 2*len(sents)*triggers.words) // one allocation for every sentence's sets
	heads := map[string]ruleSet{}
	for i := range sents {
		s := &sents[i]
		s.trig, sets = sets[:triggers.words:triggers.words], sets[triggers.words:]
		triggers.mask(s.folded, s.trig)
		h, ok := heads[s.head]
		if !ok {
			h, sets = sets[:triggers.words:triggers.words], sets[triggers.words:]
			triggers.mask(s.head, h)
			heads[s.head] = h
		}
		s.headTrig = h
	}
	en, fr := 0, 0
	for i := range sents {
		a.Chars += len(sents[i].raw)
		e, f := counts(sents[i].folded)
		en, fr = en+e, fr+f
	}
	a.Language = detect(en, fr)
	a.Results = make([]Result, 0, len(Elements))
	for i, el := range Elements {
		if errRules != nil {
			a.Results = append(a.Results, Result{Element: el.ID, Level: Missing, Why: t("internal error: "+errRules.Error(), "erreur interne : "+check.InLang(errRules, check.FR))})
			continue
		}
		a.Results = append(a.Results, judgeElement(rules[i], sents))
	}
	for i, r := range rules {
		if r.standIn == "" || errRules != nil || a.Results[i].Level != Missing {
			continue
		}
		if other, ok := a.Result(r.standIn); ok && other.Level >= Present {
			other.Element, other.Level = r.id, Present
			other.Why = t("given only through the description of the processing: "+other.Why.EN, "donné seulement par la description du traitement : "+other.Why.FR)
			a.Results[i] = other
		}
	}
	a.ThirdCountries, a.Special, a.SpecialNone = mentions(sents)
	return a
}

// sentenceTriggered: whether sentence i holds one of the rule's triggers,
// or, with context, its heading or the sentence before it.
func (r *rule) sentenceTriggered(sents []sentence, i int, context bool) bool {
	s := &sents[i]
	return s.trig.has(r.n) || context && (s.headTrig.has(r.n) || s.follows && sents[i-1].trig.has(r.n))
}

// sectionRest is the folded text of the sentences after i under the same
// heading (its subsections included), up to sectionBytes: what a heading
// that names an element holds.
func sectionRest(sents []sentence, i int) string {
	head := sents[i].head
	if head == "" {
		return ""
	}
	var b strings.Builder
	for j := i + 1; j < len(sents) && strings.HasPrefix(sents[j].head, head) && b.Len() < sectionBytes; j++ {
		b.WriteString(sents[j].folded)
		b.WriteByte(' ')
	}
	return b.String()
}

// underLabel: a heading or label names the element, and the text under it
// says nothing of it.
var underLabel = t("a heading names the element, but the text under it does not give it",
	"un titre nomme l'élément, mais le texte qui suit ne le donne pas")

// labelOnly: whether the clause in sentence i is one only through the
// heading or label it is read with, and what follows the label (the
// sentence, its list, the sentences after it) gives nothing concrete.
// The caller knows the clause is not in the sentence's own words.
func (r *rule) labelOnly(sents []sentence, i int) bool {
	s := &sents[i]
	if r.inText {
		// the heading says what the text is about; the clause is in it
		text := s.folded
		if s.follows {
			text = sents[i-1].folded + " " + text
		}
		return !r.isClause(text)
	}
	if r.context && s.follows && r.isClause(sents[i-1].folded+" "+s.folded[s.label:]) {
		return false
	}
	// what the heading holds: the clause's span, and the rest of its
	// section (what speaks of the element, for the signals)
	under := joinParts(clauseParts(sents, i, s.folded[s.label:]))
	if r.gives != nil && r.gives.in(under+" "+sectionRest(sents, i)) {
		return false
	}
	if _, ok := firstMatch(r.weak, under); ok {
		return false
	}
	return !r.hasSignal(under + " " + r.sectionAfter(sents, i))
}

// contextText is the text the context rules read for sentence i: its heading,
// the sentence before it in the same block, and itself.
func contextText(sents []sentence, i int) string {
	s := &sents[i]
	if !s.follows {
		return s.head + " " + s.folded
	}
	return s.head + " " + sents[i-1].folded + " " + s.folded
}

type candidate struct {
	i     int
	level Level
	why   check.Text
	own   bool // the clause is in the sentence's own words, not only in its heading, label or the sentence before
	// sends the reader elsewhere in the document ("subject to the Security
	// Incident Notification terms below", "specified in Annex I.B"): the
	// clause it points to, when found at the same level, is the better
	// evidence
	pointer bool
}

// pointsElsewhere: whether the sentence sends the reader to another part
// of the document. The regular expression runs only on a sentence holding
// one of its leading words.
func pointsElsewhere(folded string) bool {
	for _, w := range onwardWords {
		if strings.Contains(folded, w) {
			return pointsOnward.MatchString(folded)
		}
	}
	return false
}

var onwardWords = []string{"subject to", "set out in", "set forth in", "described in", "specified in", "defined in", "as per", "conformement a", "prevu", "defini", "precise", "decrit"}

// pointsOnward is a sentence that sends the reader to another part of the
// document.
var pointsOnward = regexp.MustCompile(`\b(subject to|set out in|set forth in|described in|specified in|defined in|as per|conformement a|prevue?s? (a|au|aux|dans)|definie?s? (a|au|aux|dans)|precisee?s? (a|au|aux|dans)|decrite?s? (a|au|aux|dans))\b.{0,80}\b(below|above|ci-dessous|ci-apres|ci-dessus|annex|annexe|appendix|schedule|section|clause|article)\b`)

// judgeElement finds the sentence that best covers the rule's element.
func judgeElement(r *rule, sents []sentence) Result {
	mm := &memo{seen: map[memoKey]bool{}}
	best := candidate{i: -1}
	rejected, near := candidate{i: -1}, candidate{i: -1}
	for i := range sents {
		s := &sents[i]
		if s.empty || s.aside {
			continue
		}
		hay := s.folded
		if r.context {
			if !r.sentenceTriggered(sents, i, true) {
				continue
			}
			hay = contextText(sents, i)
		} else if !r.sentenceTriggered(sents, i, false) {
			continue
		}
		if r.need != nil && !r.need.in(hay) && !(r.needUnder && r.need.in(s.head)) || r.under(s.head) {
			continue
		}
		if !r.isClause(hay) {
			if near.i < 0 {
				if m, ok := firstMatch(r.near, hay); ok {
					near = candidate{i: i, why: m.why}
				}
			}
			continue
		}
		m, ok := firstMatch(r.exclude, s.folded)
		if !ok && s.intro > 0 {
			// "The Customer, as the controller:" over "- handles the data
			// subjects' requests": the item is read with what opens its list
			m, ok = firstMatch(r.exclude, sents[s.intro-1].folded+" "+s.folded)
		}
		if ok {
			if rejected.i < 0 {
				rejected = candidate{i: i, why: m.why}
			}
			continue
		}
		// own: the clause is in the sentence's own words, not only in its
		// label, heading or the sentence before it (hay is the sentence
		// itself unless it has a label or the rule reads context)
		own := s.label == 0 && !r.context || r.isClause(s.folded[s.label:])
		if r.context && s.follows && !own {
			// read with the sentence before it, it is excluded with it ("…
			// without your prior consent. If so, the processor notifies you …")
			if m, ok := firstMatch(r.exclude, sents[i-1].folded); ok && !r.isClause(s.head+" "+s.folded) {
				if rejected.i < 0 {
					rejected = candidate{i: i, why: m.why}
				}
				continue
			}
		}
		if !own && r.labelOnly(sents, i) {
			// "Duration of the Agreement: the right to terminate remains
			// intact": the heading names the element, the text under it
			// must give it
			if near.i < 0 {
				near = candidate{i: i, why: underLabel}
			}
			continue
		}
		if best.level == Specific && !own {
			continue // only a clause in its own words can be better evidence
		}
		if best.level >= Present && (best.own || !own) && !(best.pointer && own) && !r.mightBeSpecific(sents, i, hay, mm) {
			continue // at best present again: the first one stands
		}
		c := r.judgeSentence(sents, i, hay, mm)
		c.own = own
		if c.level > Missing && !r.pointerGives(sents, i) {
			// "… shall be carried out in accordance with clause 6.1", and
			// clause 6.1 does not say it
			c = candidate{i: i, level: Missing, why: pointsNowhere}
		}
		if c.level == Missing {
			if rejected.i < 0 {
				rejected = c
			}
			continue
		}
		// at the same level, the clause in its own words is the better
		// evidence: the one that decides, not a heading that names it
		switch {
		case c.level > best.level || best.i < 0 || c.level == best.level && c.own && !best.own:
			c.pointer = pointsElsewhere(s.folded)
			best = c
		case c.level == best.level && best.pointer && (c.own || !best.own) && !pointsElsewhere(s.folded):
			best = c
		}
		if best.level == Specific && best.own && !best.pointer {
			break
		}
	}
	switch {
	case best.i >= 0:
		return result(r.id, sents[best.i], best.level, best.why, false)
	case rejected.i >= 0:
		return result(r.id, sents[rejected.i], Missing, rejected.why, true)
	case near.i >= 0:
		return result(r.id, sents[near.i], Missing, near.why, true)
	}
	return Result{Element: r.id, Level: Missing, Why: t("no clause found", "aucune clause trouvée")}
}

// judgeSentence grades the clause in sentence i (hay is the sentence, with
// its context for the rules that read it). Concrete content often sits in
// the sentences right after it, in the same paragraph ("… general written
// authorisation. The Processor gives 30 days' notice and the Customer may
// object."), or in the list its colon opens, so those count too
// (clauseAfter). A flaw anywhere in that span keeps the clause from being
// specific; an exclusion there, or a deferral to the controller, keeps it
// from counting at all. Markers are read sentence by sentence, and each
// answer is kept in mm: a sentence is in the span of up to three clauses.
func (r *rule) judgeSentence(sents []sentence, i int, hay string, mm *memo) candidate {
	parts := clauseParts(sents, i, hay)
	var kept []part // the parts no exclusion fires on
	for k, p := range parts {
		if k == 0 {
			kept = append(kept, p)
			continue
		}
		if _, bad := mm.first(r.exclude, p); !bad {
			kept = append(kept, p)
		}
	}
	if m, ok := mm.any(r.excludeClause, parts); ok {
		return candidate{i: i, level: Missing, why: m.why}
	}
	if m, ok, at := mm.anyAt(r.deferred, parts); ok {
		// what comes after the deferral may still list the categories
		// ("… determined by the Customer, and may include employees …")
		after := joinParts(parts[at:])
		if sp := m.re.spans(after, 1); len(sp) > 0 {
			after = after[sp[0].end:]
		}
		// "… by the Customer" names a party, not a category of people
		after = partyName.ReplaceAllString(after, " ")
		if !r.hasSignal(after) {
			return candidate{i: i, level: Missing, why: m.why}
		}
		return candidate{i: i, level: Present, why: t("left for the controller to decide, with examples named: present, not specific",
			"laissé à la décision du responsable, avec des exemples : présent, pas précis")}
	}
	if m, ok := mm.any(r.bare, parts); ok && !r.hasSignal(joinParts(kept)) && !r.hasSignal(r.sectionAfter(sents, i)) {
		return candidate{i: i, level: Missing, why: m.why}
	}
	if m, ok := mm.any(r.weak, parts); ok {
		return candidate{i: i, level: Present, why: m.why}
	}
	if m, ok := mm.any(r.enough, kept); ok {
		return candidate{i: i, level: Specific, why: m.why}
	}
	if r.judge != nil {
		lvl, why := r.judge(joinParts(kept))
		if why == annexListing && !r.annexGives(sents, joinParts(kept)) {
			return candidate{i: i, level: Missing, why: annexEmpty}
		}
		if lvl == Present {
			return r.restated(&sents[i], i, lvl, why)
		}
		return candidate{i: i, level: lvl, why: why}
	}
	if len(r.bare) > 0 || r.section {
		// a general authorisation's list, notice and right to object, or
		// what a breach notice holds, are often set out in the paragraphs
		// after it, in the same section
		kept = append(kept, part{key: -(len(sents) + i + 1), text: r.sectionAfter(sents, i)})
	}
	var whys []check.Text
	found := 0
	var joined string
	for k := range r.signals {
		m := &r.signals[k]
		n := 0
		switch {
		case r.distinct:
			if joined == "" {
				joined = joinParts(kept)
			}
			n = m.re.distinct(joined)
		case mm.fires(m, kept):
			n = 1
		}
		if n > 0 {
			whys, found = append(whys, m.why), found+n
		}
	}
	if found >= r.minSignals {
		return candidate{i: i, level: Specific, why: check.Join(whys, "; ", " ; ")}
	}
	why := t("the clause is there, with nothing concrete (no annex, number, list or procedure)",
		"la clause existe, sans rien de concret (ni annexe, ni chiffre, ni liste, ni procédure)")
	return r.restated(&sents[i], i, Present, why)
}

// mightBeSpecific: whether a signal fires anywhere in the span of the
// clause in sentence i (judged rules always might).
func (r *rule) mightBeSpecific(sents []sentence, i int, hay string, mm *memo) bool {
	if r.judge != nil || r.distinct {
		return true
	}
	parts := clauseParts(sents, i, hay)
	for _, ms := range [][]marker{r.enough, r.signals} {
		for k := range ms {
			if mm.fires(&ms[k], parts) {
				return true
			}
		}
	}
	return false
}

// part is one sentence of a clause's span: its text, and its key in the
// memo (-(i+1) for the clause sentence read with its context).
type part struct {
	key  int
	text string
}

// clauseParts is the span of the clause in sentence i: hay (the sentence,
// with its context for the rules that read it), then clauseAfter's.
func clauseParts(sents []sentence, i int, hay string) []part {
	parts := []part{{key: -(i + 1), text: hay}}
	for _, j := range clauseAfter(sents, i) {
		parts = append(parts, part{key: j, text: sents[j].folded})
	}
	return parts
}

func joinParts(ps []part) string {
	texts := make([]string, len(ps))
	for k, p := range ps {
		texts[k] = p.text
	}
	return strings.Join(texts, " ")
}

// memo keeps whether a marker fires on a sentence, for one element.
type memo struct{ seen map[memoKey]bool }

type memoKey struct {
	m   *marker
	key int
}

func (mm *memo) on(m *marker, p part) bool {
	k := memoKey{m, p.key}
	v, ok := mm.seen[k]
	if !ok {
		v = m.in(p.text)
		mm.seen[k] = v
	}
	return v
}

// fires: whether m fires on any of ps.
func (mm *memo) fires(m *marker, ps []part) bool {
	for _, p := range ps {
		if mm.on(m, p) {
			return true
		}
	}
	return false
}

// first is the first of ms that fires on p.
func (mm *memo) first(ms []marker, p part) (marker, bool) {
	for k := range ms {
		if mm.on(&ms[k], p) {
			return ms[k], true
		}
	}
	return marker{}, false
}

// any is the first of ms that fires on one of ps.
func (mm *memo) any(ms []marker, ps []part) (marker, bool) {
	m, ok, _ := mm.anyAt(ms, ps)
	return m, ok
}

// anyAt is any, with the index of the part it fired on.
func (mm *memo) anyAt(ms []marker, ps []part) (marker, bool, int) {
	for k := range ms {
		for at, p := range ps {
			if mm.on(&ms[k], p) {
				return ms[k], true, at
			}
		}
	}
	return marker{}, false, 0
}

// partyName is a contract party named as one ("the Customer", "le
// Client").
var partyName = regexp.MustCompile(`\b(the|le|du|au) (customer|client|controller|data exporter|responsable( de traitement| du traitement)?)('s)?\b`)

// Bounds of what is read with a clause: the sentences after it in its
// paragraph, the list items an introducing colon opens, the rest of its
// section.
const (
	clauseSentences = 2
	listItems       = 12
	listBytes       = 1500
	sectionBytes    = 2500
)

// clauseAfter lists the sentences read with sentence i: the next two of
// its paragraph and, when it ends with a colon ("Data subjects include:"),
// the list items that follow it.
func clauseAfter(sents []sentence, i int) []int {
	var out []int
	s := sents[i]
	for j := i + 1; j < len(sents) && j <= i+clauseSentences && sents[j].para == s.para; j++ {
		out = append(out, j)
	}
	last := i
	if len(out) > 0 {
		last = out[len(out)-1]
	}
	if !strings.HasSuffix(strings.TrimSpace(sents[last].raw), ":") {
		return out
	}
	size := 0
	for j := last + 1; j < len(sents) && len(out) < clauseSentences+listItems && size < listBytes; j++ {
		if !isListItem(sents[j].raw) && sents[j].para != sents[j-1].para {
			break
		}
		out = append(out, j)
		size += len(sents[j].folded)
	}
	return out
}

// isListItem: a bullet or a numbered or lettered item.
func isListItem(raw string) bool {
	r := strings.TrimSpace(raw)
	for _, p := range []string{"- ", "* ", "• ", "– "} {
		if strings.HasPrefix(r, p) {
			return true
		}
	}
	k := 0
	for k < len(r) && k < 3 && (r[k] >= '0' && r[k] <= '9' || k == 0 && r[k] == '(' || r[k] >= 'a' && r[k] <= 'z' && k <= 1) {
		k++
	}
	return k > 0 && k < len(r) && (r[k] == '.' || r[k] == ')')
}

// sectionAfter is the folded text of the sentences after i in its section
// (under the same parent heading) that speak of what the rule is about, up
// to sectionBytes: where a general authorisation's list, notice and right
// to object are set out.
func (r *rule) sectionAfter(sents []sentence, i int) string {
	var b strings.Builder
	head := sents[i].head
	parent := head // the heading above a subsection's: "7." for "7. - 7.1.", not the title
	if k := strings.LastIndex(head, " - "); k >= 0 && subsection(head[k+3:]) {
		parent = head[:k]
	}
	for j := i + 1; j < len(sents) && strings.HasPrefix(sents[j].head, parent) && b.Len() < sectionBytes; j++ {
		if !r.triggered(sents[j].folded) {
			continue
		}
		b.WriteString(sents[j].folded)
		b.WriteByte(' ')
	}
	return b.String()
}

// subsection: whether a heading is numbered as a subsection ("7.1",
// "7.1. Authorisation").
func subsection(h string) bool {
	i := 0
	for i < len(h) && isDigit(h[i]) {
		i++
	}
	return i > 0 && i+1 < len(h) && h[i] == '.' && isDigit(h[i+1])
}

// annexEmpty: the clause points to an annex of the document that does not
// give the element.
var annexEmpty = t("refers to an annex of the document that does not give it", "renvoie à une annexe du document qui ne le donne pas")

// annexRef is a reference to an annex by its number: "Appendix 1", "Annex
// I.B", « Annexe 2 ».
var annexRef = regexp.MustCompile(`\b(annex|annexe|appendix|schedule|exhibit|attachment) ([0-9]+|[ivx]+)\b`)

// maxAnnex bounds what is read of an annex.
const maxAnnex = 8000

// annexGives: whether the annex text refers to, when the document holds it
// (a heading names it), gives the element. A reference to an annex the
// document does not hold is taken at its word.
func (r *rule) annexGives(sents []sentence, text string) bool {
	m := annexRef.FindString(text)
	if m == "" {
		return true
	}
	var b strings.Builder
	held := false
	for j := range sents {
		if b.Len() >= maxAnnex || !namesAnnex(sents[j].head, m) {
			continue
		}
		held = true
		b.WriteString(sents[j].folded)
		b.WriteByte(' ')
	}
	return !held || r.hasSignal(b.String())
}

// namesAnnex: whether a heading holds the annex label, whole ("appendix 1",
// not "appendix 12").
func namesAnnex(head, label string) bool {
	for from := 0; ; {
		k := strings.Index(head[from:], label)
		if k < 0 {
			return false
		}
		end := from + k + len(label)
		if (from+k == 0 || !isWordByte(head[from+k-1])) && (end == len(head) || !isWordByte(head[end])) {
			return true
		}
		from = end
	}
}

// hasSignal: whether text says something concrete for the rule (a deferred
// description that still lists the categories counts).
func (r *rule) hasSignal(text string) bool {
	if _, ok := firstMatch(r.enough, text); ok {
		return true
	}
	if r.judge != nil {
		lvl, why := r.judge(text)
		return lvl == Specific && why != annexListing
	}
	for _, m := range r.signals {
		if !m.ref && m.in(text) {
			return true
		}
	}
	return false
}

// restated downgrades a merely present clause that copies the Article.
func (r *rule) restated(s *sentence, i int, lvl Level, why check.Text) candidate {
	if s.shingles == nil {
		s.shingles = shingles(s.folded)
	}
	if sim := similarity(r.id, s.shingles); sim >= restateThreshold {
		return candidate{i: i, level: Restated, why: check.Textf(
			"repeats the Article almost word for word (%d%% of its phrases) and adds nothing concrete (EDPB 07/2020 §109)",
			"reprend l'article presque mot pour mot (%d %% de ses tournures) sans rien ajouter de concret (CEPD 07/2020 §109)", int(sim*100+0.5))}
	}
	return candidate{i: i, level: lvl, why: why}
}

// result quotes the sentence masked, then trimmed: a mask may be longer
// than what it hides, and an address cut by the trim would not be seen.
func result(id string, s sentence, lvl Level, why check.Text, rejected bool) Result {
	loc := Location{Page: s.page, Paragraph: s.para}
	return Result{Element: id, Level: lvl, Sentence: trimEvidence(Mask(cutAt(s.raw, 4*maxEvidence, ""))), Location: &loc, Why: why, Rejected: rejected}
}

// maxEvidence bounds the sentence a finding carries.
const maxEvidence = 280

func trimEvidence(s string) string {
	// Runs of spaces collapse below, so twice the bound is enough to start
	// from (a sentence can run to maxSentence).
	long := len(s) > 2*maxEvidence
	s = cutAt(s, 2*maxEvidence, "")
	if strings.IndexByte(s, '\n') >= 0 || strings.IndexByte(s, '\t') >= 0 || strings.IndexByte(s, '\r') >= 0 || strings.Contains(s, "  ") {
		s = strings.Join(strings.Fields(s), " ")
	}
	if long && len(s) <= maxEvidence {
		return s + "…"
	}
	return cutAt(s, maxEvidence, "…")
}

// cutAt shortens s to at most n bytes, on a rune boundary, adding mark if
// it cut.
func cutAt(s string, n int, mark string) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + mark
}
