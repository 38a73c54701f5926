package waiver

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/vigie-security/vigie/internal/atomicfile"
	"github.com/vigie-security/vigie/internal/check"
)

// Append adds a waiver to file, creating it when it does not exist (its
// header comment in l, the language of whoever wrote the waiver), and keeps
// the comments and entries already there. The entry is validated as Load
// would, and the file is replaced atomically with mode 0600.
func Append(file string, e Entry, known func(id string) bool, l check.Lang) error {
	if strings.TrimSpace(e.Statement) == "" {
		return check.Errorf("a waiver needs a statement: say why the risk is accepted",
			"une dérogation demande une justification : dites pourquoi le risque est accepté")
	}
	if _, err := time.Parse(time.DateOnly, e.Expires); err != nil {
		return check.Errorf("expires %q is not a date (YYYY-MM-DD)", "expires %q n'est pas une date (AAAA-MM-JJ)", e.Expires)
	}
	if err := replaceable(file); err != nil {
		return err
	}
	var doc yaml.Node
	data, err := read(file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		data = []byte(check.Text{EN: "# Accepted risks: each waiver names a check, a target, why, and until when.\n",
			FR: "# Risques acceptés : chaque dérogation nomme un contrôle, une cible, sa justification et sa date de fin.\n"}.In(l) + "waivers: []\n")
	case err != nil:
		return err
	}
	if _, err := Parse(file, data, known); err != nil {
		return err // never rewrite a file vigie could not read back
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return fmt.Errorf("%s: %v", file, err)
	}
	if len(doc.Content) == 0 {
		doc.Kind, doc.Content = yaml.DocumentNode, []*yaml.Node{{Kind: yaml.MappingNode, Tag: "!!map"}}
	}
	root := doc.Content[0]
	var list *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "waivers" {
			list = root.Content[i+1]
		}
	}
	if list == nil {
		list = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "waivers"}, list)
	}
	list.Style = 0 // block style, even when the file said []
	var entry yaml.Node
	if err := entry.Encode(struct {
		Check     string `yaml:"check"`
		Target    string `yaml:"target,omitempty"`
		Statement string `yaml:"statement"`
		Expires   string `yaml:"expires"`
	}{e.Check, e.Target, e.Statement, e.Expires}); err != nil {
		return err
	}
	list.Content = append(list.Content, &entry)
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return check.Errorf("writing waivers %s: %v", "écriture des dérogations %s : %v", file, err)
	}
	if _, err := Parse(file, out.Bytes(), known); err != nil {
		return check.Errorf("writing waivers %s: %v", "écriture des dérogations %s : %v", file, err)
	}
	return atomicfile.WriteBytes(file, out.Bytes())
}
