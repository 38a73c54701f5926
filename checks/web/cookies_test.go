package web

import (
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

func setCookies(lines ...string) func(*Evidence) {
	return func(e *Evidence) { e.HTTPS.Hops[len(e.HTTPS.Hops)-1].SetCookie = lines }
}

func TestParseSetCookie(t *testing.T) {
	c, ok := ParseSetCookie("__Host-SID=s3cr3t-value; Path=/; Secure; HttpOnly; SameSite=Lax", "https")
	if !ok || c.Name != "__Host-SID" || !c.Secure || !c.HTTPOnly || c.SameSite != "lax" || c.Path != "/" {
		t.Fatalf("%+v", c)
	}
	if _, ok := ParseSetCookie("novalue", "https"); ok {
		t.Error("a line without name=value accepted")
	}
}

func TestCookies(t *testing.T) {
	runCases(t, evalCookies, []evalCase{
		{"none", nil, check.Pass, "no cookies"},
		{"good session", setCookies("PHPSESSID=abc; Secure; HttpOnly; SameSite=Lax; Path=/"), check.Pass, "1 cookie"},
		{"session without secure", setCookies("PHPSESSID=abc; HttpOnly; SameSite=Lax"), check.Fail, "without Secure: PHPSESSID"},
		{"session without httponly", setCookies("JSESSIONID=abc; Secure; SameSite=Strict"), check.Fail, "without HttpOnly: JSESSIONID"},
		{"invalid samesite", setCookies("pref=1; Secure; SameSite=Sometimes"), check.Fail, "invalid SameSite: pref"},
		{"samesite none without secure", setCookies("pref=1; SameSite=None"), check.Fail, "SameSite=None without Secure"},
		{"csrf without samesite", setCookies("csrftoken=1; Secure"), check.Fail, "anti-CSRF"},
		{"__Host- with domain", setCookies("__Host-id=1; Secure; Path=/; Domain=example.fr; HttpOnly; SameSite=Lax"), check.Fail, "__Host-"},
		{"__Secure- without secure", setCookies("__Secure-x=1; SameSite=Lax"), check.Fail, "__Secure-"},
		{"session set over http on a redirect", func(e *Evidence) {
			e.HTTP.Hops[0].SetCookie = []string{"sessionid=abc; Secure; HttpOnly; SameSite=Lax"}
		}, check.Fail, "set over plain HTTP: sessionid"},
	})
	// Values never reach the output.
	e := good()
	setCookies("PHPSESSID=v4lue-s3cret; HttpOnly")(&e)
	o := evalCookies(e)
	if strings.Contains(o.Message.EN+o.Message.FR, "s3cret") || strings.Contains(strings.Join(o.Evidence["cookies"].([]string), ","), "s3cret") {
		t.Fatal("a cookie value reached the finding")
	}
	// Observatory modifiers: session cookie without Secure and no HSTS is the worst case.
	e = good()
	e.HTTPS.Headers = nil
	setCookies("PHPSESSID=x; HttpOnly; SameSite=Lax")(&e)
	if m := evalCookies(e).Evidence["observatory_modifier"]; m != -40 {
		t.Errorf("modifier %v, want -40", m)
	}
	e = good()
	setCookies("a=1; Secure; SameSite=Lax", "sess=2; Secure; HttpOnly; SameSite=Strict")(&e)
	if m := evalCookies(e).Evidence["observatory_modifier"]; m != 5 {
		t.Errorf("modifier %v, want +5", m)
	}
}

func TestCookiesWording(t *testing.T) {
	dropped := func(n int) func(*Evidence) { return func(e *Evidence) { e.HTTPS.CookiesDropped = n } }
	runWording(t, evalCookies, []wordingCase{
		{"one good cookie", setCookies("PHPSESSID=abc; Secure; HttpOnly; SameSite=Lax"),
			"1 cookie, Secure, HttpOnly if a session cookie", "1 cookie, Secure, HttpOnly s'il est de session"},
		{"two good cookies", setCookies("PHPSESSID=abc; Secure; HttpOnly; SameSite=Lax", "pref=1; Secure; SameSite=Lax"),
			"2 cookies, all Secure, session cookies HttpOnly", "2 cookies, tous Secure, ceux de session HttpOnly"},
		{"one line dropped", dropped(1),
			"no cookies are set (1 more Set-Cookie line not examined: too long or one too many)",
			"aucun cookie n'est posé (1 autre ligne Set-Cookie non examinée : trop longue ou en surnombre)"},
		{"two lines dropped", dropped(2),
			"no cookies are set (2 more Set-Cookie lines not examined: too many or too long)",
			"aucun cookie n'est posé (2 autres lignes Set-Cookie non examinées : trop nombreuses ou trop longues)"},
	})
}
