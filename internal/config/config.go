// Package config reads vigie.yaml: one section per family, strict keys and
// types (errors name the file, line and key), ${VAR} secrets from the
// environment that are never printed.
package config

import (
	_ "embed"
	"errors"
	"fmt"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/engine"
	"github.com/vigie-security/vigie/internal/fileread"
	"github.com/vigie-security/vigie/internal/probe"
)

// MaxSize bounds the config file read.
const MaxSize = 1 << 20

//go:embed example.yaml
var Example string

//go:embed example.fr.yaml
var exampleFR string

// ExampleIn is the commented example configuration, its comments in l.
func ExampleIn(l check.Lang) string {
	if l == check.FR {
		return exampleFR
	}
	return Example
}

// Config is the whole of vigie.yaml.
type Config struct {
	Version int    `yaml:"version"`
	Lang    string `yaml:"lang"`
	Waivers string `yaml:"waivers"` // waiver file: accepted risks with a statement and an end date
	History string `yaml:"history"` // SQLite file keeping every scan, to report what changed
	// HistoryRetention bounds the history: scans beyond the newest Scans,
	// and scans older than Days, are deleted when a scan is saved.
	HistoryRetention Retention `yaml:"history_retention"`
	Scan             Scan      `yaml:"scan"`
	Output           Output    `yaml:"output"`
	Web              Web       `yaml:"web"`
	Password         Password  `yaml:"password"`
	Contracts        Contracts `yaml:"contracts"`
	Leads            Leads     `yaml:"leads"`
	Schedule         Schedule  `yaml:"schedule"`
	File             string    `yaml:"-"` // where it was read from

	env    map[string]string   // key path → raw text, for values from ${VAR}
	lines  map[string]position // key path → where its value is, for errors found after decoding
	flags  map[string]string   // key path → flag that set it, for errors about it
	masker *Masker
}

// Retention is how much history is kept; zero keeps the default (1,000 scans, 400 days).
type Retention struct {
	Scans int `yaml:"scans"`
	Days  int `yaml:"days"`
}

// Scan holds engine settings and exit thresholds.
type Scan struct {
	Concurrency int     `yaml:"concurrency"`
	Rate        float64 `yaml:"rate"` // the whole scan's cap, 0 = none (the default)
	// HostRate caps the requests a second sent to one server (host and
	// port), which politeness is owed to; 0 = none.
	HostRate  float64         `yaml:"host_rate"`
	Timeout   Duration        `yaml:"timeout"`
	FailOn    *check.Severity `yaml:"fail_on"`
	FailUnder *int            `yaml:"fail_under"`
}

// Output says how and where the report is written.
type Output struct {
	Format string `yaml:"format"` // one format, or several: "html,sarif,junit" (with dir)
	File   string `yaml:"file"`
	Dir    string `yaml:"dir"` // one file per format in it, vigie-report.<ext>
	// For the HTML and PDF reports a consultant hands over.
	Organisation string `yaml:"organisation"`
	Consultant   string `yaml:"consultant"`
	Browser      string `yaml:"browser"` // Chrome or Chromium for PDF; found on PATH when empty
}

// FormatList is Format split on commas, spaces trimmed.
func (o Output) FormatList() []string {
	var out []string
	for _, f := range strings.Split(o.Format, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// Web is the web family's section.
type Web struct {
	Targets      []WebTarget `yaml:"targets"`
	CAFile       string      `yaml:"ca_file"`
	MaxRedirects *int        `yaml:"max_redirects"`
	// Headers are sent to every target (and stripped on a redirect to another host).
	Headers map[string]Secret `yaml:"headers"`
	// Exposure turns the probing of sensitive paths on the targets' hosts on (default) or off.
	Exposure *bool `yaml:"exposure"`
	// ExtraPaths are probed too, on each target's own host.
	ExtraPaths []string `yaml:"extra_paths"`
}

// WebTarget is a URL, or a mapping naming both sides of a site.
type WebTarget struct {
	Name     string `yaml:"name"`
	URL      string `yaml:"url"`
	HTTPURL  string `yaml:"http_url"`
	HTTPSURL string `yaml:"https_url"`
	// Headers are sent to this target only, on top of web.headers (and
	// stripped on a redirect to another host).
	Headers map[string]Secret `yaml:"headers"`
	Line    int               `yaml:"-"` // where it was written, for later errors
}

// Password is the password family's section.
type Password struct {
	// Policies are policy files in any format vigie reads.
	Policies []string `yaml:"policies"`
	// Hashes are files of stored passwords to audit.
	Hashes []HashFile `yaml:"hashes"`
}

// HashFile is a file of stored passwords: one per line, or a CSV column.
type HashFile struct {
	File   string `yaml:"file"`
	Column string `yaml:"column"` // header name or 1-based index; found by name when empty
}

// Contracts is the contracts family's section: a processor inventory, the
// folder holding the contracts it names, and documents to check on their own.
type Contracts struct {
	Inventory string `yaml:"inventory"` // CSV, XLSX or YAML
	Folder    string `yaml:"folder"`    // where the inventory's contract files are; every document in it is checked
	Sheet     string `yaml:"sheet"`     // XLSX sheet, the first one by default
	// Columns maps inventory fields (processor, contracts, signed…) to the
	// header names of a spreadsheet vigie does not recognise on its own.
	Columns   map[string]string `yaml:"columns"`
	Documents []string          `yaml:"documents"` // more contract files or directories
}

// Schedule is when vigie schedule scans, and whom it tells of a regression.
type Schedule struct {
	Cron     string   `yaml:"cron"`     // 5 fields, @daily, @every 6h; a CRON_TZ=Zone prefix is allowed
	Timezone string   `yaml:"timezone"` // IANA zone; the machine's by default
	Webhook  *Webhook `yaml:"webhook"`
}

// Webhook is where a regression (or every run, or a failed scan) is posted.
type Webhook struct {
	URL       Secret          `yaml:"url"`       // a credential: only its host is ever printed
	Flavour   string          `yaml:"flavour"`   // generic, slack or teams
	NotifyOn  []string        `yaml:"notify_on"` // regression (default), run, failure
	Severity  *check.Severity `yaml:"severity"`  // a new failure at or above it is a regression (default high)
	ScoreDrop int             `yaml:"score_drop"`
	Timeout   Duration        `yaml:"timeout"` // per attempt
	Attempts  int             `yaml:"attempts"`
}

// Leads is the lead-database family's section.
type Leads struct {
	Sources []LeadSource `yaml:"sources"`
	// Timeout bounds one source (a million rows take seconds, not the web's 10 s).
	Timeout    Duration        `yaml:"timeout"`
	Thresholds LeadsThresholds `yaml:"thresholds"`
}

// LeadsThresholds are the leads family's limits; 0 keeps the default
// (3 years, 13 months, 30 days, 30 days), which the README and the checks
// justify.
type LeadsThresholds struct {
	ProspectYears int `yaml:"prospect_years"` // LEAD-RET-001/003/004
	CardMonths    int `yaml:"card_months"`    // LEAD-RET-006
	NoticeDays    int `yaml:"notice_days"`    // LEAD-INF-003
	BloctelDays   int `yaml:"bloctel_days"`   // LEAD-CON-009
}

// LeadSource is one export or database of prospects, read-only.
type LeadSource struct {
	Path  string `yaml:"path"`  // CSV, TSV, XLSX or SQLite file
	DSN   string `yaml:"dsn"`   // or a postgres://… or mysql://… database, from ${VAR}; never printed
	Table string `yaml:"table"` // SQLite table or XLSX sheet; found when there is one
	// Columns maps roles (email, phone, created, consent…) to column labels
	// or "column N", for exports vigie does not recognise on its own.
	Columns map[string]string `yaml:"columns"`
}

// DefaultLeadsTimeout bounds one lead source when leads.timeout is not set.
const DefaultLeadsTimeout = 5 * time.Minute

// Defaults are the values used when neither the file nor a flag sets one.
func Defaults() Config {
	return Config{Version: 1, Scan: Scan{Concurrency: engine.DefaultConcurrency(), HostRate: probe.DefaultHostRate,
		Timeout: Duration(engine.DefaultTimeout)},
		Output: Output{Format: "table"}}
}

// Load reads and validates path; getenv resolves ${VAR} references.
func Load(path string, getenv func(string) string) (Config, error) {
	data, err := fileread.ReadAll(path, MaxSize)
	if err != nil {
		return Config{}, check.Errorf("reading the config: %v", "lecture de la configuration : %v", err)
	}
	return Parse(path, data, getenv)
}

// Parse validates and decodes a config held in memory; name labels errors.
func Parse(name string, data []byte, getenv func(string) string) (Config, error) {
	cfg := Defaults()
	cfg.File = name
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return Config{}, syntaxError(name, data, err)
	}
	if len(doc.Content) == 0 {
		return cfg, nil // an empty file sets nothing
	}
	root := doc.Content[0]
	raw := map[*yaml.Node]string{}
	secrets := map[*yaml.Node][]string{}
	if err := expandEnv(name, root, getenv, raw, secrets); err != nil {
		return Config{}, err
	}
	w := newWalker(name, raw)
	walkErr := w.validate(root, typeOf(cfg), "")
	cfg.env, cfg.lines = w.env, w.lines
	// The values the walker named wrong are left at their defaults, so that
	// the rest of the file is decoded and checked in the same run.
	w.dropBad()
	// A decoding error may quote a value: mask the secrets in it.
	m := newMasker(secretValues(secrets, nil), nil)
	if err := root.Decode(&cfg); err != nil && walkErr == nil {
		return Config{}, fmt.Errorf("%s: %s", name, m.Mask(err.Error()))
	}
	// Every problem at once: unknown keys, wrong types, and the values out
	// of range, in the order of the file.
	errs := Errors{}.add(walkErr)
	var checked Errors
	if err := cfg.Validate(); errors.As(err, &checked) {
		errs = append(errs, checked...)
	}
	if len(errs) > 0 {
		errs.sort()
		for i, e := range errs {
			if _, walked := e.(posError); !walked {
				errs[i] = maskedErr{located(name, e), m}
			}
		}
		return Config{}, errs
	}
	cfg.masker = newMasker(append(secretValues(secrets, w.paths), cfg.declaredSecrets()...), cfg.urlPasswords())
	return cfg, nil
}

// maskedErr is an error whose text, in either language, has the config's
// secrets masked: a value out of range may be one put in the wrong place.
type maskedErr struct {
	err error
	m   *Masker
}

func (e maskedErr) Error() string          { return e.m.Mask(e.err.Error()) }
func (e maskedErr) In(l check.Lang) string { return e.m.Mask(check.InLang(e.err, l)) }

// Duration is a time.Duration written as "10s", "1m30s".
type Duration time.Duration

func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	v, err := time.ParseDuration(n.Value)
	if err != nil {
		return check.Errorf("line %d: %q is not a duration (e.g. 10s, 1m)", "ligne %d : %q n'est pas une durée (par exemple 10s, 1m)", n.Line, n.Value)
	}
	*d = Duration(v)
	return nil
}

func (d Duration) MarshalYAML() (any, error) { return d.String(), nil }

// UnmarshalYAML accepts "https://…" or {url|http_url|https_url|name}.
func (t *WebTarget) UnmarshalYAML(n *yaml.Node) error {
	t.Line = n.Line
	if n.Kind == yaml.ScalarNode {
		t.URL = n.Value
		return nil
	}
	type plain WebTarget
	var p plain
	if err := n.Decode(&p); err != nil {
		return err
	}
	*t = WebTarget(p)
	t.Line = n.Line
	return nil
}

// DecodeStrict decodes YAML data into out with vigie.yaml's rules: unknown
// keys and wrong types are errors naming name, the line and the key.
func DecodeStrict(name string, data []byte, out any) error {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return syntaxError(name, data, err)
	}
	if len(doc.Content) == 0 {
		return check.Errorf("%s: empty document", "%s : document vide", name)
	}
	if err := newWalker(name, nil).validate(doc.Content[0], typeOf(out).Elem(), ""); err != nil {
		return err
	}
	if err := doc.Content[0].Decode(out); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

func (d Duration) String() string { return FormatDuration(time.Duration(d)) }

// FormatDuration writes d as a person does, and as vigie.yaml accepts it:
// "1h", "1h30m", "10s", "1m30s" (time's own form writes "1h0m0s").
func FormatDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	return strings.Replace(s, "h0m", "h", 1)
}
