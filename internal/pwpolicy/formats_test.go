package pwpolicy

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/internal/check"
)

func sample(name string) string { return filepath.Join("..", "..", "testdata", "password", name) }

func load1(t *testing.T, name string) password.Policy {
	t.Helper()
	ps, err := Load(sample(name))
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 1 {
		t.Fatalf("%s: %d policies", name, len(ps))
	}
	return ps[0]
}

func verdict(p password.Policy, id string) check.Finding {
	for _, c := range password.Checks() {
		if c.Meta().ID == id {
			return c.Evaluate(password.Evidence{Target: "t", Policy: p})
		}
	}
	return check.Finding{}
}

func TestSamples(t *testing.T) {
	t.Run("secedit UTF-16LE", func(t *testing.T) {
		p := load1(t, "secedit-export.inf")
		if p.Format != "secedit" || *p.MinLength != 7 || *p.MinClasses != 3 || *p.MaxAgeDays != 42 || *p.LockoutThreshold != 0 ||
			p.ReversibleStorage != password.No || *p.HistoryCount != 24 || p.Storage.Algorithm != "ntlm" {
			t.Fatalf("%+v", p)
		}
		if f := verdict(p, "PWD-CNIL-001"); f.Status != check.Fail || !strings.Contains(f.Message.EN, "7 characters over an alphabet of 62") {
			t.Errorf("CNIL case: %s %s", f.Status, f.Message.EN)
		}
		if f := verdict(p, "PWD-CNIL-002"); f.Status != check.Fail || !strings.Contains(f.Message.EN, "ntlm") {
			t.Errorf("AD storage: %s %s", f.Status, f.Message.EN)
		}
	})
	t.Run("Get-ADDefaultDomainPasswordPolicy", func(t *testing.T) {
		p := load1(t, "ad-default-domain-policy.txt")
		if *p.MinLength != 8 || *p.MinClasses != 3 || *p.LockoutThreshold != 10 || *p.LockoutDuration != 30*time.Minute || *p.MaxAgeDays != 42 {
			t.Fatalf("%+v", p)
		}
		if f := verdict(p, "PWD-CNIL-001"); f.Status != check.Pass || !strings.Contains(f.Message.EN, "case 2") {
			t.Errorf("8 chars, 3 of 4, lockout 10 should meet case 2: %s %s", f.Status, f.Message.EN)
		}
	})
	t.Run("keycloak", func(t *testing.T) {
		p := load1(t, "keycloak-realm.json")
		if p.Name != "keycloak-prospecta" || *p.MinLength != 12 || p.RequireSpecial != password.Yes || p.Blacklist != password.Yes ||
			*p.LockoutThreshold != 10 || p.Storage.Algorithm != "pbkdf2-sha512" || p.Storage.Iterations != 210000 || *p.MaxAgeDays != 0 {
			t.Fatalf("%+v %+v", p, p.Storage)
		}
		if f := verdict(p, "PWD-CNIL-001"); f.Status != check.Pass {
			t.Errorf("%s %s", f.Status, f.Message.EN)
		}
	})
	t.Run("aws iam", func(t *testing.T) {
		p := load1(t, "aws-iam-password-policy.json")
		if *p.MinLength != 14 || p.RequireSpecial != password.Yes || *p.MaxAgeDays != 90 || p.LockoutThreshold != nil || p.Storage != nil {
			t.Fatalf("%+v", p)
		}
		if f := verdict(p, "PWD-ANSSI-010"); f.Status != check.Warn || !strings.Contains(f.Message.EN, "unknown") {
			t.Errorf("IAM cannot state lockout: %s %s", f.Status, f.Message.EN)
		}
	})
	t.Run("okta", func(t *testing.T) {
		p := load1(t, "okta-password-policy.json")
		if p.Name != "okta-Default Policy" || *p.MinLength != 10 || p.RequireSpecial != password.No || p.Blacklist != password.Yes ||
			*p.LockoutThreshold != 10 || *p.HistoryCount != 4 || *p.MaxAgeDays != 0 {
			t.Fatalf("%+v", p)
		}
		// 10 characters over upper+lower+digits = 59.5 bits, lockout at 10: case 2.
		if f := verdict(p, "PWD-CNIL-001"); f.Status != check.Pass || !strings.Contains(f.Message.EN, "case 2") {
			t.Errorf("%s %s", f.Status, f.Message.EN)
		}
	})
	t.Run("linux directory", func(t *testing.T) {
		p := load1(t, "linux")
		if *p.MinLength != 12 || *p.MinClasses != 3 || p.RequireDigit != password.Yes || p.RequireSpecial != password.No ||
			p.Blacklist != password.Yes || *p.MaxAgeDays != 0 || p.Storage.Algorithm != "sha512crypt" || p.Storage.Iterations != 65536 ||
			*p.LockoutThreshold != 5 || *p.LockoutDuration != 10*time.Minute {
			t.Fatalf("%+v %+v", p, p.Storage)
		}
		if f := verdict(p, "PWD-CNIL-001"); f.Status != check.Pass {
			t.Errorf("%s %s", f.Status, f.Message.EN)
		}
	})
	t.Run("one linux file", func(t *testing.T) {
		p := load1(t, filepath.Join("linux", "faillock.conf"))
		if *p.LockoutThreshold != 5 || p.MinLength != nil {
			t.Fatalf("%+v", p)
		}
	})
}

func TestFormatErrors(t *testing.T) {
	utf16 := func(s string) []byte {
		b := []byte{0xFF, 0xFE}
		for _, r := range s {
			b = append(b, byte(r), byte(r>>8))
		}
		return b
	}
	cases := []struct {
		name string
		file string
		data []byte
		want string
	}{
		{"secedit bad number", "x.inf", utf16("[System Access]\r\nMinimumPasswordLength = eight\r\n"), `x.inf:2: MinimumPasswordLength: "eight" is not a whole number (accepted: 0 to 4096)`},
		{"secedit no equals", "x.inf", []byte("[System Access]\nMinimumPasswordLength 8\n"), `x.inf:2: a line without = (expected key = value`},
		{"ad bad bool", "ad.txt", []byte("MinPasswordLength : 8\nComplexityEnabled : Maybe\n"), `ad.txt:2: ComplexityEnabled: "Maybe" is not True or False`},
		{"ad bad timespan", "ad.txt", []byte("MinPasswordLength : 8\nMaxPasswordAge : forever\n"), `ad.txt:2: MaxPasswordAge`},
		{"keycloak bad token", "k.json", []byte("{\n \"realm\": \"r\",\n \"passwordPolicy\": \"length(twelve)\"\n}"), `k.json:3: passwordPolicy length: "twelve" is not a whole number`},
		{"json syntax", "k.json", []byte("{\n \"realm\": \"r\",\n \"passwordPolicy\": \n}"), `k.json:4:`},
		{"json type", "a.json", []byte("{\"PasswordPolicy\": {\n\"MinimumPasswordLength\": \"14\"}}"), `a.json:2:`},
		{"okta wrong type", "o.json", []byte("{\n\"type\": \"SIGN_ON\",\n\"settings\": {}}"), `o.json:2: Okta policy of type "SIGN_ON"`},
		{"aws range", "a.json", []byte("{\"PasswordPolicy\": {\n\"MinimumPasswordLength\": 3}}"), `a.json:2: MinimumPasswordLength: 3 is out of range (accepted: 6 to 128)`},
		{"pwquality bad", "pwquality.conf", []byte("minlen = 8\nminclass = three\n"), `pwquality.conf:2: minclass: "three" is not a whole number (accepted: 0 to 4)`},
		{"login.defs bad", "login.defs", []byte("PASS_MAX_DAYS never\n"), `login.defs:1: PASS_MAX_DAYS`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.file, tc.data)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v\nwant it to contain %s", err, tc.want)
			}
		})
	}
}

func FuzzParseAnyFormat(f *testing.F) {
	for _, s := range []string{"[System Access]\nMinimumPasswordLength = 8\nPasswordComplexity = 1\n",
		"MinPasswordLength : 8\nMaxPasswordAge : 42.00:00:00\n", `{"realm":"r","passwordPolicy":"length(8) and digits(1)","bruteForceProtected":true,"failureFactor":3}`,
		`{"PasswordPolicy":{"MinimumPasswordLength":14}}`, "\xff\xfe[\x00S\x00",
		`{"type":"PASSWORD","settings":{"password":{"complexity":{"minLength":8},"lockout":{"maxAttempts":5}}}}`} {
		f.Add("policy", []byte(s))
	}
	f.Add("pwquality.conf", []byte("minlen = 9\ndcredit = -1\n"))
	f.Add("login.defs", []byte("ENCRYPT_METHOD YESCRYPT\nYESCRYPT_COST_FACTOR 5\n"))
	f.Add("iam.tf", []byte("resource \"aws_iam_account_password_policy\" \"p\" {\n minimum_password_length = 14\n}\n"))
	f.Add("p.ldif", []byte("dn: cn=p\npwdMinLength: 8\npwdLockout: TRUE\npwdMaxFailure: 5\n"))
	f.Add("vars.txt", []byte("| validate_password.length | 8 |\n"))
	f.Add("system-auth", []byte("auth required pam_tally2.so deny=5 unlock_time=900\n"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		ps, err := Parse(name, data)
		if err == nil && len(ps) == 0 {
			t.Fatal("no error and no policy")
		}
		for _, p := range ps {
			for _, c := range password.Checks() {
				c.Evaluate(password.Evidence{Target: "fuzz", Policy: p})
			}
		}
	})
}

func TestHostileInput(t *testing.T) {
	dir := t.TempDir()
	huge := filepath.Join(dir, "huge.yaml")
	if err := os.WriteFile(huge, bytes.Repeat([]byte("# padding line\n"), MaxSize/14), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(huge); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("huge file: %v", err)
	}
	utf16be := []byte{0xFE, 0xFF}
	for _, r := range "[System Access]\r\nMinimumPasswordLength = 10\r\n" {
		utf16be = append(utf16be, byte(r>>8), byte(r))
	}
	cases := []struct {
		name   string
		file   string
		data   []byte
		minLen int // 0: must fail with an error naming the file
	}{
		{"utf-16be", "p.inf", utf16be, 10},
		{"latin-1 bytes in an ignored value", "p.inf", []byte("[System Access]\nNewAdministratorName = \"Administrat\xe9ur\"\nMinimumPasswordLength = 9\n"), 9},
		{"crlf yaml", "p.yaml", []byte("policies:\r\n  - name: u\r\n    min_length: 11\r\n"), 11},
		{"crlf ad text", "ad.txt", []byte("MinPasswordLength : 12\r\nComplexityEnabled : True\r\n"), 12},
		{"utf-8 bom json", "a.json", append([]byte("\xef\xbb\xbf"), []byte(`{"PasswordPolicy":{"MinimumPasswordLength":13}}`)...), 13},
		{"binary", "b.bin", []byte{0x00, 0x01, 0xff, 0xfe, 0x7f, 0x80, 0x00}, 0},
		{"random text", "notes.txt", []byte("Notre politique : des mots de passe solides !\n"), 0},
		{"truncated json", "k.json", []byte(`{"realm": "r", "passwordPolicy": "length(8`), 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ps, err := Parse(tc.file, tc.data)
			if tc.minLen == 0 {
				if err == nil || !strings.Contains(err.Error(), tc.file) {
					t.Fatalf("accepted or unnamed error: %v", err)
				}
				return
			}
			if err != nil || len(ps) != 1 || ps[0].MinLength == nil || *ps[0].MinLength != tc.minLen {
				t.Fatalf("policies %+v, err %v", ps, err)
			}
		})
	}
}
