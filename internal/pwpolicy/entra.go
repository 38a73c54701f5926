package pwpolicy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/internal/check"
)

// entraTemplate is the id of Graph's "Password Rule Settings" template.
const entraTemplate = "5cf42378-d67d-4f36-ba46-e8b86229381d"

func isEntra(data []byte) bool {
	return bytes.Contains(data, []byte(entraTemplate)) || bytes.Contains(data, []byte("Password Rule Settings")) ||
		bytes.Contains(data, []byte(`"LockoutThreshold"`))
}

type entraSetting struct {
	DisplayName string `json:"displayName"`
	TemplateID  string `json:"templateId"`
	ID          string `json:"id"`
	Values      []struct {
		Name         string  `json:"name"`
		Value        *string `json:"value"`
		DefaultValue *string `json:"defaultValue"` // the template itself
	} `json:"values"`
}

// parseEntra reads the Password Rule Settings directory setting (GET
// /groupSettings or /settings, one setting or a {"value": […]} list, or
// the template with its defaults). Entra's rules are fixed: 8 to 256
// characters, 3 of the 4 classes, the global banned list; Smart Lockout
// takes LockoutThreshold (default 10) and LockoutDurationInSeconds (60).
func parseEntra(name string, data []byte) ([]password.Policy, error) {
	var list struct {
		Value []entraSetting `json:"value"`
	}
	var one entraSetting
	if err := json.Unmarshal(data, &list); err != nil {
		return nil, jsonError(name, data, err)
	}
	if err := json.Unmarshal(data, &one); err != nil {
		return nil, jsonError(name, data, err)
	}
	settings := append(list.Value, one)
	var s *entraSetting
	var at span
	for i := range settings {
		if settings[i].TemplateID == entraTemplate || settings[i].DisplayName == "Password Rule Settings" ||
			(settings[i].ID == entraTemplate && len(settings[i].Values) > 0) {
			s, at = &settings[i], entrySpan(data, jsonSpans(data, "value"), i)
			break
		}
	}
	if s == nil {
		return nil, fileErr(name, "Graph JSON without the Password Rule Settings setting (template %s)",
			"JSON Graph sans le paramètre Password Rule Settings (modèle %s)", entraTemplate)
	}
	vals := map[string]string{}
	for _, v := range s.Values {
		switch {
		case v.Value != nil:
			vals[v.Name] = *v.Value
		case v.DefaultValue != nil:
			vals[v.Name] = *v.DefaultValue
		}
	}
	p := password.Policy{Name: "entra-id", Format: "entra-id", MinLength: ptr(8), MaxLength: ptr(256), MinClasses: ptr(3), Blacklist: password.Yes,
		Notes: []password.Note{{About: password.AboutStrength, Text: check.Text{EN: "Entra ID's fixed rules: 8 to 256 characters, 3 of the 4 classes, its global banned-password list",
			FR: "règles fixes d'Entra ID : 8 à 256 caractères, 3 des 4 classes, sa liste globale de mots de passe interdits"}}}}
	var assumed []string
	num := func(k string, def, hi int) (int, error) {
		v, ok := vals[k]
		if !ok {
			assumed = append(assumed, fmt.Sprintf("%s %d", k, def))
			return def, nil
		}
		return wholeIn(name, at.lineOf(data, `"`+k+`"`), k, v, 0, hi)
	}
	n, err := num("LockoutThreshold", 10, maxAttempts)
	if err != nil {
		return nil, err
	}
	d, err := num("LockoutDurationInSeconds", 60, maxSeconds)
	if err != nil {
		return nil, err
	}
	p.LockoutThreshold, p.LockoutDuration = ptr(n), ptr(time.Duration(d)*time.Second)
	if len(assumed) > 0 {
		p.Note(password.AboutLockout, check.Textf("omitted, so Smart Lockout's defaults are assumed: %s", "omis, donc valeurs par défaut de Smart Lockout supposées : %s", strings.Join(assumed, ", ")))
	}
	if strings.EqualFold(vals["EnableBannedPasswordCheck"], "true") {
		// The list itself holds passwords: only its size is ever shown.
		count := len(strings.FieldsFunc(vals["BannedPasswordList"], func(r rune) bool { return r == '\t' || r == ',' || r == '\n' }))
		p.Note(password.AboutBlacklist, check.Textf("custom banned-password list on, %d entries", "liste personnalisée de mots de passe interdits active, %d entrées", count))
	}
	return []password.Policy{p}, nil
}
