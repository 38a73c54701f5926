// Package contracts judges processor contracts (DPAs, contrats de
// sous-traitance) against GDPR Article 28, element by element, and processor
// inventories against the failures the CNIL has sanctioned. Element IDs are
// those of the research note (A28-3-subject-matter … A28-44-transfers).
// Analysis works on text already extracted; it does no I/O.
//
// Each element is one spec in rules.go, written in a small rule language
// over folded text: term sets (terms), "a then b within n words" (within,
// near), labels (heading), gates (both, number) and, for numbers, dates and
// placeholders, regular expressions (rx). A spec says where the clause is
// (triggers, clause) and what keeps it from counting or from being specific,
// scope by scope (rule.go). The rules are compiled once, at the first analysis
// (not when the package loads: every command links it); a rule that does not compile is reported by compileRules and fails
// TestRulesCompile, and the package holds no state that changes.
package contracts
