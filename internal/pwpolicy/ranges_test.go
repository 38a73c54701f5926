package pwpolicy

import (
	"strings"
	"testing"
)

// Hostile numbers in every format are refused with the file, the field and
// the accepted range; none wraps around into a plausible value.
func TestHostileNumbersRefused(t *testing.T) {
	cases := []struct{ name, file, src, want string }{
		{"ad huge length", "ad.txt", "MinPasswordLength : 9200000000000000000\n", "ad.txt:1: MinPasswordLength: 9200000000000000000 is out of range (accepted: 0 to 4096)"},
		{"ad length past int64", "ad.txt", "MinPasswordLength : 99999999999999999999\n", "ad.txt:1: MinPasswordLength: \"99999999999999999999\" is not a whole number"},
		{"ad negative length", "ad.txt", "MinPasswordLength : -3\n", "out of range"},
		{"ad age 99,999,999 days", "ad.txt", "MinPasswordLength : 8\nMaxPasswordAge : 99999999.00:00:00\n", "ad.txt:2: MaxPasswordAge: \"99999999.00:00:00\" is not a time span such as 42.00:00:00 (days must be 0 to 100000)"},
		{"ad lockout 25 hours", "ad.txt", "MinPasswordLength : 8\nLockoutDuration : 25:00:00\n", "ad.txt:2: LockoutDuration"},
		{"secedit huge length", "x.inf", "[System Access]\nMinimumPasswordLength = 9200000000000000000\n", "x.inf:2: MinimumPasswordLength: 9200000000000000000 is out of range"},
		{"secedit huge lockout minutes", "x.inf", "[System Access]\nLockoutDuration = 999999999999\n", "x.inf:2: LockoutDuration: 999999999999 is out of range (accepted: -1 to"},
		{"secedit float", "x.inf", "[System Access]\nMaximumPasswordAge = 4.5\n", "not a whole number"},
		{"secedit NaN", "x.inf", "[System Access]\nPasswordHistorySize = NaN\n", "x.inf:2: PasswordHistorySize: \"NaN\" is not a whole number"},
		{"pwquality huge", "pwquality.conf", "minlen = 9223372036854775807\n", "pwquality.conf:1: minlen: 9223372036854775807 is out of range (accepted: 0 to 4096)"},
		{"faillock unlock overflow", "faillock.conf", "unlock_time = 9223372036854775807\n", "faillock.conf:1: unlock_time: 9223372036854775807 is out of range"},
		{"login.defs rounds", "login.defs", "ENCRYPT_METHOD SHA512\nSHA_CRYPT_MIN_ROUNDS 99999999999\n", "login.defs:2: SHA_CRYPT_MIN_ROUNDS: 99999999999 is out of range"},
		{"keycloak huge length", "k.json", "{\"realm\": \"r\",\n \"passwordPolicy\": \"length(9200000000000000000)\"}", "k.json:2: passwordPolicy length: 9200000000000000000 is out of range"},
		{"keycloak wait overflow", "k.json", "{\"realm\": \"r\", \"bruteForceProtected\": true, \"failureFactor\": 3,\n \"waitIncrementSeconds\": 9223372036854775807}", "k.json:2: waitIncrementSeconds: 9223372036854775807 is out of range"},
		{"keycloak float", "k.json", "{\"realm\": \"r\", \"failureFactor\": 1e300}", "k.json:1:"},
		{"aws age", "a.json", "{\"PasswordPolicy\": {\n\"MaxPasswordAge\": 99999999}}", "a.json:2: MaxPasswordAge: 99999999 is out of range (accepted: 0 to 1095)"},
		{"aws float", "a.json", "{\"PasswordPolicy\": {\"MinimumPasswordLength\": 9.2e18}}", "a.json:1:"},
		{"okta unlock overflow", "o.json", "{\"type\": \"PASSWORD\", \"settings\": {\"password\": {\"lockout\": {\n\"autoUnlockMinutes\": 9223372036854775807}}}}", "o.json:2: autoUnlockMinutes: 9223372036854775807 is out of range"},
		{"okta age", "o.json", "{\"type\": \"PASSWORD\", \"settings\": {\"password\": {\"age\": {\"maxAgeDays\": 99999999}}}}", "maxAgeDays: 99999999 is out of range"},
		{"yaml huge length", "p.yaml", "policies:\n  - name: u\n    min_length: 9200000000000000000\n", "p.yaml:3:17: policies[0].min_length: 9200000000000000000 is out of range (accepted: 1 to 4096)"},
		{"yaml float length", "p.yaml", "policies:\n  - name: u\n    min_length: 9.2e18\n", "p.yaml:3:17: policies[0].min_length: expected a whole number"},
		{"yaml NaN", "p.yaml", "policies:\n  - name: u\n    history: .nan\n", "expected a whole number"},
		{"yaml negative duration", "p.yaml", "policies:\n  - name: u\n    reset_link_lifetime: -5m\n", "p.yaml:3:26: policies[0].reset_link_lifetime: -5m is out of range"},
		{"yaml huge lockout duration", "p.yaml", "policies:\n  - name: u\n    lockout: {threshold: 5, duration: 2562047h}\n", "p.yaml:3:39: policies[0].lockout.duration: 2562047h is out of range"},
		{"yaml storage cost", "p.yaml", "policies:\n  - name: u\n    storage: {algorithm: bcrypt, cost: 9223372036854775807}\n", "p.yaml:3:40: policies[0].storage.cost: 9223372036854775807 is out of range (accepted: 0 to 64)"},
		{"yaml throttling", "p.yaml", "policies:\n  - name: u\n    throttling: {after_failures: -1}\n", "p.yaml:3:34: policies[0].throttling.after_failures: -1 is out of range"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ps, err := Parse(tc.file, []byte(tc.src))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v (policies %+v)\nwant it to contain %s", err, ps, tc.want)
			}
		})
	}
}

// The limits themselves, and AD's "never" (TimeSpan.MaxValue), are read.
func TestNumbersAtTheLimitsRead(t *testing.T) {
	ps, err := Parse("ad.txt", []byte("MinPasswordLength : 4096\nMaxPasswordAge : 10675199.02:48:05.4775807\nLockoutDuration : 12000.23:59:59\n"))
	if err != nil {
		t.Fatal(err)
	}
	if p := ps[0]; *p.MinLength != 4096 || *p.MaxAgeDays != 0 || p.LockoutDuration.Hours() < 12000*24 {
		t.Errorf("policy = %+v", p)
	}
	if _, err := Parse("faillock.conf", []byte("deny = 5\nunlock_time = never\n")); err != nil {
		t.Errorf("unlock_time = never: %v", err)
	}
}
