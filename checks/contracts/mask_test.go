package contracts

import (
	"strings"
	"testing"
)

// Quotes hide a signatory's identity-document numbers and street
// address, as they hide e-mails and phones; clause numbers, delays and
// counts stay.
func TestMaskIdentityAndAddress(t *testing.T) {
	cases := []struct{ in, want string }{
		{"2. Signed in Paris on 3 March 2025 by Jean Martin, CEO, passport no. 19AB12345, home address 12 rue des Lilas, 75011 Paris.",
			"2. Signed in Paris on 3 March 2025 by Jean Martin, CEO, passport no. [id], home address [address]."},
		{"Numéro de sécurité sociale : 1 85 05 78 006 084 36, carte d'identité n° 880692310285.",
			"Numéro de sécurité sociale : [id], carte d'identité n° [id]."},
		{"NIR 185057800608436, at 221B Baker Street, London NW1 6XE.", "NIR [id], at [address]."},
		{"Signé par M. Durand, 5 bis avenue de la République, 69003 Lyon, le 2 mars 2025.", "Signé par M. Durand, [address], le 2 mars 2025."},
		{"Domicilié 12, rue du Faubourg Saint-Honoré 75008 Paris.", "Domicilié [address]."},
		{"The Processor notifies within 24 hours; clause 12 of the passport policy; passport no. 12.", ""},
		{"Clause 7 Place of performance: within 30 days, under Article 28.", ""},
		{"Le sous-traitant notifie dans les 48 heures et conserve 3 copies.", ""},
		{"Home address: 12 rue des Lilas, Paris, since 2020.", "Home address: [address], since 2020."},
		{"Served at 10 Downing Street, London.", "Served at [address]."},
		// a number after a reference is the reference's, and a street word
		// needs a postcode or a city to make an address
		{"Article 5 Place des données : les données sont hébergées en France.", ""},
		{"Le Prestataire applique l'article 12, cours de formation du personnel inclus.", ""},
		{"See Annex 3 Google Drive and Slack for the sub-processors.", ""},
		{"Disputes go to the courts under Clause 18 Irish High Court rules.", ""},
		{"Section 3 Data Subject Requests Close", ""},
		{"Article 5 Place des Données, Paris et Lyon.", ""},
		{"Annex 3 Google Drive, Slack and Zoom.", ""},
		{"As required by § 12 rue de la Paix, 75002 Paris must be the seat.", ""},
		// an identity number has the document's shape, not a regulation's
		{"Passport 2016/679 of the data subjects.", ""},
		{"Passport 2016-679 of the data subjects.", ""},
		{"passport no. 1234 of the register.", ""},
		// the French ID card of 2021: nine letters and digits, after an ID card only
		{"Carte d'identité n° XKRTB1PF4, délivrée en 2023.", "Carte d'identité n° [id], délivrée en 2023."},
		{"CNI X4RTBPFW4 ; identity card no. X4RTBPFW4; ID card: XKRTB1PF4.", "CNI [id] ; identity card no. [id]; ID card: [id]."},
		{"Reference X4RTBPFW4 of the order; passport no. XKRTB1PF4.", ""},
		{"The identity card verification procedure applies.", ""},
	}
	for _, tc := range cases {
		want := tc.want
		if want == "" {
			want = tc.in
		}
		if got := Mask(tc.in); got != want {
			t.Errorf("Mask(%q)\n = %q\nwant %q", tc.in, got, want)
		}
	}
}

// The evidence of a finding is masked: the trial's signature clause.
func TestSignatureQuoteMasked(t *testing.T) {
	r := level(t, Analyze(doc("Signed in Paris on 3 March 2025 by Jean Martin, CEO, passport no. 19AB12345, home address 12 rue des Lilas, 75011 Paris.")), "A28-9-written-form")
	if strings.Contains(r.Sentence, "19AB12345") || strings.Contains(r.Sentence, "Lilas") || !strings.Contains(r.Sentence, "[id]") {
		t.Errorf("quote %q shows the passport or the address", r.Sentence)
	}
}

// An identity-card cue at the start of a sentence or after a bracket still
// gates the mask (it was looked for after a space only).
func TestMaskIDCueAtTheStart(t *testing.T) {
	for _, s := range []string{"CNI X4RTBPFW4, délivrée en 2023.", "Signataire (cni XKRTB1PF4)."} {
		if got := Mask(s); strings.Contains(got, "X4RTBPFW4") || strings.Contains(got, "XKRTB1PF4") {
			t.Errorf("Mask(%q) = %q", s, got)
		}
	}
}
