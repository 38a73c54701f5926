package contracts

import (
	"regexp"
	"strings"
)

// Block is one paragraph, heading, list item or table cell of a document,
// in reading order, with where it sits.
type Block struct {
	Text    string `json:"text"`
	Page    int    `json:"page,omitempty"`    // 1-based; 0 when the format has no pages
	Heading int    `json:"heading,omitempty"` // 1 to 6 when the format marks it a heading of that level
	Item    bool   `json:"item,omitempty"`    // a list item
}

// Document is a contract's text, as extracted from its file.
type Document struct {
	Name   string  `json:"name"`
	Format string  `json:"format"` // txt, md, html, docx, odt, pdf
	Pages  int     `json:"pages,omitempty"`
	Blocks []Block `json:"-"`
}

// sentence is the unit clauses are matched on.
type sentence struct {
	raw      string   // as written, for evidence
	folded   string   // fold(raw), for matching
	head     string   // folded heading the sentence sits under
	follows  bool     // the previous sentence is of the same block: it is context too
	empty    bool     // a label with nothing filled in: context, never a clause
	label    int      // bytes of folded that are the label it was read with ("Duration: ")
	intro    int      // for a list item, 1 + the index of the label that opens its list ("The Customer shall:"); 0 if none
	aside    bool     // in definitions or a table of contents: what words mean, or where clauses are, is no clause
	trig     ruleSet  // the rules whose triggers the sentence holds (triggerIndex)
	headTrig ruleSet  // the same for its heading
	shingles []uint64 // word triples, computed when a restatement is checked
	para     int      // 1-based paragraph (block) number
	page     int
}

// Location says where a sentence is, the way a reviewer would look it up.
type Location struct {
	Page      int `json:"page,omitempty"`
	Paragraph int `json:"paragraph"`
}

// String renders the location compactly: "p. 3, § 12" or "§ 12".
func (l Location) String() string {
	if l.Page > 0 {
		return "p. " + itoa(l.Page) + ", § " + itoa(l.Paragraph)
	}
	return "§ " + itoa(l.Paragraph)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// maxSentence bounds a sentence: run-on text (a PDF with no punctuation, a
// table flattened into one line) is split into pieces so that patterns stay
// local. Each piece starts sentenceOverlap bytes before the previous one
// ends, so that a clause across a cut is whole in one of them; nothing of
// the text is dropped.
const (
	maxSentence     = 1200
	sentenceOverlap = 300
)

// appendPieces appends s, split as maxSentence says, cutting between words
// where it can and on a rune boundary when there is one.
func appendPieces(out []string, s string) []string {
	for len(s) > maxSentence {
		cut := maxSentence
		if sp := strings.LastIndexByte(s[maxSentence-sentenceOverlap:maxSentence], ' '); sp >= 0 {
			cut = maxSentence - sentenceOverlap + sp
		} else if cut = len(cutAt(s, maxSentence, "")); cut <= sentenceOverlap {
			// no rune boundary to cut on (bytes that are not UTF-8): cut
			// where the bound is, so that the loop moves on
			cut = maxSentence
		}
		out = append(out, strings.TrimSpace(s[:cut]))
		next := cut - sentenceOverlap
		if sp := strings.IndexByte(s[next:cut], ' '); sp >= 0 {
			next += sp + 1 // the overlap starts on a word
		} else {
			for next < cut && s[next]&0xC0 == 0x80 {
				next++
			}
		}
		s = s[next:]
	}
	if s = strings.TrimSpace(s); s != "" {
		out = append(out, s)
	}
	return out
}

// segment splits blocks into sentences. Headings (marked by the format, or
// a short line with no closing punctuation) are the context of what follows
// them; a short label — "Categories of data subjects" in a table — is read
// with the block it labels. A label followed by another label, or by a
// heading, labels nothing: it is kept as an empty field, which is never a
// clause (an SCC annex left blank).
func segment(blocks []Block) []sentence {
	size := 0
	for _, b := range blocks {
		size += len(b.Text)
	}
	// Room for about as many sentences as there are (they run to about
	// 150 bytes, and most blocks hold one or two): a sentence is large. The
	// split slice is reused from block to block.
	out := make([]sentence, 0, len(blocks)/2+size/200)
	var split []string
	var heads []openHeading // the headings the text is under, outermost first
	label, labelAt := "", 0
	labelHeads := false // the label is a heading, already in section
	section := ""
	headings := headingKeys(blocks)
	emitLabel := func(empty bool) {
		if label == "" || labelHeads && empty {
			label, labelHeads = "", false
			return
		}
		b := blocks[labelAt]
		out = append(out, sentence{raw: label, folded: fold(label), head: section, para: labelAt + 1, page: b.Page, empty: empty})
		label, labelHeads = "", false
	}
	intro := 0 // the label opening the list being read
	for i, b := range blocks {
		text := strings.TrimSpace(b.Text)
		if text == "" {
			continue
		}
		if !b.Item {
			intro = 0
		}
		last := i+1 == len(blocks)
		switch {
		case b.Heading > 0:
			emitLabel(true)
			for len(heads) > 0 && heads[len(heads)-1].level >= b.Heading {
				heads = heads[:len(heads)-1]
			}
			heads = append(heads, openHeading{level: b.Heading, folded: fold(text)})
			section = headingText(heads)
			// the heading labels the block after it, as a label does
			label, labelAt, labelHeads = text, i, true
			continue
		case !b.Item && isLabel(text) && !last:
			if labelHeads {
				label, labelHeads = "", false
			}
			if label != "" {
				if strings.HasSuffix(label, ":") {
					emitLabel(true) // a field with nothing filled in
				} else {
					// two labels in a row: the first is a heading of the second
					heads = append(heads, openHeading{level: 7, folded: fold(label)})
					section = headingText(heads)
				}
			}
			// The document's title is context, not content: "DPA – Generic
			// Hosting" does not describe the processing.
			if len(out) == 0 && len(heads) == 0 && section == "" && !strings.HasSuffix(text, ":") && !blocks[i+1].Item {
				heads = append(heads, openHeading{level: 0, folded: fold(text)})
				section = headingText(heads)
				continue
			}
			label, labelAt = text, i
			continue
		}
		head := section
		prefix := "" // the label the block is read with
		if label != "" {
			if b.Item {
				// "Data subjects:" and a list: the label is a sentence the
				// list items are read with
				if !strings.HasSuffix(label, ":") {
					label += ":"
				}
				emitLabel(false)
				intro = len(out)
			} else {
				if !labelHeads {
					head = strings.TrimPrefix(section+" - "+fold(label), " - ")
				}
				prefix = strings.TrimSuffix(label, ":") + ": "
				text = prefix + text
				label, labelHeads = "", false
			}
		}
		var inline int
		split, inline = splitSentences(split[:0], text)
		// a label holding a semicolon or a full stop ("Nature of Data
		// Processing; Ownership") is one label, not a sentence of its own
		for prefix != "" && len(split) > 1 && len(split[0]) < len(prefix)-1 {
			split[0] += " " + split[1]
			split = append(split[:1], split[2:]...)
			inline = 0
		}
		if inline > len(prefix) {
			// "4.3. Customer Responsibility. Customer must…": the inline
			// heading is the heading of the whole block (after the label it
			// may follow, already in head)
			own := strings.TrimPrefix(split[0][:inline], prefix)
			head = strings.TrimPrefix(head+" - "+fold(strings.TrimSuffix(own, ": ")), " - ")
			prefix = split[0][:inline]
		}
		// a list item that is a heading of the document is an entry of its
		// table of contents, however that list is introduced
		aside := asideSection(heads) || b.Item && len(headings) > 0 && headings[tocKey(fold(text))]
		for k, s := range split {
			st := sentence{raw: s, folded: fold(s), head: head, follows: k > 0, para: i + 1, page: b.Page, aside: aside, intro: intro}
			st.aside = st.aside || isAnnexTitle(st.folded)
			if k == 0 && prefix != "" {
				if fp := fold(prefix); strings.HasPrefix(st.folded, fp) {
					st.label = len(fp)
				}
			}
			out = append(out, st)
		}
	}
	emitLabel(true)
	return out
}

// headingKeys are the document's headings as a table of contents lists
// them (tocKey).
func headingKeys(blocks []Block) map[string]bool {
	var keys map[string]bool
	for _, b := range blocks {
		if b.Heading == 0 {
			continue
		}
		if k := tocKey(fold(b.Text)); len(k) >= 4 {
			if keys == nil {
				keys = map[string]bool{}
			}
			keys[k] = true
		}
	}
	return keys
}

// tocKey is a folded heading or list item without its bullet, its number
// and its closing punctuation: "- 4.2. Data Security;" and "4.2 Data
// security" are one entry.
func tocKey(folded string) string {
	return strings.Trim(strings.TrimLeft(folded, "-*•·0123456789. \t"), " .;:,")
}

// openHeading is a heading, folded once, and its level (7 for a label
// that heads another, 0 for the title).
type openHeading struct {
	level  int
	folded string
}

// markupTag is an HTML tag.
var markupTag = regexp.MustCompile(`<[^<>]{0,200}>`)

// annexTitle is an annex's title alone, as a list of annexes gives it ("-
// 11.6.1. Annex 1: Subject matter and details of processing"): it names
// what the annex holds, it is none of it.
var annexTitle = regexp.MustCompile(`^(- )?(\d+(\.\d+)*\.? )?(annex|annexe|appendix|appendice|schedule|exhibit|attachment) [0-9a-z]{1,4}\.?( ?[:–-] ?)?[^.;:]{0,80}$`)

// pointsNowhere: the sentence only sends the reader to another clause of
// the document, which does not give the element.
var pointsNowhere = t("refers to another clause of the document, which does not give it", "renvoie à une autre clause du document, qui ne le donne pas")

// clausePointer is a sentence whose predicate sends the reader to another
// clause of the same document: "… shall be carried out in accordance with
// clause 6.1", « … sont réalisés conformément à l'article 7 ».
var clausePointer = regexp.MustCompile(`\b(be|is|are|will be|shall be|sont|est|seront|sera) (carried out|handled|provided|given|made|performed|conducted|governed|dealt with|effectue(e|s|es)?|realise(e|s|es)?|regi(e|s|es)?|traite(e|s|es)?)( \w+){0,3} (in accordance with|as (described|set out|provided) in|pursuant to|under|conformement (a|aux?)|selon) (the )?(clause|section|article|paragraph) (\d+(\.\d+)*)`)

// pointerGives: whether the clause in sentence i, when it only points to
// another clause of the document ("in accordance with clause 6.1 of the
// DPA"), is given there. A pointer to the GDPR or the standard clauses is
// not one; a clause the document does not hold while it numbers its
// headings gives nothing.
func (r *rule) pointerGives(sents []sentence, i int) bool {
	s := &sents[i]
	if !strings.Contains(s.folded, "clause ") && !strings.Contains(s.folded, "section ") && !strings.Contains(s.folded, "article ") && !strings.Contains(s.folded, "paragraph ") {
		return true
	}
	m := clausePointer.FindStringSubmatchIndex(s.folded)
	if m == nil {
		return true
	}
	rest := strings.TrimPrefix(s.folded[m[1]:], " ")
	for _, other := range []string{"of the gdpr", "gdpr", "du rgpd", "rgpd", "of regulation", "of the regulation", "du reglement", "of the standard contractual", "des clauses", "of the sccs", "of the scc"} {
		if strings.HasPrefix(rest, other) {
			return true
		}
	}
	num := s.folded[m[len(m)-4]:m[len(m)-3]]
	var b strings.Builder
	numbered := 0
	for j := range sents {
		last := sents[j].head
		if k := strings.LastIndex(last, " - "); k >= 0 {
			last = last[k+3:]
		}
		if last != "" && isDigit(last[0]) {
			numbered++
		}
		if j != i && strings.HasPrefix(last, num) && (len(last) == len(num) || !isDigit(last[len(num)])) && b.Len() < maxAnnex {
			b.WriteString(sents[j].folded)
			b.WriteByte(' ')
		}
	}
	if b.Len() == 0 {
		return numbered < 3 // headings not numbered: the pointer is taken at its word
	}
	return r.isClause(b.String()) || r.hasSignal(b.String())
}

func isAnnexTitle(folded string) bool {
	if strings.Contains(folded, "<") {
		// "<h1>Attachment 1 - The Standard Contractual Clauses</h1>" in the
		// HTML a Markdown file carries
		folded = strings.TrimSpace(markupTag.ReplaceAllString(folded, ""))
	}
	if len(folded) > 140 || !strings.Contains(folded, "annex") && !strings.Contains(folded, "append") && !strings.Contains(folded, "schedule") &&
		!strings.Contains(folded, "exhibit") && !strings.Contains(folded, "attachment") {
		return false
	}
	return annexTitle.MatchString(folded)
}

// asideSection: whether the nearest heading opens a definitions section or
// a table of contents.
func asideSection(heads []openHeading) bool {
	if len(heads) == 0 {
		return false
	}
	h := heads[len(heads)-1].folded
	for _, w := range []string{"definition", "interpretation", "table of contents", "table des matieres", "sommaire"} {
		if strings.Contains(h, w) {
			return true
		}
	}
	return h == "contents"
}

func headingText(heads []openHeading) string {
	parts := make([]string, len(heads))
	for i, h := range heads {
		parts[i] = h.folded
	}
	return strings.Join(parts, " - ")
}

// isLabel: at most eight words, no sentence-ending punctuation, and not a
// "label: value" pair already.
func isLabel(s string) bool {
	// a field of a form ("Categories of data subjects whose personal data
	// is transferred:") may be longer than a heading
	field := strings.HasSuffix(s, ":") && len(s) <= 140 && strings.Count(s, " ") <= 13
	if !field && (len(s) > 90 || strings.Count(s, " ") > 7) {
		return false
	}
	if i := strings.Index(s, ": "); i > 0 && i < len(s)-2 {
		return false
	}
	switch s[len(s)-1] {
	case '.', ';', '!', '?':
		return false
	}
	return true
}

// splitSentences appends text's sentences to out. It cuts at ". ", "; "
// and the like, but not after common abbreviations or inside numbers
// ("Art. 28", "e.g. ", "2.1 "). An inline heading ("Audits. The Customer
// may…") becomes the label of the sentence after it; inline is the length
// of that label in the first sentence appended, "Audits: " (0 if none).
func splitSentences(out []string, text string) (_ []string, inline int) {
	first := len(out)
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '.' && c != ';' && c != '?' && c != '!' {
			continue
		}
		// a space ends it, and so does a markup tag ("…;</li> <li>…" in
		// the HTML a Markdown file carries)
		if i+1 < len(text) && text[i+1] != ' ' && text[i+1] != '\n' && text[i+1] != '<' {
			continue
		}
		if c == '.' && abbreviation(text[start:i]) {
			continue
		}
		if s := strings.TrimSpace(text[start : i+1]); s != "" {
			out = appendPieces(out, s)
		}
		start = i + 1
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = appendPieces(out, s)
	}
	// An inline heading ("Audits. The Customer may…", "6. Security.") reads
	// as a label of the sentence after it.
	// A longer one is written in title case ("Duration of the Processing.").
	if n := strings.Count(out[min(first, len(out)-1)], " "); len(out) > first+1 && strings.HasSuffix(out[first], ".") && (n < 4 || n < 8 && inTitleCase(out[first])) {
		label := strings.TrimSuffix(out[first], ".") + ": "
		out[first+1] = label + out[first+1]
		out = append(out[:first], out[first+1:]...)
		inline = len(label)
	}
	return out, inline
}

var abbreviations = []string{"art", "arts", "e.g", "i.e", "etc", "no", "n°", "cf", "p", "para", "al", "ss", "seq", "inc", "ltd", "co", "s.a", "m", "mr", "mme", "dr", "vs"}

func abbreviation(before string) bool {
	j := len(before)
	i := j
	for i > 0 && before[i-1] != ' ' && before[i-1] != '(' {
		i--
	}
	w := before[i:j]
	if w == "" {
		return false
	}
	if len(w) == 1 || (w[len(w)-1] >= '0' && w[len(w)-1] <= '9') || roman(w) {
		return true // "a." list markers, "7." clause numbers, "28(3).", "IV."
	}
	for _, a := range abbreviations {
		if strings.EqualFold(w, a) { // no lowered copy: this runs at every full stop
			return true
		}
	}
	return false
}

// inTitleCase: every word of four letters or more starts with a capital, and
// there are at least two of them.
func inTitleCase(s string) bool {
	long := 0
	for _, w := range strings.Fields(s) {
		if len(w) < 4 {
			continue
		}
		if w[0] < 'A' || w[0] > 'Z' {
			return false
		}
		long++
	}
	return long >= 2
}

// roman: a roman numeral of a heading ("II", "iv"), up to seven letters.
func roman(w string) bool {
	if len(w) > 7 {
		return false
	}
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case 'i', 'v', 'x', 'I', 'V', 'X':
		default:
			return false
		}
	}
	return true
}
