package hashaudit

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/checks/password"
)

func TestPlainLines(t *testing.T) {
	in := "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW\n5f4dcc3b5aa765d61d8327deb882cf99\n\nazerty123\n"
	a, col, err := Audit(context.Background(), strings.NewReader(in), "h.txt", "")
	if err != nil || col != "" || a.Total != 3 || a.Grades[password.GradeOK] != 1 || a.Grades[password.GradeFast] != 1 || a.Grades[password.GradePlain] != 1 {
		t.Fatalf("audit = %+v col %q err %v", a, col, err)
	}
}

func TestCSVColumns(t *testing.T) {
	in := "\ufeffid;email;mot_de_passe\n1;a@exemple.invalid;$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA\n2;b@exemple.invalid;5f4dcc3b5aa765d61d8327deb882cf99\n3;c@exemple.invalid\n"
	a, col, err := Audit(context.Background(), strings.NewReader(in), "users.csv", "")
	if err != nil || col != "mot_de_passe" || a.Total != 2 || a.Grades[password.GradeEmpty] != 1 {
		t.Fatalf("auto column: %+v %q %v", a, col, err)
	}
	if _, col, err := Audit(context.Background(), strings.NewReader(in), "users.csv", "3"); err != nil || col != "mot_de_passe" {
		t.Errorf("by index: %q %v", col, err)
	}
	if _, _, err := Audit(context.Background(), strings.NewReader(in), "users.csv", "hash"); err == nil || !strings.Contains(err.Error(), `users.csv:1: no column "hash"`) {
		t.Errorf("missing column: %v", err)
	}
	bad := "id,hash\n1,\"unterminated\n"
	if _, _, err := Audit(context.Background(), strings.NewReader(bad+strings.Repeat("x", MaxLine+10)), "b.csv", ""); err == nil {
		t.Error("an endless line was accepted")
	}
}

func TestEndlessLine(t *testing.T) {
	_, _, err := Audit(context.Background(), strings.NewReader(strings.Repeat("a", MaxLine+1)), "x.txt", "")
	if err == nil || !strings.Contains(err.Error(), "x.txt:1: line longer than 64 KB") {
		t.Fatalf("err = %v", err)
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := Audit(ctx, bytes.NewReader(sample(50000)), "big.txt", ""); err == nil {
		t.Error("a cancelled audit ran to the end")
	}
}

// sample builds n stored values of the usual kinds.
func sample(n int) []byte {
	kinds := []string{
		"$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
		"$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
		"5f4dcc3b5aa765d61d8327deb882cf99",
		"pbkdf2_sha256$260000$c2FsdHNhbHQ$aGFzaGhhc2g=",
		"$6$rounds=656000$saltsalt$hashhashhash",
		"{SSHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=",
		"$1$saltsalt$hashhashhashhashhashha",
	}
	var b bytes.Buffer
	for i := range n {
		b.WriteString(kinds[i%len(kinds)])
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// BenchmarkAudit1M audits 1,000,000 stored values:
//
//	go test -run X -bench Audit1M -benchmem ./internal/hashaudit
func BenchmarkAudit1M(b *testing.B) {
	data := sample(1_000_000)
	b.SetBytes(int64(len(data)))
	var retained int64
	for b.Loop() {
		before := liveHeap()
		a, _, err := Audit(context.Background(), bytes.NewReader(data), "bench.txt", "")
		if err != nil || a.Total != 1_000_000 {
			b.Fatal(a.Total, err)
		}
		retained = max(retained, liveHeap()-before)
		runtime.KeepAlive(a)
	}
	b.ReportMetric(float64(1_000_000*b.N)/b.Elapsed().Seconds(), "hashes/s")
	b.ReportMetric(float64(retained)/1024, "KiB-retained")
}

func liveHeap() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}

// TestMemoryIsFlat: what an audit keeps does not grow with the input.
func TestMemoryIsFlat(t *testing.T) {
	keep := func(n int) int64 {
		data := sample(n)
		before := liveHeap()
		a, _, err := Audit(context.Background(), bytes.NewReader(data), "m.txt", "")
		if err != nil {
			t.Fatal(err)
		}
		after := liveHeap()
		runtime.KeepAlive(a)
		runtime.KeepAlive(data)
		return after - before
	}
	small, large := keep(10_000), keep(300_000)
	if large > small+256<<10 {
		t.Errorf("an audit of 300,000 values keeps %d bytes, of 10,000 keeps %d: memory grows with the input", large, small)
	}
	_ = fmt.Sprint
}

// TestColumnNotNamed: the trial's files. A header naming the column pwd (or
// pass, passwd, hash_mdp…) audits that column; a header-less file audits
// the only column of hash-like values; several columns and none found is an
// error naming the file and line 1, before the audit (CheckColumn) and in
// it. A whole line of several values is never graded as one.
func TestColumnNotNamed(t *testing.T) {
	bcrypt := "$2b$12$abcdefghijklmnopqrstuuY1Xr0eGc5i7x8yq9w3e2r1t0y9u8i7o"
	md5 := "5f4dcc3b5aa765d61d8327deb882cf99"
	cases := []struct {
		name, data, col string
		total, fast     int
		err             string
	}{
		{"id,email,pwd", "id,email,pwd\n1,alice@example.fr," + bcrypt + "\n2,bob@example.fr," + md5 + "\n", "pwd", 2, 1, ""},
		{"id,login,pwd", "id,login,pwd\n1,alice," + md5 + "\n2,bob," + md5 + "\n3,carol," + md5 + "\n", "pwd", 3, 3, ""},
		{"email,hash without header", "alice@example.fr," + md5 + "\nbob@example.fr," + md5 + "\n", "column 2", 2, 2, ""},
		{"passwd", "login;passwd\njean;" + md5 + "\n", "passwd", 1, 1, ""},
		{"pass", "user,pass\njean," + md5 + "\n", "pass", 1, 1, ""},
		{"hash_mdp", "identifiant,hash_mdp\njean," + md5 + "\n", "hash_mdp", 1, 1, ""},
		{"mot de passe", "courriel;mot de passe\njean@x.fr;" + md5 + "\n", "mot de passe", 1, 1, ""},
		{"Argon2 one per line", "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA\n" + md5 + "\n", "", 2, 1, ""},
		{"no column named", "id,email,secret\n1,alice@example.fr," + md5 + "\n", "", 0, 0,
			"h.csv:1: no column named like a password hash (columns: id, email, column 3); name it with --column"},
		{"no header, no hash", "alice@example.fr,soleil\nbob@example.fr,azerty\n", "", 0, 0,
			"h.csv:1: the first line does not look like a header: 2 columns, none named like a password hash and none whose values look like hashes; add a header line, or give the column by its number (--column 2)"},
		{"no header, hash and salt", "alice@example.fr," + md5 + "," + md5 + "\n", "", 0, 0, "h.csv:1: the first line does not look like a header: 3 columns"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "h.csv")
			if err := os.WriteFile(path, []byte(tc.data), 0o600); err != nil {
				t.Fatal(err)
			}
			pre := CheckColumn(context.Background(), path, "")
			ev, err := AuditFile(context.Background(), path, "")
			if tc.err != "" {
				for _, e := range []error{pre, err} {
					if e == nil || !strings.Contains(e.Error(), tc.err) {
						t.Errorf("error %v, want %s", e, tc.err)
					}
				}
				return
			}
			want := path
			if tc.col != "" {
				want += "#" + tc.col
			}
			if pre != nil || err != nil || ev.Target != want || ev.Audit.Total != tc.total || ev.Audit.Grades[password.GradeFast] != tc.fast || ev.Audit.Grades[password.GradePlain] != 0 {
				t.Errorf("pre %v, err %v, target %q (want %q), audit %+v", pre, err, ev.Target, want, ev.Audit)
			}
		})
	}
}
