package pwpolicy

import (
	"encoding/json"
	"fmt"

	"github.com/vigie-security/vigie/checks/password"
)

// awsDoc is `aws iam get-account-password-policy` output.
type awsDoc struct {
	PasswordPolicy *struct {
		MinimumPasswordLength      *int  `json:"MinimumPasswordLength"`
		RequireSymbols             *bool `json:"RequireSymbols"`
		RequireNumbers             *bool `json:"RequireNumbers"`
		RequireUppercaseCharacters *bool `json:"RequireUppercaseCharacters"`
		RequireLowercaseCharacters *bool `json:"RequireLowercaseCharacters"`
		ExpirePasswords            *bool `json:"ExpirePasswords"`
		MaxPasswordAge             *int  `json:"MaxPasswordAge"`
		PasswordReusePrevention    *int  `json:"PasswordReusePrevention"`
	} `json:"PasswordPolicy"`
}

func parseAWS(name string, data []byte) ([]password.Policy, error) {
	var d awsDoc
	if err := json.Unmarshal(data, &d); err != nil {
		return nil, jsonError(name, data, err)
	}
	pp := d.PasswordPolicy
	if pp == nil {
		return nil, fmt.Errorf("%s: no PasswordPolicy object", name)
	}
	// The ranges IAM itself accepts.
	for _, f := range []intField{{"MinimumPasswordLength", pp.MinimumPasswordLength, 6, 128}, {"MaxPasswordAge", pp.MaxPasswordAge, 1, 1095},
		{"PasswordReusePrevention", pp.PasswordReusePrevention, 1, 24}} {
		if err := within(name, lineOf(data, `"`+f.field+`"`), f.field, f.v, f.lo, f.hi); err != nil {
			return nil, err
		}
	}
	p := password.Policy{Name: "aws-iam-account", Format: "aws-iam", MinLength: pp.MinimumPasswordLength,
		RequireSpecial: tri(pp.RequireSymbols), RequireDigit: tri(pp.RequireNumbers),
		RequireUpper: tri(pp.RequireUppercaseCharacters), RequireLower: tri(pp.RequireLowercaseCharacters),
		HistoryCount: pp.PasswordReusePrevention}
	switch {
	case pp.ExpirePasswords != nil && !*pp.ExpirePasswords:
		p.MaxAgeDays = ptr(0)
	case pp.MaxPasswordAge != nil:
		p.MaxAgeDays = pp.MaxPasswordAge
	}
	// IAM cannot express lockout, MFA or storage: they stay unknown.
	return []password.Policy{p}, nil
}
