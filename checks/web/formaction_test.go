package web

import (
	"slices"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

// A submit button's formaction replaces the form's action when pressed
// (HTML form submission): a form posting to http:// through a button must
// not pass because its own action is https.
func TestParsePageFormaction(t *testing.T) {
	page := "https://shop.example.fr/login"
	for _, tc := range []struct {
		name, body string
		want       [][]string // Submits of each form
	}{
		{"button", `<form action="/login"><input type=password><button formaction="http://crm.example.fr/login">Go</button></form>`,
			[][]string{{"http://crm.example.fr/login"}}},
		{"input submit and image", `<form><input type=submit formaction="http://a.example.fr/"><input type=image formaction="/img"></form>`,
			[][]string{{"http://a.example.fr/", "https://shop.example.fr/img"}}},
		{"empty formaction is the page", `<form action="http://x/"><button formaction="">Go</button></form>`, [][]string{{"https://shop.example.fr/login"}}},
		{"reset and plain buttons submit nothing", `<form><button type=reset formaction="http://x/"></button><button type="BUTTON" formaction="http://y/"></button></form>`,
			[][]string{nil}},
		{"button without formaction", `<form action="/a"><button>Go</button></form>`, [][]string{nil}},
		{"form attribute, before and after", `<button form="f2" formaction="http://x/early">A</button><form id="f1"></form><form id="f2"></form><input type=submit form="f1" formaction="http://x/late">`,
			[][]string{{"http://x/late"}, {"http://x/early"}}},
		{"form attribute naming no form", `<form id="f"><button form="nope" formaction="http://x/">A</button><button form="" formaction="http://y/">B</button></form>`,
			[][]string{nil}},
		{"button outside any form", `<button formaction="http://x/">A</button><input type=submit formaction="http://y/">`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pc := ParsePage([]byte(tc.body), page)
			var got [][]string
			for _, f := range pc.Forms {
				got = append(got, f.Submits)
			}
			if !slices.EqualFunc(got, tc.want, func(a, b []string) bool { return slices.Equal(a, b) }) {
				t.Errorf("submits = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestFormactionVerdicts(t *testing.T) {
	trial := `<form action="/login" method="post"><input type="email" name="email"><input type="password" name="pw"><button formaction="http://127.0.0.1:18083/login">Go</button></form>`
	t.Run("form action", func(t *testing.T) {
		runCases(t, evalFormAction, []evalCase{
			{"button formaction to http", onHTTPS(trial), check.Fail, "http://127.0.0.1:18083/login (formaction)"},
			{"input formaction to http", onHTTPS(`<form action="/a"><input type=submit formaction="http://crm.example.fr/a"></form>`), check.Fail, "1 form"},
			{"formaction to https", onHTTPS(`<form action="/a"><button formaction="https://crm.example.fr/a">Go</button></form>`), check.Pass, "1 form"},
			{"linked page", secureLinked(Form{Action: "https://shop.example.fr/a", Submits: []string{"http://crm.example.fr/a"}}), check.Fail, "http://crm.example.fr/a (formaction)"},
		})
	})
	t.Run("card form", func(t *testing.T) {
		runCases(t, evalCardForm, []evalCase{
			{"card posted through formaction", onHTTPS(`<form action="/pay"><input name="cardnumber"><button formaction="http://pay.example.fr/">Pay</button></form>`),
				check.Fail, "https://shop.example.fr/ → http://pay.example.fr/ (formaction)"},
			{"card posted over https", onHTTPS(`<form action="/pay"><input name="cardnumber"><button formaction="https://pay.example.fr/">Pay</button></form>`),
				check.Pass, ""},
		})
	})
	runWording(t, evalFormAction, []wordingCase{
		{"action and formaction of one form", onHTTPS(`<form action="http://crm.example.fr/a"><button formaction="http://crm.example.fr/b">Go</button></form>`),
			"1 form on HTTPS pages posts to plain HTTP: http://crm.example.fr/a, http://crm.example.fr/b (formaction)",
			"1 formulaire d'une page HTTPS envoie en HTTP : http://crm.example.fr/a, http://crm.example.fr/b (formaction)"},
	})
}

func secureLinked(forms ...Form) func(*Evidence) {
	return func(e *Evidence) {
		for i, f := range forms {
			e.Pages = append(e.Pages, LinkedPage{URL: "https://shop.example.fr/p" + string(rune('a'+i)), Status: 200, Forms: []Form{f}})
		}
	}
}
