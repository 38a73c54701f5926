package contracts

import "testing"

// A contract that names the controller with a word of its own ("chaque
// Collectivité … est responsable de traitement") is read with that word as
// the controller; a party the contract also calls the processor is not.
func TestControllerNamedByTheContract(t *testing.T) {
	duty := Block{Text: "La Collectivité s'engage à fournir au Prestataire des instructions licites et documentées."}
	for _, c := range []struct {
		role   string
		counts bool
	}{
		{"Chaque Collectivité utilisatrice est responsable de traitement. Le Prestataire est sous-traitant.", true},
		{"Le Prestataire est sous-traitant.", false},
		{"La Collectivité est responsable de traitement pour ses agents. La Collectivité est sous-traitant pour le reste.", false},
	} {
		r := level(t, Analyze(Document{Blocks: []Block{{Text: c.role}, duty}}), "A28-3-controller-obligations-rights")
		if r.Level.Counts() != c.counts {
			t.Errorf("%q: controller obligations = %s (%s), want counted %v", c.role, r.Level, r.Why.EN, c.counts)
		}
	}
}
