package web

import (
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

func TestParsePage(t *testing.T) {
	body := `<html><head><meta http-equiv="Content-Security-Policy" content="upgrade-insecure-requests">
<script src="http://cdn.example.fr/app.js?user=jane@example.fr"></script>
<link rel="stylesheet" href="/site.css"><link rel="icon" href="http://x/fav.ico"></head><body>
<form action="http://shop.example.fr/subscribe" method=post>
  <input type="email" name="contact"><input name="prenom"><input type="tel"><input type="hidden" name="email_hash">
  <input type=checkbox name="optin"></form>
<form><input type="password" name="pw"><input name="q" placeholder="search"></form>
<img src="http://img.example.fr/logo.png"><iframe src="https://video.example.fr/embed"></iframe>
<input type="email" name="newsletter"></body></html>`
	pc := ParsePage([]byte(body), "https://shop.example.fr/page?x=1")
	if len(pc.Forms) != 3 {
		t.Fatalf("forms = %+v", pc.Forms)
	}
	f0 := pc.Forms[0]
	if f0.Action != "http://shop.example.fr/subscribe" || f0.Method != "POST" || f0.Contact != 3 || f0.Password != 0 {
		t.Errorf("form 0 = %+v", f0)
	}
	if f1 := pc.Forms[1]; f1.Password != 1 || f1.Contact != 0 || f1.Action != "https://shop.example.fr/page" {
		t.Errorf("form 1 = %+v (an empty action posts to the page itself, without its query)", f1)
	}
	if pc.Forms[2].Contact != 1 {
		t.Errorf("a field outside any form still counts: %+v", pc.Forms[2])
	}
	var script Resource
	for _, r := range pc.Resources {
		if r.Tag == "script" {
			script = r
		}
		if strings.Contains(r.URL, "fav.ico") {
			t.Errorf("a non-stylesheet <link> was counted: %+v", r)
		}
	}
	if script.URL != "http://cdn.example.fr/app.js" || !script.Active {
		t.Errorf("script = %+v (query strings are dropped: they may hold personal data)", script)
	}
	if len(pc.MetaCSP) != 1 {
		t.Errorf("meta CSP = %v", pc.MetaCSP)
	}
}

func TestParsePageSurvivesGarbage(t *testing.T) {
	for _, body := range []string{"", "\x00\xff\xfe<<<form", "<form action=", strings.Repeat("<form>", 10000), "{\"json\": true}"} {
		ParsePage([]byte(body), "https://x/") // must not panic
	}
	ParsePage([]byte("<form>"), "://bad url")
}

func onPlainHTTP(body string) func(*Evidence) {
	return func(e *Evidence) {
		e.HTTP.Hops = []Hop{{URL: "http://shop.example.fr/", Status: 200}}
		e.HTTP.Body = []byte(body)
	}
}

func onHTTPS(body string, headers ...string) func(*Evidence) {
	return func(e *Evidence) {
		e.HTTPS.Body = []byte(body)
		if len(headers) == 2 {
			e.HTTPS.Headers[headers[0]] = []string{headers[1]}
		}
	}
}

func TestContentChecks(t *testing.T) {
	t.Run("lead form over http", func(t *testing.T) {
		runCases(t, evalLeadForm, []evalCase{
			{"redirected", nil, check.Pass, "no page"},
			{"newsletter", onPlainHTTP(`<form><input type="email" name="email"></form>`), check.Fail, "1 field"},
			{"french contact form", onPlainHTTP(`<form><input name="nom"><input name="prenom"><input name="telephone"></form>`), check.Fail, "3 field"},
			{"search only", onPlainHTTP(`<form><input name="q"><input type="submit"></form>`), check.Pass, "no contact field"},
		})
	})
	t.Run("form action", func(t *testing.T) {
		runCases(t, evalFormAction, []evalCase{
			{"no forms", nil, check.Pass, "no form"},
			{"https action", onHTTPS(`<form action="/login"><input type=password></form>`), check.Pass, "1 form"},
			{"http action", onHTTPS(`<form action="http://crm.example.fr/lead"><input type=email></form>`), check.Fail, "http://crm.example.fr/lead"},
			{"no https", func(e *Evidence) { down(&e.HTTPS, "refused", "refused") }, check.Skipped, ""},
		})
	})
	t.Run("mixed content", func(t *testing.T) {
		runCases(t, evalMixed, []evalCase{
			{"clean", onHTTPS(`<script src="/a.js"></script><img src="https://x/i.png">`), check.Pass, "all 2"},
			{"http script", onHTTPS(`<script src="http://cdn.example.fr/a.js"></script>`), check.Fail, "script http://cdn.example.fr/a.js"},
			{"http stylesheet", onHTTPS(`<link rel="stylesheet" href="http://x/s.css">`), check.Fail, "1 active"},
			{"http image", onHTTPS(`<img src="http://x/i.png">`), check.Warn, "image"},
			{"upgraded by csp header", onHTTPS(`<script src="http://x/a.js"></script>`, "Content-Security-Policy", "upgrade-insecure-requests"), check.Warn, "upgrade"},
			{"upgraded by meta csp", onHTTPS(`<meta http-equiv="content-security-policy" content="block-all-mixed-content"><iframe src="http://x/"></iframe>`), check.Warn, "upgrade"},
		})
	})
}

func TestContentWording(t *testing.T) {
	t.Run("lead form", func(t *testing.T) {
		runWording(t, evalLeadForm, []wordingCase{
			{"one page, one field", onPlainHTTP(`<form><input type="email" name="email"></form>`),
				"http://shop.example.fr/ collects contact details over plain HTTP (1 field: e-mail, phone or name)",
				"http://shop.example.fr/ collecte des coordonnées en HTTP en clair (1 champ : e-mail, téléphone ou nom)"},
			{"two pages, two fields", plainLinked(Form{Contact: 1}, Form{Contact: 1}),
				"http://shop.example.fr/pa, http://shop.example.fr/pb collect contact details over plain HTTP (2 fields: e-mail, phone or name)",
				"http://shop.example.fr/pa, http://shop.example.fr/pb collectent des coordonnées en HTTP en clair (2 champs : e-mail, téléphone ou nom)"},
		})
	})
	t.Run("card form", func(t *testing.T) {
		runWording(t, evalCardForm, []wordingCase{
			{"one field", plainLinked(Form{Card: 1}),
				"payment-card data travels in clear (1 field): http://shop.example.fr/pa",
				"des données de carte de paiement circulent en clair (1 champ) : http://shop.example.fr/pa"},
			{"two fields", plainLinked(Form{Card: 2}),
				"payment-card data travels in clear (2 fields): http://shop.example.fr/pa",
				"des données de carte de paiement circulent en clair (2 champs) : http://shop.example.fr/pa"},
		})
	})
	t.Run("form action", func(t *testing.T) {
		runWording(t, evalFormAction, []wordingCase{
			{"one to http", onHTTPS(`<form action="http://crm.example.fr/a"></form>`),
				"1 form on HTTPS pages posts to plain HTTP: http://crm.example.fr/a",
				"1 formulaire d'une page HTTPS envoie en HTTP : http://crm.example.fr/a"},
			{"two to http", onHTTPS(`<form action="http://crm.example.fr/a"></form><form action="http://crm.example.fr/b"></form>`),
				"2 forms on HTTPS pages post to plain HTTP: http://crm.example.fr/a, http://crm.example.fr/b",
				"2 formulaires de pages HTTPS envoient en HTTP : http://crm.example.fr/a, http://crm.example.fr/b"},
			{"none", func(*Evidence) {}, "no form on HTTPS pages", "aucun formulaire sur les pages HTTPS"},
			{"one to https", onHTTPS(`<form action="/a"></form>`),
				"1 form on HTTPS pages, not posting to plain HTTP", "1 formulaire sur les pages HTTPS, qui n'envoie pas en HTTP"},
			{"two to https", onHTTPS(`<form action="/a"></form><form action="/b"></form>`),
				"2 forms on HTTPS pages, none posting to plain HTTP", "2 formulaires sur les pages HTTPS, aucun n'envoie en HTTP"},
		})
	})
	t.Run("mixed content", func(t *testing.T) {
		csp := []string{"Content-Security-Policy", "upgrade-insecure-requests"}
		runWording(t, evalMixed, []wordingCase{
			{"one active", onHTTPS(`<script src="http://x/a.js"></script>`),
				"1 active resource over plain HTTP: script http://x/a.js", "1 ressource active en HTTP : script http://x/a.js"},
			{"two active", onHTTPS(`<script src="http://x/a.js"></script><script src="http://x/b.js"></script>`),
				"2 active resources over plain HTTP, e.g. script http://x/a.js", "2 ressources actives en HTTP, par ex. script http://x/a.js"},
			{"one upgraded", onHTTPS(`<script src="http://x/a.js"></script>`, csp...),
				"1 resource referenced over plain HTTP; the CSP has browsers upgrade or block it, fix the URL",
				"1 ressource référencée en HTTP ; la CSP fait que les navigateurs la passent en HTTPS ou la bloquent, corrigez l'URL"},
			{"two upgraded", onHTTPS(`<script src="http://x/a.js"></script><img src="http://x/i.png">`, csp...),
				"2 resources referenced over plain HTTP; the CSP has browsers upgrade or block them, fix the URLs",
				"2 ressources référencées en HTTP ; la CSP fait que les navigateurs les passent en HTTPS ou les bloquent, corrigez les URL"},
			{"one image", onHTTPS(`<img src="http://x/i.png">`),
				"1 image or media file over plain HTTP: img http://x/i.png", "1 image ou média en HTTP : img http://x/i.png"},
			{"two images", onHTTPS(`<img src="http://x/i.png"><img src="http://x/j.png">`),
				"2 images or media files over plain HTTP, e.g. img http://x/i.png", "2 images ou médias en HTTP, par ex. img http://x/i.png"},
			{"none", func(*Evidence) {}, "the page loads no sub-resource", "la page ne charge aucune sous-ressource"},
			{"one clean", onHTTPS(`<img src="/i.png">`), "1 sub-resource, loaded over HTTPS", "1 sous-ressource, chargée en HTTPS"},
			{"two clean", onHTTPS(`<img src="/i.png"><img src="/j.png">`), "all 2 sub-resources load over HTTPS", "les 2 sous-ressources se chargent en HTTPS"},
		})
	})
}
