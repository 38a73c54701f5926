package pwpolicy

import (
	"strings"
	"testing"
	"time"

	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/internal/check"
)

// loadAll loads a sample and indexes its policies by name.
func loadAll(t *testing.T, name string) map[string]password.Policy {
	t.Helper()
	return loadAt(t, sample(name))
}

// TestCNILVerdictsPerFormat: each new format's sample, the fields read
// from it and the CNIL verdict with its arithmetic.
func TestCNILVerdictsPerFormat(t *testing.T) {
	cases := []struct {
		sample, policy string
		fields         func(p password.Policy) bool
		status         check.Status
		says           []string
	}{
		{"aws-iam-password-policy-bare.json", "aws-iam-account", func(p password.Policy) bool {
			return *p.MinLength == 8 && p.RequireSpecial == password.No && *p.MaxAgeDays == 0 && *p.HistoryCount == 0
		}, check.Fail, []string{"8 characters over an alphabet of 62 symbols", "47.6 bits", "AWS's defaults are assumed: PasswordReusePrevention 0"}},
		{"aws-update-password-policy-input.json", "aws-iam-account", func(p password.Policy) bool { return *p.MinLength == 12 && *p.HistoryCount == 5 },
			check.Pass, []string{"case 1", "79.6 bits, rounded to 80", "MaxPasswordAge 0"}},
		{"terraform/iam.tf", "aws_iam_account_password_policy.strict", func(p password.Policy) bool {
			return p.Format == "terraform" && *p.MinLength == 14 && p.RequireSpecial == password.No && *p.HistoryCount == 12
		}, check.Pass, []string{"≥ 14 characters with upper, lower and digits", "83.4 bits", "max_password_age 0"}},
		{"terraform-plan.json", "module.iam_baseline.aws_iam_account_password_policy.this", func(p password.Policy) bool {
			return *p.MinLength == 10 && *p.MaxAgeDays == 90 && p.RequireSpecial == password.No
		}, check.Fail, []string{"59.5 bits", "defaults are assumed: require_symbols false)", "password_reuse_prevention 0"}},
		{"pam-rhel-tally2", "pam:system-auth", func(p password.Policy) bool {
			return *p.MinLength == 8 && *p.MinClasses == 3 && *p.LockoutThreshold == 5 && *p.LockoutDuration == 15*time.Minute &&
				*p.HistoryCount == 5 && p.Storage.Algorithm == "sha512crypt" && p.EmptyAllowed == password.No
		}, check.Pass, []string{"case 2", "lockout after 5 failures", "8 characters over an alphabet of 62 symbols", "47.6 bits", "pam_tally2", "system-auth:5"}},
		{"pam-authselect", "pam:password-auth", func(p password.Policy) bool {
			return *p.MinLength == 12 && p.RequireSpecial == password.Yes && *p.LockoutThreshold == 4 && *p.HistoryCount == 6 &&
				p.Storage.Algorithm == "yescrypt" && p.EmptyAllowed == password.No
		}, check.Pass, []string{"case 1", "authselect.conf names profile custom/crm-hardened", "deny=4"}},
		{"pam-debian", "pam:sshd", func(p password.Policy) bool {
			return *p.MinLength == 10 && p.RequireUpper == password.Yes && p.RequireLower == password.No && *p.LockoutThreshold == 3 &&
				p.EmptyAllowed == password.Yes && strings.HasSuffix(p.EmptyAllowedAt, "common-auth:6")
		}, check.Fail, []string{"meets no CNIL case: empty passwords are accepted", "would meet case 2", "10 characters over an alphabet of 36 symbols", "pam.d/sshd is judged", "deny=3"}},
		{"openldap-ppolicy.ldif", "ldap-default", func(p password.Policy) bool {
			return *p.MinLength == 12 && *p.LockoutThreshold == 5 && *p.LockoutDuration == 15*time.Minute && *p.HistoryCount == 5 && *p.MaxAgeDays == 0
		}, check.Fail, []string{"12 characters over an alphabet of 10 symbols", "39.9 bits", "minimum length of 15 (with a lockout) would meet case 2"}},
		{"freeipa-pwpolicy-show.txt", "ipa-global_policy", func(p password.Policy) bool {
			return *p.MinLength == 8 && *p.LockoutThreshold == 6 && *p.LockoutDuration == 10*time.Minute && *p.MaxAgeDays == 90
		}, check.Fail, []string{"8 characters over an alphabet of 10 symbols"}},
		{"samba-passwordsettings.txt", "samba-domain", func(p password.Policy) bool {
			return *p.MinLength == 7 && *p.MinClasses == 3 && *p.LockoutThreshold == 0 && p.Storage.Algorithm == "ntlm" && p.ReversibleStorage == password.No
		}, check.Fail, []string{"7 characters over an alphabet of 62 symbols", "minimum length of 8 (with a lockout) would meet case 2"}},
		{"entra-password-rule-settings.json", "entra-id", func(p password.Policy) bool {
			return *p.MinLength == 8 && *p.MinClasses == 3 && *p.LockoutThreshold == 5 && *p.LockoutDuration == 2*time.Minute && p.Blacklist == password.Yes
		}, check.Pass, []string{"≥ 8 characters with 3 of the 4 classes", "lockout after 5 failures", "custom banned-password list on, 3 entries"}},
		{"google-workspace-password-policy.json", "google-03ph8a2z1enx4lx", func(p password.Policy) bool {
			return *p.MinLength == 10 && *p.MaxLength == 100 && *p.MaxAgeDays == 0 && p.RequireLower == password.Unknown
		}, check.Fail, []string{"state the minimum length and the required character classes", "Google's strength estimate"}},
		{"gam-show-policies.txt", "google-01kx2m9v3qbd7we", func(p password.Policy) bool {
			return *p.MinLength == 14 && *p.MaxAgeDays == 90 && *p.HistoryCount == 1 && p.RequireUpper == password.No
		}, check.Fail, []string{"14 characters over an alphabet of 10 symbols (digits 10) = 46.5 bits"}},
		{"auth0-connection.json", "auth0-Username-Password-Authentication", func(p password.Policy) bool {
			return *p.MinLength == 10 && *p.MinClasses == 3 && *p.HistoryCount == 5 && p.Blacklist == password.Yes && *p.LockoutThreshold == 10
		}, check.Pass, []string{"case 2", "10 characters over an alphabet of 62 symbols", "brute-force protection"}},
		{"mysql-show-variables.txt", "mysql", func(p password.Policy) bool {
			return *p.MinLength == 8 && p.RequireSpecial == password.Yes && p.RequireUpper == password.Yes && p.Blacklist == password.No && p.LockoutThreshold == nil
		}, check.Fail, []string{"8 characters over an alphabet of 99 symbols", "53.0 bits", "FAILED_LOGIN_ATTEMPTS"}},
		{"mysql57-variables.tsv", "mysql", func(p password.Policy) bool { return *p.MinLength == 12 && p.RequireDigit == password.No },
			check.Fail, []string{"12 characters over an alphabet of 10 symbols", "validate_password.policy LOW"}},
		{"mariadb-show-variables.txt", "mariadb", func(p password.Policy) bool {
			return *p.MinLength == 12 && p.RequireSpecial == password.Yes && *p.LockoutThreshold == 5 && *p.LockoutDuration == 0
		}, check.Pass, []string{"≥ 12 characters with the four classes"}},
	}
	for _, tc := range cases {
		t.Run(tc.sample, func(t *testing.T) {
			p, ok := loadAll(t, tc.sample)[tc.policy]
			if !ok {
				t.Fatalf("no policy %q in %v", tc.policy, loadAll(t, tc.sample))
			}
			if !tc.fields(p) {
				t.Fatalf("fields: %+v (storage %+v)", p, p.Storage)
			}
			f := verdict(p, "PWD-CNIL-001")
			if f.Status != tc.status {
				t.Errorf("status %s, want %s: %s", f.Status, tc.status, f.Message.EN)
			}
			for _, s := range tc.says {
				if !strings.Contains(f.Message.EN, s) {
					t.Errorf("message does not say %q:\n%s", s, f.Message.EN)
				}
			}
			if f.Message.FR == "" || f.Message.FR == f.Message.EN {
				t.Errorf("no French message: %q", f.Message.FR)
			}
		})
	}
}

// TestMixedDirectory: an AWS export and an LDIF side by side are two
// policies, each judged; the README beside them is skipped.
func TestMixedDirectory(t *testing.T) {
	ps := loadAll(t, "mixed")
	if len(ps) != 2 {
		t.Fatalf("%d policies: %v", len(ps), ps)
	}
	aws, ldap := ps["aws-iam.json:aws-iam-account"], ps["ldap-ppolicy.ldif:ldap-service-accounts"]
	if aws.Format != "aws-iam" || *aws.MinLength != 9 || ldap.Format != "openldap-ppolicy" || *ldap.MaxAgeDays != 365 {
		t.Fatalf("%+v\n%+v", aws, ldap)
	}
	// pwdMinLength is not enforced without pwdCheckQuality, and pwdLockout defaults to FALSE.
	if f := verdict(ldap, "PWD-CNIL-001"); f.Status != check.Fail || !strings.Contains(f.Message.EN, "pwdMinLength 20 is not enforced") {
		t.Errorf("%s %s", f.Status, f.Message.EN)
	}
	if f := verdict(ldap, "PWD-ANSSI-010"); f.Status != check.Fail {
		t.Errorf("no lockout: %s %s", f.Status, f.Message.EN)
	}
}

// TestIssue15Tally2: the case the issue reports — pwquality.conf,
// login.defs and pam.d/system-auth with pam_tally2 deny=5 unlock_time=900
// — limits failed attempts and meets case 2, arithmetic shown.
func TestIssue15Tally2(t *testing.T) {
	p := loadAll(t, "pam-rhel-tally2")["pam:system-auth"]
	f := verdict(p, "PWD-CNIL-001")
	if f.Status != check.Pass || strings.Contains(f.Message.EN, "does not say how failed attempts are limited") ||
		!strings.Contains(f.Message.EN, "8 characters over an alphabet of 62 symbols (digits 10 + lower 26 + upper 26) = 47.6 bits, rounded to 48") {
		t.Fatalf("%s %s", f.Status, f.Message.EN)
	}
	if f := verdict(p, "PWD-ANSSI-010"); f.Status != check.Pass {
		t.Errorf("%s %s", f.Status, f.Message.EN)
	}
}

func TestNullokFinding(t *testing.T) {
	deb := loadAll(t, "pam-debian")["pam:sshd"]
	if f := verdict(deb, "PWD-PAM-001"); f.Status != check.Fail || !strings.Contains(f.Message.EN, "common-auth:6") || !strings.Contains(f.Message.FR, "nullok") {
		t.Errorf("%s %s", f.Status, f.Message.EN)
	}
	// The same stack meets no CNIL case: PWD-CNIL-001 does not pass what PWD-PAM-001 fails.
	if f := verdict(deb, "PWD-CNIL-001"); f.Status != check.Fail || !strings.Contains(f.Message.EN, "meets no CNIL case: empty passwords are accepted (nullok at") {
		t.Errorf("CNIL case with nullok: %s %s", f.Status, f.Message.EN)
	}
	if f := verdict(loadAll(t, "pam-authselect")["pam:system-auth"], "PWD-PAM-001"); f.Status != check.Pass {
		t.Errorf("authselect without-nullok: %s %s", f.Status, f.Message.EN)
	}
	if f := verdict(load1(t, "okta-password-policy.json"), "PWD-PAM-001"); f.Status != check.Skipped {
		t.Errorf("not PAM: %s", f.Status)
	}
}
