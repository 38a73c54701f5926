package pwpolicy

import (
	"encoding/json"
	"regexp"
	"strings"
	"time"

	"github.com/vigie-security/vigie/checks/password"
)

// keycloakDoc is the part of a realm export vigie reads.
type keycloakDoc struct {
	Realm                 string  `json:"realm"`
	PasswordPolicy        *string `json:"passwordPolicy"`
	BruteForceProtected   *bool   `json:"bruteForceProtected"`
	PermanentLockout      *bool   `json:"permanentLockout"`
	FailureFactor         *int    `json:"failureFactor"`
	WaitIncrementSeconds  *int    `json:"waitIncrementSeconds"`
	MaxFailureWaitSeconds *int    `json:"maxFailureWaitSeconds"`
}

var kcToken = regexp.MustCompile(`^([A-Za-z]+)(?:\((.*)\))?$`)

func parseKeycloak(name string, data []byte) ([]password.Policy, error) {
	var d keycloakDoc
	if err := json.Unmarshal(data, &d); err != nil {
		return nil, jsonError(name, data, err)
	}
	for _, f := range []intField{{"failureFactor", d.FailureFactor, 0, maxAttempts}, {"waitIncrementSeconds", d.WaitIncrementSeconds, 0, maxSeconds},
		{"maxFailureWaitSeconds", d.MaxFailureWaitSeconds, 0, maxSeconds}} {
		if err := within(name, lineOf(data, `"`+f.field+`"`), f.field, f.v, f.lo, f.hi); err != nil {
			return nil, err
		}
	}
	p := password.Policy{Name: "keycloak-" + d.Realm, Format: "keycloak", Blacklist: password.No, MaxAgeDays: ptr(0), MaxLength: ptr(0)}
	if d.Realm == "" {
		p.Name = "keycloak"
	}
	if d.PasswordPolicy != nil {
		p.MinLength = ptr(1) // Keycloak without length() accepts any non-empty password
		var classes []string
		line := lineOf(data, `"passwordPolicy"`)
		for _, tok := range strings.Split(*d.PasswordPolicy, " and ") {
			tok = strings.TrimSpace(tok)
			if tok == "" {
				continue
			}
			m := kcToken.FindStringSubmatch(tok)
			if m == nil {
				return nil, lineErr(name, line, "passwordPolicy: %s is not id(argument)", "passwordPolicy : %s n'est pas de la forme id(argument)", quoteShort(tok))
			}
			id, arg := m[1], m[2]
			num := func() (*int, error) {
				hi := map[string]int{"length": maxLength, "maxLength": maxMaxLength, "passwordHistory": maxHistory,
					"forceExpiredPasswordChange": maxDays, "hashIterations": maxRounds}[id]
				n, err := wholeIn(name, line, "passwordPolicy "+id, arg, 0, hi)
				return ptr(n), err
			}
			var err error
			switch id {
			case "length":
				p.MinLength, err = num()
			case "maxLength":
				p.MaxLength, err = num()
			case "upperCase", "lowerCase", "digits", "specialChars":
				classes = append(classes, map[string]string{"upperCase": "upper", "lowerCase": "lower", "digits": "digits", "specialChars": "specials"}[id])
			case "passwordBlacklist":
				p.Blacklist = password.Yes
			case "passwordHistory":
				p.HistoryCount, err = num()
			case "forceExpiredPasswordChange":
				p.MaxAgeDays, err = num()
			case "hashAlgorithm":
				if p.Storage == nil {
					p.Storage = &password.Storage{Salted: password.Yes}
				}
				p.Storage.Algorithm = strings.ToLower(arg)
			case "hashIterations":
				if p.Storage == nil {
					p.Storage = &password.Storage{Salted: password.Yes}
				}
				var it *int
				if it, err = num(); err == nil {
					p.Storage.Iterations = *it
				}
			}
			if err != nil {
				return nil, err
			}
		}
		_ = p.SetClasses(classes...) // names from the fixed map above
		// Without hashAlgorithm, Keycloak uses its version's default (Argon2 from 25, PBKDF2 before): unknown here.
		if p.Storage != nil && p.Storage.Algorithm == "" {
			p.Storage = nil
		}
	}
	if d.BruteForceProtected != nil {
		if *d.BruteForceProtected && d.FailureFactor != nil {
			p.LockoutThreshold = d.FailureFactor
			if d.PermanentLockout != nil && *d.PermanentLockout {
				p.LockoutDuration = ptr(time.Duration(0))
			} else if d.WaitIncrementSeconds != nil {
				p.LockoutDuration = ptr(time.Duration(*d.WaitIncrementSeconds) * time.Second)
			}
		} else if !*d.BruteForceProtected {
			p.LockoutThreshold = ptr(0)
		}
	}
	return []password.Policy{p}, nil
}
