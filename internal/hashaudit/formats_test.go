package hashaudit

import (
	"context"
	"crypto/pbkdf2"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"github.com/vigie-security/vigie/checks/password"
)

// phpassVector is phpass's own test vector (test.php), which the password
// package's TestPhpassVector reproduces from phpass's algorithm.
const phpassVector = "$P$9IQRaTwmfeRo7ud9Fh4E2PdI0S3r.L0"

// identityHashes are an ASP.NET Identity V2 value and a V3 one (PBKDF2-
// HMAC-SHA256, 10,000 iterations), derived here.
func identityHashes(t *testing.T, salt string) (v2, v3 string) {
	k1, err := pbkdf2.Key(sha1.New, "Soleil2024!", []byte(salt), 1000, 32)
	if err != nil {
		t.Fatal(err)
	}
	k2, err := pbkdf2.Key(sha256.New, "Soleil2024!", []byte(salt), 10000, 32)
	if err != nil {
		t.Fatal(err)
	}
	b := binary.BigEndian.AppendUint32([]byte{1}, 1)
	b = binary.BigEndian.AppendUint32(b, 10000)
	b = binary.BigEndian.AppendUint32(b, uint32(len(salt)))
	return base64.StdEncoding.EncodeToString(append(append([]byte{0}, salt...), k1...)),
		base64.StdEncoding.EncodeToString(append(append(b, salt...), k2...))
}

// TestWebAppExports: the user tables of WordPress, phpBB and ASP.NET
// Identity, as exported, audit their password column: phpass as a fast
// hash, WordPress 6.8's $wp$ as bcrypt, Identity V2 and V3 as PBKDF2 below
// OWASP's iterations. No value reaches the error or the evidence.
func TestWebAppExports(t *testing.T) {
	v2a, v3a := identityHashes(t, "0123456789abcdef")
	v2b, _ := identityHashes(t, "fedcba9876543210")
	bc, err := bcrypt.GenerateFromPassword([]byte("Soleil2024!"), bcrypt.DefaultCost)
	if err != nil {
		t.Fatal(err)
	}
	wp68 := "$wp$2y$" + string(bc[4:])
	stamp := "JQ3ZK2WXFYV6LHXK7RQZ4G5M4XHJ3N2A" // Identity's SecurityStamp: base32, not a hash
	secret := []string{phpassVector, wp68, v2a, v2b, v3a, "lea@exemple.invalid", "jdoe"}
	cases := []struct {
		name, data, col            string
		total, fast, below, ok, v2 int
	}{
		{"WordPress wp_users", "ID,user_login,user_pass,user_email\n1,jdoe," + phpassVector + ",lea@exemple.invalid\n2,admin," + wp68 + ",admin@exemple.invalid\n",
			"user_pass", 2, 1, 0, 1, 0},
		{"phpBB phpbb_users", "user_id;username;user_password\n2;jdoe;$H$" + phpassVector[3:] + "\n", "user_password", 1, 1, 0, 0, 0},
		{"ASP.NET Identity AspNetUsers", "Id,UserName,Email,EmailConfirmed,PasswordHash,SecurityStamp\n" +
			"1,jdoe,lea@exemple.invalid,True," + v2a + "," + stamp + "\n2,marc,marc@exemple.invalid,False," + v3a + "," + stamp + "\n" +
			"3,anne,anne@exemple.invalid,True," + v2b + "," + stamp + "\n4,ext,ext@exemple.invalid,True,," + stamp + "\n",
			"column 5", 3, 0, 3, 0, 2},
		{"Identity V2 one per line", v2a + "\n" + v2b + "\n", "", 2, 0, 2, 0, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "users.csv")
			if err := os.WriteFile(path, []byte(tc.data), 0o600); err != nil {
				t.Fatal(err)
			}
			pre := CheckColumn(context.Background(), path, "")
			ev, err := AuditFile(context.Background(), path, "")
			a := ev.Audit
			want := path
			if tc.col != "" {
				want += "#" + tc.col
			}
			if pre != nil || err != nil || ev.Target != want || a.Total != tc.total || a.Grades[password.GradeFast] != tc.fast ||
				a.Grades[password.GradeBelow] != tc.below || a.Grades[password.GradeOK] != tc.ok || a.Buckets["pbkdf2-sha1 iterations=1000"] != tc.v2 {
				t.Errorf("pre %v, err %v, target ok %v, total %d, fast %d, below %d, ok %d, V2 %d; want %d, %d, %d, %d, %d",
					pre != nil, err != nil, ev.Target == want, a.Total, a.Grades[password.GradeFast], a.Grades[password.GradeBelow], a.Grades[password.GradeOK],
					a.Buckets["pbkdf2-sha1 iterations=1000"], tc.total, tc.fast, tc.below, tc.ok, tc.v2)
			}
			shown := fmt.Sprintf("%+v %v %v", ev, err, pre)
			for _, s := range secret {
				if strings.Contains(shown, s) {
					t.Error("a stored value or a person's data reached the evidence or an error")
				}
			}
		})
	}
}

// TestRandomTokensAreNotIdentity: a password_hash column of random 49-byte
// base64 tokens, some of which start with 0x00 as Identity V2 does, is
// not taken for ASP.NET Identity: every value stays an unknown format.
func TestRandomTokensAreNotIdentity(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var b strings.Builder
	b.WriteString("id,email,password_hash\n")
	for i := range 500 {
		tok := make([]byte, 49)
		for j := range tok {
			tok[j] = byte(r.UintN(256))
		}
		if i%50 == 0 {
			tok[0] = 0
		}
		fmt.Fprintf(&b, "%d,u%d@exemple.invalid,%s\n", i, i, base64.StdEncoding.EncodeToString(tok))
	}
	a, col, err := Audit(context.Background(), strings.NewReader(b.String()), "tokens.csv", "")
	if err != nil || col != "password_hash" || a.Total != 500 || a.Grades[password.GradeUnknown] != 500 {
		t.Errorf("err %v, column %q, total %d, unknown %d; want password_hash, 500 unknown", err != nil, col, a.Total, a.Grades[password.GradeUnknown])
	}
}

// TestSeparatorIsTheFirstFound: a line without header that pairs an
// e-mail and an Argon2 hash with ";" has more commas (the hash's
// parameters) than semicolons, so the most frequent separator
// (textenc.Delimiter's rule, right for a header) would cut the hash:
// separator takes ";" before "," and the audit reads column 2.
func TestSeparatorIsTheFirstFound(t *testing.T) {
	line := "lea@exemple.invalid;$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA\n"
	if got := separator([]byte(line)); got != ';' {
		t.Fatalf("separator %q, want ';'", got)
	}
	a, col, err := Audit(context.Background(), strings.NewReader(line+line), "h.csv", "")
	if err != nil || col != "column 2" || a.Total != 2 || a.Grades[password.GradeOK] != 2 {
		t.Errorf("err %v, column %q, total %d, ok %d; want column 2, 2 ok", err != nil, col, a.Total, a.Grades[password.GradeOK])
	}
}
