package hashaudit

import (
	"context"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/checks/password"
)

// TestColumnRanked: review 7, H3. A header naming several columns after
// the password audits the one that holds it: a date, an algorithm's name or
// a salt beside it is never graded as a plain-text password.
func TestColumnRanked(t *testing.T) {
	bcrypt := "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"
	md5 := "5f4dcc3b5aa765d61d8327deb882cf99"
	rows := func(header string, cells ...string) string {
		var b strings.Builder
		b.WriteString(header + "\n")
		for range 2 {
			b.WriteString(strings.Join(cells, ",") + "\n")
		}
		return b.String()
	}
	for _, tc := range []struct {
		name, data, col string
		ok, fast        int
	}{
		{"date before the hash", rows("id,email,password_changed_at,password_hash", "1", "a@x.fr", "2024-05-01T10:00:00Z", bcrypt), "password_hash", 2, 0},
		{"algorithm before the hash", rows("login,hash_algorithm,hash", "jean", "bcrypt", bcrypt), "hash", 2, 0},
		{"words with spaces", rows("Id,Password updated at,Password hash", "1", "2024-05-01", bcrypt), "Password hash", 2, 0},
		{"salt before the hash", rows("user,password_salt,password", "jean", "c2FsdA", md5), "password", 0, 2},
		{"French meta words", rows("identifiant;mdp_modifie_le;algorithme_mdp;mot_de_passe", "jean", "01/05/2024", "md5", md5), "mot_de_passe", 0, 2},
		{"Rails", rows("id,email,encrypted_password,reset_password_token,reset_password_sent_at", "1", "a@x.fr", bcrypt, "", ""), "encrypted_password", 2, 0},
		{"exact label before a longer one", rows("id,password_legacy_hash,hash", "1", "", md5), "hash", 0, 2},
		// Two names alike: the values that grade as hashes decide.
		{"two candidates, values decide", rows("id,password_legacy,password_current", "1", "", bcrypt), "password_current", 2, 0},
		{"two exact labels, values decide", rows("id,password,password_hash", "1", "", bcrypt), "password_hash", 2, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := tc.data
			if strings.Contains(tc.name, "French") {
				data = strings.ReplaceAll(data, ",", ";")
			}
			a, col, err := Audit(context.Background(), strings.NewReader(data), "users.csv", "")
			if err != nil || col != tc.col || a.Grades[password.GradeOK] != tc.ok || a.Grades[password.GradeFast] != tc.fast || a.Grades[password.GradePlain] != 0 {
				t.Errorf("column %q (want %q), err %v, audit %+v", col, tc.col, err, a)
			}
		})
	}
}

// TestOnlyMetaColumns: a header whose only password-like names say
// something about a password (a date, an algorithm) has no column to audit:
// an error naming them, never a verdict on their values.
func TestOnlyMetaColumns(t *testing.T) {
	_, _, err := Audit(context.Background(), strings.NewReader("login,hash_algorithm,password_changed_at\njean,bcrypt,2024-05-01\n"), "users.csv", "")
	want := "users.csv:1: no column named like a password hash (columns: login, hash_algorithm, password_changed_at); name it with --column"
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %s", err, want)
	}
	// Named by its number, such a column keeps its name as the label.
	if _, col, err := Audit(context.Background(), strings.NewReader("login,password_changed_at\njean,2024-05-01\n"), "users.csv", "2"); err != nil || col != "password_changed_at" {
		t.Errorf("by index: %q %v", col, err)
	}
}

// TestCamelCaseHeader: a camel-case header (ASP.NET Identity's PasswordHash)
// does not read as labels, so its cells are never printed; its password
// cell is still a header's, skipped rather than graded as a plain-text
// password, with one row of values or many.
func TestCamelCaseHeader(t *testing.T) {
	bcrypt := "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"
	for _, n := range []int{1, 3} {
		data := "Id,UserName,Email,PasswordHash\n" + strings.Repeat("1,jean,jean@x.fr,"+bcrypt+"\n", n)
		a, col, err := Audit(context.Background(), strings.NewReader(data), "users.csv", "")
		if err != nil || col != "column 4" || a.Total != n || a.Grades[password.GradeOK] != n {
			t.Errorf("%d rows: column %q, err %v, audit %+v", n, col, err, a)
		}
	}
	// Without a header, a first value is graded, whatever the column.
	a, _, err := Audit(context.Background(), strings.NewReader("jean@x.fr,Azerty123!\nmarc@x.fr,"+bcrypt+"\n"), "users.csv", "2")
	if err != nil || a.Total != 2 || a.Grades[password.GradePlain] != 1 {
		t.Errorf("headerless: err %v, audit %+v", err, a)
	}
}
