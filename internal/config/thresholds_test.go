package config

import (
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

// The two delays the law sets cannot be raised past it; the CNIL's
// retention recommendations can, within a bound.
func TestLeadThresholdsStayWithinTheLaw(t *testing.T) {
	doc := "version: 1\nleads:\n  thresholds: {prospect_years: 10, card_months: 24, notice_days: 365, bloctel_days: 31}\n"
	_, err := Parse("t.yaml", []byte(doc), env(nil))
	if err == nil {
		t.Fatal("no error")
	}
	en, fr := err.Error(), check.InLang(err, check.FR)
	for _, want := range []string{"leads.thresholds.notice_days: must be 0 (the default) to 30, got 365: GDPR Art. 14(3)(a) gives one month at most",
		"leads.thresholds.bloctel_days: must be 0 (the default) to 30, got 31: the Bloctel list must be checked at least every 30 days"} {
		if !strings.Contains(en, want) {
			t.Errorf("want %q in:\n%s", want, en)
		}
	}
	if !strings.Contains(fr, "l'art. 14(3)(a) du RGPD donne un mois au plus") || strings.Contains(en, "prospect_years") || strings.Contains(en, "card_months") {
		t.Errorf("EN:\n%s\nFR:\n%s", en, fr)
	}
}
