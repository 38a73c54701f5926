// Package contracts judges processor contracts (DPAs, contrats de
// sous-traitance) against GDPR Article 28, element by element, and processor
// inventories against the failures the CNIL has sanctioned. Element IDs are
// those of the research note (A28-3-subject-matter … A28-44-transfers).
// Analysis works on text already extracted; it does no I/O.
package contracts
