package web

import (
	"regexp"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

// wordingCase is what a check says for some number of items, in each
// language: substrings of its message.
type wordingCase struct {
	name   string
	mutate func(*Evidence)
	en, fr string
}

// hedged is a plural left to the reader: "form(s)", « listé(e)s ».
var hedged = regexp.MustCompile(`\pL\((?:s|es|e|x)\)`)

// runWording checks each message in both languages, and that neither
// writes a plural as "(s)".
func runWording(t *testing.T, fn func(Evidence) check.Outcome, cases []wordingCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := good()
			tc.mutate(&e)
			m := fn(e).Message
			if !strings.Contains(m.EN, tc.en) {
				t.Errorf("EN %q does not say %q", m.EN, tc.en)
			}
			if !strings.Contains(m.FR, tc.fr) {
				t.Errorf("FR %q does not say %q", m.FR, tc.fr)
			}
			for _, s := range []string{m.EN, m.FR} {
				if h := hedged.FindString(s); h != "" {
					t.Errorf("%q writes a plural as %q", s, h)
				}
			}
		})
	}
}

// TestHedgedPlural: the guard runWording applies sees the old wordings.
func TestHedgedPlural(t *testing.T) {
	for _, s := range []string{"2 form(s)", "index(es)", "1 champ(s)", "non examinée(s)", "listé(e)"} {
		if !hedged.MatchString(s) {
			t.Errorf("%q not seen as a hedged plural", s)
		}
	}
	for _, s := range []string{"2 forms", "(1 field)", "(s) alone", "status (see WEB-HTTPS-001)"} {
		if hedged.MatchString(s) {
			t.Errorf("%q seen as a hedged plural", s)
		}
	}
}
