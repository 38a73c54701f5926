package config

import (
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/engine"
)

func TestOptionsDeclaredOnce(t *testing.T) {
	flags, keys := map[string]bool{}, map[string]bool{}
	for _, o := range Options {
		if flags[o.Flag] || keys[o.Key] {
			t.Errorf("option %s (--%s) declared twice", o.Key, o.Flag)
		}
		flags[o.Flag], keys[o.Key] = true, true
		if o.Usage.EN == "" || o.Usage.FR == "" || o.Usage.EN == o.Usage.FR {
			t.Errorf("--%s: help must exist in English and French", o.Flag)
		}
		// The key is one vigie.yaml really has: a file setting it parses and
		// records the line, as strict decoding refuses unknown keys.
		c, err := Parse("k.yaml", []byte(yamlFor(o.Key, sample(o))), func(string) string { return "" })
		if err != nil {
			t.Errorf("%s: not a key of vigie.yaml: %v", o.Key, err)
			continue
		}
		if c.lines[o.Key].line == 0 {
			t.Errorf("%s: parsed but its line was not recorded", o.Key)
		}
	}
}

func TestApplyFlags(t *testing.T) {
	file, err := Parse("v.yaml", []byte("scan:\n  concurrency: 4\n  rate: 7\noutput:\n  dir: reports\n"), func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	given := Defaults()
	for _, o := range Options {
		switch o.Flag {
		case "rate":
			_ = o.Bind(&given).Set("0")
		case "output":
			_ = o.Bind(&given).Set("r.json")
		}
	}
	changed := func(f string) bool { return f == "rate" || f == "output" }
	if err := file.ApplyFlags(&given, Options, changed); err != nil {
		t.Fatal(err)
	}
	// Given flags win, the file keeps what no flag said, -o empties output.dir.
	if file.Scan.Rate != 0 || file.Scan.Concurrency != 4 || file.Output.File != "r.json" || file.Output.Dir != "" {
		t.Errorf("after flags: %+v %+v", file.Scan, file.Output)
	}

	bad := Defaults()
	for _, o := range Options {
		if o.Flag == "concurrency" {
			_ = o.Bind(&bad).Set("5000")
		}
	}
	c := Defaults()
	err = c.ApplyFlags(&bad, Options, func(f string) bool { return f == "concurrency" })
	if err == nil || !strings.HasPrefix(err.Error(), "--concurrency: ") {
		t.Errorf("a bad flag value must be named as the flag, got %v", err)
	}
	both := func(f string) bool { return f == "output" || f == "output-dir" }
	if err := c.ApplyFlags(&given, Options, both); err == nil || !strings.Contains(err.Error(), "give one of them") {
		t.Errorf("-o with --output-dir: %v", err)
	}
}

func TestFlagDefaultsAreConfigDefaults(t *testing.T) {
	d := Defaults()
	for _, o := range Options {
		if o.Flag == "concurrency" && o.Bind(&d).String() != strconv.Itoa(engine.DefaultConcurrency()) {
			t.Errorf("--concurrency shows default %q", o.Bind(&d).String())
		}
		if o.Flag == "timeout" && o.Bind(&d).String() != "10s" {
			t.Errorf("--timeout shows default %q", o.Bind(&d).String())
		}
	}
}

func sample(o Option) string {
	switch o.Bind(&Config{}).Type() {
	case "int":
		return "5"
	case "float":
		return "1.5"
	case "duration":
		return "5s"
	case "severity":
		return "high"
	}
	switch o.Key {
	case "lang":
		return "fr"
	case "output.format":
		return "json"
	}
	return "x"
}

// yamlFor writes key (a.b) = value as nested YAML.
func yamlFor(key, value string) string {
	parts := strings.Split(key, ".")
	var b strings.Builder
	for i, p := range parts {
		b.WriteString(strings.Repeat("  ", i) + p + ":")
		if i == len(parts)-1 {
			b.WriteString(" " + value)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// TestExampleInBothLanguages: vigie init writes the same configuration
// whatever the language of its comments: the same values and the same keys,
// commented or not, so the two files cannot drift apart.
func TestExampleInBothLanguages(t *testing.T) {
	env := func(string) string { return "" }
	en, err := Parse("en.yaml", []byte(ExampleIn(check.EN)), env)
	if err != nil {
		t.Fatal(err)
	}
	fr, err := Parse("fr.yaml", []byte(ExampleIn(check.FR)), env)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(en.Scan, fr.Scan) || !reflect.DeepEqual(en.Output, fr.Output) || !reflect.DeepEqual(en.Web, fr.Web) {
		t.Errorf("the two examples set different values")
	}
	if a, b := keyLines(ExampleIn(check.EN)), keyLines(ExampleIn(check.FR)); !slices.Equal(a, b) {
		t.Errorf("keys differ:\nEN %v\nFR %v", a, b)
	}
	for _, word := range []string{" the ", " and ", " every ", " per "} {
		if strings.Contains(ExampleIn(check.FR), word) {
			t.Errorf("French example holds %q", word)
		}
	}
}

// keyLines are the example's keys and values, commented or not, without comments.
func keyLines(doc string) []string {
	var out []string
	key := regexp.MustCompile(`^[#\s]*(- )?[a-z_]+:`)
	for _, line := range strings.Split(doc, "\n") {
		if m := key.FindString(line); m != "" {
			value := strings.TrimSpace(line[len(m):])
			if i := strings.Index(value, " #"); i >= 0 {
				value = strings.TrimSpace(value[:i])
			}
			out = append(out, strings.TrimLeft(m, "# ")+" "+value)
		}
	}
	return out
}

// TestLeadSources: a source is a file or a database, never both or
// neither; thresholds stay in range; a DSN and its password are secrets.
func TestLeadSources(t *testing.T) {
	env := func(k string) string {
		return map[string]string{"LEADS_DSN": "postgres://app:s3cr3t-pw@db.example.com:5432/crm"}[k]
	}
	c, err := Parse("v.yaml", []byte("leads:\n  thresholds: {prospect_years: 2}\n  sources:\n    - dsn: ${LEADS_DSN}\n      table: contacts\n"), env)
	if err != nil {
		t.Fatal(err)
	}
	if c.Leads.Sources[0].DSN == "" || c.Leads.Thresholds.ProspectYears != 2 {
		t.Errorf("decoded %+v", c.Leads)
	}
	if got := c.Masker().Mask("dial postgres://app:s3cr3t-pw@db.example.com:5432/crm: s3cr3t-pw refused"); strings.Contains(got, "s3cr3t-pw") {
		t.Errorf("DSN not masked: %s", got)
	}
	literal, err := Parse("v.yaml", []byte("leads:\n  sources:\n    - path: mysql://app:pl41n-pw@127.0.0.1/crm\n"), env)
	if err != nil {
		t.Fatal(err)
	}
	if got := literal.Masker().Mask("error for pl41n-pw"); strings.Contains(got, "pl41n-pw") {
		t.Errorf("a DSN written as a path is a secret too: %s", got)
	}
	for _, bad := range []string{
		"leads:\n  sources:\n    - table: x\n",
		"leads:\n  sources:\n    - path: a.csv\n      dsn: ${LEADS_DSN}\n",
		"leads:\n  thresholds: {card_months: 100}\n  sources: [{path: a.csv}]\n",
	} {
		if _, err := Parse("v.yaml", []byte(bad), env); err == nil {
			t.Errorf("accepted:\n%s", bad)
		}
	}
}
