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
