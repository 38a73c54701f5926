package pwpolicy

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/internal/check"
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
	err := eachLine(name, data, func(line int, s string) error {
		s = strings.TrimSpace(s)
		if s == "" || strings.HasPrefix(s, ";") {
			return nil
		}
		if strings.HasPrefix(s, "[") {
			section = strings.ToLower(s)
			return nil
		}
		if section != "[system access]" {
			return nil
		}
		k, v, ok := strings.Cut(s, "=")
		if !ok {
			return lineErr(name, line, "a line without = (expected key = value; the line is not shown: it may hold a person's data)",
				"une ligne sans = (attendu : clé = valeur ; la ligne n'est pas affichée : elle peut contenir des données personnelles)")
		}
		k, v = strings.TrimSpace(k), strings.Trim(strings.TrimSpace(v), `"`)
		r, ok := seceditRange[k]
		if !ok {
			return nil // other [System Access] keys say nothing about passwords
		}
		n, err := wholeIn(name, line, k, v, r[0], r[1])
		if err != nil {
			return err
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
		return nil
	})
	if err != nil {
		return nil, err
	}
	return []password.Policy{p}, nil
}

// seceditRange is what Windows accepts for each key (-1 is "never" where it applies).
var seceditRange = map[string][2]int{"MinimumPasswordLength": {0, maxLength}, "PasswordComplexity": {0, 1},
	"MaximumPasswordAge": {-1, maxDays}, "PasswordHistorySize": {0, maxHistory}, "LockoutBadCount": {0, maxAttempts},
	"LockoutDuration": {-1, maxSeconds / 60}, "ClearTextPassword": {0, 1}}

var adLine = regexp.MustCompile(`^\s*([A-Za-z]+)\s*:\s*(.*?)\s*$`)

// parseADText reads the text output of Get-ADDefaultDomainPasswordPolicy.
func parseADText(name string, data []byte) ([]password.Policy, error) {
	p := password.Policy{Name: "ad-default-domain", Format: "ad-powershell", Storage: ntHashes()}
	err := eachLine(name, data, func(line int, s string) error {
		m := adLine.FindStringSubmatch(s)
		if m == nil {
			return nil
		}
		k, v := m[1], m[2]
		bad := func(what check.Text) error {
			return lineErr(name, line, "%s: %s is not %s", "%s : %s n'est pas %s", k, quoteShort(v), what)
		}
		switch k {
		case "MinPasswordLength", "PasswordHistoryCount", "LockoutThreshold":
			hi := map[string]int{"MinPasswordLength": maxLength, "PasswordHistoryCount": maxHistory, "LockoutThreshold": maxAttempts}[k]
			n, err := wholeIn(name, line, k, v, 0, hi)
			if err != nil {
				return err
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
				return bad(tx("True or False", "True ou False"))
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
				return lineErr(name, line, "%s: %s is not a time span such as 42.00:00:00 (%v)", "%s : %s n'est pas une durée comme 42.00:00:00 (%v)", k, quoteShort(v), err)
			}
			if k == "MaxPasswordAge" {
				p.MaxAgeDays = ptr(int(d.Hours() / 24))
			} else {
				p.LockoutDuration = &d
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if p.MinLength == nil {
		return nil, fileErr(name, "no MinPasswordLength line: not Get-ADDefaultDomainPasswordPolicy output",
			"aucune ligne MinPasswordLength : ce n'est pas une sortie de Get-ADDefaultDomainPasswordPolicy")
	}
	return []password.Policy{p}, nil
}

// timespan reads a .NET TimeSpan: [d.]hh:mm:ss[.fff], with days up to
// maxDays so that days × 24 h cannot overflow. TimeSpan.MaxValue, which AD
// shows for "never", reads as 0 (never expires, or until an administrator unlocks).
func timespan(s string) (time.Duration, error) {
	if strings.HasPrefix(s, "10675199.02:48:05") {
		return 0, nil
	}
	days := 0
	if d, rest, ok := strings.Cut(s, "."); ok && strings.Count(rest, ":") == 2 {
		n, err := strconv.Atoi(d)
		if err != nil || n < 0 || n > maxDays {
			return 0, check.Errorf("days must be 0 to %d", "les jours vont de 0 à %d", maxDays)
		}
		days, s = n, rest
	}
	s, _, _ = strings.Cut(s, ".")
	parts := strings.Split(s, ":")
	if len(parts) != 3 {
		return 0, check.Errorf("not d.hh:mm:ss", "pas de la forme j.hh:mm:ss")
	}
	var v [3]int
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || n > [3]int{23, 59, 59}[i] {
			return 0, check.Errorf("hours 0 to 23, minutes and seconds 0 to 59", "heures de 0 à 23, minutes et secondes de 0 à 59")
		}
		v[i] = n
	}
	return time.Duration(days)*24*time.Hour + time.Duration(v[0])*time.Hour + time.Duration(v[1])*time.Minute + time.Duration(v[2])*time.Second, nil
}
