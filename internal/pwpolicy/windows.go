package pwpolicy

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/vigie-security/vigie/checks/password"
)

// ntHashes: Active Directory keeps an NT hash (unsalted MD4) of every
// password, whatever the policy says; the CNIL sanctioned MD4 storage (Canal+, 2023).
func ntHashes() *password.Storage {
	return &password.Storage{Algorithm: "ntlm", Salted: password.No}
}

// parseSecedit reads the [System Access] section of a `secedit /export` or GptTmpl.inf file.
func parseSecedit(name string, data []byte) ([]password.Policy, error) {
	p := password.Policy{Name: "windows", Format: "secedit", Storage: ntHashes()}
	section := ""
	sc := bufio.NewScanner(bytes.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, ";") {
			continue
		}
		if strings.HasPrefix(s, "[") {
			section = strings.ToLower(s)
			continue
		}
		if section != "[system access]" {
			continue
		}
		k, v, ok := strings.Cut(s, "=")
		if !ok {
			return nil, fmt.Errorf("%s:%d: expected key = value, got %q", name, line, s)
		}
		k, v = strings.TrimSpace(k), strings.Trim(strings.TrimSpace(v), `"`)
		n, err := strconv.Atoi(v)
		switch k {
		case "MinimumPasswordLength", "PasswordComplexity", "MaximumPasswordAge", "PasswordHistorySize",
			"LockoutBadCount", "LockoutDuration", "ClearTextPassword":
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %s: %q is not a number", name, line, k, v)
			}
		default:
			continue // other [System Access] keys say nothing about passwords
		}
		switch k {
		case "MinimumPasswordLength":
			p.MinLength = ptr(n)
		case "PasswordComplexity":
			if n == 1 {
				p.MinClasses = ptr(3) // Windows complexity: 3 of the categories, no account name
			} else {
				p.MinClasses = nil
				_ = p.SetClasses() // complexity off: no class is forced
			}
		case "MaximumPasswordAge":
			p.MaxAgeDays = ptr(max(n, 0)) // 0 and -1 both mean never
		case "PasswordHistorySize":
			p.HistoryCount = ptr(n)
		case "LockoutBadCount":
			p.LockoutThreshold = ptr(n) // 0 = never
		case "LockoutDuration":
			p.LockoutDuration = ptr(time.Duration(max(n, 0)) * time.Minute) // -1: until an administrator unlocks
		case "ClearTextPassword":
			p.ReversibleStorage = password.No
			if n == 1 {
				p.ReversibleStorage = password.Yes
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return []password.Policy{p}, nil
}

var adLine = regexp.MustCompile(`^\s*([A-Za-z]+)\s*:\s*(.*?)\s*$`)

// parseADText reads the text output of Get-ADDefaultDomainPasswordPolicy.
func parseADText(name string, data []byte) ([]password.Policy, error) {
	p := password.Policy{Name: "ad-default-domain", Format: "ad-powershell", Storage: ntHashes()}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		m := adLine.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		k, v := m[1], m[2]
		bad := func(what string) error { return fmt.Errorf("%s:%d: %s: %q is not %s", name, line, k, v, what) }
		switch k {
		case "MinPasswordLength", "PasswordHistoryCount", "LockoutThreshold":
			n, err := strconv.Atoi(v)
			if err != nil {
				return nil, bad("a number")
			}
			switch k {
			case "MinPasswordLength":
				p.MinLength = ptr(n)
			case "PasswordHistoryCount":
				p.HistoryCount = ptr(n)
			default:
				p.LockoutThreshold = ptr(n)
			}
		case "ComplexityEnabled", "ReversibleEncryptionEnabled":
			b, err := strconv.ParseBool(v)
			if err != nil {
				return nil, bad("True or False")
			}
			if k == "ComplexityEnabled" && b {
				p.MinClasses = ptr(3)
			} else if k == "ComplexityEnabled" {
				_ = p.SetClasses() // complexity off: no class is forced
			} else {
				p.ReversibleStorage = tri(&b)
			}
		case "MaxPasswordAge", "LockoutDuration":
			d, err := timespan(v)
			if err != nil {
				return nil, bad("a time span such as 42.00:00:00")
			}
			if k == "MaxPasswordAge" {
				p.MaxAgeDays = ptr(int(d.Hours() / 24))
			} else {
				p.LockoutDuration = &d
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if p.MinLength == nil {
		return nil, fmt.Errorf("%s: no MinPasswordLength line: not Get-ADDefaultDomainPasswordPolicy output", name)
	}
	return []password.Policy{p}, nil
}

// timespan reads a .NET TimeSpan: [d.]hh:mm:ss[.fff].
func timespan(s string) (time.Duration, error) {
	days := 0
	if d, rest, ok := strings.Cut(s, "."); ok && strings.Count(rest, ":") == 2 {
		n, err := strconv.Atoi(d)
		if err != nil {
			return 0, err
		}
		days, s = n, rest
	}
	s, _, _ = strings.Cut(s, ".")
	parts := strings.Split(s, ":")
	if len(parts) != 3 {
		return 0, fmt.Errorf("bad time span")
	}
	var v [3]int
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil {
			return 0, err
		}
		v[i] = n
	}
	return time.Duration(days)*24*time.Hour + time.Duration(v[0])*time.Hour + time.Duration(v[1])*time.Minute + time.Duration(v[2])*time.Second, nil
}
