package pwpolicy

import (
	"encoding/json"
	"time"

	"github.com/vigie-security/vigie/checks/password"
)

// oktaDoc is an Okta password policy (Policy API, type PASSWORD). The age
// and lockout field names are unconfirmed in vigie's reference (§4.5).
type oktaDoc struct {
	Type     string `json:"type"`
	Name     string `json:"name"`
	Settings struct {
		Password struct {
			Complexity *struct {
				MinLength    *int `json:"minLength"`
				MinLowerCase *int `json:"minLowerCase"`
				MinUpperCase *int `json:"minUpperCase"`
				MinNumber    *int `json:"minNumber"`
				MinSymbol    *int `json:"minSymbol"`
				Dictionary   *struct {
					Common *struct {
						Exclude bool `json:"exclude"`
					} `json:"common"`
				} `json:"dictionary"`
			} `json:"complexity"`
			Age *struct {
				MaxAgeDays   *int `json:"maxAgeDays"`
				HistoryCount *int `json:"historyCount"`
			} `json:"age"`
			Lockout *struct {
				MaxAttempts       *int `json:"maxAttempts"`
				AutoUnlockMinutes *int `json:"autoUnlockMinutes"`
			} `json:"lockout"`
		} `json:"password"`
	} `json:"settings"`
}

func parseOkta(name string, data []byte) ([]password.Policy, error) {
	var d oktaDoc
	if err := json.Unmarshal(data, &d); err != nil {
		return nil, jsonError(name, data, err)
	}
	if d.Type != "PASSWORD" {
		return nil, lineErr(name, lineOf(data, `"type"`), "Okta policy of type %s, not PASSWORD", "politique Okta de type %s, et non PASSWORD", quoteShort(d.Type))
	}
	pw := d.Settings.Password
	fields := []intField{}
	if c := pw.Complexity; c != nil {
		fields = append(fields, intField{"minLength", c.MinLength, 0, maxLength}, intField{"minLowerCase", c.MinLowerCase, 0, maxLength},
			intField{"minUpperCase", c.MinUpperCase, 0, maxLength}, intField{"minNumber", c.MinNumber, 0, maxLength}, intField{"minSymbol", c.MinSymbol, 0, maxLength})
	}
	if a := pw.Age; a != nil {
		fields = append(fields, intField{"maxAgeDays", a.MaxAgeDays, 0, maxDays}, intField{"historyCount", a.HistoryCount, 0, maxHistory})
	}
	if l := pw.Lockout; l != nil {
		fields = append(fields, intField{"maxAttempts", l.MaxAttempts, 0, maxAttempts}, intField{"autoUnlockMinutes", l.AutoUnlockMinutes, 0, maxSeconds / 60})
	}
	for _, f := range fields {
		if err := within(name, lineOf(data, `"`+f.field+`"`), f.field, f.v, f.lo, f.hi); err != nil {
			return nil, err
		}
	}
	p := password.Policy{Name: "okta", Format: "okta"}
	if d.Name != "" {
		p.Name = "okta-" + d.Name
	}
	req := func(n *int) password.Tri {
		if n == nil {
			return password.Unknown
		}
		if *n > 0 {
			return password.Yes
		}
		return password.No
	}
	if c := d.Settings.Password.Complexity; c != nil {
		p.MinLength = c.MinLength
		p.RequireLower, p.RequireUpper, p.RequireDigit, p.RequireSpecial = req(c.MinLowerCase), req(c.MinUpperCase), req(c.MinNumber), req(c.MinSymbol)
		p.Blacklist = password.No
		if c.Dictionary != nil && c.Dictionary.Common != nil && c.Dictionary.Common.Exclude {
			p.Blacklist = password.Yes
		}
	}
	if a := d.Settings.Password.Age; a != nil {
		p.MaxAgeDays, p.HistoryCount = a.MaxAgeDays, a.HistoryCount
	}
	if l := d.Settings.Password.Lockout; l != nil {
		p.LockoutThreshold = l.MaxAttempts // 0 = no lockout
		if l.AutoUnlockMinutes != nil {
			p.LockoutDuration = ptr(time.Duration(*l.AutoUnlockMinutes) * time.Minute)
		}
	}
	return []password.Policy{p}, nil
}
