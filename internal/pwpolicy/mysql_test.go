package pwpolicy

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/vigie-security/vigie/checks/password"
)

// TestMySQLOmittedDefaults: a variable SHOW VARIABLES leaves out (a LIKE
// filter, an older server) takes the server's documented default, and the
// finding names it and the value assumed, in English and French, whatever
// the output's shape (tabular, mysql -B, \G).
func TestMySQLOmittedDefaults(t *testing.T) {
	cases := []struct {
		name, data string
		check      func(p password.Policy) bool
		en, fr     []string // what PWD-CNIL-001 says
	}{
		{"tabular", "+---+---+\n| Variable_name | Value |\n+---+---+\n| validate_password.length | 12 |\n| validate_password.policy | MEDIUM |\n+---+---+\n",
			func(p password.Policy) bool { return *p.MinLength == 12 && p.RequireSpecial == password.Yes },
			[]string{"omitted, so MySQL's validate_password defaults are assumed: validate_password.mixed_case_count 1, validate_password.number_count 1, validate_password.special_char_count 1"},
			[]string{"omis, donc valeurs par défaut de validate_password (MySQL) supposées : validate_password.mixed_case_count 1, validate_password.number_count 1, validate_password.special_char_count 1"}},
		{"mysql -B, 5.7 names", "Variable_name\tValue\nvalidate_password_length\t14\nvalidate_password_number_count\t0\n",
			func(p password.Policy) bool {
				return *p.MinLength == 14 && p.RequireDigit == password.No && p.RequireUpper == password.Yes
			},
			[]string{"defaults are assumed: validate_password.policy MEDIUM, validate_password.mixed_case_count 1, validate_password.special_char_count 1"},
			[]string{"supposées : validate_password.policy MEDIUM, validate_password.mixed_case_count 1, validate_password.special_char_count 1"}},
		{`\G, STRONG without a dictionary`, "*************************** 1. row ***************************\nVariable_name: validate_password.policy\n        Value: STRONG\n",
			func(p password.Policy) bool { return *p.MinLength == 8 && p.Blacklist == password.No },
			[]string{"assumed: validate_password.length 8, validate_password.mixed_case_count 1", "validate_password.dictionary_file empty"},
			[]string{"supposées : validate_password.length 8, validate_password.mixed_case_count 1", "validate_password.dictionary_file vide"}},
		{"MariaDB", "| Variable_name | Value |\n| simple_password_check_minimal_length | 14 |\n| max_password_errors | 5 |\n",
			func(p password.Policy) bool {
				return p.Format == "mariadb" && *p.MinLength == 14 && p.RequireSpecial == password.Yes
			},
			[]string{"omitted, so MariaDB's simple_password_check defaults are assumed: simple_password_check_letters_same_case 1, simple_password_check_digits 1, simple_password_check_other_characters 1"},
			[]string{"omis, donc valeurs par défaut de simple_password_check (MariaDB) supposées : simple_password_check_letters_same_case 1"}},
		{"connection_control delay", "validate_password.policy\tLOW\nvalidate_password.length\t12\nvalidate_password.mixed_case_count\t1\nvalidate_password.number_count\t1\nvalidate_password.special_char_count\t1\nconnection_control_failed_connections_threshold\t5\n",
			func(p password.Policy) bool {
				return p.Throttling != nil && p.Throttling.FirstDelay == time.Second && p.Throttling.AfterFailures == 5
			},
			[]string{"omitted, so connection_control's defaults are assumed: connection_control_min_connection_delay 1000"},
			[]string{"omis, donc valeurs par défaut de connection_control supposées : connection_control_min_connection_delay 1000"}},
		{"connection_control threshold", "validate_password.policy\tLOW\nvalidate_password.length\t12\nvalidate_password.mixed_case_count\t1\nvalidate_password.number_count\t1\nvalidate_password.special_char_count\t1\nconnection_control_min_connection_delay\t2000\n",
			func(p password.Policy) bool {
				return p.Throttling != nil && p.Throttling.FirstDelay == 2*time.Second && p.Throttling.AfterFailures == 3
			},
			[]string{"connection_control's defaults are assumed: connection_control_failed_connections_threshold 3"},
			[]string{"valeurs par défaut de connection_control supposées : connection_control_failed_connections_threshold 3"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ps, err := Parse("vars.txt", []byte(tc.data))
			if err != nil {
				t.Fatal(err)
			}
			if !tc.check(ps[0]) {
				t.Fatalf("fields: %+v", ps[0])
			}
			f := verdict(ps[0], "PWD-CNIL-001")
			for _, s := range tc.en {
				if !strings.Contains(f.Message.EN, s) {
					t.Errorf("English does not say %q:\n%s", s, f.Message.EN)
				}
			}
			for _, s := range tc.fr {
				if !strings.Contains(f.Message.FR, s) {
					t.Errorf("French does not say %q:\n%s", s, f.Message.FR)
				}
			}
		})
	}
}

// TestMySQLNothingAssumed: the samples list every variable vigie reads,
// so no default is claimed.
func TestMySQLNothingAssumed(t *testing.T) {
	for _, s := range []string{"mysql-show-variables.txt", "mysql57-variables.tsv", "mariadb-show-variables.txt"} {
		if f := verdict(load1(t, s), "PWD-CNIL-001"); strings.Contains(f.Message.EN, "defaults are assumed") {
			t.Errorf("%s: %s", s, f.Message.EN)
		}
	}
}

// TestMySQLNoVariable: a file that names validate_password or
// simple_password_check without any of their variables (a README, an
// "Empty set" answer) is no policy of all defaults, and a directory skips it.
func TestMySQLNoVariable(t *testing.T) {
	for _, data := range []string{"Our MariaDB loads simple_password_check.\n", "mysql> SHOW VARIABLES LIKE 'validate_password%';\nEmpty set (0.00 sec)\n"} {
		_, err := Parse("notes.txt", []byte(data))
		if err == nil || !errors.Is(err, errNoFormat) || !strings.Contains(err.Error(), "notes.txt: no validate_password or simple_password_check variable") {
			t.Errorf("%q: %v", data, err)
		}
	}
	dir := tree(t, map[string]string{"README.md": "Passwords: MySQL's validate_password component.\n", "aws.json": `{"MinimumPasswordLength": 12}`})
	if ps := loadAt(t, dir); len(ps) != 1 {
		t.Errorf("%d policies: %v", len(ps), ps)
	}
}
