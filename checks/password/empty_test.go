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

// TestEmptyMeetsNoCase: rules that alone meet case 1 meet none once the
// stack accepts empty passwords, and the finding says both, in both
// languages; without nullok the same rules pass.
func TestEmptyMeetsNoCase(t *testing.T) {
	p := Policy{MinLength: ip(12), MinClasses: ip(4), EmptyAllowed: Yes, EmptyAllowedAt: "pam.d/system-auth:7"}
	o := evalCNILCase(p.ev())
	if o.Status != check.Fail {
		t.Fatalf("%s %q", o.Status, o.Message.EN)
	}
	for _, want := range []string{"meets no CNIL case: empty passwords are accepted (nullok at pam.d/system-auth:7)", "would meet case 1", "rounded to 80"} {
		if !strings.Contains(o.Message.EN, want) {
			t.Errorf("EN %q lacks %q", o.Message.EN, want)
		}
	}
	for _, want := range []string{"n'atteint aucun cas de la CNIL : les mots de passe vides sont acceptés (nullok en pam.d/system-auth:7)", "atteindraient le cas 1"} {
		if !strings.Contains(o.Message.FR, want) {
			t.Errorf("FR %q lacks %q", o.Message.FR, want)
		}
	}
	if o.Evidence["empty_allowed_at"] != "pam.d/system-auth:7" {
		t.Errorf("evidence %v", o.Evidence)
	}
	p.EmptyAllowed = No
	if o := evalCNILCase(p.ev()); o.Status != check.Pass {
		t.Errorf("without nullok: %s %q", o.Status, o.Message.EN)
	}
	weak := Policy{MinLength: ip(6), EmptyAllowed: Yes, EmptyAllowedAt: "common-auth:1"}
	if o := evalCNILCase(weak.ev()); o.Status != check.Fail || strings.Contains(o.Message.EN, "would meet") {
		t.Errorf("weak rules with nullok: %s %q", o.Status, o.Message.EN)
	}
}
