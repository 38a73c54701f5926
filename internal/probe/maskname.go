package probe

import (
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"
)

// File names in a listing are often named after a person
// ("export-aurore.lambert@example.fr.csv", "prospects_Dupont_0639980001.csv"):
// reports show them unescaped, with e-mail addresses and phone-like runs of
// digits masked as the leads family masks them.
var (
	nameEmail  = regexp.MustCompile(`[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+\.)+[A-Za-z]{2,}`)
	namePhone  = regexp.MustCompile(`\+?\d(?:[ ._-]?\d){8,}`)
	nameDigits = strings.NewReplacer(" ", "", ".", "", "_", "", "-", "", "+", "")
)

// maskedName is a listed name as a report may show it.
func maskedName(n string) string {
	if u, err := url.PathUnescape(n); err == nil && utf8.ValidString(u) {
		n = u
	}
	n = nameEmail.ReplaceAllStringFunc(n, func(m string) string {
		local, domain, _ := strings.Cut(m, "@")
		tld := domain[strings.LastIndexByte(domain, '.'):]
		return local[:1] + "***@" + domain[:1] + "***" + tld
	})
	return namePhone.ReplaceAllStringFunc(n, func(m string) string {
		d := nameDigits.Replace(m)
		return d[:2] + "******" + d[len(d)-2:]
	})
}
