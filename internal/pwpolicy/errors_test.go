package pwpolicy

import (
	"strings"
	"testing"
)

// TestNewFormatErrors: each new format's bad input names the file and line.
func TestNewFormatErrors(t *testing.T) {
	cases := []struct{ name, file, data, want string }{
		{"aws bare range", "a.json", "{\n\"MinimumPasswordLength\": 5,\n\"RequireSymbols\": true}", "a.json:2: MinimumPasswordLength: 5 is out of range (accepted: 6 to 128)"},
		{"aws bare type", "a.json", "{\"RequireSymbols\":\n \"yes\"}", "a.json:2:"},
		{"terraform variable", "iam.tf", "resource \"aws_iam_account_password_policy\" \"p\" {\n  require_symbols = true\n  minimum_password_length = var.min_len\n}\n",
			`iam.tf:3: p.minimum_password_length: "var.min_len" cannot be evaluated statically (it refers to var.min_len)`},
		{"terraform function", "iam.tf", "resource \"aws_iam_account_password_policy\" \"p\" {\n  minimum_password_length = max(8, local.n)\n}\n",
			"iam.tf:2: p.minimum_password_length: \"max(8, local.n)\" cannot be evaluated statically (it refers to local.n)"},
		{"terraform type", "iam.tf", "resource \"aws_iam_account_password_policy\" \"p\" {\n  require_numbers = \"sometimes\"\n}\n", "iam.tf:2: p.require_numbers: expected true or false"},
		{"terraform range", "iam.tf", "resource \"aws_iam_account_password_policy\" \"p\" {\n\n  password_reuse_prevention = 30\n}\n", "iam.tf:3: password_reuse_prevention: 30 is out of range (accepted: 0 to 24)"},
		{"terraform syntax", "iam.tf", "resource \"aws_iam_account_password_policy\" \"p\" {\n  minimum_password_length = \n}\n", "iam.tf:2:"},
		{"terraform no resource", "main.tf", "resource \"aws_s3_bucket\" \"b\" {}\n", "main.tf: no aws_iam_account_password_policy resource"},
		{"terraform plan unknown", "plan.json", "{\"format_version\":\"1.2\",\"planned_values\":{\"root_module\":{\"resources\":[{\"address\":\"aws_iam_account_password_policy.p\",\"type\":\"aws_iam_account_password_policy\",\"values\":{}}]}},\n\"resource_changes\":[{\"address\":\"aws_iam_account_password_policy.p\",\"change\":{\"after_unknown\":{\"minimum_password_length\":true}}}]}",
			"aws_iam_account_password_policy.p.minimum_password_length is known only after apply"},
		{"pam bad type", "system-auth", "auth sufficient pam_unix.so\nauht required pam_deny.so\n", `system-auth:2: "auht" is not a PAM type`},
		{"pam bad argument", "system-auth", "auth required pam_unix.so\n\nauth required pam_faillock.so preauth deny=five\n", `system-auth:3: deny: "five" is not a whole number`},
		{"pam continuation keeps the first line", "system-auth", "auth required pam_unix.so\npassword requisite pam_pwquality.so \\\n  minlen=x\n", `system-auth:2: minlen: "x" is not a whole number`},
		{"pam unclosed control", "system-auth", "auth [success=1 pam_unix.so\n", "system-auth:1: control"},
		{"pam module missing", "common-auth", "auth required pam_unix.so\nauth required\n", "common-auth:2: expected type control module"},
		{"ldif bad number", "p.ldif", "dn: cn=p,dc=x\nobjectClass: pwdPolicy\npwdAttribute: userPassword\npwdMaxFailure: many\n", `p.ldif:4: pwdMaxFailure: "many" is not a whole number`},
		{"ldif bad bool", "p.ldif", "dn: cn=p,dc=x\npwdMinLength: 8\npwdLockout: yes\n", `p.ldif:3: pwdLockout: "yes" is not TRUE or FALSE`},
		{"ldif bad base64", "p.ldif", "dn: cn=p,dc=x\npwdMinLength:: ***\n", "p.ldif:2: pwdMinLength: not valid base64"},
		{"freeipa", "ipa.txt", "  Group: global_policy\n  Min length: eight\n  History size: 0\n", `ipa.txt:2: Min length: "eight" is not a whole number`},
		{"samba on/off", "samba.txt", "Password complexity: maybe\nMinimum password length: 7\n", `samba.txt:1: Password complexity: "maybe" is not on or off`},
		{"samba range", "samba.txt", "Password complexity: on\n\nMinimum password length: 300\n", "samba.txt:3: Minimum password length: 300 is out of range"},
		{"entra", "entra.json", "{\"displayName\": \"Password Rule Settings\", \"values\": [\n{\"name\": \"LockoutThreshold\", \"value\": \"ten\"}]}", `entra.json:2: LockoutThreshold: "ten" is not a whole number`},
		{"google", "g.json", "{\"setting\": {\"type\": \"settings/security.password\",\n\"value\": {\"expirationDuration\": \"90d\"}}}", `g.json:2: expirationDuration: "90d" is not a duration in seconds`},
		{"auth0", "a0.json", "{\"strategy\": \"auth0\", \"options\": {\n\"passwordPolicy\": \"strong\"}}", `a0.json:2: passwordPolicy: "strong" is not none, low, fair, good or excellent`},
		{"mysql cell", "vars.txt", "| Variable_name | Value |\n| validate_password.length | 8 | x |\n", "vars.txt:2: expected | Variable_name | Value |"},
		{"mysql number", "vars.txt", "| Variable_name | Value |\n| validate_password.policy | MEDIUM |\n| validate_password.length | eight |\n", `vars.txt:3: validate_password.length: "eight" is not a whole number`},
		{"mysql policy", "vars.tsv", "Variable_name\tValue\nvalidate_password_policy\tHIGH\n", `vars.tsv:2: validate_password.policy: "HIGH" is not LOW, MEDIUM or STRONG`},
		{"gam bad length", "gam.txt", "Policy: policies/x (1/1)\n  setting:\n    type: settings/security.password\n    value:\n      minimumLength: 4\n", "gam.txt:5: minimumLength: 4 is out of range (accepted: 8 to 100)"},
		{"mysql vertical", "vars.txt", "*** 1. row ***\nVariable_name: validate_password.length\n        Value: many\n", `vars.txt:3: validate_password.length: "many" is not a whole number`},
		{"nothing vigie reads", "notes.txt", "Our passwords are strong.\n", "notes.txt: not a password-policy format vigie reads (vigie's YAML policy format"},
		{"a document that mentions formats", "README.md", "Reads a `[System Access]` section and `pam_tally2.so deny=5`.\n", "README.md: not a password-policy format vigie reads"},
		{"json nothing vigie reads", "x.json", "{\"hello\": 1}", "x.json: JSON, but not a password-policy format vigie reads (vigie's YAML"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.file, []byte(tc.data))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v\nwant it to contain %s", err, tc.want)
			}
		})
	}
}

func TestDirectoryErrors(t *testing.T) {
	if _, err := Load(tree(t, map[string]string{"README.txt": "nothing here\n"})); err == nil || !strings.Contains(err.Error(), "no file in it is in a password-policy format vigie reads (") {
		t.Errorf("empty dir: %v", err)
	}
	loop := map[string]string{"pam.d/sshd": "auth include a\n", "pam.d/a": "auth include b\n", "pam.d/b": "auth include a\n"}
	if _, err := Load(tree(t, loop)); err == nil || !strings.Contains(err.Error(), "b:1: includes a nested more than 8 deep, or in a loop (sshd → a → b → a)") {
		t.Errorf("loop: %v", err)
	}
	if _, err := Load(tree(t, map[string]string{"authselect/authselect.conf": "# nothing\n"})); err == nil || !strings.Contains(err.Error(), "authselect.conf:1: authselect.conf names no profile") {
		t.Errorf("authselect: %v", err)
	}
	bad := map[string]string{"aws.json": "{\"PasswordPolicy\": {\"MinimumPasswordLength\": 2}}", "README.md": "# exports\n"}
	if _, err := Load(tree(t, bad)); err == nil || !strings.Contains(err.Error(), "aws.json:1: MinimumPasswordLength: 2 is out of range") {
		t.Errorf("a bad file in a directory: %v", err)
	}
}

// TestLongLines: a line past 64 KB is an error naming the file, whatever
// the format.
func TestLongLines(t *testing.T) {
	long := strings.Repeat("x", 70<<10)
	for file, data := range map[string]string{"p.ldif": "dn: cn=p\npwdMinLength: 8\n" + long, "ipa.txt": "Max failures: 3\n" + long,
		"samba.txt": "Password complexity: on\nMinimum password length: 7\n" + long, "vars.txt": "| validate_password.length | 8 |\n" + long,
		"system-auth": "auth required pam_unix.so\n" + long, "x.inf": "[System Access]\nMinimumPasswordLength = 8\n" + long,
		"ad.txt": "MinPasswordLength : 8\n" + long, "pwquality.conf": "minlen = 8\n" + long} {
		if _, err := Parse(file, []byte(data)); err == nil || !strings.HasPrefix(err.Error(), file+":") {
			t.Errorf("%s: %v", file, err)
		}
	}
}
