package pwpolicy

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/checks/password"
)

func TestLoadSample(t *testing.T) {
	ps, err := Load(filepath.Join("..", "..", "testdata", "password", "vigie-policy.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 {
		t.Fatalf("%d policies", len(ps))
	}
	u, a := ps[0], ps[1]
	if u.Name != "users" || *u.MinLength != 12 || u.RequireSpecial != password.Yes || *u.LockoutThreshold != 10 ||
		u.MFA != password.No || u.Storage.Algorithm != "argon2id" || u.Storage.MemoryKiB != 19456 || u.ResetLinkLifetime.Minutes() != 60 {
		t.Errorf("users = %+v", u)
	}
	if !a.Admin || a.MFA != password.Yes || *a.MaxAgeDays != 365 || a.Captcha.Known() {
		t.Errorf("admins = %+v", a)
	}
	if u.Captcha != password.Unknown || u.Throttling != nil {
		t.Error("keys left out must stay unknown")
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"typo", "policies:\n  - name: u\n    min_lenght: 12\n", `p.yaml:3:5: policies[0].min_lenght: unknown key (did you mean "min_length"?)`},
		{"wrong type", "policies:\n  - name: u\n    min_length: twelve\n", `p.yaml:3:17: policies[0].min_length: expected a whole number`},
		{"bad class", "policies:\n  - name: u\n    require: [lower, symbols]\n", `p.yaml:3:22: policies[0].require[1]: unknown character class "symbols" (want lower, upper, digits or specials)`},
		{"bad duration", "policies:\n  - name: u\n    reset_link_lifetime: soon\n", `not a duration`},
		{"out of range", "policies:\n  - name: a\n  - name: u\n    min_classes: 5\n", `p.yaml:4:18: policies[1].min_classes: 5 is out of range (accepted: 1 to 4)`},
		{"duplicate key", "policies:\n  - name: u\n    min_length: 8\n    min_length: 12\n", `p.yaml:4:5: policies[0].min_length: key appears twice`},
		{"no name", "policies:\n  - min_length: 8\n", `name is required`},
		{"duplicate", "policies:\n  - name: u\n  - name: u\n", `p.yaml:3:11: policies[1].name: "u" is already the name of policies[0]`},
		{"empty list", "policies: []\n", `no policies`},
		{"not a policy", "foo: bar\n", `not a password-policy format vigie reads`},
		{"binary", "\x00\x01\x02", `p.yaml`},
		{"future version", "version: 3\npolicies:\n  - name: u\n", `version 3 is not supported`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("p.yaml", []byte(tc.src))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v\nwant it to contain %s", err, tc.want)
			}
		})
	}
}

func TestBOMAccepted(t *testing.T) {
	if _, err := Parse("p.yaml", []byte("\xef\xbb\xbfpolicies:\n  - name: u\n    min_length: 8\n")); err != nil {
		t.Fatal(err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("policies:\n  - name: u\n    min_length: 12\n    require: [lower]\n"))
	f.Add([]byte("policies:\n  - {name: a, lockout: {threshold: 3}, storage: {algorithm: md5}}\n"))
	f.Add([]byte("policies: [[[\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ps, err := Parse("fuzz.yaml", data)
		if err == nil && len(ps) == 0 {
			t.Fatal("no error and no policy")
		}
		for _, p := range ps {
			for _, c := range password.Checks() {
				c.Evaluate(password.Evidence{Target: "fuzz", Policy: p}) // must not panic
			}
		}
	})
}

// TestAllProblemsAtOnce: one run lists every bad value of a policy file,
// the decoder's and the range checks', in the order of the file, each as
// file:line:column: key: problem.
func TestAllProblemsAtOnce(t *testing.T) {
	src := "version: 1\npolicies:\n  - name: x\n    min_lenght: 12\n    min_length: -1\n    require: [lower, emoji]\n" +
		"    lockout: {threshold: 1e9, duration: forever}\n    max_age_days: 9999999\n    storage: {algorithm: rot14}\n  - name: x\n"
	_, err := Parse("p2.yaml", []byte(src))
	if err == nil {
		t.Fatal("no error")
	}
	want := []string{
		`p2.yaml:4:5: policies[0].min_lenght: unknown key (did you mean "min_length"?)`,
		`p2.yaml:5:17: policies[0].min_length: -1 is out of range (accepted: 1 to 4096)`,
		`p2.yaml:6:22: policies[0].require[1]: unknown character class "emoji"`,
		`p2.yaml:7:26: policies[0].lockout.threshold: expected a whole number`,
		`p2.yaml:7:41: policies[0].lockout.duration: "forever" is not a duration`,
		`p2.yaml:8:19: policies[0].max_age_days: 9999999 is out of range (accepted: 0 to 100000)`,
		`p2.yaml:9:26: policies[0].storage.algorithm: unknown algorithm "rot14" (did you mean "rot13"?)`,
		`p2.yaml:10:11: policies[1].name: "x" is already the name of policies[0]`,
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != len(want) {
		t.Fatalf("%d errors, want %d:\n%v", len(lines), len(want), err)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("error %d = %s\nwant %s…", i+1, lines[i], w)
		}
	}
}

// TestStorageNamesRead: every name the checks know reads, in any case, and
// a weak one is kept for the checks to fail rather than refused.
func TestStorageNamesRead(t *testing.T) {
	slow, weak := password.KnownStorage()
	for _, alg := range append(append(slow, weak...), "SHA512-Crypt", "PBKDF2_SHA256", "Plain") {
		if _, err := Parse("p.yaml", []byte("policies:\n  - name: u\n    storage: {algorithm: "+alg+"}\n")); err != nil {
			t.Errorf("%s: %v", alg, err)
		}
	}
}
