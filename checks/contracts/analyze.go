package contracts

import (
	"fmt"
	"math/bits"
	"regexp"
	"strings"
	"sync"

	"github.com/vigie-security/vigie/internal/check"
)

// slabs keeps literal-set memory between analyses (see Analyze).
var slabs = sync.Pool{New: func() any { return new(litSet) }}

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

// Analyze judges a document against every element. It is pure and safe for
// concurrent use.
func Analyze(doc Document) Analysis {
	sents := segment(doc.Blocks)
	a := Analysis{Sentences: len(sents)}
	lx := literals()
	words := (lx.words + 63) / 64
	// The literal sets (each sentence's, each heading's, each context's,
	// and two to join sentences in) share one slab, reused from one
	// document to the next: they are most of what an analysis would
	// otherwise allocate.
	slab := slabs.Get().(*litSet)
	defer slabs.Put(slab)
	if need := (3*len(sents) + 2) * words; cap(*slab) < need {
		*slab = make(litSet, need)
	} else {
		*slab = (*slab)[:need]
		clear(*slab)
	}
	sets := make([]litSet, 3*len(sents)+2)
	for k := range sets {
		sets[k] = (*slab)[k*words : (k+1)*words : (k+1)*words]
	}
	// Sentences and their headings are scanned together; a heading is
	// scanned once for the run of sentences under it.
	texts := make([]string, len(sents), 2*len(sents))
	head := make([]int, len(sents)) // index of the sentence's heading in texts
	en, fr := 0, 0
	for i := range sents {
		s := &sents[i]
		s.lits, texts[i] = sets[i], s.folded
		if i == 0 || s.head != sents[i-1].head {
			texts = append(texts, s.head)
		}
		head[i] = len(texts) - 1
		a.Chars += len(s.raw)
		e, f := counts(s.folded)
		en, fr = en+e, fr+f
	}
	lx.scanAll(texts, sets[:len(texts)])
	a.Language = detect(en, fr)
	// Context (heading and previous sentence) plus sentence, for the rules
	// that read context: unions of sets already scanned.
	hay := sets[2*len(sents) : 3*len(sents)]
	for i := range sents {
		copy(hay[i], sents[i].lits)
		hay[i].orIn(sets[head[i]])
		if sents[i].follows {
			hay[i].orIn(sents[i-1].lits)
		}
	}
	join := [2]litSet{sets[3*len(sents)], sets[3*len(sents)+1]}
	a.Results = make([]Result, 0, len(Elements))
	for _, el := range Elements {
		a.Results = append(a.Results, judgeElement(el.ID, rules[el.ID], sents, hay, join))
	}
	a.ThirdCountries, a.Special, a.SpecialNone = mentions(sents)
	return a
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
}

// judgeElement finds the sentence that best covers element id; join is
// room for the literal sets of sentences judged together.
func judgeElement(id string, r rule, sents []sentence, hays []litSet, join [2]litSet) Result {
	best := candidate{i: -1}
	rejected, near := candidate{i: -1}, candidate{i: -1}
	trig := triggers[id]
	for i := range sents {
		s := &sents[i]
		hay, lits := s.folded, s.lits
		if r.ctx {
			lits = hays[i]
		}
		if !lits.any(trig) {
			continue
		}
		if r.ctx {
			if s.hay == "" { // built for the few sentences a context rule reads
				s.hay = contextText(sents, i)
			}
			hay = s.hay
		}
		if r.need != nil && !r.need.in(hay, lits) {
			continue
		}
		if !r.isClause(hay, lits) {
			if near.i < 0 {
				if m, ok := firstMatch(r.near, hay, lits); ok {
					near = candidate{i: i, why: m.why}
				}
			}
			continue
		}
		if m, ok := firstMatch(r.reject, s.folded, s.lits); ok {
			if rejected.i < 0 {
				rejected = candidate{i: i, why: m.why}
			}
			continue
		}
		if best.level >= Present && r.judge == nil && !r.couldBeSpecific(sents, i, lits) {
			continue // at best present again: the first one stands
		}
		c := r.judgeSentence(id, sents, i, lits, join)
		if c.level > best.level || best.i < 0 {
			best = c
		}
		if best.level == Specific {
			break
		}
	}
	switch {
	case best.i >= 0:
		return result(id, sents[best.i], best.level, best.why, false)
	case rejected.i >= 0:
		return result(id, sents[rejected.i], Missing, rejected.why, true)
	case near.i >= 0:
		return result(id, sents[near.i], Missing, near.why, true)
	}
	return Result{Element: id, Level: Missing, Why: t("no clause found", "aucune clause trouvée")}
}

// triggers are the rules' triggers as literal masks, registered at start.
var triggers = func() map[string]litMask {
	out := map[string]litMask{}
	for id, r := range rules {
		var ids []int
		for _, tr := range r.triggers {
			ids = append(ids, literalID(tr))
		}
		out[id] = maskOf(ids)
	}
	return out
}()

func (r rule) isClause(f string, lits litSet) bool {
	for _, re := range r.present {
		if re.in(f, lits) {
			return true
		}
	}
	return false
}

// judgeSentence grades the clause in sentence i. Concrete content often sits
// in the two sentences right after it, in the same paragraph ("… general written
// authorisation. The Processor gives 30 days' notice and the Customer may
// object."), so those count too; so does the sentence before, for rules
// that read context. A flaw anywhere in that span (a carve-out, an
// exclusion) keeps the clause from being specific.
func (r rule) judgeSentence(id string, sents []sentence, i int, hay litSet, join [2]litSet) candidate {
	s := sents[i]
	text, span := s.folded, s.folded
	textLits, spanLits := s.lits, s.lits
	if r.ctx {
		text, span = s.hay, s.hay
		textLits, spanLits = hay, hay
	}
	// The literals of joined sentences are the union of theirs: joining
	// with a space makes no literal the patterns look for. The span is the
	// sentence and the next two of its paragraph; the text leaves out those
	// a reject marker fires on, and is the span itself when none does.
	var nextAt, keptAt [2]int
	next, kept := nextAt[:0], keptAt[:0] // the sentences joined to the span, to the text
	for j := i + 1; j < len(sents) && j <= i+2 && sents[j].para == s.para; j++ {
		next = append(next, j)
		if _, bad := firstMatch(r.reject, sents[j].folded, sents[j].lits); !bad {
			kept = append(kept, j)
		}
	}
	if len(next) > 0 {
		copy(join[0], spanLits)
		spanLits = join[0]
		for _, j := range next {
			spanLits.orIn(sents[j].lits)
		}
		span = joinSentences(span, sents, next)
	}
	switch {
	case len(kept) == len(next):
		text, textLits = span, spanLits
	case len(kept) > 0:
		copy(join[1], textLits)
		textLits = join[1]
		for _, j := range kept {
			textLits.orIn(sents[j].lits)
		}
		text = joinSentences(text, sents, kept)
	}
	if m, ok := firstMatch(r.weak, span, spanLits); ok {
		return candidate{i: i, level: Present, why: m.why}
	}
	if m, ok := firstMatch(r.sufficient, text, textLits); ok {
		return candidate{i: i, level: Specific, why: m.why}
	}
	if r.judge != nil {
		lvl, why := r.judge(text, textLits)
		if lvl == Present {
			return r.restated(id, &sents[i], i, lvl, why)
		}
		return candidate{i: i, level: lvl, why: why}
	}
	var whys []check.Text
	found := 0
	for _, m := range r.specific {
		if !r.distinct {
			if m.re.in(text, textLits) {
				whys, found = append(whys, m.why), found+1
			}
			continue
		}
		if n := m.re.distinct(textLits); n > 0 {
			whys, found = append(whys, m.why), found+n
		}
	}
	need := r.minSpecific
	if need == 0 {
		need = 1
	}
	if found >= need {
		return candidate{i: i, level: Specific, why: joinTexts(whys)}
	}
	why := t("the clause is there, with nothing concrete (no annex, number, list or procedure)",
		"la clause existe, sans rien de concret (ni annexe, ni chiffre, ni liste, ni procédure)")
	return r.restated(id, &sents[i], i, Present, why)
}

// joinSentences is first and the sentences at next, separated by spaces,
// in one allocation.
func joinSentences(first string, sents []sentence, next []int) string {
	n := len(first)
	for _, j := range next {
		n += 1 + len(sents[j].folded)
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteString(first)
	for _, j := range next {
		b.WriteByte(' ')
		b.WriteString(sents[j].folded)
	}
	return b.String()
}

// couldBeSpecific: whether any specific marker's literals occur in the
// sentence or the ones judged with it.
func (r rule) couldBeSpecific(sents []sentence, i int, lits litSet) bool {
	for j := i; j < len(sents) && j <= i+2 && (j == i || sents[j].para == sents[i].para); j++ {
		l := sents[j].lits
		if j == i {
			l = lits
		}
		for _, ms := range [][]marker{r.specific, r.sufficient} {
			for _, m := range ms {
				if m.re.any == nil || l.any(m.re.has) {
					return true
				}
			}
		}
	}
	return false
}

// restated downgrades a merely present clause that copies the Article.
func (r rule) restated(id string, s *sentence, i int, lvl Level, why check.Text) candidate {
	if s.shingles == nil {
		s.shingles = shingles(s.folded)
	}
	if sim := similarity(id, s.shingles); sim >= restateThreshold {
		return candidate{i: i, level: Restated, why: check.Textf(
			"repeats the Article almost word for word (%d%% of its phrases) and adds nothing concrete (EDPB 07/2020 §109)",
			"reprend l'article presque mot pour mot (%d %% de ses tournures) sans rien ajouter de concret (CEPD 07/2020 §109)", int(sim*100+0.5))}
	}
	return candidate{i: i, level: lvl, why: why}
}

func firstMatch(ms []marker, f string, lits litSet) (marker, bool) {
	for _, m := range ms {
		if m.re.in(f, lits) {
			return m, true
		}
	}
	return marker{}, false
}

func joinTexts(ts []check.Text) check.Text {
	var en, fr []string
	for _, x := range ts {
		en, fr = append(en, x.EN), append(fr, x.FR)
	}
	return t(strings.Join(en, "; "), strings.Join(fr, " ; "))
}

func result(id string, s sentence, lvl Level, why check.Text, rejected bool) Result {
	loc := Location{Page: s.page, Paragraph: s.para}
	return Result{Element: id, Level: lvl, Sentence: Mask(trimEvidence(s.raw)), Location: &loc, Why: why, Rejected: rejected}
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

var (
	emailRe = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`)
	phoneRe = regexp.MustCompile(`(\+\d{1,3}[ .]?)?(\(?\d{1,4}\)?[ .-]?){3,6}\d{2,4}`)
	nameRe  = regexp.MustCompile(`(?i)\b(name|nom|signatory|signataire|by|par|represented by|représentée? par)\s*:\s*[^,;:\n]{1,60}`)
)

// Mask hides what could identify a person in an evidence sentence: e-mail
// addresses, phone numbers and the names of signature blocks. Contracts name
// signatories and contacts; reports must not.
func Mask(s string) string {
	if strings.IndexByte(s, '@') >= 0 {
		s = maskEmails(s)
	}
	if digits(s) >= 9 {
		s = maskPhones(s)
	}
	if !nameLabel(s) {
		return s
	}
	return nameRe.ReplaceAllStringFunc(s, func(m string) string {
		return m[:strings.IndexByte(m, ':')+1] + " [name]"
	})
}

// nameLabel reports whether a ':' follows a word that introduces a name,
// before running the (case-insensitive, slower) expression that masks it.
func nameLabel(s string) bool {
	for i := strings.IndexByte(s, ':'); i >= 0; {
		j := i
		for j > 0 && s[j-1] == ' ' {
			j--
		}
		k := j
		for k > 0 && s[k-1] != ' ' && s[k-1] != '(' {
			k--
		}
		for _, label := range []string{"name", "nom", "signatory", "signataire", "by", "par"} {
			if strings.EqualFold(s[k:j], label) {
				return true
			}
		}
		next := strings.IndexByte(s[i+1:], ':')
		if next < 0 {
			break
		}
		i += next + 1
	}
	return false
}

// digits counts the ASCII digits in s. It runs on every evidence
// sentence, so it reads eight bytes at a time: in each byte of a word, the
// high bit of lo is set when the byte is at least '0', that of hi when it
// is at most '9', and the byte's own high bit when it is not ASCII.
func digits(s string) int {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	n, i := 0, 0
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		lo := (x | high) - ones*'0'
		hi := (high | ones*'9') - (x &^ high)
		n += bits.OnesCount64(lo & hi &^ x & high)
	}
	for ; i < len(s); i++ {
		if s[i]-'0' < 10 {
			n++
		}
	}
	return n
}

func maskEmails(s string) string {
	return emailRe.ReplaceAllStringFunc(s, func(m string) string {
		at := strings.IndexByte(m, '@')
		return m[:1] + "***" + m[at:]
	})
}

func maskPhones(s string) string {
	return phoneRe.ReplaceAllStringFunc(s, func(m string) string {
		if digits(m) < 9 { // dates, clause numbers, delays
			return m
		}
		return "[phone]"
	})
}

var (
	annexRe     = compile(annexWords)
	dataWords   = compile(`\b(names?|surnames?|first names?|last names?|e-?mail( address(es)?)?|postal address(es)?|address(es)?|phone( numbers?)?|telephone( numbers?)?|mobile|ip address(es)?|dates? of birth|job titles?|positions?|company|employer|identifiers?|logins?|user ?ids?|billing|bank|iban|payment|location|geolocation|cookies?|device|browsing|purchase|order history|health|nom|noms|prenoms?|adresses?|courriels?|numeros?|date de naissance|fonctions?|postes?|societe|entreprise|identifiants?|coordonnees|bancaires?|facturation|localisation|navigation|achats|sante|civilite|signature)\b`)
	peopleWords = compile(`\b(employees?|staff|customers?|clients?|prospects?|leads?|users?|visitors?|subscribers?|patients?|students?|suppliers?|members?|salaries?|employes?|utilisateurs?|visiteurs?|abonnes?|fournisseurs?|membres?|internautes?)\b`)
)

// judgeDataTypes: a list of data categories is specific; a list of groups
// of people under a "categories of data" label is the mislabelled annex the
// research note warns of.
func judgeDataTypes(f string, lits litSet) (Level, check.Text) {
	seen := dataWords.distinct(lits)
	switch {
	case seen >= 2:
		return Specific, t("lists the categories of data", "liste les catégories de données")
	case seen == 0 && peopleWords.in(f, lits):
		return Present, t("lists groups of people, not types of data: the annex is mislabelled", "liste des groupes de personnes, pas des types de données : l'annexe est mal renseignée")
	case annexRe.in(f, lits):
		return Specific, t("refers to an annex listing them", "renvoie à une annexe qui les liste")
	}
	return Present, t("the data is named without being listed", "les données sont nommées sans être listées")
}

var (
	flowObligations = compile(`same (data protection )?obligations|no less (protective|onerous|stringent)|at least (as protective|equivalent)|substantially (the )?same|equivalent (data protection )?obligations|(memes|identiques|equivalentes) obligations|obligations (equivalentes|identiques|au moins equivalentes)|memes garanties`)
	flowLiable      = compile(`(remain|remains|stay|stays) (fully |wholly |entirely )?liable|fully (liable|responsible)|(demeure|reste|restera|demeurera) (pleinement |entierement )?responsable`)
	flowWritten     = compile(`written (agreement|contract)|contract in writing|contrat ecrit|acte juridique|par (contrat|ecrit)|by (way of )?(a )?(written )?contract`)
	flowAudit       = compile(`audit|verif|copy of|copie`)
)

// judgeFlowdown: the same obligations imposed and full liability kept, or
// either with a written contract or audits of the sub-processor.
func judgeFlowdown(f string, lits litSet) (Level, check.Text) {
	ob, li := flowObligations.in(f, lits), flowLiable.in(f, lits)
	switch {
	case ob && li && (flowWritten.in(f, lits) || flowAudit.in(f, lits)):
		return Specific, t("imposes the same obligations by written contract and keeps the processor fully liable", "impose les mêmes obligations par contrat écrit et laisse le sous-traitant pleinement responsable")
	case ob && li:
		return Present, t("imposes the same obligations and keeps the processor liable, with nothing on how", "impose les mêmes obligations et maintient la responsabilité, sans modalités")
	case ob:
		return Present, t("imposes the same obligations, but says nothing of the processor's liability", "impose les mêmes obligations, sans rien dire de la responsabilité du sous-traitant")
	}
	return Present, t("keeps the processor liable, but does not impose the same obligations", "maintient la responsabilité du sous-traitant, sans imposer les mêmes obligations")
}

var (
	endReturn = compile(`return|send back|hand (back|over)|export|retrieve|restitu|renvo|remettre|transmettre|exporter|recuperer`)
	endDelete = compile(`delet|destr|eras|supprim|detrui|efface`)
	endChoice = compile(`choice|choose|chooses|decides?|choisit|choisir|election|elect|option|at the (written )?request|as (instructed|directed|requested)|upon (written )?instruction|au choix|selon le choix|a la demande|sur (simple )?(demande|instruction)|selon les instructions|opte|may (export|retrieve|download)|peut (exporter|recuperer|telecharger)`)
	endExtra  = compile(`\b\d+ ?(\(\d+\) )?(calendar |business |working )?(days|jours|months|mois)\b|certif|attest|proces-verbal|backups?|sauvegardes?|\bformat\b|\bcsv\b|\bsql\b`)
)

func judgeEnd(f string, lits litSet) (Level, check.Text) {
	ret, del := endReturn.in(f, lits), endDelete.in(f, lits)
	switch {
	case !ret:
		return Present, t("deletion only: no return option, no choice for the controller", "suppression seule : ni restitution, ni choix du responsable")
	case !del:
		return Present, t("return only: nothing on deleting copies", "restitution seule : rien sur la suppression des copies")
	case !endChoice.in(f, lits):
		return Present, t("return and deletion, but the controller is given no choice", "restitution et suppression, sans choix laissé au responsable")
	case endExtra.in(f, lits):
		return Specific, t("the controller chooses, with a time limit, format, backups or a deletion certificate", "le responsable choisit, avec un délai, un format, les sauvegardes ou un certificat de destruction")
	}
	return Present, t("the controller chooses between return and deletion, with no time limit or proof", "le responsable choisit entre restitution et suppression, sans délai ni preuve")
}

var (
	deadlineRe  = compile(deadlinePattern)
	delayRe     = regexp.MustCompile(`(\d{1,3}|twenty-four|forty-eight|seventy-two|twelve|thirty-six|vingt-quatre|quarante-huit|soixante-douze|douze|trente-six|one|two|three|un|deux|trois)\)?\s*(?:\(\d{1,3}\)\s*)?(hours?|hrs?\b|h\b|heures?|(?:calendar |business |working )?days?|jours?)`)
	numberWords = map[string]int{"twenty-four": 24, "forty-eight": 48, "seventy-two": 72, "twelve": 12, "thirty-six": 36, "one": 1, "two": 2, "three": 3,
		"vingt-quatre": 24, "quarante-huit": 48, "soixante-douze": 72, "douze": 12, "trente-six": 36, "un": 1, "deux": 2, "trois": 3}
)

// judgeDeadline reads the delay in hours; a delay as long as the
// controller's own 72 hours towards the authority leaves it no time.
func judgeDeadline(f string, lits litSet) (Level, check.Text) {
	// The delay is read from the match alone, with a small expression.
	m := delayRe.FindStringSubmatch(deadlineRe.find(f, lits))
	if m == nil {
		return Missing, t("no deadline", "aucun délai")
	}
	num, unit := m[1], m[2]
	n, ok := numberWords[num]
	if !ok {
		fmt.Sscan(num, &n)
	}
	hours := n
	if strings.Contains(unit, "day") || strings.HasPrefix(unit, "jour") {
		hours = n * 24
	}
	if hours < 72 {
		return Specific, check.Textf("sets a maximum delay of %d hours", "fixe un délai maximal de %d heures", hours)
	}
	return Present, check.Textf("sets %d hours: as long as the controller's own deadline towards the authority, which leaves it no time",
		"fixe %d heures : autant que le délai du responsable envers l'autorité, ce qui ne lui laisse aucune marge", hours)
}
