package pwpolicy

import (
	"bytes"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/config"
)

// Marshal writes policies in vigie's YAML policy format; what a policy does
// not state is left out, so it stays unknown when read back.
func Marshal(policies []password.Policy) ([]byte, error) {
	f := File{Version: 1}
	for _, p := range policies {
		f.Policies = append(f.Policies, document(p))
	}
	var node yaml.Node
	if err := node.Encode(f); err != nil {
		return nil, err
	}
	dropNulls(&node)
	dropUnstatedClasses(&node, policies)
	var b bytes.Buffer
	b.WriteString("# vigie password policy (vigie's YAML policy format)\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&node); err != nil {
		return nil, check.Errorf("writing the policy: %v", "écriture de la politique : %v", err)
	}
	return b.Bytes(), nil
}

func classesStated(p password.Policy) bool {
	return p.RequireLower.Known() || p.RequireUpper.Known() || p.RequireDigit.Known() || p.RequireSpecial.Known()
}

// dropUnstatedClasses removes "require: []" from policies that say nothing
// of classes: an empty list would read back as "no class forced".
func dropUnstatedClasses(root *yaml.Node, policies []password.Policy) {
	for k := 0; k+1 < len(root.Content); k += 2 {
		if root.Content[k].Value != "policies" {
			continue
		}
		for i, pn := range root.Content[k+1].Content {
			if i < len(policies) && !classesStated(policies[i]) {
				kept := pn.Content[:0]
				for j := 0; j+1 < len(pn.Content); j += 2 {
					if pn.Content[j].Value != "require" {
						kept = append(kept, pn.Content[j], pn.Content[j+1])
					}
				}
				pn.Content = kept
			}
		}
	}
}

// dropNulls removes mapping keys whose value is null: unknown stays unstated.
func dropNulls(n *yaml.Node) {
	if n.Kind == yaml.MappingNode {
		kept := n.Content[:0]
		for i := 0; i+1 < len(n.Content); i += 2 {
			if v := n.Content[i+1]; v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
				continue
			}
			kept = append(kept, n.Content[i], n.Content[i+1])
		}
		n.Content = kept
	}
	for _, c := range n.Content {
		dropNulls(c)
	}
}

func boolOf(t password.Tri) *bool {
	if t == password.Unknown {
		return nil
	}
	b := t == password.Yes
	return &b
}

func durOf(d *time.Duration) *config.Duration {
	if d == nil {
		return nil
	}
	v := config.Duration(*d)
	return &v
}

// document is the inverse of PolicyDoc.policy.
func document(p password.Policy) PolicyDoc {
	d := PolicyDoc{Name: p.Name, Admin: p.Admin, MinLength: p.MinLength, MaxLength: p.MaxLength, MinClasses: p.MinClasses,
		PassphraseWords: p.PassphraseWords, Blacklist: boolOf(p.Blacklist), Captcha: boolOf(p.Captcha), MFA: boolOf(p.MFA),
		MaxAgeDays: p.MaxAgeDays, History: p.HistoryCount, ReversibleStorage: boolOf(p.ReversibleStorage),
		SentInClear: boolOf(p.SentInClear), ResetLinkLifetime: durOf(p.ResetLinkLifetime)}
	if classesStated(p) {
		d.Require = []Class{} // written as require: [] when none is forced
	}
	for _, c := range []struct {
		t    password.Tri
		name Class
	}{{p.RequireLower, "lower"}, {p.RequireUpper, "upper"}, {p.RequireDigit, "digits"}, {p.RequireSpecial, "specials"}} {
		if c.t == password.Yes {
			d.Require = append(d.Require, c.name)
		}
	}
	if p.LockoutThreshold != nil || p.LockoutDuration != nil {
		d.Lockout = &LockoutDoc{Threshold: p.LockoutThreshold, Duration: durOf(p.LockoutDuration)}
	}
	if t := p.Throttling; t != nil {
		d.Throttling = &ThrottlingDoc{Grows: t.Grows, AfterFailures: t.AfterFailures, FirstDelay: config.Duration(t.FirstDelay), MaxPer24h: t.MaxPer24h}
	}
	if p.HardwareBound != password.Unknown || p.HardwareBlockAfter != nil {
		d.Hardware = &HardwareDoc{Bound: boolOf(p.HardwareBound), BlockAfter: p.HardwareBlockAfter}
	}
	if s := p.Storage; s != nil {
		d.Storage = storageDoc(*s)
	}
	return d
}

// storageDoc keeps only the parameters of the storage's own algorithm: a
// bcrypt policy says its cost, never an Argon2 memory left from an edit.
// Which names have none to state is the family's classification, so the two
// never drift apart.
func storageDoc(s password.Storage) *StorageDoc {
	d := &StorageDoc{Algorithm: s.Algorithm, Salted: boolOf(s.Salted)}
	alg := password.StorageName(s.Algorithm)
	switch c := password.ClassifyStorage(alg); {
	case c != password.StorageSlow && c != password.StorageUnknown: // plain, fast or reversible: no work factor
	case strings.HasPrefix(alg, "argon2"):
		d.MemoryKiB, d.Time = s.MemoryKiB, s.Time
	case alg == "bcrypt" || alg == "scrypt" || alg == "yescrypt":
		d.Cost = s.Cost
	case strings.HasPrefix(alg, "pbkdf2") || strings.HasSuffix(alg, "crypt"):
		d.Iterations = s.Iterations // PBKDF2 iterations, sha-crypt rounds
	default: // an algorithm vigie does not know: keep what was stated
		d.Cost, d.Iterations, d.MemoryKiB, d.Time = s.Cost, s.Iterations, s.MemoryKiB, s.Time
	}
	return d
}
