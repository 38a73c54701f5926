package pwpolicy

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/internal/check"
)

type googlePolicy struct {
	Name        string `json:"name"`
	PolicyQuery struct {
		OrgUnit string `json:"orgUnit"`
	} `json:"policyQuery"`
	Setting struct {
		Type  string `json:"type"`
		Value struct {
			AllowedStrength    string `json:"allowedStrength"`
			MinimumLength      *int   `json:"minimumLength"`
			MaximumLength      *int   `json:"maximumLength"`
			AllowReuse         *bool  `json:"allowReuse"`
			ExpirationDuration string `json:"expirationDuration"`
		} `json:"value"`
	} `json:"setting"`
}

// parseGoogle reads Google Workspace password settings as the Cloud
// Identity Policy API exports them (settings/security.password): one
// policy, or {"policies": […]}, one per organisational unit.
func parseGoogle(name string, data []byte) ([]password.Policy, error) {
	var list struct {
		Policies []googlePolicy `json:"policies"`
	}
	var one googlePolicy
	if err := json.Unmarshal(data, &list); err != nil {
		return nil, jsonError(name, data, err)
	}
	if err := json.Unmarshal(data, &one); err != nil {
		return nil, jsonError(name, data, err)
	}
	var out []password.Policy
	for _, g := range append(list.Policies, one) {
		if !strings.HasSuffix(g.Setting.Type, "security.password") {
			continue
		}
		v := g.Setting.Value
		for _, f := range []intField{{"minimumLength", v.MinimumLength, 8, 100}, {"maximumLength", v.MaximumLength, 8, 100}} {
			if err := within(name, lineOf(data, `"`+f.field+`"`), f.field, f.v, f.lo, f.hi); err != nil {
				return nil, err
			}
		}
		p := password.Policy{Name: "google", Format: "google-workspace", MinLength: v.MinimumLength, MaxLength: v.MaximumLength}
		if ou := g.PolicyQuery.OrgUnit; ou != "" {
			p.Name = "google-" + strings.TrimPrefix(ou, "orgUnits/")
		}
		switch v.AllowedStrength {
		case "WEAK":
			_ = p.SetClasses()
		case "STRONG":
			p.Note(password.AboutStrength, check.Text{EN: "allowedStrength STRONG is Google's strength estimate, not class rules: the forced classes are unknown",
				FR: "allowedStrength STRONG est une estimation de Google, pas des règles de classes : les classes imposées sont inconnues"})
		}
		if v.AllowReuse != nil && !*v.AllowReuse {
			p.HistoryCount = ptr(1)
			p.Note(password.AboutHistory, check.Text{EN: "reuse refused; Google does not say how many previous passwords it remembers",
				FR: "réutilisation refusée ; Google n'indique pas combien d'anciens mots de passe il retient"})
		} else if v.AllowReuse != nil {
			p.HistoryCount = ptr(0)
		}
		if e := v.ExpirationDuration; e != "" {
			secs, err := strconv.ParseInt(strings.TrimSuffix(e, "s"), 10, 64)
			if err != nil || !strings.HasSuffix(e, "s") || secs < 0 || secs > maxDays*86400 {
				return nil, fmt.Errorf("%s:%d: expirationDuration: %s is not a duration in seconds such as \"7776000s\"", name, lineOf(data, `"expirationDuration"`), quoteShort(e))
			}
			p.MaxAgeDays = ptr(int((secs + 86399) / 86400)) // "0s": never
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no settings/security.password policy", name)
	}
	return out, nil
}
