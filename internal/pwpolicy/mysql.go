package pwpolicy

import (
	"bufio"
	"bytes"
	"strings"
	"time"

	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/internal/check"
)

func isMySQL(low []byte) bool {
	return bytes.Contains(low, []byte("validate_password")) || bytes.Contains(low, []byte("simple_password_check"))
}

// mysqlVars reads SHOW VARIABLES output, tabular (| name | value |),
// tab-separated (mysql -B) or vertical (\G), into name → value and line. MySQL 5.7's
// validate_password_x is read as 8.0's validate_password.x.
func mysqlVars(name string, data []byte) (map[string]string, map[string]int, error) {
	vals, lines := map[string]string{}, map[string]int{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 64<<10)
	vertical := "" // \G output: "Variable_name: x" then "Value: y"
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimSpace(sc.Text())
		var k, v string
		switch {
		case strings.HasPrefix(s, "Variable_name:"):
			vertical = strings.TrimSpace(strings.TrimPrefix(s, "Variable_name:"))
			continue
		case strings.HasPrefix(s, "Value:") && vertical != "":
			k, v, vertical = vertical, strings.TrimSpace(strings.TrimPrefix(s, "Value:")), ""
		case strings.HasPrefix(s, "|"):
			cells := strings.Split(strings.Trim(s, "|"), "|")
			if len(cells) != 2 {
				return nil, nil, lineErr(name, line, "expected | Variable_name | Value |, got %d cells", "attendu : | Variable_name | Value |, trouvé %d cellules", len(cells))
			}
			k, v = strings.TrimSpace(cells[0]), strings.TrimSpace(cells[1])
		case strings.Contains(s, "\t"):
			k, v, _ = strings.Cut(s, "\t")
			k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		default:
			continue // borders, headers, "N rows in set"
		}
		k = strings.ToLower(k)
		if k == "variable_name" {
			continue
		}
		if rest, ok := strings.CutPrefix(k, "validate_password_"); ok {
			k = "validate_password." + rest
		}
		vals[k], lines[k] = v, line
	}
	if err := sc.Err(); err != nil {
		return nil, nil, scanErr(name, err)
	}
	return vals, lines, nil
}

// parseMySQL judges the validate_password component (MySQL) or the
// simple_password_check plugin (MariaDB), with MariaDB's
// max_password_errors, the connection_control delay, and the default
// authentication plugin's storage.
func parseMySQL(name string, data []byte) ([]password.Policy, error) {
	vals, lines, err := mysqlVars(name, data)
	if err != nil {
		return nil, err
	}
	num := func(k string, def, hi int) (int, error) {
		v, ok := vals[k]
		if !ok {
			return def, nil
		}
		return wholeIn(name, lines[k], k, v, 0, hi)
	}
	var p password.Policy
	switch {
	case vals["validate_password.length"] != "" || vals["validate_password.policy"] != "":
		p = password.Policy{Name: "mysql", Format: "mysql"}
		policy := strings.ToUpper(vals["validate_password.policy"])
		switch policy {
		case "", "1":
			policy = "MEDIUM" // the default
		case "0":
			policy = "LOW"
		case "2":
			policy = "STRONG"
		case "LOW", "MEDIUM", "STRONG":
		default:
			return nil, lineErr(name, lines["validate_password.policy"], "validate_password.policy: %s is not LOW, MEDIUM or STRONG",
				"validate_password.policy : %s n'est pas LOW, MEDIUM ou STRONG", quoteShort(policy))
		}
		length, err := num("validate_password.length", 8, maxLength)
		if err != nil {
			return nil, err
		}
		var counts [3]int
		for i, k := range []string{"validate_password.mixed_case_count", "validate_password.number_count", "validate_password.special_char_count"} {
			if counts[i], err = num(k, 1, maxLength); err != nil {
				return nil, err
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
		if policy == "STRONG" && vals["validate_password.dictionary_file"] != "" {
			p.Blacklist = password.Yes
		}
		p.Note(password.AboutStrength, check.Textf("validate_password.policy %s", "validate_password.policy %s", policy))
	default:
		p = password.Policy{Name: "mariadb", Format: "mariadb"}
		length, err := num("simple_password_check_minimal_length", 8, maxLength)
		if err != nil {
			return nil, err
		}
		p.MinLength = ptr(length)
		var classes []string
		for _, c := range []struct {
			k  string
			cl []string
		}{{"simple_password_check_letters_same_case", []string{"lower", "upper"}}, {"simple_password_check_digits", []string{"digits"}},
			{"simple_password_check_other_characters", []string{"specials"}}} {
			n, err := num(c.k, 1, maxLength)
			if err != nil {
				return nil, err
			}
			if n > 0 {
				classes = append(classes, c.cl...)
			}
		}
		_ = p.SetClasses(classes...)
		if v, ok := vals["cracklib_password_check"]; ok {
			p.Blacklist = tri(ptr(strings.EqualFold(v, "ON")))
		}
	}
	if err := mysqlLockout(name, vals, lines, &p); err != nil {
		return nil, err
	}
	plugin := vals["default_authentication_plugin"]
	if ap, ok := vals["authentication_policy"]; ok && plugin == "" {
		plugin, _, _ = strings.Cut(ap, ",")
	}
	switch strings.TrimSpace(plugin) {
	case "mysql_native_password":
		p.Storage = &password.Storage{Algorithm: "sha1", Salted: password.No} // SHA1(SHA1(password)), unsalted
	case "caching_sha2_password", "sha256_password":
		p.Storage = &password.Storage{Algorithm: "sha256crypt", Iterations: 5000, Salted: password.Yes}
	}
	return []password.Policy{p}, nil
}

func mysqlLockout(name string, vals map[string]string, lines map[string]int, p *password.Policy) error {
	if v, ok := vals["max_password_errors"]; ok {
		n, err := wholeIn(name, lines["max_password_errors"], "max_password_errors", v, 0, 1<<32-1)
		if err != nil {
			return err
		}
		if n >= maxAttempts {
			n = 0 // the default 4294967295: no limit
		}
		p.LockoutThreshold = ptr(n)
		p.LockoutDuration = ptr(time.Duration(0)) // blocked until FLUSH PRIVILEGES
	}
	if v, ok := vals["connection_control_failed_connections_threshold"]; ok {
		n, err := wholeIn(name, lines["connection_control_failed_connections_threshold"], "connection_control_failed_connections_threshold", v, 0, maxAttempts)
		if err != nil {
			return err
		}
		ms := 1000
		if d, ok := vals["connection_control_min_connection_delay"]; ok {
			if ms, err = wholeIn(name, lines["connection_control_min_connection_delay"], "connection_control_min_connection_delay", d, 0, maxSeconds); err != nil {
				return err
			}
		}
		if n > 0 {
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
