package password

import (
	"strings"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

func ip(n int) *int { return &n }

func TestEntropyMatchesCNILArithmetic(t *testing.T) {
	cases := []struct {
		name     string
		p        Policy
		alphabet int
		bits     float64
	}{
		{"12 chars, four classes", Policy{MinLength: ip(12), MinClasses: ip(4)}, 99, 79.55},
		{"14 chars, upper+lower+digits", Policy{MinLength: ip(14), RequireUpper: Yes, RequireLower: Yes, RequireDigit: Yes}, 62, 83.36},
		{"8 chars, 3 of 4: weakest is digits+lower+upper", Policy{MinLength: ip(8), MinClasses: ip(3)}, 62, 47.63},
		{"8 chars with specials forced, 3 of 4", Policy{MinLength: ip(8), MinClasses: ip(3), RequireSpecial: Yes}, 73, 49.52},
		{"digits only PIN", Policy{MinLength: ip(4), RequireDigit: Yes}, 10, 13.29},
	}
	for _, tc := range cases {
		_, n, bits, ok := Entropy(tc.p)
		if !ok || n != tc.alphabet || bits < tc.bits-0.01 || bits > tc.bits+0.01 {
			t.Errorf("%s: alphabet %d, %.2f bits (ok %v); want %d, %.2f", tc.name, n, bits, ok, tc.alphabet, tc.bits)
		}
	}
	if _, _, _, ok := Entropy(Policy{RequireDigit: Yes}); ok {
		t.Error("entropy computed without a minimum length")
	}
}

func TestCNILCase(t *testing.T) {
	lock := func(n int) Policy {
		return Policy{MinLength: ip(8), MinClasses: ip(3), LockoutThreshold: ip(n)}
	}
	cases := []struct {
		name   string
		p      Policy
		status check.Status
		says   string
	}{
		{"case 1 example a", Policy{MinLength: ip(12), RequireLower: Yes, RequireUpper: Yes, RequireDigit: Yes, RequireSpecial: Yes}, check.Pass, "≥ 12 characters with the four classes"},
		{"case 1 example b", Policy{MinLength: ip(14), RequireUpper: Yes, RequireLower: Yes, RequireDigit: Yes}, check.Pass, "case 1"},
		{"case 1 passphrase", Policy{PassphraseWords: ip(7)}, check.Pass, "passphrase"},
		{"case 1 by entropy: 16 lowercase", Policy{MinLength: ip(17), RequireLower: Yes}, check.Pass, "case 1"},
		{"case 2 example with lockout 10", lock(10), check.Pass, "lockout after 10 failures"},
		{"case 2 lockout 11 is too loose", lock(11), check.Fail, "lockout after at most 10 failures"},
		{"case 2 lockout 0 means never", lock(0), check.Fail, "would make this policy meet case 2"},
		{"case 2 without stated restriction", Policy{MinLength: ip(8), MinClasses: ip(3)}, check.Fail, "does not say how failed attempts are limited"},
		{"case 2 with captcha", Policy{MinLength: ip(8), MinClasses: ip(3), Captcha: Yes}, check.Pass, "CAPTCHA"},
		{"case 2 growing delay", Policy{MinLength: ip(8), MinClasses: ip(3), Throttling: &Throttling{Grows: true, AfterFailures: 5, FirstDelay: 2 * time.Minute, MaxPer24h: 25}}, check.Pass, "growing delay"},
		{"fixed 3 s delay does not qualify", Policy{MinLength: ip(8), MinClasses: ip(3), Throttling: &Throttling{AfterFailures: 1, FirstDelay: 3 * time.Second}}, check.Fail, "case 2"},
		{"too short even with lockout", Policy{MinLength: ip(6), MinClasses: ip(3), LockoutThreshold: ip(5)}, check.Fail, "minimum length of 8 (with a lockout) would meet case 2, and 14 would meet case 1"},
		{"case 3 PIN on a card", Policy{MinLength: ip(4), RequireDigit: Yes, HardwareBound: Yes, HardwareBlockAfter: ip(3)}, check.Pass, "case 3"},
		{"PIN blocking after 5 is not case 3", Policy{MinLength: ip(4), RequireDigit: Yes, HardwareBound: Yes, HardwareBlockAfter: ip(5)}, check.Fail, ""},
		{"nothing stated", Policy{}, check.Fail, "state the minimum length"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			o := evalCNILCase(tc.p.ev())
			if o.Status != tc.status || !strings.Contains(o.Message.EN, tc.says) || !o.Message.Complete() {
				t.Fatalf("%s %q (fr %q); want %s mentioning %q", o.Status, o.Message.EN, o.Message.FR, tc.status, tc.says)
			}
		})
	}
	o := evalCNILCase(Policy{MinLength: ip(12), MinClasses: ip(4)}.ev())
	if !strings.Contains(o.Message.EN, "12 characters over an alphabet of 99 symbols (digits 10 + lower 26 + upper 26 + specials 37) = 79.6 bits, rounded to 80") {
		t.Errorf("arithmetic not shown: %s", o.Message.EN)
	}
}

func (p Policy) ev() Evidence { return Evidence{Target: "policy.yaml", Policy: p} }

func TestOtherChecks(t *testing.T) {
	d := func(x time.Duration) *time.Duration { return &x }
	cases := []struct {
		name   string
		fn     func(Evidence) check.Outcome
		p      Policy
		status check.Status
	}{
		{"storage argon2id", evalCNILStorage, Policy{Storage: &Storage{Algorithm: "argon2id"}}, check.Pass},
		{"storage md5", evalCNILStorage, Policy{Storage: &Storage{Algorithm: "md5"}}, check.Fail},
		{"storage reversible", evalCNILStorage, Policy{ReversibleStorage: Yes, Storage: &Storage{Algorithm: "argon2id"}}, check.Fail},
		{"storage unsalted", evalCNILStorage, Policy{Storage: &Storage{Algorithm: "bcrypt", Salted: No}}, check.Fail},
		{"storage unknown", evalCNILStorage, Policy{}, check.Warn},
		{"renewal users 90 days", evalCNILRenewal, Policy{MaxAgeDays: ip(90)}, check.Warn},
		{"renewal users never", evalCNILRenewal, Policy{MaxAgeDays: ip(0)}, check.Pass},
		{"renewal admins never", evalCNILRenewal, Policy{Admin: true, MaxAgeDays: ip(0)}, check.Warn},
		{"sent in clear", evalCNILClear, Policy{SentInClear: Yes}, check.Fail},
		{"reset never expires", evalCNILReset, Policy{ResetLinkLifetime: d(0)}, check.Fail},
		{"reset 1h", evalCNILReset, Policy{ResetLinkLifetime: d(time.Hour)}, check.Pass},
		{"reset 7 days", evalCNILReset, Policy{ResetLinkLifetime: d(7 * 24 * time.Hour)}, check.Warn},
		{"anssi length 8", evalANSSILength, Policy{MinLength: ip(8)}, check.Fail},
		{"anssi length 10 users", evalANSSILength, Policy{MinLength: ip(10)}, check.Warn},
		{"anssi length 12 admins", evalANSSILength, Policy{Admin: true, MinLength: ip(12)}, check.Fail},
		{"anssi max 16", evalANSSIMaxLength, Policy{MaxLength: ip(16)}, check.Fail},
		{"anssi max none", evalANSSIMaxLength, Policy{MaxLength: ip(0)}, check.Pass},
		{"anssi admins 2 years", evalANSSIExpiry, Policy{Admin: true, MaxAgeDays: ip(730)}, check.Pass},
		{"anssi blacklist off", evalANSSIBlacklist, Policy{Blacklist: No}, check.Fail},
		{"anssi attempts never", evalANSSIAttempts, Policy{LockoutThreshold: ip(0)}, check.Fail},
		{"anssi attempts 50", evalANSSIAttempts, Policy{LockoutThreshold: ip(50)}, check.Warn},
		{"argon2 owasp", evalANSSIStorage, Policy{Storage: &Storage{Algorithm: "argon2id", MemoryKiB: 19456, Time: 2}}, check.Pass},
		{"argon2 weak", evalANSSIStorage, Policy{Storage: &Storage{Algorithm: "argon2id", MemoryKiB: 4096, Time: 1}}, check.Warn},
		{"pbkdf2 600k", evalANSSIStorage, Policy{Storage: &Storage{Algorithm: "pbkdf2-sha256", Iterations: 600000}}, check.Warn},
		{"pbkdf2 27.5k", evalANSSIStorage, Policy{Storage: &Storage{Algorithm: "pbkdf2-sha256", Iterations: 27500}}, check.Fail},
		{"bcrypt 8", evalANSSIStorage, Policy{Storage: &Storage{Algorithm: "bcrypt", Cost: 8}}, check.Fail},
		{"mfa admins none", evalANSSIMFA, Policy{Admin: true, MFA: No}, check.Fail},
		{"mfa users none", evalANSSIMFA, Policy{MFA: No}, check.Warn},
	}
	for _, tc := range cases {
		if o := tc.fn(tc.p.ev()); o.Status != tc.status || !o.Message.Complete() {
			t.Errorf("%s: %s %q, want %s", tc.name, o.Status, o.Message.EN, tc.status)
		}
	}
}

func TestUnknownNeverPasses(t *testing.T) {
	for _, c := range Checks() {
		f := c.Evaluate(Policy{}.ev())
		if f.Status == check.Pass {
			t.Errorf("%s passes a policy that states nothing: %q", f.CheckID, f.Message.EN)
		}
	}
}

func TestCaseBoundaries(t *testing.T) {
	cases := []struct {
		name  string
		p     Policy
		reach int
	}{
		// §6.2: entropy is rounded to the nearest bit before comparison.
		{"17 lowercase = 79.9 bits, rounds to 80", Policy{MinLength: ip(17), RequireLower: Yes}, 1},
		{"16 lowercase = 75.2 bits", Policy{MinLength: ip(16), RequireLower: Yes}, 2},
		{"24 digits = 79.7 bits, rounds to 80", Policy{MinLength: ip(24), RequireDigit: Yes}, 1},
		{"14 letters both cases = 79.8 bits", Policy{MinLength: ip(14), RequireLower: Yes, RequireUpper: Yes}, 1},
		{"11 chars four classes = 72.9 bits, below the 12-character example", Policy{MinLength: ip(11), MinClasses: ip(4)}, 2},
		{"15 digits = 49.8 bits, rounds to 50", Policy{MinLength: ip(15), RequireDigit: Yes}, 2},
		{"14 digits = 46.5 bits", Policy{MinLength: ip(14), RequireDigit: Yes}, 0},
		{"8 chars 3 of 4 = 47.6 bits, but the CNIL example", Policy{MinLength: ip(8), MinClasses: ip(3)}, 2},
		{"7 chars 3 of 4", Policy{MinLength: ip(7), MinClasses: ip(3)}, 0},
		{"13 chars upper+lower+digits = 77.4 bits, under the 14-character example", Policy{MinLength: ip(13), RequireUpper: Yes, RequireLower: Yes, RequireDigit: Yes}, 2},
	}
	for _, tc := range cases {
		if got := Reaches(tc.p); got != tc.reach {
			a := Assess(tc.p)
			t.Errorf("%s: reaches %d, want %d (%.2f bits)", tc.name, got, tc.reach, a.Bits)
		}
	}
}

func TestHumanDurations(t *testing.T) {
	for d, want := range map[time.Duration]string{30 * time.Minute: "30 min", time.Hour: "1 h", 150 * time.Minute: "2 h 30 min",
		7 * 24 * time.Hour: "7 days", 45 * time.Second: "45 s"} {
		if got := human(d); got.EN != want || got.FR == "" {
			t.Errorf("human(%s) = %+v, want %q", d, got, want)
		}
	}
	if o := evalCNILReset(Policy{ResetLinkLifetime: func() *time.Duration { d := time.Hour; return &d }()}.ev()); o.Message.EN != "reset links expire after 1 h" {
		t.Errorf("%q", o.Message.EN)
	}
}

func TestSetClasses(t *testing.T) {
	var p Policy
	if err := p.SetClasses("lower", "digit"); err != nil || p.RequireLower != Yes || p.RequireDigit != Yes || p.RequireUpper != No || p.RequireSpecial != No {
		t.Fatalf("%+v %v", p, err)
	}
	if err := p.SetClasses("symbols"); err == nil || !strings.Contains(err.Error(), "symbols") {
		t.Errorf("unknown class accepted: %v", err)
	}
}

// TestCNILExampleInFrench: the CNIL example a policy meets is quoted in
// the reader's language, in the message and in the evidence.
func TestCNILExampleInFrench(t *testing.T) {
	for _, tc := range []struct {
		p      Policy
		en, fr string
	}{
		{Policy{MinLength: ip(12), MinClasses: ip(4)}, "≥ 12 characters with the four classes", "« ≥ 12 caractères avec les quatre classes »"},
		{Policy{MinLength: ip(14), RequireUpper: Yes, RequireLower: Yes, RequireDigit: Yes}, "≥ 14 characters with upper, lower and digits", "« ≥ 14 caractères avec majuscules, minuscules et chiffres »"},
		{Policy{PassphraseWords: ip(7)}, "a passphrase of ≥ 7 words", "« une phrase de passe d'au moins 7 mots »"},
		{Policy{MinLength: ip(8), MinClasses: ip(3), Captcha: Yes}, "≥ 8 characters with 3 of the 4 classes", "« ≥ 8 caractères avec 3 des 4 classes »"},
		{Policy{MinLength: ip(4), RequireDigit: Yes, HardwareBound: Yes, HardwareBlockAfter: ip(3)}, "a ≥ 4-digit code on a device", "« un code d'au moins 4 chiffres sur un matériel détenu par la personne, bloqué après 3 échecs »"},
	} {
		o := evalCNILCase(tc.p.ev())
		if !strings.Contains(o.Message.EN, tc.en) || !strings.Contains(o.Message.FR, tc.fr) || strings.Contains(o.Message.FR, tc.en) {
			t.Errorf("EN %s\nFR %s", o.Message.EN, o.Message.FR)
		}
		if ex, _ := o.Evidence["cnil_example"].(check.Text); ex.In(check.FR) == "" || !strings.Contains(tc.fr, ex.In(check.FR)) {
			t.Errorf("evidence %#v", o.Evidence["cnil_example"])
		}
	}
}
