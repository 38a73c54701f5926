package inventory

import (
	"bytes"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/vigie-security/vigie/checks/contracts"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/textenc"
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
	raw, err := readBounded(path, MaxYAML)
	if err != nil {
		return nil, err
	}
	if n := yamlMarks(raw); n > MaxYAMLMarks {
		return nil, check.Errorf("more than %d YAML items (, - : [ {): too many for a processor inventory; use CSV or XLSX",
			"plus de %d éléments YAML (, - : [ {) : trop pour un inventaire de sous-traitants ; utilisez CSV ou XLSX", MaxYAMLMarks)
	}
	var doc struct {
		Processors []yaml.Node `yaml:"processors"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil {
		return nil, check.Errorf("%s (want a top-level processors: list)", "%s (une liste processors: est attendue au premier niveau)", yamlErr(err))
	}
	if len(doc.Processors) > MaxRows {
		return nil, tooMany(lineAt(doc.Processors[MaxRows].Line))
	}
	var out []contracts.Processor
	for _, n := range doc.Processors {
		var y yamlRow
		if err := n.Decode(&y); err != nil {
			return nil, check.Errorf("line %d: %s", "ligne %d : %s", n.Line, yamlErr(err))
		}
		var probe map[string]yaml.Node
		if err := n.Decode(&probe); err == nil {
			for k, v := range probe {
				if !known(k) && k != "name" {
					if textenc.IsLabel(k) {
						return nil, check.Errorf("line %d: unknown field %q (want %s)", "ligne %d : champ %q inconnu (champs possibles : %s)",
							v.Line, k, strings.Join(Fields, ", "))
					}
					return nil, check.Errorf("line %d: an unknown field (want %s)", "ligne %d : un champ inconnu (champs possibles : %s)",
						v.Line, strings.Join(Fields, ", "))
				}
			}
		}
		name := y.Processor
		if name == "" {
			name = y.Name
		}
		if strings.TrimSpace(name) == "" {
			return nil, check.Errorf("line %d: a processor needs a name", "ligne %d : un sous-traitant doit avoir un nom", n.Line)
		}
		values := map[string]string{
			"service": y.Service, "signed": y.Signed, "signed_on": y.SignedOn, "start": y.Start, "end": y.End,
			"review": y.Review, "mechanism": y.Mechanism, "contact": y.Contact,
			"data_categories": strings.Join(y.DataCategories, ";"), "data_subjects": strings.Join(y.DataSubjects, ";"),
			"contracts": strings.Join(y.Contracts, ";"), "countries": strings.Join(y.Countries, ";"),
			"subprocessors": strings.Join(y.SubProcessors, ";"),
		}
		values["processor"] = name // MaxYAML is below MaxKept: no budget to keep
		for _, f := range Fields {
			if len(values[f]) > MaxCell {
				return nil, check.Errorf("line %d, field %s: a value of %d bytes, over the %d-byte limit for one cell",
					"ligne %d, champ %s : une valeur de %d octets, au-delà de la limite de %d octets pour une cellule", n.Line, f, len(values[f]), MaxCell)
			}
		}
		if len(name) > MaxName {
			return nil, check.Errorf("line %d, field processor: a name of %d bytes, over the %d-byte limit for a processor name",
				"ligne %d, champ processor : un nom de %d octets, au-delà de la limite de %d octets pour un nom de sous-traitant", n.Line, len(name), MaxName)
		}
		p := contracts.Processor{Row: n.Line, Name: strings.TrimSpace(name)}
		fill(&p, func(f string) string { return strings.TrimSpace(values[f]) })
		out = append(out, p)
	}
	return out, nil
}

var (
	yamlQuoted = regexp.MustCompile("`[^`]*`|\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'")
	yamlField  = regexp.MustCompile(`(?m)field (.*?) not found in type .*$`)
)

// yamlErr drops the values yaml.v3 quotes in its messages (a scalar it
// could not convert, a repeated key, an unknown key), keeping the line and
// the kind of fault: the file may not be an inventory at all. In French,
// yaml.v3's commonest phrases are put in French.
func yamlErr(err error) check.Text {
	return check.Text{EN: yamlMsg(err, check.EN), FR: yamlFR(yamlMsg(err, check.FR))}
}

func yamlMsg(err error, l check.Lang) string {
	msg := yamlQuoted.ReplaceAllLiteralString(err.Error(), check.Text{EN: "a value", FR: "une valeur"}.In(l))
	msg = yamlField.ReplaceAllStringFunc(msg, func(m string) string {
		if k := yamlField.FindStringSubmatch(m)[1]; textenc.IsLabel(k) {
			return check.Textf("unknown field %q", "champ %q inconnu", k).In(l)
		}
		return check.Text{EN: "an unknown field", FR: "un champ inconnu"}.In(l)
	})
	return strings.Join(strings.Fields(msg), " ")
}

// yamlFR puts yaml.v3's messages, as its parser and decoder word them, in
// French.
func yamlFR(s string) string {
	for _, p := range yamlPhrases {
		s = p.re.ReplaceAllString(s, p.fr)
	}
	return s
}

var yamlPhrases = []struct {
	re *regexp.Regexp
	fr string
}{
	{regexp.MustCompile(`yaml: unmarshal errors: `), `yaml : `},
	{regexp.MustCompile(`yaml: `), `yaml : `},
	{regexp.MustCompile(`line (\d+): `), `ligne $1 : `},
	{regexp.MustCompile(`cannot unmarshal (\S+)(?: une valeur)? into (\S+)`), `valeur $1 illisible comme $2`},
	{regexp.MustCompile(`mapping key .+? already defined at line (\d+)`), `clé déjà définie à la ligne $1`},
	{regexp.MustCompile(`did not find expected key`), `clé attendue absente`},
	{regexp.MustCompile(`did not find expected node content`), `contenu attendu absent`},
	{regexp.MustCompile(`did not find expected une valeur indicator`), `indicateur attendu absent`},
	{regexp.MustCompile(`did not find expected une valeur or une valeur`), `séparateur attendu absent`},
	{regexp.MustCompile(`could not find expected une valeur`), `caractère attendu absent`},
	{regexp.MustCompile(`mapping values are not allowed in this context`), `valeur de clé interdite à cet endroit`},
	{regexp.MustCompile(`block sequence entries are not allowed in this context`), `élément de liste interdit à cet endroit`},
	{regexp.MustCompile(`found character that cannot start any token`), `caractère qui ne peut commencer aucun élément`},
	{regexp.MustCompile(`found a tab character that violates indentation`), `tabulation qui rompt l'indentation`},
	{regexp.MustCompile(`found unexpected end of stream`), `fin de fichier inattendue`},
	{regexp.MustCompile(`while parsing a block mapping`), `dans un mapping`},
	{regexp.MustCompile(`while parsing a block collection`), `dans une liste`},
	{regexp.MustCompile(`while parsing a flow mapping`), `dans un mapping {…}`},
	{regexp.MustCompile(`while parsing a flow sequence`), `dans une liste […]`},
	{regexp.MustCompile(`while scanning a simple key`), `dans une clé`},
	{regexp.MustCompile(`while scanning a quoted scalar`), `dans une chaîne entre guillemets`},
}

// yamlMarks counts the characters that can start or separate a node: an
// upper bound, within a factor of two, on the nodes the parser will build.
func yamlMarks(raw []byte) int {
	n := 0
	for _, c := range raw {
		switch c {
		case ',', '-', ':', '[', '{', '*', '&', '?':
			n++
		}
	}
	return n
}
