package password

import (
	"crypto/pbkdf2"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/binary"
	"hash"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

// identityV2Hash is ASP.NET Identity's HashPasswordV2: 0x00, a 16-byte
// salt, PBKDF2-HMAC-SHA1 at 1,000 iterations to 32 bytes.
func identityV2Hash(t *testing.T, pw string, salt []byte) string {
	key, err := pbkdf2.Key(sha1.New, pw, salt, 1000, 32)
	if err != nil {
		t.Fatal(err)
	}
	return base64.StdEncoding.EncodeToString(append(append([]byte{0}, salt...), key...))
}

// identityV3Bytes is HashPasswordV3's layout: 0x01, then PRF, iteration
// count and salt length as big-endian uint32, the salt, the subkey.
func identityV3Bytes(prf, iter, saltLen uint32, salt, subkey []byte) []byte {
	b := []byte{1}
	b = binary.BigEndian.AppendUint32(b, prf)
	b = binary.BigEndian.AppendUint32(b, iter)
	b = binary.BigEndian.AppendUint32(b, saltLen)
	return append(append(b, salt...), subkey...)
}

// identityV3Hash derives a real V3 value.
func identityV3Hash(t *testing.T, pw string, prf uint32, iter int, salt []byte) string {
	h := []func() hash.Hash{sha1.New, sha256.New, sha512.New}[prf]
	key, err := pbkdf2.Key(h, pw, salt, iter, 32)
	if err != nil {
		t.Fatal(err)
	}
	return base64.StdEncoding.EncodeToString(identityV3Bytes(prf, uint32(iter), uint32(len(salt)), salt, key))
}

func b64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

// TestASPNetIdentity: V2 and V3 values read as PBKDF2 with their
// iterations and are graded by PBKDF2's thresholds; a value whose lengths
// do not add up, or whose header Identity itself refuses, is not one.
// Cases are named: no value is printed.
func TestASPNetIdentity(t *testing.T) {
	salt := []byte("0123456789abcdef")
	key := make([]byte, 32)
	v2 := identityV2Hash(t, "Soleil2024!", salt)
	v2raw, _ := base64.StdEncoding.DecodeString(v2)
	cases := []struct {
		name, in, alg, params, grade string
		rounds                       int
	}{
		{"V2", v2, "pbkdf2-sha1", "iterations=1000", GradeBelow, 1000},
		{"V3, Core 2 to 6 default", identityV3Hash(t, "Soleil2024!", 1, 10000, salt), "pbkdf2-sha256", "iterations=10000", GradeBelow, 10000},
		{"V3, .NET 7+ default", identityV3Hash(t, "Soleil2024!", 2, 100000, salt), "pbkdf2-sha512", "iterations=100000", GradeBelow, 100000},
		{"V3, SHA-512 at OWASP's figure", identityV3Hash(t, "Soleil2024!", 2, 210000, salt), "pbkdf2-sha512", "iterations=210000", GradeOK, 210000},
		{"V3, SHA-1 PRF", b64(identityV3Bytes(0, 1300000, 16, salt, key)), "pbkdf2-sha1", "iterations=1300000", GradeOK, 1300000},
		{"V3, 32-byte salt, 64-byte subkey", b64(identityV3Bytes(1, 600000, 32, make([]byte, 32), make([]byte, 64))), "pbkdf2-sha256", "iterations=600000", GradeOK, 600000},
		{"V3, 16-byte subkey", b64(identityV3Bytes(1, 600000, 16, salt, key[:16])), "pbkdf2-sha256", "iterations=600000", GradeOK, 600000},
		{"V2 one byte short", b64(v2raw[:48]), "unknown", "", GradeUnknown, 0},
		{"V2 one byte long", b64(append(v2raw[:49:49], 7)), "unknown", "", GradeUnknown, 0},
		{"V2 without padding", strings.TrimRight(v2, "="), "unknown", "", GradeUnknown, 0},
		{"V2 with bits in its padding", v2[:65] + "B==", "unknown", "", GradeUnknown, 0},
		{"unknown marker", b64(append([]byte{2}, v2raw[1:]...)), "unknown", "", GradeUnknown, 0},
		{"V3, unknown PRF", b64(identityV3Bytes(3, 10000, 16, salt, key)), "unknown", "", GradeUnknown, 0},
		{"V3, no iterations", b64(identityV3Bytes(1, 0, 16, salt, key)), "unknown", "", GradeUnknown, 0},
		{"V3, iterations past int32", b64(identityV3Bytes(1, 1<<31, 16, salt, key)), "unknown", "", GradeUnknown, 0},
		{"V3, salt under 128 bits", b64(identityV3Bytes(1, 10000, 8, salt[:8], key)), "unknown", "", GradeUnknown, 0},
		{"V3, subkey under 128 bits", b64(identityV3Bytes(1, 10000, 16, salt, key[:15])), "unknown", "", GradeUnknown, 0},
		{"V3, salt length past the value", b64(identityV3Bytes(1, 10000, 40, salt, key)), "unknown", "", GradeUnknown, 0},
		{"V3, huge salt length", b64(identityV3Bytes(1, 10000, 1<<32-1, salt, key)), "unknown", "", GradeUnknown, 0},
		{"V3 header alone", b64(identityV3Bytes(1, 10000, 16, nil, nil)), "unknown", "", GradeUnknown, 0},
	}
	for _, tc := range cases {
		h := Recognise(tc.in)
		if h.Algorithm != tc.alg || h.Params != tc.params || h.Rounds != tc.rounds || GradeHash(h) != tc.grade {
			t.Errorf("%s: %s %q rounds %d, %s; want %s %q rounds %d, %s", tc.name, h.Algorithm, h.Params, h.Rounds, GradeHash(h), tc.alg, tc.params, tc.rounds, tc.grade)
		}
	}
}

// randomBlob is base64 of n random bytes, the first one given.
func randomBlob(r *rand.Rand, first byte, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.UintN(256))
	}
	b[0] = first
	return b64(b)
}

// TestIdentityV2NeedsItsColumn: a V2 layout is 0x00 and 48 random bytes,
// so 1 random 49-byte blob in 256 has it. V2 values count as PBKDF2-SHA1
// only when ASP.NET Identity's layouts are most of the column's base64
// values; among random tokens they stay unknown.
func TestIdentityV2NeedsItsColumn(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	salt := []byte("0123456789abcdef")
	v2 := identityV2Hash(t, "Soleil2024!", salt)
	v3 := identityV3Hash(t, "Azerty123!", 1, 10000, salt)
	bcryptHash := "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"
	tokens := func(n int) []string {
		var out []string
		for range n {
			out = append(out, randomBlob(r, byte(1+r.UintN(255)), 49))
		}
		return out
	}
	rep := func(v string, n int) []string { return strings.Split(strings.Repeat(v+"\n", n-1)+v, "\n") }
	cases := []struct {
		name      string
		values    []string
		v2, below int // V2 values counted as PBKDF2-SHA1; values graded below
		unknown   int
	}{
		{"a column of V2", rep(v2, 3), 3, 3, 0},
		{"one V2 value", []string{v2}, 1, 1, 0},
		{"V2 beside V3", append(rep(v3, 5), rep(v2, 2)...), 2, 7, 0},
		{"V2 beside bcrypt", append(rep(bcryptHash, 20), v2), 1, 1, 0},
		{"V2 layouts among random tokens", append(tokens(300), randomBlob(r, 0, 49), randomBlob(r, 0, 49)), 0, 0, 302},
		{"one V2 beside one token", append(tokens(1), v2), 0, 0, 2},
		{"V2 and V3 outnumbered by tokens", append(tokens(10), v2, v3), 0, 1, 11},
	}
	for _, tc := range cases {
		var a HashAudit
		for _, v := range tc.values {
			a.Add(Recognise(v))
		}
		s := a.Settled()
		if s.Total != len(tc.values) || s.Buckets["pbkdf2-sha1 iterations=1000"] != tc.v2 || s.Grades[GradeBelow] != tc.below || s.Grades[GradeUnknown] != tc.unknown {
			t.Errorf("%s: total %d, V2 %d, below %d, unknown %d; want %d, %d, %d, %d", tc.name, s.Total,
				s.Buckets["pbkdf2-sha1 iterations=1000"], s.Grades[GradeBelow], s.Grades[GradeUnknown], len(tc.values), tc.v2, tc.below, tc.unknown)
		}
		if again := s.Settled(); again.Total != s.Total || again.Grades[GradeBelow] != s.Grades[GradeBelow] {
			t.Errorf("%s: settling twice counts again", tc.name)
		}
	}
}

// TestIdentityV2Findings: the checks settle the audit themselves, each on
// the same evidence, and never change it: a column of V2 fails PWD-HASH-003
// (1,000 iterations of SHA-1), and passes PWD-HASH-002 (it is PBKDF2, not
// a fast hash), in both languages, without a value in any text.
func TestIdentityV2Findings(t *testing.T) {
	v2 := identityV2Hash(t, "Soleil2024!", []byte("0123456789abcdef"))
	var a HashAudit
	for range 4 {
		a.Add(Recognise(v2))
	}
	e := HashEvidence{Target: "AspNetUsers.csv#column 7", Audit: a}
	for range 2 {
		params, fast := evalHashParams(e), evalHashFast(e)
		if params.Status != check.Fail || params.Message.EN != "4 of 4 stored values (100.0%) use a slow function below OWASP's minimum" ||
			params.Message.FR != "4 des 4 valeurs (100,0 %) utilisent une fonction lente sous le minimum de l'OWASP" {
			t.Errorf("PWD-HASH-003: %s %q / %q", params.Status, params.Message.EN, params.Message.FR)
		}
		if fast.Status != check.Pass {
			t.Errorf("PWD-HASH-002: %s %q", fast.Status, fast.Message.EN)
		}
		d := params.Evidence["distribution"].([]check.Text)
		if len(d) != 1 || d[0].EN != "pbkdf2-sha1 iterations=1000: 4 (100.0%)" || d[0].FR != "pbkdf2-sha1 iterations=1000 : 4 (100,0 %)" {
			t.Errorf("distribution %v", d)
		}
		for _, o := range []check.Outcome{params, fast} {
			if strings.Contains(o.Message.EN+o.Message.FR+d[0].EN, v2[:12]) {
				t.Error("a stored value reached a finding")
			}
		}
	}
	if e.Audit.Total != 0 || e.Audit.pendingV2 != 4 {
		t.Errorf("the checks changed the evidence: total %d, pending %d", e.Audit.Total, e.Audit.pendingV2)
	}
}
