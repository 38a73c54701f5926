package contracts

import (
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

// spec is one element's rule, as written in rules.go: what the legal intent
// looks like in a contract, scope by scope. Expressions are written with
// the words of pattern.go (terms, within, near) or as raw expressions over
// folded text.
//
// A sentence is a candidate when it holds one of the triggers (a plain
// substring test), and the clause when a clause expression matches. Then,
// in this order:
//   - exclude, in the sentence: it does not count (a negation, a carve-out);
//   - excludeClause, in the sentence or the two after it in its paragraph:
//     it does not count either ("… all information. The Customer shall have
//     no right to audit.");
//   - deferred, in the same span: left for the controller to define later,
//     so not addressed, unless a signal after it says something concrete
//     (then present at most; a mere reference to an annex is not enough);
//   - bare, in the same span: does not count when no signal is found (a
//     general authorisation with no list, notice or right to object);
//   - weak: counts, never as specific;
//   - enough: one makes it specific;
//   - signals: minSignals of them make it specific (distinct: count the
//     different words one signal matches instead);
//   - judge, when set, grades it instead of the signals.
//
// A clause left merely present that copies the Article is restated.
type spec struct {
	triggers      []string
	notUnder      []x  // a clause under a heading one of these matches does not count
	context       bool // triggers and clause may sit in the heading or previous sentence
	inText        bool // with context, the clause itself is in the sentence or the one before (the heading only gives the need)
	need          *x   // must match the sentence or its context
	needUnder     bool // the need may be met by the heading instead ("Safeguards imposed on sub-processors" over a list)
	clause        []x
	exclude       []sig
	excludeClause []sig
	deferred      []sig
	bare          []sig
	near          []sig // looks like the clause but is not one; shown when nothing counts
	// gives is what the text under a heading that names the element must
	// hold, besides a signal or a weak marker, for the heading to make it a
	// clause ("Term: … until the deletion of the account").
	gives      *x
	weak       []sig
	enough     []sig
	signals    []sig
	minSignals int
	distinct   bool
	// section: the signals are read in the rest of the clause's section
	// too, as for a bare clause (a notice template's items under its
	// heading)
	section bool
	judge   func(text string) (Level, check.Text)
	// standIn, when set, is the element whose clause (present or specific)
	// stands for this one when none is found: a DPA often gives the subject
	// matter only through the nature of the processing it describes.
	standIn string
}

// sig is an expression and what it means, in both languages. With unless,
// it does not fire on a text unless matches too ("no right to audit" is an
// exclusion, "no right to on-site audits" is not a total one). A ref signal
// points elsewhere (an annex) without saying anything itself.
type sig struct {
	expr   x
	why    check.Text
	unless *x
	ref    bool
}

// except returns s that does not fire where e matches.
func (s sig) except(e x) sig {
	s.unless = &e
	return s
}

// reference marks s as a pointer to another part of the contract.
func reference(s sig) sig {
	s.ref = true
	return s
}

// mk is a signal: an expression (a regular expression when a string) and
// what it means.
func mk[E string | x](e E, en, fr string) sig { return sig{expr: toX(e), why: t(en, fr)} }

// ptr is a need written in the language.
func ptr(e x) *x { return &e }

// needs is a need written as a regular expression.
func needs(expr string) *x {
	e := rx(expr)
	return &e
}

// rule is a compiled spec.
type rule struct {
	id            string
	n             int // the rule's place in the rule list, its bit in a ruleSet
	notUnder      []pattern
	triggers      []string
	context       bool
	inText        bool
	need          *pattern
	needUnder     bool
	clause        []pattern
	exclude       []marker
	excludeClause []marker
	deferred      []marker
	bare          []marker
	near          []marker
	gives         *pattern
	weak          []marker
	enough        []marker
	signals       []marker
	minSignals    int
	distinct      bool
	section       bool
	judge         func(text string) (Level, check.Text)
	standIn       string
}

// A marker is a compiled sig.
type marker struct {
	re     pattern
	why    check.Text
	unless *pattern
	ref    bool
}

// in reports whether the marker fires on text.
func (m marker) in(text string) bool {
	return m.re.in(text) && (m.unless == nil || !m.unless.in(text))
}

// compileRules compiles every element's spec, in Elements order. It fails
// on an expression that does not compile or an element without a rule, so
// that a bad rule is a test failure, never a panic while reading a contract.
func compileRules(specs map[string]spec) ([]*rule, error) {
	out := make([]*rule, 0, len(Elements))
	for _, el := range Elements {
		s, ok := specs[el.ID]
		if !ok {
			return nil, check.Errorf("element %s has no rule", "l'élément %s n'a pas de règle", el.ID)
		}
		r, err := s.compile(el.ID)
		if err != nil {
			return nil, check.Errorf("element %s: %v", "élément %s : %v", el.ID, err)
		}
		r.n = len(out)
		out = append(out, r)
	}
	if len(specs) != len(Elements) {
		return nil, check.Errorf("%d rules for %d elements", "%d règles pour %d éléments", len(specs), len(Elements))
	}
	return out, nil
}

func (s spec) compile(id string) (*rule, error) {
	if len(s.triggers) == 0 || len(s.clause) == 0 {
		return nil, check.Errorf("a rule needs triggers and a clause", "une règle a besoin de déclencheurs et d'une clause")
	}
	r := &rule{id: id, context: s.context, inText: s.inText, needUnder: s.needUnder, minSignals: max(s.minSignals, 1), distinct: s.distinct, section: s.section, judge: s.judge, standIn: s.standIn}
	if s.standIn != "" && s.standIn == id {
		return nil, check.Errorf("an element cannot stand in for itself", "un élément ne peut pas se remplacer lui-même")
	}
	for _, tr := range s.triggers {
		r.triggers = append(r.triggers, fold(tr))
	}
	var err error
	if s.need != nil {
		p, e := compileX(*s.need)
		r.need, err = &p, e
	}
	if s.gives != nil && err == nil {
		p, e := compileX(*s.gives)
		r.gives, err = &p, e
	}
	for _, e := range s.notUnder {
		p, perr := compileX(e)
		if perr != nil {
			return nil, perr
		}
		r.notUnder = append(r.notUnder, p)
	}
	for _, e := range s.clause {
		p, perr := compileX(e)
		if perr != nil {
			return nil, perr
		}
		r.clause = append(r.clause, p)
	}
	for _, set := range []struct {
		in  []sig
		out *[]marker
	}{{s.exclude, &r.exclude}, {s.excludeClause, &r.excludeClause}, {s.deferred, &r.deferred}, {s.bare, &r.bare}, {s.near, &r.near},
		{s.weak, &r.weak}, {s.enough, &r.enough}, {s.signals, &r.signals}} {
		for _, g := range set.in {
			p, perr := compileX(g.expr)
			if perr != nil {
				return nil, perr
			}
			m := marker{re: p, why: g.why, ref: g.ref}
			if g.unless != nil {
				u, uerr := compileX(*g.unless)
				if uerr != nil {
					return nil, uerr
				}
				m.unless = &u
			}
			*set.out = append(*set.out, m)
		}
	}
	return r, err
}

// under: whether the heading head rules the sentence out.
func (r *rule) under(head string) bool {
	for _, p := range r.notUnder {
		if p.in(head) {
			return true
		}
	}
	return false
}

// triggerIndex finds the triggers of every rule in one pass over a text: at
// each byte, only the triggers that start with that byte and the next are
// compared. What it finds is a ruleSet, one bit per rule, as many words as
// the rules need.
type triggerIndex struct {
	byPair map[[2]byte][]trigger
	short  []trigger // one-byte triggers
	words  int       // the length of a ruleSet
}

type trigger struct {
	s     string
	rules ruleSet
}

// ruleSet is a set of rules, by their n.
type ruleSet []uint64

func (s ruleSet) has(n int) bool { return s[n/64]&(1<<(n%64)) != 0 }

// covers: whether s holds every rule of o.
func (s ruleSet) covers(o ruleSet) bool {
	for k, w := range o {
		if s[k]&w != w {
			return false
		}
	}
	return true
}

func (s ruleSet) add(o ruleSet) {
	for k, w := range o {
		s[k] |= w
	}
}

func indexTriggers(rules []*rule) *triggerIndex {
	ix := &triggerIndex{byPair: map[[2]byte][]trigger{}, words: (len(rules) + 63) / 64}
	sets := map[string]ruleSet{}
	for _, r := range rules {
		for _, tr := range r.triggers {
			if sets[tr] == nil {
				sets[tr] = make(ruleSet, ix.words)
			}
			sets[tr][r.n/64] |= 1 << (r.n % 64)
		}
	}
	for s, b := range sets {
		if len(s) < 2 {
			ix.short = append(ix.short, trigger{s, b})
			continue
		}
		k := [2]byte{s[0], s[1]}
		ix.byPair[k] = append(ix.byPair[k], trigger{s, b})
	}
	return ix
}

// mask sets in m (ix.words long, zero) the rules one of whose triggers text
// holds.
func (ix *triggerIndex) mask(text string, m ruleSet) {
	for i := 0; i+1 < len(text); i++ {
		for _, t := range ix.byPair[[2]byte{text[i], text[i+1]}] {
			if !m.covers(t.rules) && strings.HasPrefix(text[i:], t.s) {
				m.add(t.rules)
			}
		}
	}
	for _, t := range ix.short {
		if !m.covers(t.rules) && strings.Contains(text, t.s) {
			m.add(t.rules)
		}
	}
}

// triggered: whether text holds one of the rule's triggers.
func (r *rule) triggered(text string) bool {
	for _, tr := range r.triggers {
		if strings.Contains(text, tr) {
			return true
		}
	}
	return false
}

func (r *rule) isClause(text string) bool {
	for _, p := range r.clause {
		if p.in(text) {
			return true
		}
	}
	return false
}

func firstMatch(ms []marker, text string) (marker, bool) {
	for _, m := range ms {
		if m.in(text) {
			return m, true
		}
	}
	return marker{}, false
}
