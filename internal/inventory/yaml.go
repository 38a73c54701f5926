package inventory

import (
	"bytes"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/vigie-security/vigie/checks/contracts"
)

// yamlRow is one processor in a YAML inventory; keys are the canonical
// field names, and lists may be written as lists or as "a; b" strings.
type yamlRow struct {
	Processor      string   `yaml:"processor"`
	Name           string   `yaml:"name"`
	Service        string   `yaml:"service"`
	DataCategories yamlList `yaml:"data_categories"`
	DataSubjects   yamlList `yaml:"data_subjects"`
	Contracts      yamlList `yaml:"contracts"`
	Signed         string   `yaml:"signed"`
	SignedOn       string   `yaml:"signed_on"`
	Start          string   `yaml:"start"`
	End            string   `yaml:"end"`
	Review         string   `yaml:"review"`
	Countries      yamlList `yaml:"countries"`
	Mechanism      string   `yaml:"mechanism"`
	SubProcessors  yamlList `yaml:"subprocessors"`
	Contact        string   `yaml:"contact"`
}

type yamlList []string

func (l *yamlList) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*l = list(n.Value)
		return nil
	}
	var s []string
	if err := n.Decode(&s); err != nil {
		return err
	}
	*l = s
	return nil
}

func loadYAML(path string) ([]contracts.Processor, error) {
	raw, err := readBounded(path)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Processors []yaml.Node `yaml:"processors"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("%v (want a top-level processors: list)", err)
	}
	var out []contracts.Processor
	for _, n := range doc.Processors {
		var y yamlRow
		if err := n.Decode(&y); err != nil {
			return nil, fmt.Errorf("line %d: %v", n.Line, err)
		}
		var probe map[string]yaml.Node
		if err := n.Decode(&probe); err == nil {
			for k, v := range probe {
				if !known(k) && k != "name" {
					return nil, fmt.Errorf("line %d: unknown field %q (want %s)", v.Line, k, strings.Join(Fields, ", "))
				}
			}
		}
		name := y.Processor
		if name == "" {
			name = y.Name
		}
		if strings.TrimSpace(name) == "" {
			return nil, fmt.Errorf("line %d: a processor needs a name", n.Line)
		}
		values := map[string]string{
			"service": y.Service, "signed": y.Signed, "signed_on": y.SignedOn, "start": y.Start, "end": y.End,
			"review": y.Review, "mechanism": y.Mechanism, "contact": y.Contact,
			"data_categories": strings.Join(y.DataCategories, ";"), "data_subjects": strings.Join(y.DataSubjects, ";"),
			"contracts": strings.Join(y.Contracts, ";"), "countries": strings.Join(y.Countries, ";"),
			"subprocessors": strings.Join(y.SubProcessors, ";"),
		}
		p := contracts.Processor{Row: n.Line, Name: strings.TrimSpace(name)}
		fill(&p, func(f string) string { return strings.TrimSpace(values[f]) })
		out = append(out, p)
	}
	return out, nil
}
