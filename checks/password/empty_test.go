package password

import (
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

func TestEmptyPasswords(t *testing.T) {
	cases := []struct {
		name   string
		p      Policy
		status check.Status
		says   string
	}{
		{"nullok", Policy{EmptyAllowed: Yes, EmptyAllowedAt: "pam.d/common-auth:6"}, check.Fail, "nullok at pam.d/common-auth:6"},
		{"no nullok", Policy{EmptyAllowed: No}, check.Pass, "no module line"},
		{"not PAM", Policy{}, check.Skipped, "not a PAM stack"},
	}
	for _, tc := range cases {
		o := evalEmpty(tc.p.ev())
		if o.Status != tc.status || !strings.Contains(o.Message.EN, tc.says) || o.Message.FR == "" {
			t.Errorf("%s: %s %q", tc.name, o.Status, o.Message.EN)
		}
	}
}

// TestNotesQuoted: a note on all (the judged stack) is quoted by every
// finding, one on a topic by that topic's findings and PWD-CNIL-001, in
// both languages.
func TestNotesQuoted(t *testing.T) {
	var p Policy
	p.Note(AboutAll, check.Text{EN: "stack chosen", FR: "pile choisie"})
	p.Note(AboutLockout, check.Text{EN: "faillock default", FR: "défaut de faillock"})
	for _, c := range Checks() {
		f := c.Evaluate(Evidence{Target: "t", Policy: p})
		if !strings.Contains(f.Message.EN, "(stack chosen)") || !strings.Contains(f.Message.FR, "(pile choisie)") {
			t.Errorf("%s: %q / %q", f.CheckID, f.Message.EN, f.Message.FR)
		}
		lock := strings.Contains(f.Message.EN, "(faillock default)")
		if want := f.CheckID == "PWD-CNIL-001" || f.CheckID == "PWD-ANSSI-010"; lock != want {
			t.Errorf("%s quotes the lockout note: %v", f.CheckID, lock)
		}
	}
}

// TestNoClassForced: a policy known to force no class is judged on the
// weakest class a password may use, digits, so the arithmetic is shown.
func TestNoClassForced(t *testing.T) {
	p := Policy{MinLength: ip(8), LockoutThreshold: ip(5)}
	_ = p.SetClasses()
	o := evalCNILCase(p.ev())
	if o.Status != check.Fail || !strings.Contains(o.Message.EN, "8 characters over an alphabet of 10 symbols (digits 10) = 26.6 bits") ||
		!strings.Contains(o.Message.EN, "a minimum length of 15 (with a lockout) would meet case 2, and 24 would meet case 1") {
		t.Errorf("%s %s", o.Status, o.Message.EN)
	}
	if _, _, _, ok := Entropy(Policy{MinLength: ip(8)}); ok {
		t.Error("classes never stated must stay unknown, not digits")
	}
}
