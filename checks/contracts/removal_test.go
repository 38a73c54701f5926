package contracts

import (
	"strings"
	"testing"
)

// The clauses of trial 2 that name a duty only to take it away are
// missing, with the reason; their positive counterparts still count.
func TestRemovedObligations(t *testing.T) {
	cases := []struct {
		name, text, element string
		removed             bool // missing because the clause removes the duty; otherwise it counts
	}{
		{"breach notice not required", "The Processor shall not be required to notify the Customer of any personal data breach.", "A28-33-breach-notify", true},
		{"breach notice given", "The Processor shall notify the Customer of any personal data breach without undue delay.", "A28-33-breach-notify", false},
		{"breach notice not owed (fr)", "Le Prestataire n'est pas tenu de notifier au Client les violations de données à caractère personnel.", "A28-33-breach-notify", true},
		{"breach notice owed (fr)", "Le Prestataire notifie au Client toute violation de données à caractère personnel dans les meilleurs délais.", "A28-33-breach-notify", false},
		{"breach notice not given", "The Processor does not notify the Customer of personal data breaches.", "A28-33-breach-notify", true},
		{"not bound by confidentiality", "Persons authorised to process the personal data are not bound by any confidentiality obligation.", "A28-3b-confidentiality", true},
		{"bound by confidentiality", "Persons authorised to process the personal data are bound by confidentiality.", "A28-3b-confidentiality", false},
		{"no confidentiality (fr)", "Les personnes autorisées à traiter les données ne sont soumises à aucune obligation de confidentialité.", "A28-3b-confidentiality", true},
		{"confidentiality (fr)", "Les personnes autorisées à traiter les données sont soumises à une obligation de confidentialité.", "A28-3b-confidentiality", false},
		{"no help with requests", "The Processor is not obliged to assist the Customer with data subject requests.", "A28-3e-data-subject-rights", true},
		{"help with requests", "The Processor shall assist the Customer with data subject requests.", "A28-3e-data-subject-rights", false},
		{"no help with requests (fr)", "Le Prestataire n'est pas tenu d'aider le Client à répondre aux demandes d'exercice des droits des personnes concernées.", "A28-3e-data-subject-rights", true},
		{"no security measures", "The Processor does not implement any particular technical or organisational security measures.", "A28-3c-security-art32", true},
		{"security measures", "The Processor implements appropriate technical and organisational security measures.", "A28-3c-security-art32", false},
		{"no security measures (fr)", "Le Prestataire ne met pas en œuvre de mesures de sécurité particulières.", "A28-3c-security-art32", true},
		{"sub-processors without authorisation", "The Processor may engage sub-processors without the Customer's prior authorisation.", "A28-3d-subprocessors", true},
		{"sub-processors without authorisation (fr)", "Le Prestataire peut recourir à tout sous-traitant ultérieur de son choix sans autorisation préalable du Client.", "A28-3d-subprocessors", true},
		{"sub-processors not without authorisation", "The Processor shall not engage a sub-processor without the Customer's prior written authorisation.", "A28-3d-subprocessors", false},
		{"sub-processors only with authorisation (fr)", "Aucun sous-traitant ultérieur ne peut être recruté sans l'autorisation écrite préalable du Client.", "A28-3d-subprocessors", false},
		{"no sub-processor without authorisation", "No sub-processor may be engaged without the Controller's prior written authorisation.", "A28-3d-subprocessors", false},
		{"under no circumstances without authorisation", "Under no circumstances may the Processor engage a sub-processor without the Controller's prior written authorisation.", "A28-3d-subprocessors", false},
		{"cannot engage without authorisation (fr)", "Le Sous-traitant ne peut recruter un sous-traitant ultérieur sans l'autorisation écrite préalable du Responsable.", "A28-3d-subprocessors", false},
		{"waiver refused", "The Customer does not waive its right to be notified of any personal data breach, and the Processor shall notify it within 24 hours.", "A28-33-breach-notify", false},
		{"waiver refused (fr)", "Le Client ne renonce pas à être informé de toute violation de données à caractère personnel, que le Sous-traitant lui notifie dans les 24 heures.", "A28-33-breach-notify", false},
		{"in no case without authorisation (fr)", "En aucun cas le Sous-traitant ne peut recourir à un sous-traitant ultérieur sans l'autorisation écrite préalable du Responsable.", "A28-3d-subprocessors", false},
		{"not only on instructions (fr)", "Le Prestataire ne traite pas les données uniquement sur instruction documentée du Client ; il peut les utiliser pour ses propres finalités.", "A28-3a-instructions", true},
		{"only on instructions (fr)", "Le Prestataire ne traite les données que sur instruction documentée du Client.", "A28-3a-instructions", false},
		{"no help with DPIAs", "The Processor is under no obligation to assist the Customer with data protection impact assessments.", "A28-3f-assist-32-36", true},
		// an exemption, a passive "not required", no commitment
		{"exempt from the breach notice", "The Supplier is exempt from notifying the Customer of any security incident affecting personal data.", "A28-33-breach-notify", true},
		{"exempt from the breach notice (fr)", "Le Fournisseur est dispensé de notifier au Client les incidents de sécurité touchant des données personnelles.", "A28-33-breach-notify", true},
		{"breach notice not required (passive)", "Notice of security incidents affecting personal data to the Customer is not required.", "A28-33-breach-notify", true},
		{"breach notice not required (passive, fr)", "La notification au Client des incidents de sécurité touchant des données personnelles n'est pas requise.", "A28-33-breach-notify", true},
		{"no breach notice is required", "No notification of security incidents to the Customer is required.", "A28-33-breach-notify", true},
		{"passive, then a condition", "Notice of a security incident to the Customer is not required where the incident is unlikely to affect personal data.", "A28-33-breach-notify", false},
		{"passive, under the agreement", "Notice of security incidents affecting personal data to the Customer is not required under this Agreement.", "A28-33-breach-notify", true},
		{"passive, a limit on the contents", "Notice of a security incident to the Customer is not required to include information that is not yet available.", "A28-33-breach-notify", false},
		{"passive, a limit on the scope", "Notice to the Customer of security incidents is not required for unsuccessful log-in attempts.", "A28-33-breach-notify", false},
		{"passive carve-out after the duty", "The Supplier shall notify the Customer of any security incident; notice of unsuccessful log-in attempts is not required.", "A28-33-breach-notify", false},
		{"no commitment on security", "The Supplier gives no commitment as to the technical and organisational measures protecting the data.", "A28-3c-security-art32", true},
		{"no commitment on security (fr)", "Le Fournisseur ne prend aucun engagement quant aux mesures techniques et organisationnelles protégeant les données.", "A28-3c-security-art32", true},
		{"relieved of the security duty", "The Supplier is relieved of any obligation to implement security measures for the hosted data.", "A28-3c-security-art32", true},
		{"exempt from liability, not from the notice", "The Supplier is exempt from liability for any security incident it notified to the Customer within 24 hours.", "A28-33-breach-notify", false},
		{"not responsible for the incidents, notifies them", "The Supplier is not responsible for security incidents caused by the Customer and notifies the Customer of any incident affecting personal data.", "A28-33-breach-notify", false},
		{"not relieved of the notice", "The Supplier shall not be relieved of its obligation to notify the Customer of any security incident affecting personal data.", "A28-33-breach-notify", false},
		{"not relieved of any notice", "The Supplier is not relieved of any obligation to notify the Customer of security incidents affecting personal data.", "A28-33-breach-notify", false},
		{"not exempt from the notice (fr)", "Le recours à un tiers ne dispense pas le Fournisseur de notifier au Client les incidents de sécurité touchant des données personnelles.", "A28-33-breach-notify", false},
		{"no authorisation needed for the listed ones", "The Customer authorises the sub-processors listed in Annex 3 by signing; a further authorisation is not required for the engagement of those sub-processors.", "A28-3d-subprocessors", false},
		{"not merely notified", "The Supplier does not merely notify the Customer of security incidents: it also assists it in responding to them.", "A28-33-breach-notify", false},
		{"not merely notified (fr)", "Le Fournisseur ne se contente pas de notifier au Client les incidents de sécurité : il l'aide aussi à y répondre.", "A28-33-breach-notify", false},
		{"a separate undertaking not required", "Persons authorised to process the data are bound by confidentiality; a separate confidentiality agreement is not required.", "A28-3b-confidentiality", false},
		// the negation is a limit or a prohibition, not a removal
		{"not without delay", "The Processor shall not unreasonably delay notifying the Customer of a personal data breach.", "A28-33-breach-notify", false},
		{"carve-out after the duty", "The Processor shall notify the Customer of any personal data breach, but is not required to notify unsuccessful attempts such as pings.", "A28-33-breach-notify", false},
		{"the controller's duty, then the processor's removed", "The Customer shall notify the Processor of any change to its contacts, and the Processor shall not be required to notify the Customer of any personal data breach.", "A28-33-breach-notify", true},
		{"the controller's freedom", "The Customer is not required to notify the Processor of its own data breaches, and the Processor notifies the Customer of any personal data breach.", "A28-33-breach-notify", false},
		{"scope of a section", "The security measures of this section do not apply to data the Customer stores outside the Services.", "A28-3c-security-art32", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := level(t, Analyze(doc(tc.text)), tc.element)
			removed := r.Level == Missing && r.Rejected && strings.HasPrefix(r.Why.EN, "the clause removes the obligation") && strings.HasPrefix(r.Why.FR, "la clause supprime l'obligation")
			if removed != tc.removed || !tc.removed && r.Level == Missing {
				t.Errorf("%s = %s (rejected %v, %q), want removed %v", tc.element, r.Level, r.Rejected, r.Why.EN, tc.removed)
			}
		})
	}
}

// A sentence that sets the duty and then limits it ("… and shall not take
// any action that would compromise …", « … et n'informe pas directement les
// personnes concernées ») keeps the level it has without the limit: the
// negation after the duty is a carve-out, not a removal.
func TestDutyThenCarveOut(t *testing.T) {
	cases := []struct {
		name, text, element string
		want                Level
	}{
		{"security, no compromising action", "The Processor shall implement appropriate technical and organisational measures to ensure a level of security appropriate to the risk, and shall not take any action that would compromise the security of the Personal Data.", "A28-3c-security-art32", Restated},
		{"security, no additional measures", "The Processor shall implement and maintain the technical and organisational security measures set out in Annex II and is not required to implement any additional measures.", "A28-3c-security-art32", Specific},
		{"security, no compromising action (fr)", "Le Sous-traitant met en œuvre les mesures techniques et organisationnelles appropriées et ne prend aucune mesure susceptible de compromettre la sécurité des données.", "A28-3c-security-art32", Present},
		{"breach, not the data subjects directly", "The Processor shall notify the Controller of any Personal Data Breach within 48 hours and will not notify the data subjects directly.", "A28-33-breach-notify", Specific},
		{"breach, not the data subjects directly (fr)", "Le Sous-traitant notifie au Responsable toute violation de données à caractère personnel dans un délai maximum de 48 heures et n'informe pas directement les personnes concernées.", "A28-33-breach-notify", Specific},
		{"requests, not the unfounded ones", "The Processor shall assist the Controller in responding to data subject requests, and shall not be required to assist with requests that are manifestly unfounded.", "A28-3e-data-subject-rights", Present},
		// the same duty, then a negation with no limit word: the order alone makes it a carve-out
		{"security, then an action it does not take", "The Processor shall implement appropriate technical and organisational security measures and does not take any other measure.", "A28-3c-security-art32", Present},
		{"requests, then a kind it does not help with (fr)", "Le Sous-traitant aide le Responsable à répondre aux demandes d'exercice des droits des personnes concernées et n'aide pas pour les demandes orales.", "A28-3e-data-subject-rights", Present},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := level(t, Analyze(doc(tc.text)), tc.element)
			if r.Level != tc.want || r.Rejected {
				t.Errorf("%s = %s (rejected %v, %q), want %s", tc.element, r.Level, r.Rejected, r.Why.EN, tc.want)
			}
		})
	}
}

// A breach clause is specific for its contents only when it names what
// Art. 33(3) asks for, not because a DPO and an address are in brackets.
func TestBreachContents(t *testing.T) {
	cases := []struct {
		name, text string
		contents   bool
	}{
		{"DPO named as the recipient", "The Processor notifies the Customer's DPO, Jeanne Dupuis (jeanne.dupuis@acme-client.fr, +33 6 39 98 12 34), of any personal data breach without undue delay.", false},
		{"contact@ address", "The Processor informs the Customer of any personal data breach by writing to contact@example.com.", false},
		{"the Art. 33(3) items", "The Processor notifies the Customer of any personal data breach, describing the nature of the breach, the categories and approximate number of data subjects concerned, the likely consequences and the measures taken.", true},
		{"the DPO's contact details", "The notice of a personal data breach gives the name and contact details of the data protection officer.", true},
		{"the items (fr)", "Le Prestataire notifie au Client toute violation de données en précisant la nature de la violation et les conséquences probables.", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := level(t, Analyze(doc(tc.text)), "A28-33-breach-notify")
			got := strings.Contains(r.Why.EN, "Art. 33(3)")
			if got != tc.contents || r.Level < Present {
				t.Errorf("breach-notify = %s (%q), want contents %v", r.Level, r.Why.EN, tc.contents)
			}
		})
	}
}

// What follows a breach clause in its section (the list of what the
// notice holds) makes it specific.
func TestBreachContentsInItsSection(t *testing.T) {
	d := Document{Blocks: []Block{
		{Text: "5. Data breach", Heading: 2},
		{Text: "5.1 The Processor shall notify the Customer of any personal data breach without undue delay."},
		{Text: "5.2 The notification of the breach shall describe the nature of the breach and the likely consequences."},
	}}
	r := level(t, Analyze(d), "A28-33-breach-notify")
	if r.Level != Specific || !strings.Contains(r.Why.EN, "Art. 33(3)") {
		t.Errorf("breach-notify = %s (%q), want specific for its contents", r.Level, r.Why.EN)
	}
}

// A notice of the processor's to another recipient than the controller
// (its insurer, its staff, the police, the data subjects, the authority) is not the notice Art. 33(2) asks
// for; the controller named as one of the recipients still counts.
func TestNoticeToAnotherRecipient(t *testing.T) {
	cases := []struct {
		name, text, element string
		counts              bool
	}{
		{"its insurer", "The Supplier shall notify its insurer of any security incident affecting personal data.", "A28-33-breach-notify", false},
		{"its insurer (fr)", "Le Fournisseur notifie à son assureur tout incident de sécurité touchant des données personnelles.", "A28-33-breach-notify", false},
		{"its staff (fr)", "Le Fournisseur informe ses équipes de tout incident de sécurité touchant des données personnelles.", "A28-33-breach-notify", false},
		{"the police", "The Supplier shall report any security incident affecting personal data to the police.", "A28-33-breach-notify", false},
		{"its insurer, with a deadline", "The Supplier shall notify its insurer of any security incident affecting personal data within 24 hours.", "A28-33-breach-deadline", false},
		{"the data subjects", "The Supplier shall notify the affected data subjects of any security incident affecting personal data.", "A28-33-breach-notify", false},
		{"the authority (fr)", "Le Fournisseur notifie à la CNIL tout incident de sécurité touchant des données personnelles.", "A28-33-breach-notify", false},
		{"the data subjects (fr)", "Le Fournisseur informe les personnes concernées de tout incident de sécurité touchant des données personnelles.", "A28-33-breach-notify", false},
		{"the authority, with a deadline", "The Supplier shall notify the supervisory authority of any security incident affecting personal data within 24 hours.", "A28-33-breach-deadline", false},
		{"the sub-processors", "The Supplier shall notify the relevant sub-processors of any security incident affecting personal data.", "A28-33-breach-notify", false},
		{"the customer, then the authority", "The Supplier shall notify the Customer of any security incident affecting personal data, so that the Customer can notify the supervisory authority.", "A28-33-breach-notify", true},
		{"the customer and its insurer", "The Supplier shall notify the Customer and its insurer of any security incident affecting personal data.", "A28-33-breach-notify", true},
		{"its insurer and the customer", "The Supplier shall notify its insurer and the Customer of any security incident affecting personal data.", "A28-33-breach-notify", true},
		{"its contact at the customer", "The Supplier shall notify its contact at the Customer of any security incident affecting personal data.", "A28-33-breach-notify", true},
		{"its customers", "The Supplier shall notify its affected customers of any security incident affecting personal data.", "A28-33-breach-notify", true},
		{"its contact at the client (fr)", "Le Fournisseur informe son interlocuteur chez le Client de tout incident de sécurité touchant des données personnelles.", "A28-33-breach-notify", true},
		{"its customer", "The Supplier shall notify its Customer of any security incident affecting personal data.", "A28-33-breach-notify", true},
		{"its client (fr)", "Le Fournisseur notifie à son Client tout incident de sécurité touchant des données personnelles.", "A28-33-breach-notify", true},
		{"the customer, with a deadline", "The Supplier shall notify the Customer of any security incident affecting personal data within 24 hours.", "A28-33-breach-deadline", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := level(t, Analyze(doc(tc.text)), tc.element)
			if r.Level.Counts() != tc.counts || !tc.counts && !strings.Contains(r.Why.EN, "other than the controller") {
				t.Errorf("%s = %s (rejected %v, %q), want counts %v", tc.element, r.Level, r.Rejected, r.Why.EN, tc.counts)
			}
		})
	}
}

// Other ways of taking a duty away, in both languages.
func TestRemovedObligationsOtherWords(t *testing.T) {
	cases := []struct{ text, element string }{
		{"The Processor has no obligation to notify the Customer of personal data breaches.", "A28-33-breach-notify"},
		{"Le sous-traitant n'a aucune obligation de notifier au client les violations de données.", "A28-33-breach-notify"},
		{"The Customer waives its right to be notified of personal data breaches.", "A28-33-breach-notify"},
		{"Le Client renonce à être informé des violations de données à caractère personnel.", "A28-33-breach-notify"},
		{"Staff with access to the data are not subject to any duty of confidentiality.", "A28-3b-confidentiality"},
		{"The Processor will not assist the Customer with data subject requests.", "A28-3e-data-subject-rights"},
		{"Le sous-traitant n'aide pas le responsable à répondre aux demandes d'exercice des droits des personnes concernées.", "A28-3e-data-subject-rights"},
		{"The Processor is not required to obtain the Customer's authorisation before engaging a sub-processor.", "A28-3d-subprocessors"},
		{"Le Fournisseur est exempté de notifier au Client les incidents de sécurité touchant des données personnelles.", "A28-33-breach-notify"},
		{"The Supplier is not responsible for notifying the Customer of security incidents affecting personal data.", "A28-33-breach-notify"},
		{"Le Fournisseur n'est pas responsable de la notification au Client des incidents de sécurité touchant des données personnelles.", "A28-33-breach-notify"},
		{"The Supplier bears no responsibility for implementing security measures for the hosted data.", "A28-3c-security-art32"},
		{"Le Fournisseur n'a aucune obligation d'information envers le Client en cas d'incident de sécurité touchant des données personnelles.", "A28-33-breach-notify"},
		{"The Supplier is exempt from the obligations of Article 32 GDPR.", "A28-3c-security-art32"},
		{"La mise en place de mesures de sécurité par le Fournisseur n'est pas obligatoire.", "A28-3c-security-art32"},
		{"L'aide du Fournisseur pour répondre aux demandes d'exercice des droits des personnes concernées n'est pas due.", "A28-3e-data-subject-rights"},
		{"Prior authorisation of the Customer is not required for the engagement of sub-processors.", "A28-3d-subprocessors"},
		{"The Customer's consent is not needed before the Supplier engages a sub-processor.", "A28-3d-subprocessors"},
		{"L'autorisation du Client n'est pas requise pour recourir à un sous-traitant ultérieur.", "A28-3d-subprocessors"},
		{"Le Fournisseur est dispensé des obligations de l'article 32 du RGPD.", "A28-3c-security-art32"},
		{"Le Fournisseur ne s'engage pas à notifier au Client les incidents de sécurité touchant des données personnelles.", "A28-33-breach-notify"},
		{"Le Fournisseur ne se charge pas de notifier au Client les incidents de sécurité touchant des données personnelles.", "A28-33-breach-notify"},
	}
	for _, tc := range cases {
		r := level(t, Analyze(doc(tc.text)), tc.element)
		if r.Level != Missing || !r.Rejected || !strings.HasPrefix(r.Why.EN, "the clause removes the obligation") {
			t.Errorf("%q: %s = %s (rejected %v, %q), want removed", tc.text, tc.element, r.Level, r.Rejected, r.Why.EN)
		}
	}
}
