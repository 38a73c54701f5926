package contracts

import (
	"strings"
	"testing"
)

// What is left of a real DPA once the deciding clause is cut out (the shapes
// TestDevSetCutDown found read as present, written here in our own words):
// none of these decides the element, so none reads present. Their honest
// counterparts, in the same shape, still do.
func TestWhatACutLeavesIsNotTheClause(t *testing.T) {
	cases := []struct {
		name    string
		blocks  []Block
		element string
		counts  bool
	}{
		{"a heading glued to a sentence about something else",
			[]Block{{Text: "Duration of the Agreement", Heading: 3}, {Text: "Either party may terminate this Agreement by written notice."}},
			"A28-3-duration", false},
		{"the heading and the duration under it",
			[]Block{{Text: "Duration", Heading: 3}, {Text: "The processing lasts for the term of the Agreement."}},
			"A28-3-duration", true},
		{"the heading and a retention period under it (weak, but said)",
			[]Block{{Text: "Duration: The Processor keeps the data for as long as necessary."}},
			"A28-3-duration", true},
		{"the data's confidentiality is not the staff's",
			[]Block{{Text: "Le Prestataire garantit la confidentialité des données à caractère personnel traitées."}},
			"A28-3b-confidentiality", false},
		{"the staff's confidentiality",
			[]Block{{Text: "Le Prestataire veille à ce que son personnel soit tenu à une obligation de confidentialité."}},
			"A28-3b-confidentiality", true},
		{"security, confidentiality and integrity of the data",
			[]Block{{Text: "The Processor maintains measures protecting the security, confidentiality and integrity of the data of natural persons."}},
			"A28-3b-confidentiality", false},
		{"a sentence that points to where the description is",
			[]Block{{Text: "The subject matter, the duration, the nature and purpose of the processing and the categories of data subjects are set out in Annex 1."}},
			"A28-3-data-subjects", false},
		{"a table of contents",
			[]Block{{Text: "Table of contents", Heading: 2}, {Text: "- 9. Data subject rights", Item: true}, {Text: "- 10. Security measures", Item: true}},
			"A28-3e-data-subject-rights", false},
		{"the processor's own rights under the agreement",
			[]Block{{Text: "The Processor may exercise its rights under the Agreement to suspend the service."}},
			"A28-3e-data-subject-rights", false},
		{"an internal analysis deadline under a notification heading",
			[]Block{{Text: "Breach notification procedure", Heading: 3}, {Text: "Internal alert: every incident goes to the security team."}, {Text: "Assessment: analysis within 4 hours of the severity of the incident."}},
			"A28-33-breach-deadline", false},
		{"the deadline of the notice to the controller",
			[]Block{{Text: "Breach notification procedure", Heading: 3}, {Text: "The Processor informs the Customer of any personal data breach within 24 hours."}},
			"A28-33-breach-deadline", true},
		{"a transfer impact assessment is not DPIA help",
			[]Block{{Text: "Every transfer request is subject to a prior impact assessment and the DPO's approval."}},
			"A28-3f-assist-32-36", false},
		{"DPIA help",
			[]Block{{Text: "The Processor assists the Controller with data protection impact assessments."}},
			"A28-3f-assist-32-36", true},
		{"the Art. 32 factors without a commitment",
			[]Block{{Text: "In assessing the appropriate level of security, the parties take account of the state of the art and the costs of implementation."}},
			"A28-3c-security-art32", false},
		{"the controller remains responsible, not for sub-processors",
			[]Block{{Text: "Le Client reste responsable de l'information des personnes concernées."}},
			"A28-4-flowdown", false},
		{"a notice to the data subject, not to the controller",
			[]Block{{Text: "The communication to the data subject describes the nature of the personal data breach."}},
			"A28-33-breach-notify", false},
		{"the contract's own object with no service named",
			[]Block{{Text: "Les présentes clauses ont pour objet de définir les conditions dans lesquelles le Prestataire effectue les opérations de traitement définies ci-après."}},
			"A28-3-subject-matter", false},
		{"the contract's object with the service named",
			[]Block{{Text: "This DPA is entered into in connection with the contract concerning the use of the Supplier's payroll software."}},
			"A28-3-subject-matter", true},
		{"a pointer to an annex that lists no data",
			[]Block{{Text: "The Processor processes the categories of personal data set out in Appendix 1."}, {Text: "Appendix 1 - Instructions", Heading: 1},
				{Text: "For the information collected, we refer to our privacy policy on our website."}},
			"A28-3-data-types", false},
		{"a pointer to an annex that lists them",
			[]Block{{Text: "The Processor processes the categories of personal data set out in Appendix 1."}, {Text: "Appendix 1 - Instructions", Heading: 1},
				{Text: "Personal data: names, e-mail addresses and phone numbers of the users."}},
			"A28-3-data-types", true},
		{"a pointer to an annex the file does not hold",
			[]Block{{Text: "The Processor processes the categories of personal data set out in Appendix 1."}},
			"A28-3-data-types", true},
		{"a pointer to a clause the document no longer holds",
			[]Block{{Text: "1. Definitions", Heading: 2}, {Text: "2. Processing", Heading: 2}, {Text: "The Processor processes data on instructions."}, {Text: "6. Records", Heading: 2},
				{Text: "6.2 Records", Heading: 3}, {Text: "The Processor keeps records."},
				{Text: "The Customer agrees that the audits of the standard clauses shall be carried out in accordance with clause 6.1 of this DPA."}},
			"A28-3h-audits-information", false},
		{"a pointer to a clause that gives it",
			[]Block{{Text: "1. Definitions", Heading: 2}, {Text: "2. Processing", Heading: 2}, {Text: "6. Records", Heading: 2},
				{Text: "6.1 Audits", Heading: 3}, {Text: "The Processor allows audits by the Customer once a year."},
				{Text: "The Customer agrees that the audits of the standard clauses shall be carried out in accordance with clause 6.1 of this DPA."}},
			"A28-3h-audits-information", true},
		{"when instructions are given is not how long the processing lasts",
			[]Block{{Text: "The Customer warrants that it has given and throughout the duration of the processing will give the Supplier lawful instructions."}},
			"A28-3-duration", false},
		{"how long the processing lasts",
			[]Block{{Text: "The processing lasts for the duration of the Agreement."}},
			"A28-3-duration", true},
		{"a table of contents introduced as a list of subsections",
			[]Block{{Text: "This section includes the following subsections:"}, {Text: "- Duration of the Processing;", Item: true}, {Text: "- Security", Item: true},
				{Text: "Duration of the Processing", Heading: 3}, {Text: "Either party may terminate this Agreement by written notice."}},
			"A28-3-duration", false},
		{"a heading with a semicolon is one label, not a clause of its own",
			[]Block{{Text: "Duration of the Processing; Ownership", Heading: 3}, {Text: "The Customer keeps all rights in its data."}},
			"A28-3-duration", false},
		{"the safeguards of a transfer tool are not help with requests",
			[]Block{{Text: "These clauses give appropriate safeguards, including enforceable data subject rights and effective legal remedies."}},
			"A28-3e-data-subject-rights", false},
		{"the persons given access are not sub-processors",
			[]Block{{Text: "The Processor ensures that the persons, including persons at its sub-processors, are bound to secrecy. Only persons who need access to the data shall be authorised."}},
			"A28-3d-subprocessors", false},
		{"the end-of-contract duties passed on are not the flow-down",
			[]Block{{Text: "Le Prestataire s'assure que ses sous-traitants ultérieurs appliquent les mêmes obligations de restitution des données."}},
			"A28-4-flowdown", false},
		{"the same obligations, the sub-processors named by the heading over the list",
			[]Block{{Text: "7.4 Safeguards imposed on sub-processors", Heading: 3}, {Text: "Each of them undertakes by contract to:"},
				{Text: "- comply with the same data protection obligations as the Processor", Item: true}, {Text: "- keep the data confidential", Item: true}},
			"A28-4-flowdown", true},
		{"encrypting where the purpose allows it is not the purpose",
			[]Block{{Text: "The Parties consider encryption, where the purpose of processing can be fulfilled in that manner."}},
			"A28-3-nature-purpose", false},
		{"extra safeguards for sensitive data are not the Art. 32 measures",
			[]Block{{Text: "Lorsque le traitement porte sur des données relevant de l'article 9 du RGPD, les parties s'assurent que des mesures de sécurité adéquates sont prises."}},
			"A28-3c-security-art32", false},
		{"the Art. 32 measures, sensitive data included",
			[]Block{{Text: "Where special categories are processed, the Processor implements the technical and organisational measures of Article 32 and encrypts them."}},
			"A28-3c-security-art32", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := level(t, Analyze(Document{Blocks: tc.blocks}), tc.element)
			if r.Level.Counts() != tc.counts {
				t.Errorf("%s = %s (%s; %q), want counted %v", tc.element, r.Level, r.Why.EN, r.Sentence, tc.counts)
			}
		})
	}
}

// A heading that names an element, and under it a sentence that gives it
// without the clause's own words, is the clause: as a heading block, and as
// a "label: text" line.
func TestHeadingsAndWhatTheyHold(t *testing.T) {
	for _, c := range []struct{ el, head, body string }{
		{"A28-33-breach-notify", "Breach notification", "The Processor will inform the Customer without undue delay."},
		{"A28-33-breach-notify", "Violations de données", "Le Prestataire en informe le Client dans les meilleurs délais."},
		{"A28-3b-confidentiality", "Confidentiality", "All staff sign a non-disclosure agreement."},
		{"A28-3b-confidentiality", "Confidentialité", "Les collaborateurs du Prestataire sont tenus au secret."},
		{"A28-3c-security-art32", "Security", "The Processor encrypts data at rest and in transit."},
		{"A28-3c-security-art32", "Sécurité", "Le Prestataire chiffre les données et journalise les accès."},
		{"A28-3d-subprocessors", "Sub-processors", "The Processor may engage other processors with the Customer's prior written consent."},
		{"A28-3e-data-subject-rights", "Data subject rights", "The Processor forwards any request it receives to the Customer within 5 days."},
		{"A28-3e-data-subject-rights", "Droits des personnes", "Le Prestataire transmet au Client toute demande reçue sous 48 heures."},
		{"A28-3f-assist-32-36", "DPIA", "The Processor provides the information the Customer needs."},
		{"A28-3g-return-or-delete", "End of the contract", "The Processor returns or deletes the data, as the Customer chooses, within 30 days."},
		{"A28-3g-return-or-delete", "Return and deletion", "At the Customer's choice, the Processor returns or deletes all data within 30 days."},
		{"A28-3h-audits-information", "Audits", "The Customer may inspect the Processor's premises once a year."},
		{"A28-3a-instructions", "Instructions", "The Processor acts only on the Customer's written instructions."},
		{"A28-44-transfers", "Transfers", "Data is hosted in France."},
		{"A28-3-duration", "Duration", "Until the end of the Agreement."},
		{"A28-3-duration", "Durée", "Trois ans à compter de la signature."},
		{"A28-3-data-subjects", "Data subjects", "Employees and customers of the Customer."},
		{"A28-3-data-types", "Categories of data", "Names, e-mail addresses."},
		{"A28-3-nature-purpose", "Purpose", "Sending newsletters and measuring their opening."},
		{"A28-3-subject-matter", "Subject matter", "Hosting of the Customer's CRM."},
		{"A28-4-flowdown", "Sub-processors", "The Processor imposes the same obligations on its sub-processors and remains fully liable."},
		{"A28-9-written-form", "Signatures", "Signed on 12/03/2025 by both parties."},
		{"A28-3-controller-obligations-rights", "Customer obligations", "The Customer shall give lawful instructions."},
	} {
		for _, blocks := range [][]Block{{{Text: c.head, Heading: 2}, {Text: c.body}}, {{Text: c.head + ": " + c.body}}} {
			if r := level(t, Analyze(Document{Blocks: blocks}), c.el); !r.Level.Counts() {
				t.Errorf("%s under %q: %q reads %s (%s)", c.el, c.head, c.body, r.Level, r.Why.EN)
			}
		}
	}
}

// The sentence shown is the one that decides, not a table-of-contents entry
// or a title-case heading run into the clause.
func TestEvidenceIsTheDecidingSentence(t *testing.T) {
	for _, c := range []struct {
		name, el, want string
		blocks         []Block
	}{
		{"a title-case inline heading", "A28-3-duration", "lasts for the term",
			[]Block{{Text: "- Duration of the Processing. The processing lasts for the term of the Agreement.", Item: true}}},
		{"a table of contents before the section", "A28-3-duration", "lasts for the term",
			[]Block{{Text: "This section includes the following subsections:"}, {Text: "- Duration of the Processing", Item: true}, {Text: "- Security", Item: true},
				{Text: "Duration of the Processing", Heading: 3}, {Text: "The processing lasts for the term of the Agreement."}}},
		{"the record of incidents before the notice", "A28-33-breach-notify", "will notify the customer",
			[]Block{{Text: "The Processor maintains a record of security incidents with their consequences and to whom each was reported. If a data breach affects the customer, the Processor will notify the customer without undue delay."}}},
		{"the expertise to implement measures (Art. 28(1)) before the measures", "A28-3c-security-art32", "in accordance with Article 32",
			[]Block{{Text: "The Processor shall deliver sufficient expertise, reliability and resources for the implementation of appropriate technical and organisational measures."},
				{Text: "The Processor shall assess the risks and take measures in accordance with Article 32 of the GDPR."}}},
		{"the controller's list, then the sub-processors' list, then the processor's help", "A28-3e-data-subject-rights", "Assister dans la réponse",
			[]Block{{Text: "Le Client agit en qualité de responsable de traitement :"}, {Text: "- Gère l'exercice des droits des personnes concernées", Item: true},
				{Text: "Les sous-traitants ultérieurs s'engagent à :"}, {Text: "- Assister le Prestataire en cas d'exercice des droits des personnes concernées", Item: true},
				{Text: "Le Prestataire tient compte des risques pour les droits des personnes concernées."},
				{Text: "Assistance au Client :"}, {Text: "- Assister dans la réponse aux demandes des personnes concernées", Item: true}}},
		{"a pointer to the section below, then the section", "A28-33-breach-notify", "notifies the Customer",
			[]Block{{Text: "All security incidents are subject to the Incident Notification terms below."},
				{Text: "Incident Notification", Heading: 3}, {Text: "If the Processor becomes aware of a personal data breach, it notifies the Customer without undue delay."}}},
		{"a list of clauses in HTML", "A28-3e-data-subject-rights", "notify the controller of any request",
			[]Block{{Text: "These clauses set out safeguards, including enforceable data subject rights."},
				{Text: "The processor shall promptly notify the controller of any request it has received from a data subject.", Item: true}}},
	} {
		r := level(t, Analyze(Document{Blocks: c.blocks}), c.el)
		if !r.Level.Counts() || !strings.Contains(r.Sentence, c.want) {
			t.Errorf("%s: %s = %s from %q, want it from the sentence holding %q", c.name, c.el, r.Level, r.Sentence, c.want)
		}
	}
}
