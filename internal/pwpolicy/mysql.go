package pwpolicy

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/internal/check"
)

func isMySQL(low []byte) bool {
	return bytes.Contains(low, []byte("validate_password")) || bytes.Contains(low, []byte("simple_password_check"))
}

// mysqlDefault is what the server takes for a variable SHOW VARIABLES
// does not print (a LIKE filter left it out): the finding names it.
type mysqlDefault struct {
	value string
	of    check.Text // whose default, for the note
	about password.Topic
}

var (
	validatePassword    = check.Text{EN: "MySQL's validate_password", FR: "de validate_password (MySQL)"}
	simplePasswordCheck = check.Text{EN: "MariaDB's simple_password_check", FR: "de simple_password_check (MariaDB)"}
	connectionControl   = check.Text{EN: "connection_control's", FR: "de connection_control"}
)

var mysqlDefaults = map[string]mysqlDefault{
	// MySQL Reference Manual, "Password Validation Options and Variables":
	// the 8.0+ component (validate_password.x) and the 5.7 plugin
	// (validate_password_x) have the same defaults.
	"validate_password.policy":             {"MEDIUM", validatePassword, password.AboutStrength},
	"validate_password.length":             {"8", validatePassword, password.AboutStrength},
	"validate_password.mixed_case_count":   {"1", validatePassword, password.AboutStrength},
	"validate_password.number_count":       {"1", validatePassword, password.AboutStrength},
	"validate_password.special_char_count": {"1", validatePassword, password.AboutStrength},
	"validate_password.dictionary_file":    {"", validatePassword, password.AboutBlacklist}, // no dictionary
	// MariaDB Knowledge Base, "Simple Password Check Plugin" (system variables).
	"simple_password_check_minimal_length":    {"8", simplePasswordCheck, password.AboutStrength},
	"simple_password_check_letters_same_case": {"1", simplePasswordCheck, password.AboutStrength},
	"simple_password_check_digits":            {"1", simplePasswordCheck, password.AboutStrength},
	"simple_password_check_other_characters":  {"1", simplePasswordCheck, password.AboutStrength},
	// MySQL Reference Manual, "Connection-Control System and Status
	// Variables" (the delay in milliseconds).
	"connection_control_failed_connections_threshold": {"3", connectionControl, password.AboutLockout},
	"connection_control_min_connection_delay":         {"1000", connectionControl, password.AboutLockout},
}

// showVars is SHOW VARIABLES output: each variable's value and line, and
// the defaults taken for those it omits.
type showVars struct {
	name    string
	vals    map[string]string
	lines   map[string]int
	assumed []string // in the order asked, each in mysqlDefaults
}

// get is the variable's value, or its default, noted as assumed.
func (v *showVars) get(k string) string {
	if s, ok := v.vals[k]; ok {
		return s
	}
	v.assumed = append(v.assumed, k)
	return mysqlDefaults[k].value
}

// num is the variable (or its default) as a whole number in [0, hi].
func (v *showVars) num(k string, hi int) (int, error) {
	return wholeIn(v.name, v.lines[k], k, v.get(k), 0, hi)
}

// has tells whether any variable starts with prefix.
func (v *showVars) has(prefix string) bool {
	for k := range v.vals {
		if strings.HasPrefix(k, prefix) {
			return true
		}
	}
	return false
}

// note says which defaults were assumed, one note per topic and source,
// as AWS's and Entra's do.
func (v *showVars) note(p *password.Policy) {
	type group struct {
		of     check.Text
		about  password.Topic
		en, fr []string
	}
	var groups []*group
	for _, k := range v.assumed {
		d := mysqlDefaults[k]
		var g *group
		for _, x := range groups {
			if x.of == d.of && x.about == d.about {
				g = x
			}
		}
		if g == nil {
			g = &group{of: d.of, about: d.about}
			groups = append(groups, g)
		}
		en, fr := k+" "+d.value, k+" "+d.value
		if d.value == "" {
			en, fr = k+" empty", k+" vide"
		}
		g.en, g.fr = append(g.en, en), append(g.fr, fr)
	}
	for _, g := range groups {
		p.Note(g.about, check.Text{EN: fmt.Sprintf("omitted, so %s defaults are assumed: %s", g.of.EN, strings.Join(g.en, ", ")),
			FR: fmt.Sprintf("omis, donc valeurs par défaut %s supposées : %s", g.of.FR, strings.Join(g.fr, ", "))})
	}
}

// mysqlVars reads SHOW VARIABLES output, tabular (| name | value |),
// tab-separated (mysql -B) or vertical (\G), into name → value and line. MySQL 5.7's
// validate_password_x is read as 8.0's validate_password.x.
func mysqlVars(name string, data []byte) (*showVars, error) {
	v := &showVars{name: name, vals: map[string]string{}, lines: map[string]int{}}
	vertical := "" // \G output: "Variable_name: x" then "Value: y"
	err := eachLine(name, data, func(line int, s string) error {
		s = strings.TrimSpace(s)
		var k, val string
		switch {
		case strings.HasPrefix(s, "Variable_name:"):
			vertical = strings.TrimSpace(strings.TrimPrefix(s, "Variable_name:"))
			return nil
		case strings.HasPrefix(s, "Value:") && vertical != "":
			k, val, vertical = vertical, strings.TrimSpace(strings.TrimPrefix(s, "Value:")), ""
		case strings.HasPrefix(s, "|"):
			cells := strings.Split(strings.Trim(s, "|"), "|")
			if len(cells) != 2 {
				return lineErr(name, line, "expected | Variable_name | Value |, got %d cells", "attendu : | Variable_name | Value |, trouvé %d cellules", len(cells))
			}
			k, val = strings.TrimSpace(cells[0]), strings.TrimSpace(cells[1])
		case strings.Contains(s, "\t"):
			k, val, _ = strings.Cut(s, "\t")
			k, val = strings.TrimSpace(k), strings.TrimSpace(val)
		default:
			return nil // borders, headers, "N rows in set"
		}
		k = strings.ToLower(k)
		if k == "variable_name" {
			return nil
		}
		if rest, ok := strings.CutPrefix(k, "validate_password_"); ok {
			k = "validate_password." + rest
		}
		v.vals[k], v.lines[k] = val, line
		return nil
	})
	if err != nil {
		return nil, err
	}
	return v, nil
}

// parseMySQL judges the validate_password component (MySQL) or the
// simple_password_check plugin (MariaDB), with MariaDB's
// max_password_errors, the connection_control delay, and the default
// authentication plugin's storage. A variable the output omits takes the
// server's default (mysqlDefaults), and the findings say so.
func parseMySQL(name string, data []byte) ([]password.Policy, error) {
	v, err := mysqlVars(name, data)
	if err != nil {
		return nil, err
	}
	var p password.Policy
	switch {
	case v.has("validate_password."):
		if p, err = v.validatePassword(); err != nil {
			return nil, err
		}
	case v.has("simple_password_check_"):
		if p, err = v.simplePasswordCheck(); err != nil {
			return nil, err
		}
	default:
		// Only a mention (a README, an "Empty set" answer): no policy of defaults.
		return nil, fileErr(name, "no validate_password or simple_password_check variable: %v",
			"aucune variable validate_password ni simple_password_check : %v", errNoFormat)
	}
	if err := v.lockout(&p); err != nil {
		return nil, err
	}
	plugin := v.vals["default_authentication_plugin"]
	if ap, ok := v.vals["authentication_policy"]; ok && plugin == "" {
		plugin, _, _ = strings.Cut(ap, ",")
	}
	switch strings.TrimSpace(plugin) {
	case "mysql_native_password":
		p.Storage = &password.Storage{Algorithm: "sha1", Salted: password.No} // SHA1(SHA1(password)), unsalted
	case "caching_sha2_password", "sha256_password":
		p.Storage = &password.Storage{Algorithm: "sha256crypt", Iterations: 5000, Salted: password.Yes}
	}
	v.note(&p)
	return []password.Policy{p}, nil
}

func (v *showVars) validatePassword() (password.Policy, error) {
	p := password.Policy{Name: "mysql", Format: "mysql"}
	policy := strings.ToUpper(v.get("validate_password.policy"))
	switch policy {
	case "0":
		policy = "LOW"
	case "1":
		policy = "MEDIUM"
	case "2":
		policy = "STRONG"
	case "LOW", "MEDIUM", "STRONG":
	default:
		return p, lineErr(v.name, v.lines["validate_password.policy"], "validate_password.policy: %s is not LOW, MEDIUM or STRONG",
			"validate_password.policy : %s n'est pas LOW, MEDIUM ou STRONG", quoteShort(policy))
	}
	length, err := v.num("validate_password.length", maxLength)
	if err != nil {
		return p, err
	}
	var counts [3]int
	for i, k := range []string{"validate_password.mixed_case_count", "validate_password.number_count", "validate_password.special_char_count"} {
		if counts[i], err = v.num(k, maxLength); err != nil {
			return p, err
		}
	}
	// MySQL raises length to what the counts need (validate_password docs).
	p.MinLength = ptr(max(length, 2*counts[0]+counts[1]+counts[2]))
	var classes []string
	if policy != "LOW" {
		for i, c := range [][]string{{"lower", "upper"}, {"digits"}, {"specials"}} {
			if counts[i] > 0 {
				classes = append(classes, c...)
			}
		}
	}
	_ = p.SetClasses(classes...)
	p.Blacklist = password.No
	if policy == "STRONG" && v.get("validate_password.dictionary_file") != "" {
		p.Blacklist = password.Yes
	}
	p.Note(password.AboutStrength, check.Textf("validate_password.policy %s", "validate_password.policy %s", policy))
	return p, nil
}

func (v *showVars) simplePasswordCheck() (password.Policy, error) {
	p := password.Policy{Name: "mariadb", Format: "mariadb"}
	length, err := v.num("simple_password_check_minimal_length", maxLength)
	if err != nil {
		return p, err
	}
	p.MinLength = ptr(length)
	var classes []string
	for _, c := range []struct {
		k  string
		cl []string
	}{{"simple_password_check_letters_same_case", []string{"lower", "upper"}}, {"simple_password_check_digits", []string{"digits"}},
		{"simple_password_check_other_characters", []string{"specials"}}} {
		n, err := v.num(c.k, maxLength)
		if err != nil {
			return p, err
		}
		if n > 0 {
			classes = append(classes, c.cl...)
		}
	}
	_ = p.SetClasses(classes...)
	if s, ok := v.vals["cracklib_password_check"]; ok {
		p.Blacklist = tri(ptr(strings.EqualFold(s, "ON")))
	}
	return p, nil
}

// lockout reads MariaDB's max_password_errors (omitted: unknown, as
// the output does not say the server has it) and the connection_control
// plugin, whose variables both exist once it is loaded: one omitted
// takes its default.
func (v *showVars) lockout(p *password.Policy) error {
	if s, ok := v.vals["max_password_errors"]; ok {
		n, err := wholeIn(v.name, v.lines["max_password_errors"], "max_password_errors", s, 0, 1<<32-1)
		if err != nil {
			return err
		}
		if n >= maxAttempts {
			n = 0 // the default 4294967295: no limit
		}
		p.LockoutThreshold = ptr(n)
		p.LockoutDuration = ptr(time.Duration(0)) // blocked until FLUSH PRIVILEGES
	}
	_, threshold := v.vals["connection_control_failed_connections_threshold"]
	_, delay := v.vals["connection_control_min_connection_delay"]
	if threshold || delay {
		n, err := v.num("connection_control_failed_connections_threshold", maxAttempts)
		if err != nil {
			return err
		}
		if n > 0 { // 0 turns the delays off
			ms, err := v.num("connection_control_min_connection_delay", maxSeconds)
			if err != nil {
				return err
			}
			p.Throttling = &password.Throttling{Grows: true, AfterFailures: n, FirstDelay: time.Duration(ms) * time.Millisecond}
			p.Note(password.AboutLockout, check.Text{EN: "connection_control delays connections after failures, with no daily cap",
				FR: "connection_control retarde les connexions après des échecs, sans plafond quotidien"})
		}
	}
	if p.LockoutThreshold == nil && p.Throttling == nil && p.Format == "mysql" {
		p.Note(password.AboutLockout, check.Text{EN: "MySQL limits failures per account (FAILED_LOGIN_ATTEMPTS in CREATE USER), not in these variables",
			FR: "MySQL limite les échecs par compte (FAILED_LOGIN_ATTEMPTS de CREATE USER), pas dans ces variables"})
	}
	return nil
}
