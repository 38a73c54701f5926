// Package pwpolicy reads password-policy files into the password family's
// normalised model. This version reads vigie's own YAML policy format; the
// other formats the README lists plug in beside it.
package pwpolicy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/internal/config"
	"github.com/vigie-security/vigie/internal/fileread"
	"github.com/vigie-security/vigie/internal/textenc"
)

// MaxSize bounds a policy file.
const MaxSize = 1 << 20

// Load reads and parses a policy file, or a directory of Linux PAM files.
func Load(path string) ([]password.Policy, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("reading password policy: %w", err)
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
		return nil, fmt.Errorf("reading password policy: %w", err)
	}
	return data, nil
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

// errNoFormat marks input that is no format vigie reads, as opposed to a
// known format with an error: a directory skips such files.
var errNoFormat = errors.New("not a password-policy format vigie reads (" + Formats + ")")

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
				return nil, fmt.Errorf("%s: policy %q: %w", name, p.Name, err)
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
		return nil, fmt.Errorf("%s: a JSON list, but not of Auth0 connections: %w", name, errNoFormat)
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
	return nil, fmt.Errorf("%s: JSON, but %w", name, errNoFormat)
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

func isVigieYAML(data []byte) bool {
	var probe map[string]yaml.Node
	return yaml.Unmarshal(data, &probe) == nil && probe["policies"].Kind == yaml.SequenceNode
}

// File is vigie's YAML policy format (documented in the README).
type File struct {
	Version  int         `yaml:"version"`
	Policies []PolicyDoc `yaml:"policies"`
}

// PolicyDoc is one policy in vigie's YAML format; omitted keys stay unknown.
type PolicyDoc struct {
	Name              string           `yaml:"name"`
	Admin             bool             `yaml:"admin"`
	MinLength         *int             `yaml:"min_length"`
	MaxLength         *int             `yaml:"max_length"`
	Require           []Class          `yaml:"require"`
	MinClasses        *int             `yaml:"min_classes"`
	PassphraseWords   *int             `yaml:"passphrase_words"`
	Blacklist         *bool            `yaml:"blacklist"`
	Lockout           *LockoutDoc      `yaml:"lockout"`
	Throttling        *ThrottlingDoc   `yaml:"throttling"`
	Captcha           *bool            `yaml:"captcha"`
	MFA               *bool            `yaml:"mfa"`
	Hardware          *HardwareDoc     `yaml:"hardware"`
	MaxAgeDays        *int             `yaml:"max_age_days"`
	History           *int             `yaml:"history"`
	Storage           *StorageDoc      `yaml:"storage"`
	ReversibleStorage *bool            `yaml:"reversible_storage"`
	SentInClear       *bool            `yaml:"sent_in_clear"`
	ResetLinkLifetime *config.Duration `yaml:"reset_link_lifetime"`
}

// LockoutDoc: threshold 0 means never.
type LockoutDoc struct {
	Threshold *int             `yaml:"threshold"`
	Duration  *config.Duration `yaml:"duration"`
}

// ThrottlingDoc is a delay after failed attempts.
type ThrottlingDoc struct {
	Grows         bool            `yaml:"grows"`
	AfterFailures int             `yaml:"after_failures"`
	FirstDelay    config.Duration `yaml:"first_delay"`
	MaxPer24h     int             `yaml:"max_per_24h"`
}

// HardwareDoc describes a code that unlocks hardware held by the person.
type HardwareDoc struct {
	Bound      *bool `yaml:"bound"`
	BlockAfter *int  `yaml:"block_after"`
}

// StorageDoc is the storage algorithm and its parameters.
type StorageDoc struct {
	Algorithm  string `yaml:"algorithm"`
	Cost       int    `yaml:"cost,omitempty"`
	Iterations int    `yaml:"iterations,omitempty"`
	MemoryKiB  int    `yaml:"memory_kib,omitempty"`
	Time       int    `yaml:"time,omitempty"`
	Salted     *bool  `yaml:"salted"`
}

// Class is a character class name, checked where it is written.
type Class string

var classes = map[string]bool{"lower": true, "upper": true, "digits": true, "specials": true}

func (c *Class) UnmarshalYAML(n *yaml.Node) error {
	if !classes[n.Value] {
		return fmt.Errorf("line %d: unknown character class %q (want lower, upper, digits or specials)", n.Line, n.Value)
	}
	*c = Class(n.Value)
	return nil
}

func parseYAML(name string, data []byte) ([]password.Policy, error) {
	var f File
	if err := config.DecodeStrict(name, data, &f); err != nil {
		return nil, err
	}
	if f.Version > 1 {
		return nil, fmt.Errorf("%s: version %d is not supported (this vigie reads version 1)", name, f.Version)
	}
	if len(f.Policies) == 0 {
		return nil, fmt.Errorf("%s: no policies", name)
	}
	var out []password.Policy
	seen := map[string]bool{}
	for i, d := range f.Policies {
		err := d.check()
		if err == nil {
			err = checkPolicy(d.policy())
		}
		if err != nil {
			return nil, fmt.Errorf("%s:%d: policies[%d] (%q): %w", name, policyLine(data, i), i, d.Name, err)
		}
		if seen[d.Name] {
			return nil, fmt.Errorf("%s: policies[%d]: name %q used twice", name, i, d.Name)
		}
		seen[d.Name] = true
		out = append(out, d.policy())
	}
	return out, nil
}

func (d PolicyDoc) check() error {
	inRange := func(field string, v *int, lo, hi int) error {
		if v != nil && (*v < lo || *v > hi) {
			return fmt.Errorf("%s: %d is out of range %d–%d", field, *v, lo, hi)
		}
		return nil
	}
	for _, c := range []struct {
		f      string
		v      *int
		lo, hi int
	}{{"min_length", d.MinLength, 1, 4096}, {"max_length", d.MaxLength, 0, 100000}, {"min_classes", d.MinClasses, 1, 4},
		{"passphrase_words", d.PassphraseWords, 1, 100}, {"max_age_days", d.MaxAgeDays, 0, 100000}, {"history", d.History, 0, 1000}} {
		if err := inRange(c.f, c.v, c.lo, c.hi); err != nil {
			return err
		}
	}
	if d.Lockout != nil {
		if err := inRange("lockout.threshold", d.Lockout.Threshold, 0, 100000); err != nil {
			return err
		}
	}
	if d.Name == "" {
		return fmt.Errorf("name is required (e.g. users, admins)")
	}
	return nil
}

func tri(b *bool) password.Tri {
	switch {
	case b == nil:
		return password.Unknown
	case *b:
		return password.Yes
	}
	return password.No
}

func dur(d *config.Duration) *time.Duration {
	if d == nil {
		return nil
	}
	v := time.Duration(*d)
	return &v
}

func (d PolicyDoc) policy() password.Policy {
	p := password.Policy{Name: d.Name, Admin: d.Admin, Format: "vigie-yaml", MinLength: d.MinLength, MaxLength: d.MaxLength,
		MinClasses: d.MinClasses, PassphraseWords: d.PassphraseWords, Blacklist: tri(d.Blacklist), Captcha: tri(d.Captcha),
		MFA: tri(d.MFA), MaxAgeDays: d.MaxAgeDays, HistoryCount: d.History, ReversibleStorage: tri(d.ReversibleStorage),
		SentInClear: tri(d.SentInClear), ResetLinkLifetime: dur(d.ResetLinkLifetime)}
	if d.Require != nil { // "require: []" says no class is forced; no require key says nothing
		names := make([]string, len(d.Require))
		for i, c := range d.Require {
			names[i] = string(c)
		}
		_ = p.SetClasses(names...) // each Class was checked where it was written
	}
	if d.Lockout != nil {
		p.LockoutThreshold, p.LockoutDuration = d.Lockout.Threshold, dur(d.Lockout.Duration)
	}
	if t := d.Throttling; t != nil {
		p.Throttling = &password.Throttling{Grows: t.Grows, AfterFailures: t.AfterFailures, FirstDelay: time.Duration(t.FirstDelay), MaxPer24h: t.MaxPer24h}
	}
	if h := d.Hardware; h != nil {
		p.HardwareBound, p.HardwareBlockAfter = tri(h.Bound), h.BlockAfter
	}
	if s := d.Storage; s != nil {
		p.Storage = &password.Storage{Algorithm: s.Algorithm, Cost: s.Cost, Iterations: s.Iterations, MemoryKiB: s.MemoryKiB, Time: s.Time, Salted: tri(s.Salted)}
	}
	return p
}

// policyLine is the line where policies[i] starts, for errors found after decoding.
func policyLine(data []byte, i int) int {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return 0
	}
	root := doc.Content[0]
	for k := 0; k+1 < len(root.Content); k += 2 {
		if root.Content[k].Value == "policies" && i < len(root.Content[k+1].Content) {
			return root.Content[k+1].Content[i].Line
		}
	}
	return 0
}
