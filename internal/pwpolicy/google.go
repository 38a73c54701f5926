package pwpolicy

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

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
			EnforceAtLogin     *bool  `json:"enforceRequirementsAtLogin"`
			ExpirationDuration string `json:"expirationDuration"`
		} `json:"value"`
	} `json:"setting"`
}

// parseGoogle reads Google Workspace password settings as the Cloud
// Identity Policy API exports them (settings/security.password): one
// policy, or {"policies": […]}, one per organisational unit.
func parseGoogle(name string, data []byte) ([]password.Policy, error) {
	orig := data
	var spans []span // each policy's place in orig
	if t := bytes.TrimSpace(data); len(t) > 0 && t[0] != '{' {
		var err error
		if data, spans, err = gamToJSON(name, data); err != nil {
			return nil, err
		}
	} else {
		spans = jsonSpans(data, "policies")
	}
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
	for i, g := range append(list.Policies, one) {
		if !strings.HasSuffix(g.Setting.Type, "security.password") {
			continue
		}
		v, at := g.Setting.Value, entrySpan(orig, spans, i)
		for _, f := range []intField{{"minimumLength", v.MinimumLength, 8, 100}, {"maximumLength", v.MaximumLength, 8, 100}} {
			if err := within(name, at.keyLine(orig, f.field), f.field, f.v, f.lo, f.hi); err != nil {
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
		if v.EnforceAtLogin != nil && !*v.EnforceAtLogin {
			p.Note(password.AboutStrength, check.Text{EN: "enforceRequirementsAtLogin is false: existing passwords that break these rules keep working until changed",
				FR: "enforceRequirementsAtLogin vaut false : les mots de passe existants qui enfreignent ces règles restent valables jusqu'à leur changement"})
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
				return nil, lineErr(name, at.keyLine(orig, "expirationDuration"), `expirationDuration: %s is not a duration in seconds such as "7776000s"`,
					`expirationDuration : %s n'est pas une durée en secondes comme "7776000s"`, quoteShort(e))
			}
			p.MaxAgeDays = ptr(int((secs + 86399) / 86400)) // "0s": never
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		return nil, fileErr(name, "no settings/security.password policy", "aucune politique settings/security.password")
	}
	return out, nil
}

// gamToJSON turns GAM's `gam show policies` text (a "Policy: …" line,
// then the policy as indented YAML) into the Policy API's JSON list, with
// each policy's place in the text.
func gamToJSON(name string, data []byte) ([]byte, []span, error) {
	var docs []any
	var spans []span
	var block []string
	start, from := 0, 0 // the block's "Policy:" line and its byte offset
	flush := func(to int) error {
		if len(block) == 0 {
			return nil
		}
		var v map[string]any
		if err := yaml.Unmarshal([]byte(strings.Join(block, "\n")), &v); err != nil {
			return lineErr(name, start, "GAM policy block: %v", "bloc de politique GAM : %v", err)
		}
		docs, spans, block = append(docs, v), append(spans, span{from, to}), nil
		return nil
	}
	off := 0
	for i, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "Policy:") {
			if err := flush(off); err != nil {
				return nil, nil, err
			}
			start, from = i+1, off
		} else if start > 0 {
			block = append(block, strings.TrimRight(l, "\r"))
		}
		off = min(off+len(l)+1, len(data))
	}
	if err := flush(len(data)); err != nil {
		return nil, nil, err
	}
	out, err := json.Marshal(map[string]any{"policies": docs})
	if err != nil {
		return nil, nil, fileErr(name, "GAM output: %v", "sortie GAM : %v", err)
	}
	return out, spans, nil
}

// keyLine is the line of a JSON key inside s, or of a YAML one in GAM's text.
func (s span) keyLine(data []byte, key string) int {
	if l := s.lineOf(data, `"`+key+`"`); l > 0 {
		return l
	}
	return s.lineOf(data, key+":")
}
