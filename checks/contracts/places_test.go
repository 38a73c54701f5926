package contracts

import (
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

// A country takes its preposition in French (« au Maroc », « en Inde »,
// « aux États-Unis », « à Singapour »), and its name in the report's
// language; one vigie does not know is « dans le pays : X ».
func TestInCountries(t *testing.T) {
	cases := []struct {
		in     []string
		en, fr string
	}{
		{[]string{"Maroc"}, "in Morocco", "au Maroc"},
		{[]string{"India", "US"}, "in India and the United States", "en Inde et aux États-Unis"},
		{[]string{"Singapour", "Philippines", "Tunisie"}, "in Singapore, the Philippines and Tunisia", "à Singapour, aux Philippines et en Tunisie"},
		{[]string{"Atlantis"}, "in Atlantis", "dans le pays : Atlantis"},
	}
	for _, tc := range cases {
		if got := inCountries(tc.in); got.EN != tc.en || got.FR != tc.fr {
			t.Errorf("inCountries(%v) = %+v, want %q / %q", tc.in, got, tc.en, tc.fr)
		}
	}
	if got := countryList([]string{"Irlande", "DE", "Atlantis"}); got.EN != "Ireland, Germany, Atlantis" || got.FR != "Irlande, Allemagne, Atlantis" {
		t.Errorf("countryList = %+v", got)
	}
	for _, list := range [][]Country{eea, adequate, third} {
		for _, c := range list {
			if p, ok := places[c.Code]; !ok || p.en == "" || p.fr == "" || !strings.HasSuffix(p.frIn, p.fr) {
				t.Errorf("%s has no place, or its French names disagree: %+v", c.Code, p)
			}
		}
	}
}

// The inventory's values are shown in the report's language when vigie
// knows them, and the French messages agree with them.
func TestInventoryTextInItsLanguage(t *testing.T) {
	cat := InventoryChecks()
	eval := func(id string, p Processor) check.Text {
		t.Helper()
		p.AsOf, p.Inventory, p.Name, p.Row = *date("2026-06-01"), "inv.csv", "Acme", 2
		c, _ := cat.Lookup(id)
		return c.Evaluate(p).Message
	}
	cases := []struct {
		id     string
		p      Processor
		en, fr string
	}{
		{"CTR-INV-004", Processor{Countries: []string{"Maroc"}}, "processing in Morocco, outside the EEA", "traitement au Maroc, hors EEE"},
		{"CTR-INV-004", Processor{Countries: []string{"Inde", "États-Unis"}, Mechanism: "garanties"}, "processing in India and the United States, outside", "traitement en Inde et aux États-Unis, hors EEE"},
		{"CTR-INV-004", Processor{Countries: []string{"Irlande", "Allemagne"}}, "processed in the EEA only: Ireland, Germany", "traité dans l'EEE uniquement : Irlande, Allemagne"},
		{"CTR-INV-005", Processor{Contracts: []string{"c.pdf"}, DataCategories: []string{"données de santé"}}, "the inventory lists special-category data (health) and no readable contract covers it",
			"l'inventaire liste des données sensibles (santé) et aucun contrat lisible ne les couvre"},
		{"CTR-INV-008", Processor{Contracts: []string{"c.pdf"}, Mechanism: "aucun", Docs: []DocRef{{Path: "c.pdf", Exists: true, Analysis: &Analysis{ThirdCountries: []Mention{{Term: "inde", Location: Location{Paragraph: 9}}}}}}},
			"the contract names a third country: India (c.pdf, § 9)", "le contrat nomme un pays tiers : Inde (c.pdf, § 9)"},
		// one country named twice is one country; two are plural
		{"CTR-INV-008", Processor{Contracts: []string{"c.pdf"}, Mechanism: "aucun", Docs: []DocRef{{Path: "c.pdf", Exists: true, Analysis: &Analysis{ThirdCountries: []Mention{
			{Term: "inde", Location: Location{Paragraph: 2}}, {Term: "india", Location: Location{Paragraph: 5}}}}}}},
			"the contract names a third country: India (c.pdf, § 2); India (c.pdf, § 5)", "le contrat nomme un pays tiers : Inde (c.pdf, § 2) ; Inde (c.pdf, § 5)"},
		{"CTR-INV-008", Processor{Contracts: []string{"c.pdf"}, Mechanism: "aucun", Docs: []DocRef{{Path: "c.pdf", Exists: true, Analysis: &Analysis{ThirdCountries: []Mention{
			{Term: "inde", Location: Location{Paragraph: 2}}, {Term: "maroc", Location: Location{Paragraph: 5}}}}}}},
			"the contract names third countries: India (c.pdf, § 2); Morocco (c.pdf, § 5)", "le contrat nomme des pays tiers : Inde (c.pdf, § 2) ; Maroc (c.pdf, § 5)"},
	}
	for _, tc := range cases {
		got := eval(tc.id, tc.p)
		if !strings.Contains(got.EN, tc.en) || !strings.Contains(got.FR, tc.fr) || strings.Contains(got.FR, "en/au") {
			t.Errorf("%s = %q / %q, want %q / %q", tc.id, got.EN, got.FR, tc.en, tc.fr)
		}
	}
}

// A transfer clause that names a third country and no Chapter V tool is
// quoted with that reason, not "no clause found".
func TestTransferWithoutTool(t *testing.T) {
	for _, text := range []string{"Les données peuvent être transférées en Inde et aux États-Unis.", "Customer data may be hosted in India."} {
		r := level(t, Analyze(doc(text)), "A28-44-transfers")
		if r.Level != Missing || !r.Rejected || r.Sentence == "" || !strings.Contains(r.Why.EN, "no transfer tool") || !strings.Contains(r.Why.FR, "aucun outil de transfert") {
			t.Errorf("%q: %s rejected %v %q", text, r.Level, r.Rejected, r.Why.EN)
		}
	}
}
