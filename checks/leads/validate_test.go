package leads

import (
	"testing"

	"github.com/nyaruka/phonenumbers"
)

func TestNumbers(t *testing.T) {
	cases := []struct {
		in   string
		want []string // kinds found
	}{
		{"4970 1012 3456 7893", []string{"card"}},
		{"carte 4970-1012-3456-7893 exp 12/27", []string{"card"}},
		{"4970 **** **** 7893", nil},          // masked
		{"order 4970101234567890", nil},       // fails Luhn
		{"0000000000000000", nil},             // no issuer
		{"378282246310005", []string{"card"}}, // Amex
		{"9999 9999 9999 9995", nil},          // Luhn-valid, no issuer
		{"FR76 3000 6000 0112 3456 7890 189", []string{"iban"}},
		{"FR7630006000011234567890189", []string{"iban"}},
		{"FR76 3000 6000 0112 3456 7890 188", nil}, // mod 97 fails
		{"1 85 05 78 006 084 91", []string{"nir"}},
		{"185057800608491", []string{"nir"}},
		{"1 85 05 78 006 084 92", nil},             // wrong key
		{"2 84 12 2A 123 456 47", []string{"nir"}}, // Corsica
		{"2 84 12 2B 123 456 47", nil},             // 2B counts as 18, so another key
		{"+33 6 12 34 56 78 and 2026-01-01", nil},
	}
	var s numberScanner
	for _, c := range cases {
		var got []string
		s.scan(c.in, func(h numberHit) { got = append(got, h.kind) })
		if len(got) != len(c.want) || (len(got) > 0 && got[0] != c.want[0]) {
			t.Errorf("%q: found %v, want %v", c.in, got, c.want)
		}
	}
	// 2B: its own key.
	var got []numberHit
	s.scan("2 84 12 2B 123 456 "+nirKey("2841218123456"), func(h numberHit) { got = append(got, h) })
	if len(got) != 1 || got[0].masked != maskNIR {
		t.Errorf("2B NIR: %v", got)
	}
}

func nirKey(n13 string) string {
	var n int64
	for _, c := range n13 {
		n = n*10 + int64(c-'0')
	}
	k := 97 - n%97
	return string([]byte{byte('0' + k/10), byte('0' + k%10)})
}

func TestMasks(t *testing.T) {
	if got := maskEmail("jean.dupont", "example.com"); got != "j***@e***.com" {
		t.Errorf("email mask %q", got)
	}
	if got := maskPhone(frMobile, "0612345612"); got != "06 ** ** ** 12" {
		t.Errorf("phone mask %q", got)
	}
	if got := maskCard([]byte("4970101234561234")); got != "4970 **** **** 1234" {
		t.Errorf("card mask %q", got)
	}
}

func TestPhone(t *testing.T) {
	cases := map[string]phoneKind{
		"06 12 34 56 78": frMobile, "+33 7 55 44 33 22": frMobile, "0033612345678": frMobile, "+33 (0)6 12 34 56 78": frMobile,
		"01 44 55 66 77": frFixed, "04.72.00.00.01": frFixed, "09 70 12 34 56": frVoIP, "08 99 12 34 56": frBusiness,
		"612345678": frMobile, "33639980601": frMobile, "33144556677": frFixed, "33063998060": notPhone, "+44 20 7946 0958": foreign, "+1 202 555 0143": foreign,
		"12345": notPhone, "jean@x.fr": notPhone, "2026-01-01": notPhone, "": notPhone,
	}
	for in, want := range cases {
		if got, _ := phone(in); got != want {
			t.Errorf("%q: kind %d, want %d", in, got, want)
		}
	}
}

// TestPhoneMatchesLibrary: the fast path for French numbers decides what
// libphonenumber decides.
func TestPhoneMatchesLibrary(t *testing.T) {
	want := map[phoneKind][]phonenumbers.PhoneNumberType{
		frMobile:   {phonenumbers.MOBILE},
		frFixed:    {phonenumbers.FIXED_LINE, phonenumbers.FIXED_LINE_OR_MOBILE},
		frVoIP:     {phonenumbers.VOIP, phonenumbers.FIXED_LINE},
		frBusiness: {phonenumbers.TOLL_FREE, phonenumbers.SHARED_COST, phonenumbers.PREMIUM_RATE, phonenumbers.UAN},
	}
	for _, n := range []string{"0612345678", "0755443322", "0144556677", "0472000001", "0556000000", "0970123456",
		"0800123456", "0899123456", "0810123456", "0388123456", "0299123456"} {
		kind, _ := phone(n)
		num, err := phonenumbers.Parse(n, "FR")
		if err != nil {
			t.Fatal(err)
		}
		lt := phonenumbers.GetNumberType(num)
		ok := false
		for _, w := range want[kind] {
			ok = ok || w == lt
		}
		if !ok {
			t.Errorf("%s: vigie says %d, libphonenumber says %v", n, kind, lt)
		}
	}
}

func TestParseDate(t *testing.T) {
	d := func(y, m, dd int) day { v, _ := civil(y, m, dd); return v }
	cases := []struct {
		in          string
		mdy, serial bool
		want        day
		ok          bool
	}{
		{"2024-03-01", false, false, d(2024, 3, 1), true},
		{"2024-03-01 10:15", false, false, d(2024, 3, 1), true},
		{"2024-03-01T10:15:00Z", false, false, d(2024, 3, 1), true},
		{"01/03/2024", false, false, d(2024, 3, 1), true},
		{"01.03.2024", false, false, d(2024, 3, 1), true},
		{"3/1/2024", true, false, d(2024, 3, 1), true},
		{"01/03/24", false, false, d(2024, 3, 1), true},
		{"1709251200", false, false, d(2024, 3, 1), true},
		{"1709251200000", false, false, d(2024, 3, 1), true},
		{"45352", false, true, d(2024, 3, 1), true},
		{"45352.5", false, true, d(2024, 3, 1), true},
		{"45352", false, false, 0, false},
		{"3 décembre 2025", false, false, d(2025, 12, 3), true},
		{"3 déc. 2025", false, false, d(2025, 12, 3), true},
		{"15 mars 2019", false, false, d(2019, 3, 15), true},
		{"15 MARS 2019 10:22", false, false, d(2019, 3, 15), true},
		{"1 août 2024", false, false, d(2024, 8, 1), true},
		{"31 février 2024", false, false, 0, false},
		{"3 truc 2025", false, false, 0, false},
		{"12 rue de la Paix", false, false, 0, false},
		{"31/02/2024", false, false, 0, false},
		{"hello", false, false, 0, false},
		{"", false, false, 0, false},
	}
	for _, c := range cases {
		got, ok := parseDate(c.in, c.mdy, c.serial)
		if ok != c.ok || got != c.want {
			t.Errorf("%q: %d %v, want %d %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestTruth(t *testing.T) {
	for in, want := range map[string]tri{"Oui": yes, "TRUE": yes, "1": yes, "Marketing contact": yes, "2024-03-01": yes,
		"non": no, "false": no, "0": no, "Non-marketing contact": no, "": unknown, "peut-être": unknown} {
		if got := truth(in); got != want {
			t.Errorf("%q: %d, want %d", in, got, want)
		}
	}
}

func TestPasswordKind(t *testing.T) {
	for in, want := range map[string]string{
		"$2b$12$abcdefghijklmnopqrstuv": "slow", "$argon2id$v=19$m=65536": "slow", "pbkdf2_sha256$600000$x$y": "slow",
		"5f4dcc3b5aa765d61d8327deb882cf99": "fast", "5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8": "fast", "azerty123": "plain",
	} {
		if got := passwordKind(in); got != want {
			t.Errorf("%q: %s, want %s", in, got, want)
		}
	}
}

func TestNotes(t *testing.T) {
	cases := map[string][]Category{
		"Elle est diabétique, rappeler après la chimio":     {Health},
		"Works at Cancer Research Foundation, wants a demo": nil,
		"Bénévole à la Ligue contre le Cancer":              nil,
		"Cancer du sein diagnostiqué en mars":               {Health},
		"a commandé une enceinte bluetooth":                 nil,
		"enceinte de 6 mois":                                {Health}, "livrer les enceintes de la salle": nil,
		"elle est enceinte, rappeler en juin":          {Health},
		"délégué CGT, très militant":                   {Politics},
		"cgt logistique":                               nil,
		"catholique pratiquante":                       {Religion},
		"Institut Catholique de Paris, service achats": nil,
		"he is gay and a Muslim":                       {Orientation, Religion},
		"client au chômage, en instance de divorce":    {Subjective},
		"a pété un plomb au téléphone":                 {Subjective},
		"RAS, rappeler lundi":                          nil,
		// Insults, folded and whole words only.
		"quel imbécile ne rappelle jamais": {Subjective},
		"IMBECILE":                         {Subjective},
		"crétin":                           {Subjective},
		"une vraie crétine":                {Subjective},
		"complètement naze":                {Subjective},
		"un bouffon":                       {Subjective},
		"pauvre type, raccroche toujours":  {Subjective},
		"dumb as a rock":                   {Subjective},
		"idiotic questions":                {Subjective},
		"what a fool":                      {Subjective},
		"wants a foolproof setup":          nil,
		"Nazeem Ltd, rappeler":             nil,
		"crétinisme congénital":            nil, // another word
		"un pauvre typographe":             nil,
		"bouffonnerie du salon, stand 4":   nil,
		"origine maghrébine":               {Ethnic},
	}
	var s noteScanner
	for in, want := range cases {
		var got []Category
		s.scan(in, func(c Category) { got = append(got, c) })
		if len(got) != len(want) {
			t.Errorf("%q: %v, want %v", in, got, want)
			continue
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%q: %v, want %v", in, got, want)
			}
		}
	}
}
