package password

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha512"
	"encoding/base64"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"github.com/vigie-security/vigie/internal/check"
)

// phpassHash is phpass's portable hash, written from its source: md5(salt
// + password), then md5(previous + password) 2^cost times, in phpass's
// own little-endian base64.
func phpassHash(prefix string, cost int, salt, pw string) string {
	h := md5.Sum([]byte(salt + pw))
	for range 1 << cost {
		h = md5.Sum(append(h[:], pw...))
	}
	return prefix + string(cryptChars[cost]) + salt + phpassEncode(h[:])
}

// drupalHash is Drupal 7's _password_crypt: phpass on SHA-512, cut to 55 characters.
func drupalHash(cost int, salt, pw string) string {
	h := sha512.Sum512([]byte(salt + pw))
	for range 1 << cost {
		h = sha512.Sum512(append(h[:], pw...))
	}
	return ("$S$" + string(cryptChars[cost]) + salt + phpassEncode(h[:]))[:55]
}

func phpassEncode(in []byte) string {
	var out strings.Builder
	for i := 0; i < len(in); {
		v := int(in[i])
		i++
		out.WriteByte(cryptChars[v&0x3f])
		if i < len(in) {
			v |= int(in[i]) << 8
		}
		out.WriteByte(cryptChars[v>>6&0x3f])
		if i++; i > len(in) {
			break
		}
		if i < len(in) {
			v |= int(in[i]) << 16
		}
		out.WriteByte(cryptChars[v>>12&0x3f])
		if i++; i > len(in) {
			break
		}
		out.WriteByte(cryptChars[v>>18&0x3f])
	}
	return out.String()
}

// wordpressHash is WordPress 6.8's wp_hash_password: "$wp" before PHP's
// bcrypt ($2y$) of base64(HMAC-SHA384(password, "wp-sha384")).
func wordpressHash(t *testing.T, pw string, cost int) string {
	m := hmac.New(sha512.New384, []byte("wp-sha384"))
	m.Write([]byte(pw))
	b, err := bcrypt.GenerateFromPassword([]byte(base64.StdEncoding.EncodeToString(m.Sum(nil))), cost)
	if err != nil {
		t.Fatal(err)
	}
	return "$wp$2y$" + string(b[4:])
}

// TestPhpassVector: the test's phpass reproduces phpass's own test vector
// (test.php: the portable hash of "test12345"), so the hashes below are
// real ones.
func TestPhpassVector(t *testing.T) {
	if phpassHash("$P$", 11, "IQRaTwmf", "test12345") != "$P$9IQRaTwmfeRo7ud9Fh4E2PdI0S3r.L0" {
		t.Fatal("the test's phpass does not give phpass's test vector")
	}
}

// TestPhpassAndWordPress: phpass portable hashes (WordPress before 6.8,
// phpBB) are iterated salted MD5, graded fast with their rounds; WordPress
// 6.8's $wp$ is bcrypt with its cost; a malformed value is not taken for
// either. Cases are named: no value is printed.
func TestPhpassAndWordPress(t *testing.T) {
	wp := phpassHash("$P$", 13, "Zx8.yW/1", "Soleil2024!") // WordPress's cost 'B'
	bb := phpassHash("$H$", 11, "a1b2C3d4", "Soleil2024!") // phpBB 3.0's '9'
	wp68 := wordpressHash(t, "Soleil2024!", 10)
	wp68low := wordpressHash(t, "Soleil2024!", bcrypt.MinCost)
	cases := []struct {
		name, in, alg, params, grade string
		rounds                       int
	}{
		{"WordPress phpass", wp, "phpass-md5", "rounds=8192", GradeFast, 8192},
		{"phpBB phpass", bb, "phpass-md5", "rounds=2048", GradeFast, 2048},
		{"lowest cost phpass takes", phpassHash("$P$", 7, "Zx8.yW/1", "x"), "phpass-md5", "rounds=128", GradeFast, 128},
		{"highest cost phpass takes", wp[:3] + "S" + wp[4:], "phpass-md5", "rounds=1073741824", GradeFast, 1 << 30},
		{"WordPress 6.8 bcrypt", wp68, "bcrypt", "cost=10", GradeOK, 0},
		{"WordPress 6.8 bcrypt, low cost", wp68low, "bcrypt", "cost=04", GradeBelow, 0},
		{"phpass one short", wp[:33], "unknown", "", GradeUnknown, 0},
		{"phpass one long", wp + ".", "unknown", "", GradeUnknown, 0},
		{"phpass cost below 7", wp[:3] + "4" + wp[4:], "unknown", "", GradeUnknown, 0},
		{"phpass cost above 30", wp[:3] + "T" + wp[4:], "unknown", "", GradeUnknown, 0},
		{"phpass cost not in the alphabet", wp[:3] + "-" + wp[4:], "unknown", "", GradeUnknown, 0},
		{"phpass salt not in the alphabet", wp[:5] + "+" + wp[6:], "unknown", "", GradeUnknown, 0},
		{"phpass last character past 2 bits", wp[:33] + "z", "unknown", "", GradeUnknown, 0},
		{"phpass with a symbol", wp[:10] + "!" + wp[11:], "plaintext", "", GradePlain, 0},
		{"Drupal 7", drupalHash(15, "Zx8.yW/1", "Soleil2024!"), "drupal7-sha512", "rounds=32768", GradeFast, 32768},
		{"Drupal 7 one short", drupalHash(15, "Zx8.yW/1", "x")[:54], "unknown", "", GradeUnknown, 0},
		{"Drupal 7 cost below 7", "$S$4" + drupalHash(15, "Zx8.yW/1", "x")[4:], "unknown", "", GradeUnknown, 0},
		{"other prefix", "$Q$" + wp[3:], "unknown", "", GradeUnknown, 0},
		{"$wp$ without bcrypt after it", "$wp" + wp, "unknown", "", GradeUnknown, 0},
		{"$wp$ bcrypt cut short", wp68[:60], "unknown", "", GradeUnknown, 0},
		{"$wp$ bcrypt, bad cost", wp68[:7] + "99" + wp68[9:], "unknown", "", GradeUnknown, 0},
	}
	for _, tc := range cases {
		h := Recognise(tc.in)
		if h.Algorithm != tc.alg || h.Params != tc.params || h.Rounds != tc.rounds || GradeHash(h) != tc.grade {
			t.Errorf("%s: %s %q rounds %d, %s; want %s %q rounds %d, %s", tc.name, h.Algorithm, h.Params, h.Rounds, GradeHash(h), tc.alg, tc.params, tc.rounds, tc.grade)
		}
	}
}

// TestPhpassFailsStorage: a policy naming phpass fails both storage
// checks as a fast hash, in both languages.
func TestPhpassFailsStorage(t *testing.T) {
	for _, alg := range []string{"phpass", "PHPass_MD5"} {
		e := Evidence{Policy: Policy{Storage: &Storage{Algorithm: alg}}}
		for _, o := range []struct {
			id string
			fn func(Evidence) check.Outcome
		}{{"PWD-CNIL-002", evalCNILStorage}, {"PWD-ANSSI-029", evalANSSIStorage}} {
			got := o.fn(e)
			if ClassifyStorage(alg) != StorageFast || got.Status != check.Fail || !strings.Contains(got.Message.EN, "fast or unsalted hash") || !strings.Contains(got.Message.FR, "hachage rapide ou non salé") {
				t.Errorf("%s %s: %s %q / %q", o.id, alg, got.Status, got.Message.EN, got.Message.FR)
			}
		}
	}
}
