package check

import "fmt"

// Check is one rule: metadata plus a pure evaluation of collected evidence.
type Check interface {
	Meta() Meta
	// Evaluate judges evidence without any I/O.
	Evaluate(evidence any) Finding
}

// Subject is evidence that knows which target it describes.
type Subject interface{ TargetName() string }

// Typed adapts a pure function over one family's evidence type to Check.
type Typed[E Subject] struct {
	M  Meta
	Fn func(E) Outcome
}

func (c Typed[E]) Meta() Meta { return c.M }

func (c Typed[E]) Evaluate(evidence any) Finding {
	e, ok := evidence.(E)
	if !ok {
		target := ""
		if s, ok := evidence.(Subject); ok {
			target = s.TargetName()
		}
		return ErrorFinding(c.M, target, Textf(
			"internal error: check %s cannot read evidence of type %T",
			"erreur interne : le contrôle %s ne sait pas lire une preuve de type %T", c.M.ID, evidence), nil)
	}
	return NewFinding(c.M, e.TargetName(), c.Fn(e))
}

// Catalogue is the set of checks known to a build, in a stable order.
type Catalogue []Check

// Lookup returns the check with id.
func (c Catalogue) Lookup(id string) (Check, bool) {
	for _, k := range c {
		if k.Meta().ID == id {
			return k, true
		}
	}
	return nil, false
}

// Family returns the checks of one family.
func (c Catalogue) Family(f Family) Catalogue {
	var out Catalogue
	for _, k := range c {
		if k.Meta().Family == f {
			out = append(out, k)
		}
	}
	return out
}

// Validate reports the first metadata problem in the catalogue, if any.
// Its errors are a developer's (the catalogue is checked by tests and at
// start): English only.
func (c Catalogue) Validate() error {
	seen := map[string]bool{}
	for _, k := range c {
		m := k.Meta()
		switch {
		case !IDPattern.MatchString(m.ID):
			return fmt.Errorf("check %q: ID does not match %s", m.ID, IDPattern) // not shown: a developer's error
		case seen[m.ID]:
			return fmt.Errorf("check %q: duplicate ID", m.ID) // not shown: a developer's error
		case !m.Severity.Valid():
			return fmt.Errorf("check %s: unknown severity %d", m.ID, m.Severity) // not shown: a developer's error
		case !knownFamily(m.Family):
			return fmt.Errorf("check %s: unknown family %q", m.ID, m.Family) // not shown: a developer's error
		case !m.Title.Complete() || !m.Description.Complete() || !m.Risk.Complete() || !m.Remediation.Complete():
			return fmt.Errorf("check %s: title, description, risk and remediation need both English and French", m.ID) // not shown: a developer's error
		case len(m.References) == 0:
			return fmt.Errorf("check %s: needs at least one reference", m.ID) // not shown: a developer's error
		case m.CapOnFail != "" && !m.CapOnFail.Valid():
			return fmt.Errorf("check %s: unknown cap grade %q", m.ID, m.CapOnFail) // not shown: a developer's error
		}
		for _, r := range m.References {
			if r.Source == "" || r.URL == "" {
				return fmt.Errorf("check %s: reference %q needs a source and a URL", m.ID, r.Title) // not shown: a developer's error
			}
		}
		seen[m.ID] = true
	}
	return nil
}

func knownFamily(f Family) bool {
	for _, k := range Families {
		if k == f {
			return true
		}
	}
	return false
}
