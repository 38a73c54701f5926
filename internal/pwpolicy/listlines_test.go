package pwpolicy

import (
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

// TestListEntryLines: an error about the second (or later) entry of an
// Auth0, Google Workspace or Entra list, or of a Terraform plan's
// resources, names that entry's own line, not the line where the first
// entry has the same key.
func TestListEntryLines(t *testing.T) {
	auth0 := func(second string) string {
		return "[\n" +
			`  {"name": "a", "strategy": "auth0", "options": {` + "\n" +
			`    "passwordPolicy": "good",` + "\n" +
			`    "password_complexity_options": {"min_length": 10},` + "\n" +
			`    "password_history": {"enable": true, "size": 5}}},` + "\n" +
			`  {"name": "b", "strategy": "auth0", "options": {` + "\n" +
			"    " + second + "}}\n]\n"
	}
	google := "{\"policies\": [\n" +
		`  {"setting": {"type": "settings/security.password", "value": {"minimumLength": 10, "expirationDuration": "0s"}}},` + "\n" +
		`  {"setting": {"type": "settings/security.password",` + "\n" +
		`    "value": {"minimumLength": 12,` + "\n" +
		`      "expirationDuration": "90d"}}}` + "\n]}\n"
	gam := "Policy: policies/a (1/2)\n  setting:\n    type: settings/security.password\n    value:\n      minimumLength: 10\n" +
		"Policy: policies/b (2/2)\n  setting:\n    type: settings/security.password\n    value:\n      minimumLength: 4\n"
	entra := "{\"value\": [\n" +
		`  {"displayName": "Lockout of a partner app", "values": [{"name": "LockoutThreshold", "value": "5"}]},` + "\n" +
		`  {"displayName": "Password Rule Settings", "templateId": "5cf42378-d67d-4f36-ba46-e8b86229381d", "values": [` + "\n" +
		`    {"name": "LockoutThreshold", "value": "ten"}]}` + "\n]}\n"
	plan := "{\"format_version\": \"1.2\", \"planned_values\": {\"root_module\": {\"resources\": [\n" +
		`  {"address": "aws_iam_account_password_policy.a", "type": "aws_iam_account_password_policy", "values": {` + "\n" +
		`    "minimum_password_length": 14, "password_reuse_prevention": 5}},` + "\n" +
		`  {"address": "aws_iam_account_password_policy.b", "type": "aws_iam_account_password_policy", "values": {` + "\n" +
		`    "minimum_password_length": 14,` + "\n" +
		`    "password_reuse_prevention": 30}}` + "\n]}}}\n"
	for _, tc := range []struct{ name, file, data, en, fr string }{
		{"auth0 passwordPolicy", "a0.json", auth0(`"passwordPolicy": "strong"`),
			`a0.json:7: passwordPolicy: "strong" is not none, low, fair, good or excellent`, `a0.json:7: passwordPolicy : "strong" n'est pas none`},
		{"auth0 min_length", "a0.json", auth0(`"password_complexity_options": {"min_length": 200}`),
			"a0.json:7: min_length: 200 is out of range (accepted: 1 to 128)", "a0.json:7: min_length : 200 est hors limites"},
		{"auth0 history", "a0.json", auth0(`"password_history": {"enable": true, "size": 30}`),
			"a0.json:7: password_history.size: 30 is out of range (accepted: 0 to 24)", "a0.json:7: password_history.size : 30 est hors limites"},
		{"google expirationDuration", "g.json", google,
			`g.json:5: expirationDuration: "90d" is not a duration in seconds`, `g.json:5: expirationDuration : "90d" n'est pas une durée en secondes`},
		{"gam minimumLength", "gam.txt", gam, "gam.txt:10: minimumLength: 4 is out of range (accepted: 8 to 100)", "gam.txt:10: minimumLength : 4 est hors limites"},
		{"terraform plan", "plan.json", plan, "plan.json:6: password_reuse_prevention: 30 is out of range (accepted: 0 to 24)",
			"plan.json:6: password_reuse_prevention : 30 est hors limites"},
		{"entra LockoutThreshold", "entra.json", entra, `entra.json:4: LockoutThreshold: "ten" is not a whole number`,
			`entra.json:4: LockoutThreshold : "ten" n'est pas un nombre entier`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.file, []byte(tc.data))
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.HasPrefix(err.Error(), tc.en) {
				t.Errorf("English:\n%s\nwant it to start with\n%s", err, tc.en)
			}
			if fr := check.InLang(err, check.FR); !strings.HasPrefix(fr, tc.fr) {
				t.Errorf("French:\n%s\nwant it to start with\n%s", fr, tc.fr)
			}
		})
	}
}

// TestListEntryLinesFirst: the first entry's errors keep their line.
func TestListEntryLinesFirst(t *testing.T) {
	data := "[\n  {\"name\": \"a\", \"strategy\": \"auth0\", \"options\": {\n    \"passwordPolicy\": \"strong\"}},\n" +
		"  {\"name\": \"b\", \"strategy\": \"auth0\", \"options\": {\"passwordPolicy\": \"good\"}}\n]\n"
	if _, err := Parse("a0.json", []byte(data)); err == nil || !strings.HasPrefix(err.Error(), "a0.json:3: passwordPolicy") {
		t.Errorf("%v", err)
	}
}
