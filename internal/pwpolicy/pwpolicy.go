// Package pwpolicy reads password-policy files into the password family's
// normalised model: vigie's YAML, exports of Windows, AWS (and Terraform),
// Keycloak, Okta, FreeIPA, OpenLDAP, Samba, Entra ID, Google Workspace,
// Auth0 and MySQL/MariaDB, and Linux PAM directories. The format is
// detected from the content (Formats lists them).
package pwpolicy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/fileread"
	"github.com/vigie-security/vigie/internal/textenc"
)

// MaxSize bounds a policy file.
const MaxSize = 1 << 20

// Load reads and parses a policy file, or a directory of Linux PAM files.
func Load(path string) ([]password.Policy, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, errReading(err)
	}
	if st.IsDir() {
		return checked(path)(loadDir(path))
	}
	data, err := readBounded(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

func readBounded(path string) ([]byte, error) {
	data, err := fileread.ReadAll(path, MaxSize)
	if err != nil {
		return nil, errReading(err)
	}
	return data, nil
}

func errReading(err error) error {
	return check.Errorf("reading password policy: %v", "lecture de la politique de mots de passe : %v", err)
}

// Formats lists what Parse recognises, for errors and the README.
const Formats = "vigie's YAML policy format, a secedit /export or GptTmpl.inf [System Access] section, " +
	"Get-ADDefaultDomainPasswordPolicy output, a Keycloak realm export, " +
	"AWS IAM password policy JSON (get-account-password-policy output, the bare PasswordPolicy object, update-account-password-policy --cli-input-json), " +
	"Terraform aws_iam_account_password_policy (.tf, or terraform show -json of a plan or state), " +
	"an Okta password policy (JSON), pwquality.conf, login.defs, faillock.conf, pam.d files (or a directory holding them), " +
	"ipa pwpolicy-show output, an OpenLDAP ppolicy LDIF, samba-tool domain passwordsettings show output, " +
	"Microsoft Entra ID Password Rule Settings (Graph JSON), Google Workspace password settings (Policy API JSON), " +
	"an Auth0 connection (JSON), MySQL/MariaDB SHOW VARIABLES output (validate_password, simple_password_check)"

// formatsFR is Formats for a French reader.
const formatsFR = "le format de politique YAML de vigie, une section [System Access] de secedit /export ou de GptTmpl.inf, " +
	"la sortie de Get-ADDefaultDomainPasswordPolicy, un export de royaume Keycloak, " +
	"le JSON de politique de mots de passe AWS IAM (sortie de get-account-password-policy, l'objet PasswordPolicy seul, update-account-password-policy --cli-input-json), " +
	"Terraform aws_iam_account_password_policy (.tf, ou terraform show -json d'un plan ou d'un état), " +
	"une politique de mots de passe Okta (JSON), pwquality.conf, login.defs, faillock.conf, des fichiers pam.d (ou un dossier qui les contient), " +
	"la sortie de ipa pwpolicy-show, un LDIF ppolicy d'OpenLDAP, la sortie de samba-tool domain passwordsettings show, " +
	"les Password Rule Settings de Microsoft Entra ID (JSON Graph), les réglages de mots de passe de Google Workspace (JSON de la Policy API), " +
	"une connexion Auth0 (JSON), la sortie SHOW VARIABLES de MySQL/MariaDB (validate_password, simple_password_check)"

var formats = check.Text{EN: Formats, FR: formatsFR}

// errNoFormat marks input that is no format vigie reads, as opposed to a
// known format with an error: a directory skips such files.
var errNoFormat = check.Errorf("not a password-policy format vigie reads (%s)", "pas un format de politique de mots de passe que vigie lit (%s)", formats)

// Parse detects the format of data and parses it; name labels errors.
// Every number is range-checked: out of range is an error, never a wrap.
func Parse(name string, data []byte) ([]password.Policy, error) {
	return checked(name)(parseFormat(name, data))
}

// checked applies checkPolicy to what a parser returned.
func checked(name string) func([]password.Policy, error) ([]password.Policy, error) {
	return func(ps []password.Policy, err error) ([]password.Policy, error) {
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			if err := checkPolicy(p); err != nil {
				return nil, fileErr(name, "policy %s: %v", "politique %s : %v", quoteShort(p.Name), err)
			}
		}
		return ps, nil
	}
}

func parseFormat(name string, data []byte) ([]password.Policy, error) {
	data = []byte(textenc.Decode(data))
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[' && json.Valid(trimmed)) {
		return parseAnyJSON(name, data, trimmed)
	}
	low := bytes.ToLower(data)
	base := filepath.Base(name)
	switch {
	case strings.HasSuffix(base, ".tf"):
		return parseTerraform(name, data)
	case hasLine(low, "[system access]"):
		return parseSecedit(name, data)
	case bytes.Contains(data, []byte("MinPasswordLength")) && bytes.Contains(data, []byte(" : ")):
		return parseADText(name, data)
	case base == "pwquality.conf" || base == "login.defs" || base == "faillock.conf":
		p := password.Policy{Name: "linux", Format: "linux-pam"}
		if err := applyLinux(name, base, data, &p); err != nil {
			return nil, err
		}
		return []password.Policy{p}, nil
	case isSamba(data):
		return parseSamba(name, data)
	case isFreeIPA(data):
		return parseFreeIPA(name, data)
	case isLDIF(data):
		return parseLDIF(name, data)
	case bytes.Contains(data, []byte("settings/security.password")) && bytes.Contains(data, []byte("Policy:")):
		return parseGoogle(name, data)
	case isMySQL(low):
		return parseMySQL(name, data)
	case isPAM(data):
		return parsePAMFile(name, data)
	case isVigieYAML(data):
		return parseYAML(name, data)
	}
	return nil, fmt.Errorf("%s: %w", name, errNoFormat)
}

func parseAnyJSON(name string, data, trimmed []byte) ([]password.Policy, error) {
	var obj map[string]json.RawMessage
	if trimmed[0] == '[' {
		var list []json.RawMessage
		if err := json.Unmarshal(trimmed, &list); err != nil {
			return nil, jsonError(name, data, err)
		}
		if isAuth0List(list) {
			return parseAuth0(name, data)
		}
		return nil, fileErr(name, "a JSON list, but not of Auth0 connections: %v", "une liste JSON, mais pas de connexions Auth0 : %v", errNoFormat)
	}
	if err := json.Unmarshal(trimmed, &obj); err != nil {
		var v any
		return nil, jsonError(name, data, json.Unmarshal(trimmed, &v))
	}
	switch {
	case obj["PasswordPolicy"] != nil:
		return parseAWS(name, data, true)
	case obj["format_version"] != nil && (obj["planned_values"] != nil || obj["values"] != nil):
		return parseTerraformJSON(name, data)
	case isAWSBare(obj):
		return parseAWS(name, data, false)
	case obj["settings"] != nil && obj["type"] != nil:
		return parseOkta(name, data)
	case obj["passwordPolicy"] != nil || obj["bruteForceProtected"] != nil || obj["realm"] != nil:
		return parseKeycloak(name, data)
	case isEntra(trimmed):
		return parseEntra(name, data)
	case bytes.Contains(trimmed, []byte("security.password")):
		return parseGoogle(name, data)
	case obj["strategy"] != nil && obj["options"] != nil:
		return parseAuth0(name, data)
	}
	return nil, fileErr(name, "JSON, but %v", "du JSON, mais %v", errNoFormat)
}

// hasLine reports whether a line of data is exactly s, spaces aside: a
// document that only mentions "[System Access]" is no secedit export.
func hasLine(data []byte, s string) bool {
	for _, l := range bytes.Split(data, []byte("\n")) {
		if string(bytes.TrimSpace(l)) == s {
			return true
		}
	}
	return false
}
