package probe

import (
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/check/checktest"
)

// A target a person wrote wrong is refused in their language, and a
// password in it is masked in both.
func TestTargetErrorsInFrench(t *testing.T) {
	for raw, fr := range map[string]string{
		"ftp://x.fr/":               `cible "ftp://x.fr/" : le schéma "ftp" n'est ni http ni https`,
		"https://user:s3cret@x.fr/": `cible "https://***@x.fr/" : identifiants refusés`,
		"u:s3cret@x.fr":             `cible "***@x.fr" : identifiants refusés`,
		"x.fr:99999":                `port "99999" incorrect`,
		"1.2.3.4.5":                 "plus de 4 parties",
		"":                          "cible vide",
		"https://[::1":              "pas une URL : « ] » manquant dans l'hôte",
		"https://x.fr:80:80/":       `port ":80:80" incorrect après l'hôte`,
		"https://a b.fr/":           "contient des espaces",
		"https://x%zz.fr/":          `échappement incorrect "%zz"`,
	} {
		_, err := ParseTarget(raw)
		if err == nil {
			t.Fatalf("%q: accepted", raw)
		}
		got := check.InLang(err, check.FR)
		if !strings.Contains(got, fr) || checktest.EnglishWord(got) != "" {
			t.Errorf("%q: French error %q, want %q and no English", raw, got, fr)
		}
		if strings.Contains(got+err.Error(), "s3cret") {
			t.Errorf("%q: the password is shown: %q / %q", raw, got, err.Error())
		}
	}
	_, err := ParseTarget("ftp://x.fr/")
	if want := `target "ftp://x.fr/": scheme "ftp" is not http or https`; err.Error() != want {
		t.Errorf("English error %q, want %q", err.Error(), want)
	}
}
