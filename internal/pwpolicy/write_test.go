package pwpolicy

import (
	"reflect"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/checks/password"
)

// What Marshal writes reads back as the same policies.
func TestMarshalRoundTrip(t *testing.T) {
	for _, file := range []string{"../demo/password-policy.yaml", "../demo/ad-domain-policy.txt"} {
		orig, err := Load(file)
		if err != nil {
			t.Fatal(err)
		}
		data, err := Marshal(orig)
		if err != nil {
			t.Fatal(err)
		}
		back, err := Parse("written.yaml", data)
		if err != nil {
			t.Fatalf("%s: written policy does not parse: %v\n%s", file, err, data)
		}
		for i := range orig {
			o, b := orig[i], back[i]
			o.Format, b.Format, o.Lines, b.Lines = "", "", nil, nil
			if o.Storage != nil && o.Storage.Algorithm == "" {
				o.Storage, b.Storage = nil, nil
			}
			if !reflect.DeepEqual(o, b) {
				t.Errorf("%s: policy %d changed:\n%+v\n%+v\n%s", file, i, o, b, data)
			}
		}
	}
}

// Marshal writes the parameters of the chosen algorithm only, and what it
// writes reads back as the same storage.
func TestMarshalStorageParameters(t *testing.T) {
	stale := password.Storage{Cost: 12, Iterations: 600000, MemoryKiB: 19456, Time: 2, Salted: password.Yes}
	cases := []struct {
		alg       string
		want, not []string
		back      password.Storage
	}{
		{"bcrypt", []string{"cost: 12"}, []string{"memory_kib", "time:", "iterations"}, password.Storage{Cost: 12}},
		{"argon2id", []string{"memory_kib: 19456", "time: 2"}, []string{"cost", "iterations"}, password.Storage{MemoryKiB: 19456, Time: 2}},
		{"pbkdf2-sha256", []string{"iterations: 600000"}, []string{"cost", "memory_kib", "time:"}, password.Storage{Iterations: 600000}},
		{"sha512crypt", []string{"iterations: 600000"}, []string{"cost", "memory_kib"}, password.Storage{Iterations: 600000}},
		{"scrypt", []string{"cost: 12"}, []string{"memory_kib", "iterations"}, password.Storage{Cost: 12}},
		{"md5", nil, []string{"cost", "memory_kib", "time:", "iterations"}, password.Storage{}},
		// Review 7, L3: every name the family classes plain, fast or
		// reversible states no work factor, the ones a list of its own missed too.
		{"plain", nil, []string{"cost", "memory_kib", "time:", "iterations"}, password.Storage{}},
		{"base64", nil, []string{"cost", "memory_kib", "time:", "iterations"}, password.Storage{}},
		{"AES-256", nil, []string{"cost", "memory_kib", "time:", "iterations"}, password.Storage{}},
		{"salted-sha1", nil, []string{"cost", "memory_kib", "time:", "iterations"}, password.Storage{}},
		{"md5crypt", nil, []string{"cost", "memory_kib", "time:", "iterations"}, password.Storage{}},
		{"blowfishcrypt", []string{"cost: 12"}, []string{"memory_kib", "iterations"}, password.Storage{Cost: 12}}, // bcrypt by another name
		{"pbkdf2_sha512", []string{"iterations: 600000"}, []string{"cost", "memory_kib", "time:"}, password.Storage{Iterations: 600000}},
	}
	for _, tc := range cases {
		s := stale
		s.Algorithm = tc.alg
		data, err := Marshal([]password.Policy{{Name: "u", Storage: &s}})
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tc.want {
			if !strings.Contains(string(data), w) {
				t.Errorf("%s: %q missing:\n%s", tc.alg, w, data)
			}
		}
		for _, n := range tc.not {
			if strings.Contains(string(data), n) {
				t.Errorf("%s: %q written:\n%s", tc.alg, n, data)
			}
		}
		back, err := Parse("w.yaml", data)
		if err != nil {
			t.Fatalf("%s: %v\n%s", tc.alg, err, data)
		}
		want := tc.back
		want.Algorithm, want.Salted = tc.alg, password.Yes
		if got := *back[0].Storage; got != want {
			t.Errorf("%s: read back %+v, want %+v", tc.alg, got, want)
		}
	}
}

// Classes round-trip in their three states: forced, stated as not forced, unstated.
func TestMarshalClassesRoundTrip(t *testing.T) {
	none, lower, unknown := password.Policy{Name: "none"}, password.Policy{Name: "lower"}, password.Policy{Name: "unknown"}
	_ = none.SetClasses()
	_ = lower.SetClasses("lower")
	data, err := Marshal([]password.Policy{none, lower, unknown})
	if err != nil {
		t.Fatal(err)
	}
	back, err := Parse("w.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []password.Policy{none, lower, unknown} {
		g := back[i]
		if g.RequireLower != want.RequireLower || g.RequireUpper != want.RequireUpper || g.RequireDigit != want.RequireDigit || g.RequireSpecial != want.RequireSpecial {
			t.Errorf("%s: classes read back as %v %v %v %v\n%s", want.Name, g.RequireLower, g.RequireUpper, g.RequireDigit, g.RequireSpecial, data)
		}
	}
}
