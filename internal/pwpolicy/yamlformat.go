package pwpolicy

import (
	"time"

	"gopkg.in/yaml.v3"

	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/config"
)

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
		return check.Errorf("line %d: unknown character class %s (want lower, upper, digits or specials)",
			"ligne %d : classe de caractères inconnue %s (au choix : lower, upper, digits ou specials)", n.Line, quoteShort(n.Value))
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
		return nil, fileErr(name, "version %d is not supported (this vigie reads version 1)", "la version %d n'est pas prise en charge (ce vigie lit la version 1)", f.Version)
	}
	if len(f.Policies) == 0 {
		return nil, fileErr(name, "no policies", "aucune politique (policies)")
	}
	var out []password.Policy
	seen := map[string]bool{}
	for i, d := range f.Policies {
		err := d.check()
		if err == nil {
			err = checkPolicy(d.policy())
		}
		if err != nil {
			return nil, lineErr(name, policyLine(data, i), "policies[%d] (%s): %v", "policies[%d] (%s) : %v", i, quoteShort(d.Name), err)
		}
		if seen[d.Name] {
			return nil, fileErr(name, "policies[%d]: name %s used twice", "policies[%d] : le nom %s est utilisé deux fois", i, quoteShort(d.Name))
		}
		seen[d.Name] = true
		out = append(out, d.policy())
	}
	return out, nil
}

func (d PolicyDoc) check() error {
	inRange := func(field string, v *int, lo, hi int) error {
		if v != nil && (*v < lo || *v > hi) {
			return check.Errorf("%s: %d is out of range %d–%d", "%s : %d est hors limites %d–%d", field, *v, lo, hi)
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
		return check.Errorf("name is required (e.g. users, admins)", "name est obligatoire (par exemple users, admins)")
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
