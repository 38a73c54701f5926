package web

import (
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

// A Referrer-Policy set in the page applies (HTML "referrer" metadata name,
// Referrer Policy §4.2) and the Observatory reads it, the page's value
// winning over the header's (httpobs referrer_policy).
func TestReferrerFromMetaTag(t *testing.T) {
	named := func(v string) func(*Evidence) {
		return onHTTPS(`<html><head><meta name="referrer" content="` + v + `"></head></html>`)
	}
	equiv := func(v string) func(*Evidence) { return onHTTPS(metaTag("Referrer-Policy", v)) }
	header := func(v string) func(*Evidence) { return withHeaders("Referrer-Policy", v) }
	runCases(t, evalReferrer, []evalCase{
		{"meta name=referrer unsafe-url (trial 4, R28)", named("unsafe-url"), check.Fail, "Referrer-Policy unsafe-url (set in a <meta> tag) sends URLs"},
		{"meta http-equiv unsafe-url", equiv("unsafe-url"), check.Fail, "unsafe-url (set in a <meta> tag)"},
		{"meta name in upper case", onHTTPS(`<META NAME="Referrer" CONTENT="origin">`), check.Fail, "origin (set in a <meta> tag)"},
		{"meta private", named("no-referrer"), check.Pass, "no-referrer (set in a <meta> tag)"},
		{"meta wins over a private header", all(header("no-referrer"), named("unsafe-url")), check.Fail, "unsafe-url"},
		{"meta wins over an unsafe header", all(header("unsafe-url"), equiv("strict-origin")), check.Pass, "strict-origin (set in a <meta> tag)"},
		{"unknown meta leaves the header's", all(header("unsafe-url"), named("bogus")), check.Fail, "Referrer-Policy unsafe-url sends"},
		{"unknown meta alone", named("never"), check.Fail, `invalid Referrer-Policy "never" (set in a <meta> tag)`},
		{"last meta applies", onHTTPS(`<meta name="referrer" content="no-referrer"><meta http-equiv="referrer-policy" content="unsafe-url">`), check.Fail, "unsafe-url"},
		{"empty meta is ignored", named(""), check.Pass, "no Referrer-Policy"},
		{"other meta names", onHTTPS(`<meta name="description" content="unsafe-url">`), check.Pass, "no Referrer-Policy"},
	})
	if m := modifierOf(t, evalReferrer, named("unsafe-url")); m != -5 {
		t.Errorf("meta unsafe-url: modifier %d, want -5 (referrer-policy-unsafe)", m)
	}
	runWording(t, evalReferrer, []wordingCase{
		{"meta", named("unsafe-url"), "Referrer-Policy unsafe-url (set in a <meta> tag) sends URLs to other sites",
			"Referrer-Policy unsafe-url (posée par une balise <meta>) envoie les URL à d'autres sites"},
		{"header alone is worded as before", header("unsafe-url"), "Referrer-Policy unsafe-url sends URLs to other sites",
			"Referrer-Policy unsafe-url envoie les URL à d'autres sites"},
	})
}
