package password

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

func TestRecogniseAndGrade(t *testing.T) {
	cases := []struct {
		in, alg, params, grade string
	}{
		{"$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW", "bcrypt", "cost=12", GradeOK},
		{"$2y$08$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW", "bcrypt", "cost=08", GradeBelow},
		{"$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG", "argon2id", "m=19456,t=2,p=1", GradeOK},
		{"$argon2id$v=19$m=4096,t=3,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG", "argon2id", "m=4096,t=3,p=1", GradeBelow},
		{"argon2$argon2id$v=19$m=102400,t=2,p=8$c2FsdA$aGFzaA", "argon2id", "m=102400,t=2,p=8", GradeOK},
		{"{ARGON2}$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA", "argon2id", "m=65536,t=2,p=1", GradeOK},
		{"$scrypt$ln=16,r=8,p=2$c2FsdA$aGFzaA", "scrypt", "ln=16,r=8,p=2", GradeOK},
		{"$scrypt$ln=10,r=8,p=1$c2FsdA$aGFzaA", "scrypt", "ln=10,r=8,p=1", GradeBelow},
		{"$pbkdf2-sha256$600000$c2FsdA$aGFzaA", "pbkdf2-sha256", "iterations=600000", GradeOK},
		{"pbkdf2_sha256$260000$c2FsdHNhbHQ$aGFzaGhhc2g=", "pbkdf2-sha256", "iterations=260000", GradeBelow},
		{"{PBKDF2-SHA512}210000$c2FsdA$aGFzaA", "pbkdf2-sha512", "iterations=210000", GradeOK},
		{"$6$rounds=656000$saltsalt$hash", "sha512crypt", "rounds=656000", GradeOK},
		{"$6$saltsalt$hash", "sha512crypt", "rounds=5000", GradeOK},
		{"$5$rounds=1000$salt$hash", "sha256crypt", "rounds=1000", GradeBelow},
		{"$y$j9T$F5Jx5fExrKuPp53xLKQ..1$X3DX6M94c7o.9agCG9G317fhZg9SqC.5i5rd.RhAtQ7", "yescrypt", "params=j9T", GradeOK},
		{"$1$saltsalt$hashhashhashhashhashha", "md5crypt", "rounds=1000", GradeFast},
		{"5f4dcc3b5aa765d61d8327deb882cf99", "md5", "", GradeFast},
		{"5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8", "sha1", "", GradeFast},
		{"{SSHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=", "salted-sha", "", GradeFast},
		{"sha1$a1976$a36cc8cbf81742a8fb52e221aaeab48ed7f58ab4", "salted-sha1", "", GradeFast},
		{"$3$$8846f7eaee8fb117ad06bdd830b7586c", "ntlm", "", GradeFast},
		{"abJnggxhB/yWI", "des", "", GradeFast},
		{"Motdepasse2024!", "plaintext", "", GradePlain},
		{"azerty", "plaintext", "", GradePlain},
		{"", "empty", "", GradeEmpty},
		{"ZXhhbXBsZWJhc2U2NHZhbHVlb2ZhaGFzaA==", "unknown", "", GradeUnknown},
	}
	for _, tc := range cases {
		h := Recognise(tc.in)
		if h.Algorithm != tc.alg || h.Params != tc.params || GradeHash(h) != tc.grade {
			t.Errorf("%q: %s %q %s; want %s %q %s", tc.in, h.Algorithm, h.Params, GradeHash(h), tc.alg, tc.params, tc.grade)
		}
	}
}

func TestAuditChecks(t *testing.T) {
	var a HashAudit
	for _, v := range []string{"$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW", "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
		"5f4dcc3b5aa765d61d8327deb882cf99", "Soleil2024!", "", "$2y$08$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"} {
		a.Add(Recognise(v))
	}
	e := HashEvidence{Target: "users.csv#password", Audit: a}
	cases := []struct {
		fn   func(HashEvidence) check.Outcome
		want check.Status
		says string
	}{
		{evalHashPlain, check.Fail, "1 of 5 stored values (20.0%) looks like a plain-text password"},
		{evalHashFast, check.Fail, "1 of 5"},
		{evalHashParams, check.Fail, "1 of 5"},
	}
	for _, tc := range cases {
		o := tc.fn(e)
		if o.Status != tc.want || !strings.Contains(o.Message.EN, tc.says) {
			t.Errorf("%s %q", o.Status, o.Message.EN)
		}
		// Counts and parameter sets only: no stored value reaches a finding.
		all := o.Message.EN + o.Message.FR
		for _, d := range o.Evidence["distribution"].([]check.Text) {
			all += " " + d.EN + " " + d.FR
		}
		for _, secret := range []string{"Soleil2024", "5f4dcc3b", "R9h/cIPz0gi"} {
			if strings.Contains(all, secret) {
				t.Fatalf("a stored value leaked into a finding: %s", all)
			}
		}
	}
	if o := evalHashFast(HashEvidence{}); o.Status != check.Error {
		t.Errorf("empty audit: %s", o.Status)
	}
	var unk HashAudit
	unk.Add(Recognise("ZXhhbXBsZWJhc2U2NHZhbHVlb2ZhaGFzaA=="))
	if o := evalHashFast(HashEvidence{Audit: unk}); o.Status != check.Error || !strings.Contains(o.Message.EN, "right column") {
		t.Errorf("unknown column: %s %s", o.Status, o.Message.EN)
	}
}

// TestDistributionInFrench: the distribution reads as each reader writes
// numbers (33.3%, 33,3 %), with vigie's own words in French.
func TestDistributionInFrench(t *testing.T) {
	var a HashAudit
	for _, v := range []string{"5f4dcc3b5aa765d61d8327deb882cf99", "5f4dcc3b5aa765d61d8327deb882cf99", "Soleil2024!", "ZXhhbXBsZWJhc2U2NHZhbHVlb2ZhaGFzaA==",
		"$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW", "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"} {
		a.Add(Recognise(v))
	}
	d := a.distribution()
	var en, fr []string
	for _, t := range d {
		en, fr = append(en, t.EN), append(fr, t.FR)
	}
	if got, want := strings.Join(en, "; "), "bcrypt cost=12: 2 (33.3%); md5: 2 (33.3%); plain text: 1 (16.7%); unknown format: 1 (16.7%)"; got != want {
		t.Errorf("EN %q, want %q", got, want)
	}
	if got, want := strings.Join(fr, "; "), "bcrypt cost=12 : 2 (33,3 %); md5 : 2 (33,3 %); texte en clair : 1 (16,7 %); format inconnu : 1 (16,7 %)"; got != want {
		t.Errorf("FR %q, want %q", got, want)
	}
	var many HashAudit
	for i := range 30 {
		many.Add(Hash{Algorithm: "bcrypt", Cost: 12, Params: fmt.Sprintf("cost=%d", i)})
	}
	if last := many.distribution()[20]; last.FR != "… 10 autres jeux de paramètres" || last.EN != "… 10 more parameter sets" {
		t.Errorf("overflow %+v", last)
	}
}

func TestAuditBucketsAreBounded(t *testing.T) {
	var a HashAudit
	for i := range 1000 {
		a.Add(Hash{Algorithm: "bcrypt", Cost: 12, Params: "cost=" + string(rune('a'+i%26)) + string(rune('a'+i/26%26))})
	}
	if len(a.Buckets) > maxBuckets || a.Other == 0 || a.Total != 1000 {
		t.Errorf("buckets %d other %d total %d", len(a.Buckets), a.Other, a.Total)
	}
}
