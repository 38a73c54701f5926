package check

import "testing"

func TestReferenceIn(t *testing.T) {
	gdpr := Reference{Source: "GDPR", Title: "Article 32: security of processing", TitleFR: "Article 32 : sécurité du traitement",
		URL: "https://eur-lex.europa.eu/eli/reg/2016/679/oj"}
	if got := gdpr.In(EN); got != gdpr {
		t.Errorf("in English the reference is unchanged: %+v", got)
	}
	fr := gdpr.In(FR)
	if fr.Source != "RGPD" || fr.Title != gdpr.TitleFR || fr.URL != "https://eur-lex.europa.eu/eli/reg/2016/679/oj/fra" {
		t.Errorf("in French: %+v", fr)
	}
	celex := Reference{Source: "GDPR", Title: "Regulation (EU) 2016/679", URL: "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32016R0679#d1e3230-1-1"}
	if got := celex.In(FR).URL; got != "https://eur-lex.europa.eu/legal-content/FR/TXT/?uri=CELEX:32016R0679#d1e3230-1-1" {
		t.Errorf("CELEX link in French: %s", got)
	}
	rfc := Reference{Source: "IETF", Title: "RFC 6797: HTTP Strict Transport Security (HSTS)", URL: "https://www.rfc-editor.org/rfc/rfc6797"}
	if got := rfc.In(FR); got != rfc {
		t.Errorf("a standard known by its English title keeps it: %+v", got)
	}
}

func TestDecimal(t *testing.T) {
	if got := Decimal(FR, 79.56, 1); got != "79,6" {
		t.Errorf("FR: %s", got)
	}
	if got := Decimal(EN, -7.6, 1); got != "-7.6" {
		t.Errorf("EN: %s", got)
	}
}
