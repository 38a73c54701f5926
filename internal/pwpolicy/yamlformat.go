package pwpolicy

import (
	"time"

	"gopkg.in/yaml.v3"

	"github.com/vigie-security/vigie/checks/password"
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

// Class is a character class name, checked by yamlProblems.
type Class string

var classes = map[string]bool{"lower": true, "upper": true, "digits": true, "specials": true}

func parseYAML(name string, data []byte) ([]password.Policy, error) {
	var f File
	err := config.DecodeStrict(name, data, &f)
	if problems := yamlProblems(name, data); err != nil || len(problems) > 0 {
		return nil, withProblems(err, problems)
	}
	if f.Version > 1 {
		return nil, fileErr(name, "version %d is not supported (this vigie reads version 1)", "la version %d n'est pas prise en charge (ce vigie lit la version 1)", f.Version)
	}
	if len(f.Policies) == 0 {
		return nil, fileErr(name, "no policies", "aucune politique (policies)")
	}
	out := make([]password.Policy, len(f.Policies))
	for i, d := range f.Policies {
		out[i] = d.policy()
		// The net under yamlProblems, which checks the same numbers where they are written.
		if err := checkPolicy(out[i]); err != nil {
			return nil, lineErr(name, policyLine(data, i), "policies[%d] (%s): %v", "policies[%d] (%s) : %v", i, quoteShort(d.Name), err)
		}
	}
	return out, nil
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
