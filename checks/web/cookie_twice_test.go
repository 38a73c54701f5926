package web

import (
	"strings"
	"testing"
)

// A cookie set on two responses (the redirect and the page) is named once,
// and counted once.
func TestCookieSetTwiceIsNamedOnce(t *testing.T) {
	e := good()
	e.HTTP.Hops[0].SetCookie = []string{"PHPSESSID=a; Path=/"}
	e.HTTPS.Hops[0].SetCookie = []string{"PHPSESSID=b; Path=/"}
	o := evalCookies(e)
	if strings.Contains(o.Message.EN, "PHPSESSID, PHPSESSID") || !strings.Contains(o.Message.EN, "without Secure: PHPSESSID") {
		t.Errorf("%q: want each problem to name PHPSESSID once", o.Message.EN)
	}
	e = good()
	e.HTTP.Hops[1].SetCookie = []string{"pref=a; Secure"}
	e.HTTPS.Hops[0].SetCookie = []string{"pref=a; Secure"}
	if o := evalCookies(e); !strings.HasPrefix(o.Message.EN, "1 cookie,") {
		t.Errorf("%q: want one cookie counted", o.Message.EN)
	}
}
