package pwpolicy

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/check/checktest"
)

// TestErrorsInFrench: a malformed policy file of each kind, read through
// Load, gives an error a French reader reads in French (check.FR), with the
// same file, line and value, while err.Error() stays the English text; no
// error echoes a line that may hold a person's data.
func TestErrorsInFrench(t *testing.T) {
	tf := "resource \"aws_iam_account_password_policy\" \"p\" {\n  require_symbols = true\n  minimum_password_length = var.min_len\n}\n"
	cases := []struct{ name, file, data, en, fr string }{
		{"ad range", "ad.txt", "MinPasswordLength : 9200000000000000000\n",
			"ad.txt:1: MinPasswordLength: 9200000000000000000 is out of range (accepted: 0 to 4096)",
			"ad.txt:1: MinPasswordLength : 9200000000000000000 est hors limites (accepté : 0 à 4096)"},
		{"ad time span", "ad.txt", "MinPasswordLength : 8\nMaxPasswordAge : 99999999.00:00:00\n",
			`ad.txt:2: MaxPasswordAge: "99999999.00:00:00" is not a time span such as 42.00:00:00 (days must be 0 to 100000)`,
			`ad.txt:2: MaxPasswordAge : "99999999.00:00:00" n'est pas une durée comme 42.00:00:00 (les jours vont de 0 à 100000)`},
		{"secedit number", "x.inf", "[System Access]\nPasswordHistorySize = NaN\n",
			`x.inf:2: PasswordHistorySize: "NaN" is not a whole number (accepted: 0 to 1024)`,
			`x.inf:2: PasswordHistorySize : "NaN" n'est pas un nombre entier (accepté : 0 à 1024)`},
		{"no format", "notes.txt", "Our passwords are strong.\n",
			"notes.txt: not a password-policy format vigie reads (vigie's YAML policy format",
			"notes.txt: pas un format de politique de mots de passe que vigie lit (le format de politique YAML de vigie"},
		{"json, no format", "x.json", `{"hello": 1}`, "x.json: JSON, but not a password-policy format vigie reads",
			"x.json: du JSON, mais pas un format de politique de mots de passe que vigie lit"},
		{"json type", "a.json", "{\"RequireSymbols\":\n \"yes\"}", "a.json:2:7: json: cannot unmarshal string",
			"a.json:2:7: JSON : une chaîne là où true ou false est attendu (RequireSymbols)"},
		{"json syntax", "k.json", "{\"realm\": \"r\",\n \"passwordPolicy\" \"x\"}", `k.json:2:20: invalid character '"' after object key`,
			`k.json:2:20: JSON mal formé : caractère '"' inattendu après une clé d'objet`},
		{"json cut", "o.json", `{"type": "PASSWORD", "settings": {`, "o.json:1:35: unexpected end of JSON input",
			"o.json:1:35: JSON incomplet : le fichier s'arrête avant la fin du document"},
		{"terraform variable", "iam.tf", tf, `iam.tf:3: p.minimum_password_length: "var.min_len" cannot be evaluated statically (it refers to var.min_len)`,
			`iam.tf:3: p.minimum_password_length : "var.min_len" ne peut pas être évalué sans exécuter Terraform (l'expression fait référence à var.min_len)`},
		{"terraform type", "iam.tf", "resource \"aws_iam_account_password_policy\" \"p\" {\n  require_numbers = \"sometimes\"\n}\n",
			"iam.tf:2: p.require_numbers: expected true or false", "iam.tf:2: p.require_numbers: attendu : true ou false"},
		{"terraform none", "main.tf", "resource \"aws_s3_bucket\" \"b\" {}\n", "main.tf: no aws_iam_account_password_policy resource: not a password-policy format",
			"main.tf: aucune ressource aws_iam_account_password_policy : pas un format de politique"},
		{"pam type", "system-auth", "auth sufficient pam_unix.so\nauht required pam_deny.so\n", `system-auth:2: "auht" is not a PAM type (auth, account, password or session)`,
			`system-auth:2: "auht" n'est pas un type PAM (auth, account, password ou session)`},
		{"pam module", "common-auth", "auth required pam_unix.so\nauth required\n", "common-auth:2: expected type control module [arguments], the module is missing",
			"common-auth:2: attendu : type contrôle module [arguments], le module manque"},
		{"ldif bool", "p.ldif", "dn: cn=p,dc=x\npwdMinLength: 8\npwdLockout: yes\n", `p.ldif:3: pwdLockout: "yes" is not TRUE or FALSE`,
			`p.ldif:3: pwdLockout : "yes" n'est ni TRUE ni FALSE`},
		{"ldif line", "p.ldif", "dn: cn=p,dc=x\npwdMinLength: 8\njean@x.fr Azerty123!\n", "p.ldif:3: expected attribute: value, got a line without a colon",
			"p.ldif:3: attendu : attribut: valeur, trouvé une ligne sans deux-points"},
		{"secedit line", "sec.inf", "[System Access]\nMinimumPasswordLength = 8\njean.dupont@x.fr Soleil123\n",
			"sec.inf:3: a line without = (expected key = value; the line is not shown: it may hold a person's data)",
			"sec.inf:3: une ligne sans = (attendu : clé = valeur ; la ligne n'est pas affichée : elle peut contenir des données personnelles)"},
		{"ldif long line", "p.ldif", "dn: cn=p\npwdMinLength: 8\n" + strings.Repeat("x", 70<<10), "p.ldif: a line longer than 64 KB",
			"p.ldif: une ligne de plus de 64 Ko : ce n'est pas un fichier de politique de mots de passe"},
		{"samba", "samba.txt", "Password complexity: maybe\nMinimum password length: 7\n", `samba.txt:1: Password complexity: "maybe" is not on or off`,
			`samba.txt:1: Password complexity : "maybe" n'est ni on ni off`},
		{"freeipa", "ipa.txt", "  Group: global_policy\n  Max failures: 6\n\n  Group: admins\n  History size: 0\n", `ipa.txt: policy "ipa-admins" has neither Min length nor Max failures`,
			`ipa.txt: la politique "ipa-admins" n'a ni Min length ni Max failures : ce n'est pas une sortie de ipa pwpolicy-show`},
		{"mysql", "vars.tsv", "Variable_name\tValue\nvalidate_password_policy\tHIGH\n", `vars.tsv:2: validate_password.policy: "HIGH" is not LOW, MEDIUM or STRONG`,
			`vars.tsv:2: validate_password.policy : "HIGH" n'est pas LOW, MEDIUM ou STRONG`},
		{"okta", "o.json", `{"type": "SIGN_ON", "settings": {}}`, `o.json:1: Okta policy of type "SIGN_ON", not PASSWORD`,
			`o.json:1: politique Okta de type "SIGN_ON", et non PASSWORD`},
		{"keycloak", "k.json", "{\"realm\": \"r\",\n \"passwordPolicy\": \"length 8\"}", `k.json:2: passwordPolicy: "length 8" is not id(argument)`,
			`k.json:2: passwordPolicy : "length 8" n'est pas de la forme id(argument)`},
		{"auth0", "a0.json", "{\"strategy\": \"auth0\", \"options\": {\n\"passwordPolicy\": \"strong\"}}",
			`a0.json:2: passwordPolicy: "strong" is not none, low, fair, good or excellent`,
			`a0.json:2: passwordPolicy : "strong" n'est pas none, low, fair, good ou excellent`},
		{"auth0 social", "a0.json", `[{"strategy": "google-oauth2", "options": {}, "name": "g"}]`, "a0.json: no Auth0 database connection (strategy auth0)",
			"a0.json: aucune connexion Auth0 de type base de données (strategy auth0)"},
		{"google", "g.json", "{\"setting\": {\"type\": \"settings/security.password\",\n\"value\": {\"expirationDuration\": \"90d\"}}}",
			`g.json:2: expirationDuration: "90d" is not a duration in seconds such as "7776000s"`,
			`g.json:2: expirationDuration : "90d" n'est pas une durée en secondes comme "7776000s"`},
		{"yaml range", "p.yaml", "policies:\n  - name: u\n    min_length: 9200000000000000000\n",
			`p.yaml:3:17: policies[0].min_length: 9200000000000000000 is out of range (accepted: 1 to 4096)`,
			`p.yaml:3:17: policies[0].min_length: 9200000000000000000 est hors limites (accepté : 1 à 4096)`},
		{"policy range", "p.yaml", "policies:\n  - name: u\n    reset_link_lifetime: -5m\n",
			`p.yaml:3:26: policies[0].reset_link_lifetime: -5m is out of range (accepted: 0 to 12427 days)`,
			`p.yaml:3:26: policies[0].reset_link_lifetime: -5m est hors limites (accepté : 0 à 12427 jours)`},
		{"yaml name", "p.yaml", "policies:\n  - min_length: 12\n", `p.yaml:2:5: policies[0]: name is required`,
			`p.yaml:2:5: policies[0]: name est obligatoire (par exemple users, admins)`},
		{"yaml algorithm", "p.yaml", "policies:\n  - name: u\n    storage: {algorithm: rot14}\n",
			`p.yaml:3:26: policies[0].storage.algorithm: unknown algorithm "rot14" (did you mean "rot13"?): vigie cannot say whether it is slow and salted; known: argon2id,`,
			`p.yaml:3:26: policies[0].storage.algorithm: algorithme inconnu "rot14" (vouliez-vous dire "rot13" ?) : vigie ne peut pas dire s'il est lent et salé ; connus : argon2id,`},
		// Review 7, L4: "none" may mean plain text or no password at all (SSO).
		{"yaml algorithm none", "p.yaml", "policies:\n  - name: u\n    storage: {algorithm: None}\n",
			`p.yaml:3:26: policies[0].storage.algorithm: "None" does not say how passwords are stored: if they are kept as typed, write plaintext; if none is stored (sign-in by SSO only), leave storage out; known: argon2id,`,
			`p.yaml:3:26: policies[0].storage.algorithm: "None" ne dit pas comment les mots de passe sont conservés : s'ils sont gardés tels quels, écrivez plaintext ; si aucun n'est conservé (connexion par SSO seulement), retirez storage ; connus : argon2id,`},
		{"personal data", "users.csv", "jean@x.fr,Azerty123!\n", "users.csv: not a password-policy format", "users.csv: pas un format de politique"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(tree(t, map[string]string{tc.file: tc.data}), tc.file)
			_, err := Load(path)
			checktest.SaysFrench(t, err, tc.fr, tc.en)
			fr, en := check.InLang(err, check.FR), err.Error()
			for _, v := range []string{"jean@x.fr", "Azerty123!"} {
				if strings.Contains(en+fr, v) {
					t.Errorf("the error shows %q: %s", v, en)
				}
			}
		})
	}
}

// TestDirectoryErrorsInFrench: the errors of a policy directory, and of a
// path that is not there, read in French.
func TestDirectoryErrorsInFrench(t *testing.T) {
	loop := map[string]string{"pam.d/sshd": "auth include a\n", "pam.d/a": "auth include b\n", "pam.d/b": "auth include a\n"}
	for _, tc := range []struct{ name, dir, en, fr string }{
		{"nothing read", tree(t, map[string]string{"README.txt": "nothing here\n"}), "a directory, but no file in it is in a password-policy format",
			"un dossier, mais aucun de ses fichiers n'est dans un format de politique de mots de passe que vigie lit (le format"},
		{"include loop", tree(t, loop), "b:1: includes a nested more than 8 deep, or in a loop (sshd → a → b → a)",
			"b:1: inclusions de a imbriquées sur plus de 8 niveaux, ou en boucle (sshd → a → b → a)"},
		{"authselect", tree(t, map[string]string{"authselect/authselect.conf": "# nothing\n"}), "authselect.conf:1: authselect.conf names no profile",
			"authselect.conf:1: authselect.conf ne nomme aucun profil"},
		{"missing", filepath.Join(t.TempDir(), "nothere.yaml"), "reading password policy: stat ",
			"lecture de la politique de mots de passe : "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(tc.dir)
			checktest.SaysFrench(t, err, tc.fr, tc.en)
		})
	}
}

// TestHCLErrorInFrench: HCL's English diagnostic reaches a French reader
// inside a French sentence, at its line and column.
func TestHCLErrorInFrench(t *testing.T) {
	_, err := Parse("iam.tf", []byte("resource \"aws_iam_account_password_policy\" \"p\" {\n  minimum_password_length = \n}\n"))
	if err == nil {
		t.Fatal("no error")
	}
	if fr := check.InLang(err, check.FR); !strings.HasPrefix(fr, "iam.tf:2:") || !strings.Contains(fr, ": syntaxe Terraform incorrecte (HCL) : ") {
		t.Errorf("French: %s", fr)
	}
	if en := err.Error(); !strings.HasPrefix(en, "iam.tf:2:") || strings.Contains(en, "syntaxe") {
		t.Errorf("English: %s", en)
	}
}
