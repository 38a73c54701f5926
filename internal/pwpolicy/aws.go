package pwpolicy

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/internal/check"
)

// awsValues is an IAM account password policy, whichever shape it came
// in: the CLI output's PasswordPolicy, the bare object (--query
// PasswordPolicy, the SDKs), the update-account-password-policy
// --cli-input-json input, or Terraform's attributes.
type awsValues struct {
	MinimumPasswordLength      *int  `json:"MinimumPasswordLength"`
	RequireSymbols             *bool `json:"RequireSymbols"`
	RequireNumbers             *bool `json:"RequireNumbers"`
	RequireUppercaseCharacters *bool `json:"RequireUppercaseCharacters"`
	RequireLowercaseCharacters *bool `json:"RequireLowercaseCharacters"`
	ExpirePasswords            *bool `json:"ExpirePasswords"`
	MaxPasswordAge             *int  `json:"MaxPasswordAge"`
	PasswordReusePrevention    *int  `json:"PasswordReusePrevention"`
}

// awsKeys marks a bare object or a --cli-input-json input as IAM's.
var awsKeys = []string{"MinimumPasswordLength", "RequireSymbols", "RequireNumbers", "RequireUppercaseCharacters",
	"RequireLowercaseCharacters", "MaxPasswordAge", "PasswordReusePrevention", "AllowUsersToChangePassword", "HardExpiry"}

func isAWSBare(obj map[string]json.RawMessage) bool {
	for _, k := range awsKeys {
		if obj[k] != nil {
			return true
		}
	}
	return false
}

func parseAWS(name string, data []byte, wrapped bool) ([]password.Policy, error) {
	var v awsValues
	var err error
	if wrapped {
		var d struct {
			PasswordPolicy *awsValues `json:"PasswordPolicy"`
		}
		if err = json.Unmarshal(data, &d); err == nil && d.PasswordPolicy == nil {
			return nil, fileErr(name, "no PasswordPolicy object", "aucun objet PasswordPolicy")
		}
		if d.PasswordPolicy != nil {
			v = *d.PasswordPolicy
		}
	} else {
		err = json.Unmarshal(data, &v)
	}
	if err != nil {
		return nil, jsonError(name, data, err)
	}
	p, err := v.policy(name, func(f string) int { return lineOf(data, `"`+f+`"`) }, nil)
	if err != nil {
		return nil, err
	}
	return []password.Policy{p}, nil
}

// policy range-checks v (as IAM accepts: length 6–128, age 0–1095 where
// 0 is never, reuse 0–24) and fills what it omits with the defaults of
// UpdateAccountPasswordPolicy: length 6, no class required, no expiry, no
// reuse prevention. tf renames the fields for Terraform's attributes.
func (v awsValues) policy(name string, line func(field string) int, tf map[string]string) (password.Policy, error) {
	label := func(f string) string {
		if tf != nil {
			return tf[f]
		}
		return f
	}
	for _, f := range []intField{{"MinimumPasswordLength", v.MinimumPasswordLength, 6, 128}, {"MaxPasswordAge", v.MaxPasswordAge, 0, 1095},
		{"PasswordReusePrevention", v.PasswordReusePrevention, 0, 24}} {
		if err := within(name, line(label(f.field)), label(f.field), f.v, f.lo, f.hi); err != nil {
			return password.Policy{}, err
		}
	}
	assumed := map[password.Topic][]string{}
	topic := map[string]password.Topic{"MinimumPasswordLength": password.AboutStrength, "MaxPasswordAge": password.AboutExpiry, "PasswordReusePrevention": password.AboutHistory}
	num := func(f string, p *int, def int) *int {
		if p == nil {
			assumed[topic[f]] = append(assumed[topic[f]], fmt.Sprintf("%s %d", label(f), def))
			return ptr(def)
		}
		return p
	}
	req := func(f string, b *bool) password.Tri {
		if b == nil {
			assumed[password.AboutStrength] = append(assumed[password.AboutStrength], label(f)+" false")
			return password.No
		}
		return tri(b)
	}
	p := password.Policy{Name: "aws-iam-account", Format: "aws-iam",
		MinLength:      num("MinimumPasswordLength", v.MinimumPasswordLength, 6),
		RequireSpecial: req("RequireSymbols", v.RequireSymbols), RequireDigit: req("RequireNumbers", v.RequireNumbers),
		RequireUpper: req("RequireUppercaseCharacters", v.RequireUppercaseCharacters), RequireLower: req("RequireLowercaseCharacters", v.RequireLowercaseCharacters),
		HistoryCount: num("PasswordReusePrevention", v.PasswordReusePrevention, 0)}
	switch {
	case v.ExpirePasswords != nil && !*v.ExpirePasswords:
		p.MaxAgeDays = ptr(0)
	default:
		p.MaxAgeDays = num("MaxPasswordAge", v.MaxPasswordAge, 0)
	}
	for _, t := range []password.Topic{password.AboutStrength, password.AboutExpiry, password.AboutHistory} {
		if list := assumed[t]; len(list) > 0 {
			p.Note(t, check.Textf("omitted, so AWS's defaults are assumed: %s", "omis, donc valeurs par défaut d'AWS supposées : %s", strings.Join(list, ", ")))
		}
	}
	// IAM cannot express lockout, MFA or storage: they stay unknown.
	return p, nil
}
