package pwpolicy

import (
	"os"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/internal/check"
)

// fuzzFormat fuzzes Parse on one format: seeded with its sample, it must
// never panic, and must return a policy or an error naming the file.
func fuzzFormat(f *testing.F, file string, seeds ...string) {
	for _, s := range seeds {
		if data, err := os.ReadFile(sample(s)); err == nil {
			f.Add(data)
		} else {
			f.Add([]byte(s))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ps, err := Parse(file, data)
		if err == nil && len(ps) == 0 {
			t.Fatal("no error and no policy")
		}
		for _, l := range check.Langs {
			if err != nil && !strings.HasPrefix(check.InLang(err, l), file+":") {
				t.Fatalf("the error in %s does not name the file: %s", l, check.InLang(err, l))
			}
		}
		judgeAll(ps)
	})
}

func judgeAll(ps []password.Policy) {
	for _, p := range ps {
		for _, c := range password.Checks() {
			c.Evaluate(password.Evidence{Target: "fuzz", Policy: p}) // must not panic
		}
	}
}

func FuzzAWS(f *testing.F) {
	fuzzFormat(f, "aws.json", "aws-iam-password-policy-bare.json", "aws-update-password-policy-input.json", `{"HardExpiry":true}`)
}

func FuzzTerraform(f *testing.F) {
	fuzzFormat(f, "iam.tf", "terraform/iam.tf", "resource \"aws_iam_account_password_policy\" \"p\" {\n minimum_password_length = var.x\n}\n")
}

func FuzzTerraformJSON(f *testing.F) {
	fuzzFormat(f, "plan.json", "terraform-plan.json", `{"format_version":"1.0","values":{"root_module":{"child_modules":[{"resources":[{"type":"aws_iam_account_password_policy","values":{"minimum_password_length":8.5}}]}]}}}`)
}

func FuzzPAMFile(f *testing.F) {
	fuzzFormat(f, "system-auth", "pam-rhel-tally2/pam.d/system-auth", "pam-debian/pam.d/common-auth", "auth [a=b c=d] pam_x.so \\\n deny=3\n@include common-password\n")
}

// FuzzPAMStack fuzzes a whole stack: sshd including a fuzzed file, with
// pwquality.conf and faillock.conf, all in memory.
func FuzzPAMStack(f *testing.F) {
	f.Add([]byte("auth substack password-auth\npassword include password-auth\n"), []byte(faillockAuth+qualityPw), []byte("minlen = 9\n"))
	f.Add([]byte("@include x\n@include x\n"), []byte("auth include sshd\n"), []byte("deny = 1\n"))
	f.Fuzz(func(t *testing.T, sshd, included, conf []byte) {
		s := linuxSet{pam: map[string]srcFile{"sshd": {"sshd", sshd}, "password-auth": {"password-auth", included}, "x": {"x", included}},
			confs: map[string]srcFile{"pwquality.conf": {"pwquality.conf", conf}, "faillock.conf": {"faillock.conf", conf}}}
		ps, err := checked("fuzz")(s.policies())
		if err == nil {
			judgeAll(ps)
		}
	})
}

func FuzzAuthselectTemplate(f *testing.F) {
	f.Add([]byte("auth x {include if \"a\"}\n{if not \"b\" or \"a\":y|z}{"), "a")
	f.Fuzz(func(t *testing.T, data []byte, feature string) {
		authselectTemplate(data, map[string]bool{feature: true})
	})
}

func FuzzLDIF(f *testing.F) {
	fuzzFormat(f, "p.ldif", "openldap-ppolicy.ldif", "mixed/ldap-ppolicy.ldif", "dn: cn=x\n pwdMinLength:: OA==\n")
}

func FuzzFreeIPA(f *testing.F) {
	fuzzFormat(f, "ipa.txt", "freeipa-pwpolicy-show.txt", "cn: a\nkrbmaxpwdlife: 99\nkrbpwdminlength: 8\n")
}

func FuzzSamba(f *testing.F) { fuzzFormat(f, "samba.txt", "samba-passwordsettings.txt") }

func FuzzEntra(f *testing.F) {
	fuzzFormat(f, "entra.json", "entra-password-rule-settings.json", `{"id":"5cf42378-d67d-4f36-ba46-e8b86229381d","values":[{"name":"LockoutThreshold","defaultValue":"10"}]}`)
}

func FuzzGoogle(f *testing.F) {
	fuzzFormat(f, "google.json", "google-workspace-password-policy.json", "gam-show-policies.txt")
}

func FuzzAuth0(f *testing.F) {
	fuzzFormat(f, "auth0.json", "auth0-connection.json", `[{"strategy":"auth0","name":"a","options":{"passwordPolicy":"none"}},{"strategy":"google-oauth2","options":{}}]`)
}

func FuzzMySQL(f *testing.F) {
	fuzzFormat(f, "vars.txt", "mysql-show-variables.txt", "mysql57-variables.tsv", "mariadb-show-variables.txt",
		"connection_control_failed_connections_threshold\t3\nvalidate_password.length\t4\n", "Variable_name: validate_password.policy\nValue: 2\n")
}
