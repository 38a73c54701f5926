package pwpolicy

import (
	"cmp"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/config"
)

// yamlRanges are the numbers of a policy in vigie's YAML format and what
// each accepts; a minimum length or a count of classes of 0 says nothing.
var yamlRanges = []struct {
	path   string
	lo, hi int
}{{"min_length", 1, maxLength}, {"max_length", 0, maxMaxLength}, {"min_classes", 1, 4}, {"passphrase_words", 1, 100},
	{"max_age_days", 0, maxDays}, {"history", 0, maxHistory}, {"lockout.threshold", 0, maxAttempts},
	{"throttling.after_failures", 0, maxAttempts}, {"throttling.max_per_24h", 0, maxAttempts}, {"hardware.block_after", 0, maxAttempts},
	{"storage.cost", 0, 64}, {"storage.iterations", 0, maxRounds}, {"storage.memory_kib", 0, maxRounds}, {"storage.time", 0, maxRounds}}

var yamlDurations = []string{"reset_link_lifetime", "lockout.duration", "throttling.first_delay"}

// yamlProblems lists every bad value of a policy file in vigie's YAML
// format, each as "file:line:column: key: problem", the form of the
// decoder's own errors, so that one run shows them all. Wrong types and
// unknown keys are the decoder's: a value of the wrong type is skipped here.
func yamlProblems(name string, data []byte) []error {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return nil // the decoder reports the syntax
	}
	list := child(doc.Content[0], "policies")
	if list == nil || list.Kind != yaml.SequenceNode {
		return nil
	}
	var errs []error
	names := map[string]string{} // name → the policy that has it first
	for i, p := range list.Content {
		if p.Kind != yaml.MappingNode {
			continue
		}
		at := func(n *yaml.Node, key, en, fr string, args ...any) {
			errs = append(errs, check.Prefixed{Prefix: fmt.Sprintf("%s:%d:%d: policies[%d]%s: ", name, n.Line, n.Column, i, key), Err: check.Errorf(en, fr, args...)})
		}
		switch n := child(p, "name"); {
		case n == nil || n.Value == "":
			at(p, "", "name is required (e.g. users, admins)", "name est obligatoire (par exemple users, admins)")
		case names[n.Value] != "":
			at(n, ".name", "%s is already the name of %s", "%s est déjà le nom de %s", quoteShort(n.Value), names[n.Value])
		default:
			names[n.Value] = fmt.Sprintf("policies[%d]", i)
		}
		for _, r := range yamlRanges {
			n := child(p, r.path)
			var v int64
			if n == nil || n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
				continue
			}
			if err := n.Decode(&v); err != nil || v < int64(r.lo) || v > int64(r.hi) {
				at(n, "."+r.path, "%s is out of range (accepted: %d to %d)", "%s est hors limites (accepté : %d à %d)", short(n.Value), r.lo, r.hi)
			}
		}
		for _, path := range yamlDurations {
			n := child(p, path)
			if n == nil || n.Kind != yaml.ScalarNode {
				continue
			}
			if d, err := time.ParseDuration(n.Value); err == nil && (d < 0 || d > maxDuration) {
				at(n, "."+path, "%s is out of range (accepted: 0 to %d days)", "%s est hors limites (accepté : 0 à %d jours)", short(n.Value), maxSeconds/86400)
			}
		}
		if req := child(p, "require"); req != nil && req.Kind == yaml.SequenceNode {
			for j, c := range req.Content {
				if c.Kind == yaml.ScalarNode && !classes[c.Value] {
					at(c, fmt.Sprintf(".require[%d]", j), "unknown character class %s%s (want lower, upper, digits or specials)",
						"classe de caractères inconnue %s%s (au choix : lower, upper, digits ou specials)", quoteShort(c.Value), check.DidYouMean(c.Value, classNames))
				}
			}
		}
		a := child(p, "storage.algorithm")
		if a == nil || a.Kind != yaml.ScalarNode || a.Value == "" || password.ClassifyStorage(a.Value) != password.StorageUnknown {
			continue
		}
		slow, weak := password.KnownStorage()
		if password.StorageName(a.Value) == "none" {
			// "none" may mean kept as typed or not kept at all (SSO only):
			// vigie cannot tell which, and the two verdicts are opposite.
			at(a, ".storage.algorithm", "%s does not say how passwords are stored: if they are kept as typed, write plaintext; if none is stored (sign-in by SSO only), leave storage out; known: %s",
				"%s ne dit pas comment les mots de passe sont conservés : s'ils sont gardés tels quels, écrivez plaintext ; si aucun n'est conservé (connexion par SSO seulement), retirez storage ; connus : %s",
				quoteShort(a.Value), strings.Join(slow, ", "))
			continue
		}
		at(a, ".storage.algorithm", "unknown algorithm %s%s: vigie cannot say whether it is slow and salted; known: %s; also known, and failed: plain text (plaintext, cleartext…), fast hashes (md5, sha1, ntlm…), reversible ciphers and encodings (aes, base64, rot13…)",
			"algorithme inconnu %s%s : vigie ne peut pas dire s'il est lent et salé ; connus : %s ; connus aussi, et en échec : le clair (plaintext, cleartext…), les hachages rapides (md5, sha1, ntlm…), les chiffrements et encodages réversibles (aes, base64, rot13…)",
			quoteShort(a.Value), check.DidYouMean(password.StorageName(a.Value), slices.Concat(slow, weak)), strings.Join(slow, ", "))
	}
	return errs
}

var classNames = []string{"lower", "upper", "digits", "specials"}

// child is the value at a dotted path of mappings, or nil.
func child(n *yaml.Node, path string) *yaml.Node {
	for _, key := range strings.Split(path, ".") {
		if n == nil || n.Kind != yaml.MappingNode {
			return nil
		}
		var next *yaml.Node
		for k := 0; k+1 < len(n.Content); k += 2 {
			if n.Content[k].Value == key {
				next = n.Content[k+1]
			}
		}
		n = next
	}
	return n
}

// withProblems lists the decoder's errors and the problems together, in the
// order of the file. A decoding error that is not the decoder's list (an
// int past 64 bits) is about a value the problems already name.
func withProblems(decodeErr error, problems []error) error {
	var list config.Errors
	switch {
	case errors.As(decodeErr, &list):
		list = append(slices.Clone(list), problems...)
	case len(problems) == 0:
		return decodeErr
	default:
		list = slices.Clone(problems)
	}
	slices.SortStableFunc(list, func(a, b error) int {
		la, ca := position(a)
		lb, cb := position(b)
		return cmp.Or(cmp.Compare(la, lb), cmp.Compare(ca, cb))
	})
	return list
}

// position reads "file:line:column: " back from an error's prefix.
func position(err error) (line, col int) {
	var p check.Prefixed
	if errors.As(err, &p) {
		if m := posPrefix.FindStringSubmatch(p.Prefix); m != nil {
			line, _ = strconv.Atoi(m[1])
			col, _ = strconv.Atoi(m[2])
		}
	}
	return line, col
}

var posPrefix = regexp.MustCompile(`^.*?:(\d+):(\d+): `)
