package check

import "strings"

// sourcesFR are the names French readers know these sources by.
var sourcesFR = map[string]string{
	"GDPR":                "RGPD",
	"European Commission": "Commission européenne",
	"EDPB":                "CEPD",
}

// In is the reference as a reader of l should see it: in French, the
// source's French name, the French title, and EUR-Lex's French text.
func (r Reference) In(l Lang) Reference {
	if l != FR {
		return r
	}
	if r.TitleFR != "" {
		r.Title = r.TitleFR
	}
	if fr, ok := sourcesFR[r.Source]; ok {
		r.Source = fr
	}
	r.URL = eurLexIn(r.URL, "FR")
	r.TitleFR = ""
	return r
}

// eurLexIn points an EUR-Lex link at the text in lang: /legal-content/EN/
// becomes /legal-content/FR/, and an ELI address (/eli/reg/2016/679/oj)
// gets its language suffix (/oj/fra), as EUR-Lex serves them.
func eurLexIn(u, lang string) string {
	const site = "https://eur-lex.europa.eu/"
	if !strings.HasPrefix(u, site) {
		return u
	}
	if strings.Contains(u, "/legal-content/EN/") {
		return strings.Replace(u, "/legal-content/EN/", "/legal-content/"+lang+"/", 1)
	}
	if rest, ok := strings.CutPrefix(u, site+"eli/"); ok && strings.HasSuffix(rest, "/oj") && lang == "FR" {
		return u + "/fra"
	}
	return u
}
