package report

import (
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

func TestNotMetFramesAPassingTitleAsAFailure(t *testing.T) {
	title := check.Text{EN: "No database dump or lead export is downloadable", FR: "Aucun dump de base ni export de prospects n'est téléchargeable"}
	got := NotMet(title)
	if want := "Not met: “No database dump or lead export is downloadable”"; got.EN != want {
		t.Errorf("EN = %q, want %q", got.EN, want)
	}
	if want := "Non respecté : « Aucun dump de base ni export de prospects n'est téléchargeable »"; got.FR != want {
		t.Errorf("FR = %q, want %q", got.FR, want)
	}
}

func TestPartlyMetFramesAWarning(t *testing.T) {
	got := PartlyMet(check.Text{EN: "HSTS is set", FR: "HSTS est activé"})
	if got.EN != "Partly met: “HSTS is set”" || got.FR != "Partiellement respecté : « HSTS est activé »" {
		t.Errorf("got %+v", got)
	}
}
