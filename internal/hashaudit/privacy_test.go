package hashaudit

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const seedBcrypt = "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"

var seeds = []string{"jean@x.fr", "Azerty123!", seedBcrypt, "R9h/cIPz0gi", "jdoe", "soleil", "roland"}

// leaks names the seeded value s shows, if any.
func leaks(s string) string {
	for _, v := range seeds {
		if strings.Contains(s, v) {
			return v
		}
	}
	return ""
}

// TestNoValueInErrors: malformed files never put a stored value or an
// e-mail in an error or in the evidence (issue 17, item 2 and 3).
func TestNoValueInErrors(t *testing.T) {
	headerless := "jean@x.fr,Azerty123!\n"
	for name, tc := range map[string]struct{ data, column, want string }{
		"named column, no header":     {headerless, "password_hash", `users.csv:1: the first line does not look like a header: 2 columns, none named "password_hash"`},
		"index past the end":          {headerless, "5", "users.csv:1: no column 5: the line has 2 columns"},
		"hash in header":              {"email;" + seedBcrypt + "\njean@x.fr;x\n", "hash", `none named "hash"`},
		"header with a bad name":      {"id,email,pwd\n1,jean@x.fr,Azerty123!\n", "hash", `users.csv:1: no column "hash" (columns: id, email, pwd)`},
		"values read as labels":       {"jdoe,soleil\nmarie,Azerty123!\n", "hash", `users.csv:1: no column "hash": the first line has 2 columns, none named so`},
		"a first name is no role":     {"roland,soleil\n", "hash", `users.csv:1: no column "hash": the first line has 2 columns`},
		"a column word as a password": {"jdoe,super_user\nmarie,mon-compte\n", "hash", `users.csv:1: no column "hash": the first line has 2 columns`},
		"a word inside a password":    {"Jean Dupont,Compteur\njdupont,Emailing\n", "hash", `users.csv:1: no column "hash": the first line has 2 columns`},
		"endless line":                {"jean@x.fr," + seedBcrypt + strings.Repeat("A", MaxLine), "", "users.csv:1: line longer than 64 KB"},
		"endless csv line":            {"email,hash\njean@x.fr," + seedBcrypt + strings.Repeat("A", MaxLine), "", "users.csv:2: "},
		"endless quoted field":        {"email,hash\njean@x.fr,\"" + seedBcrypt + strings.Repeat("Azerty123!\n", MaxLine/4), "", "users.csv:2: a line or quoted value longer than 64 KB"},
	} {
		path := filepath.Join(t.TempDir(), "users.csv")
		if err := os.WriteFile(path, []byte(tc.data), 0o600); err != nil {
			t.Fatal(err)
		}
		ev, err := AuditFile(context.Background(), path, tc.column)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", name, err, tc.want)
		}
		if err != nil {
			if v := leaks(err.Error()); v != "" {
				t.Errorf("%s: the error shows %q: %v", name, v, err)
			}
		}
		if v := leaks(fmt.Sprintf("%+v", ev)); v != "" {
			t.Errorf("%s: the evidence shows %q: %+v", name, v, ev)
		}
	}
}

// TestPasswordIsNotAHeader: a first line whose password holds "mdp", or
// is "pass", is not taken for a header naming the column (its value would
// label every finding): no column is found, and the error shows neither
// cell; a header cell "mdp", "mdp_hash", or "pass" beside "login" still is.
func TestPasswordIsNotAHeader(t *testing.T) {
	for data, want := range map[string]string{"jean,mdpsoleil\nmarie,x\n": "", "jean,pass\nmarie,x\n": "", "login;mdp\njean;x\n": "mdp",
		"login,mdp_hash\njean,x\n": "mdp_hash", "login,pass\njean,x\n": "pass"} {
		_, col, err := Audit(context.Background(), strings.NewReader(data), "users.csv", "")
		if col != want || (err == nil) != (want != "") {
			t.Errorf("%q: column %q, err %v; want %q", data, col, err, want)
		}
		if err != nil && !strings.Contains(err.Error(), "users.csv:1: no column named like a password hash (columns: column 1, column 2); name it with --column") {
			t.Errorf("%q: the error shows a cell: %v", data, err)
		}
	}
}

// TestIndexWithoutHeader: a column given by number in a file without a
// header audits the first line too, and labels the target by the number,
// not by the first line's value.
func TestIndexWithoutHeader(t *testing.T) {
	path := filepath.Join(t.TempDir(), "users.csv")
	if err := os.WriteFile(path, []byte("jean@x.fr,Azerty123!\nmarie@x.fr,"+seedBcrypt+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ev, err := AuditFile(context.Background(), path, "2")
	if err != nil || ev.Audit.Total != 2 || ev.Target != path+"#column 2" {
		t.Errorf("audit %+v, err %v; want 2 values audited, target %q", ev, err, path+"#column 2")
	}
	if v := leaks(fmt.Sprintf("%+v", ev)); v != "" {
		t.Errorf("the evidence shows %q: %+v", v, ev)
	}
}

// TestHashIsNotAHeader: a hash whose random letters spell "mdp" or "hash"
// is not taken for a header naming the column, which would make it the
// target's label in every finding.
func TestHashIsNotAHeader(t *testing.T) {
	hash := "$2b$12$R9h/cIPz0gi.URNNX3kh2OmdpST9/PgBkqquzi.Ss7KIUgO2t0jW"
	seeds = append(seeds, hash)
	defer func() { seeds = seeds[:len(seeds)-1] }()
	path := filepath.Join(t.TempDir(), "users.csv")
	if err := os.WriteFile(path, []byte("jean@x.fr,"+hash+"\nmarie@x.fr,"+seedBcrypt+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ev, err := AuditFile(context.Background(), path, "")
	if v := leaks(fmt.Sprintf("%+v %v", ev, err)); v != "" {
		t.Errorf("the evidence shows %q: %+v %v", v, ev, err)
	}
}

// TestNamesAColumn: a cell names a usual column by a whole word (camel case
// split), never by the start of a longer word a password may be.
func TestNamesAColumn(t *testing.T) {
	for cell, want := range map[string]bool{"EmailAddress": true, "user_name": true, "logins": true, "Login": true,
		"Compteur": false, "Emailing": false, "super_user": false, "mon-compte": false, "Jean Dupont": false, "roland": false} {
		if got := namesAColumn([]string{cell}); got != want {
			t.Errorf("namesAColumn(%q) = %v, want %v", cell, got, want)
		}
	}
}

// A first line whose only column name is a password word ("Password",
// "hash") beside no usual column is a person's line, not a header: it is
// never taken for the column's name, so it cannot name the target.
func TestPasswordWordAloneIsNotAHeader(t *testing.T) {
	for _, data := range []string{"jean@x.fr,Password\nmarc@x.fr," + seedBcrypt + "\n", "jean,password\nmarc," + seedBcrypt + "\n", "12,hash\n13," + seedBcrypt + "\n"} {
		_, col, err := Audit(context.Background(), strings.NewReader(data), "users.csv", "")
		if strings.Contains(strings.ToLower(col), "pass") || strings.Contains(col, "hash") {
			t.Errorf("%q: column %q names the target with a value (err %v)", data, col, err)
		}
		if err == nil || !strings.HasPrefix(err.Error(), "users.csv:1: ") || strings.Contains(err.Error(), "Password") ||
			strings.Contains(err.Error(), ", password)") || strings.Contains(err.Error(), ", hash)") {
			t.Errorf("%q: %v, want the line refused as a header without showing its cells", data, err)
		}
	}
}
