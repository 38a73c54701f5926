package pwpolicy

import (
	"encoding/json"

	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/internal/check"
)

type auth0Conn struct {
	Name     string `json:"name"`
	Strategy string `json:"strategy"`
	Options  struct {
		PasswordPolicy    *string `json:"passwordPolicy"`
		ComplexityOptions *struct {
			MinLength *int `json:"min_length"`
		} `json:"password_complexity_options"`
		History *struct {
			Enable bool `json:"enable"`
			Size   *int `json:"size"`
		} `json:"password_history"`
		NoPersonalInfo *struct {
			Enable bool `json:"enable"`
		} `json:"password_no_personal_info"`
		Dictionary *struct {
			Enable bool `json:"enable"`
		} `json:"password_dictionary"`
		BruteForce *bool `json:"brute_force_protection"`
	} `json:"options"`
}

// auth0Levels are Auth0's passwordPolicy levels: minimum length, and
// the classes forced (fair: lower, upper and digits; good and excellent:
// 3 of the 4).
var auth0Levels = map[string]struct {
	length     int
	classes    []string
	minClasses int
}{"none": {1, []string{}, 0}, "low": {6, []string{}, 0}, "fair": {8, []string{"lower", "upper", "digits"}, 0},
	"good": {8, nil, 3}, "excellent": {10, nil, 3}}

func isAuth0List(list []json.RawMessage) bool {
	if len(list) == 0 {
		return false
	}
	var c map[string]json.RawMessage
	return json.Unmarshal(list[0], &c) == nil && c["strategy"] != nil && c["options"] != nil
}

// parseAuth0 reads an Auth0 connection (GET /api/v2/connections/{id}) or
// a list of them; only database connections (strategy auth0) hold
// password rules.
func parseAuth0(name string, data []byte) ([]password.Policy, error) {
	var conns []auth0Conn
	var one auth0Conn
	spans := jsonSpans(data, "")
	if err := json.Unmarshal(data, &conns); err != nil {
		if err2 := json.Unmarshal(data, &one); err2 != nil {
			return nil, jsonError(name, data, err2)
		}
		conns, spans = []auth0Conn{one}, nil
	}
	var out []password.Policy
	for i, c := range conns {
		if c.Strategy != "auth0" {
			continue
		}
		at := entrySpan(data, spans, i)
		o := c.Options
		p := password.Policy{Name: "auth0-" + c.Name, Format: "auth0"}
		if o.PasswordPolicy != nil {
			lv, ok := auth0Levels[*o.PasswordPolicy]
			if !ok {
				return nil, lineErr(name, at.lineOf(data, `"passwordPolicy"`), "passwordPolicy: %s is not none, low, fair, good or excellent",
					"passwordPolicy : %s n'est pas none, low, fair, good ou excellent", quoteShort(*o.PasswordPolicy))
			}
			p.MinLength = ptr(lv.length)
			if lv.classes != nil {
				_ = p.SetClasses(lv.classes...)
			}
			if lv.minClasses > 0 {
				p.MinClasses = ptr(lv.minClasses)
			}
		} else {
			p.Note(password.AboutStrength, check.Text{EN: "no passwordPolicy level: the strength rules are unknown", FR: "pas de niveau passwordPolicy : les règles de robustesse sont inconnues"})
		}
		if co := o.ComplexityOptions; co != nil && co.MinLength != nil {
			if err := within(name, at.lineOf(data, `"min_length"`), "min_length", co.MinLength, 1, 128); err != nil {
				return nil, err
			}
			p.MinLength = co.MinLength
		}
		if h := o.History; h != nil {
			p.HistoryCount = ptr(0)
			if h.Enable && h.Size != nil {
				if err := within(name, at.lineOf(data, `"size"`), "password_history.size", h.Size, 0, 24); err != nil {
					return nil, err
				}
				p.HistoryCount = h.Size
			}
		}
		if d := o.Dictionary; d != nil {
			p.Blacklist = tri(&d.Enable)
		}
		if n := o.NoPersonalInfo; n != nil && n.Enable {
			p.Note(password.AboutBlacklist, check.Text{EN: "passwords holding the user's name or e-mail are refused (password_no_personal_info)",
				FR: "les mots de passe contenant le nom ou l'e-mail de la personne sont refusés (password_no_personal_info)"})
		}
		if o.BruteForce != nil {
			if *o.BruteForce {
				p.LockoutThreshold = ptr(10)
				p.Note(password.AboutLockout, check.Text{EN: "brute-force protection blocks an account from an IP after 10 failures (Auth0's default; the attack-protection max_attempts can change it)",
					FR: "la protection contre la force brute bloque un compte depuis une IP après 10 échecs (valeur par défaut d'Auth0 ; max_attempts de l'attack protection peut la changer)"})
			} else {
				p.LockoutThreshold = ptr(0)
			}
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		return nil, fileErr(name, "no Auth0 database connection (strategy auth0): social and enterprise connections hold no password rules",
			"aucune connexion Auth0 de type base de données (strategy auth0) : les connexions sociales et d'entreprise ne portent aucune règle de mot de passe")
	}
	return out, nil
}
