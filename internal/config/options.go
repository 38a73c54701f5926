package config

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

// Option is a setting given both in vigie.yaml and as a command-line flag.
// It is declared here once: its key, its flag, its help and the field it
// sets. The default a flag's help shows is the one Defaults returns, and a
// flag the user gave is checked by Validate like the file's value, so the
// two can never disagree.
type Option struct {
	Key   string // path in vigie.yaml, e.g. scan.concurrency
	Flag  string // long flag name, without dashes
	Short string // one-letter flag, or ""
	Usage check.Text
	// Clears names keys this option empties when given: a flag -o replaces
	// the file's output.dir, as the two cannot both be set.
	Clears []string
	bind   func(*Config) Value
	copy   func(dst, src *Config)
}

// Value is what a flag parser needs of an option's field (pflag.Value's
// methods, so cmd/vigie can hand it to cobra without this package importing it).
type Value interface {
	String() string
	Set(string) error
	Type() string
}

// Bind returns the flag value that reads into o's field of c.
func (o Option) Bind(c *Config) Value { return o.bind(c) }

// Options are the settings of a scan that flags can set, in help order.
var Options = []Option{
	opt("output.format", "format", "f", check.Text{
		EN: "report format: " + strings.Join(Formats, "|") + "; several with commas and --output-dir",
		FR: "format du rapport : " + strings.Join(Formats, "|") + " ; plusieurs séparés par des virgules, avec --output-dir"},
		func(c *Config) *string { return &c.Output.Format }, parseString, same, "string"),
	opt("output.file", "output", "o", check.Text{
		EN: "write the report to this file (a regular file is replaced atomically, mode 0600) instead of stdout",
		FR: "écrire le rapport dans ce fichier (un fichier ordinaire est remplacé d'un coup, mode 0600) au lieu de la sortie standard"},
		func(c *Config) *string { return &c.Output.File }, parseString, same, "string", "output.dir"),
	opt("output.dir", "output-dir", "", check.Text{
		EN: "write one report per format in this folder (vigie-report.html, .sarif…)",
		FR: "écrire un rapport par format dans ce dossier (vigie-report.html, .sarif…)"},
		func(c *Config) *string { return &c.Output.Dir }, parseString, same, "string", "output.file"),
	opt("lang", "lang", "", check.Text{
		EN: "language of the report: fr|en (from the locale when not given)",
		FR: "langue du rapport : fr|en (celle de la locale sinon)"},
		func(c *Config) *string { return &c.Lang }, parseString, same, "string"),
	opt("scan.concurrency", "concurrency", "", check.Text{
		EN: fmt.Sprintf("targets probed at once, 1-%d", MaxConcurrency),
		FR: fmt.Sprintf("cibles sondées en même temps, de 1 à %d", MaxConcurrency)},
		func(c *Config) *int { return &c.Scan.Concurrency }, strconv.Atoi, strconv.Itoa, "int"),
	opt("scan.host_rate", "host-rate", "", check.Text{
		EN: "network requests per second to one server (host and port), 0 = no limit",
		FR: "requêtes réseau par seconde vers un même serveur (hôte et port), 0 = sans limite"},
		func(c *Config) *float64 { return &c.Scan.HostRate }, parseFloat, formatFloat, "float"),
	opt("scan.rate", "rate", "", check.Text{
		EN: "network requests per second for the whole scan, 0 = no limit",
		FR: "requêtes réseau par seconde pour tout le scan, 0 = sans limite"},
		func(c *Config) *float64 { return &c.Scan.Rate }, parseFloat, formatFloat, "float"),
	opt("scan.timeout", "timeout", "", check.Text{
		EN: "per-target timeout, at most " + FormatDuration(MaxTimeout),
		FR: "délai par cible, au plus " + FormatDuration(MaxTimeout)},
		func(c *Config) *Duration { return &c.Scan.Timeout }, parseDuration, Duration.String, "duration"),
	opt("web.ca_file", "ca-file", "", check.Text{
		EN: "PEM file of private CAs to trust besides the system roots",
		FR: "fichier PEM d'autorités privées à croire en plus de celles du système"},
		func(c *Config) *string { return &c.Web.CAFile }, parseString, same, "string"),
	opt("scan.fail_on", "fail-on", "", check.Text{
		EN: "exit 1 if a finding at or above this severity fails (info|low|medium|high|critical)",
		FR: "sortir avec 1 si un constat de cette gravité ou plus échoue (info|low|medium|high|critical)"},
		func(c *Config) **check.Severity { return &c.Scan.FailOn }, parseSeverity, formatSeverity, "severity"),
	opt("scan.fail_under", "fail-under", "", check.Text{
		EN: "exit 1 if the overall score is below this (0-100)",
		FR: "sortir avec 1 si la note globale est sous ce seuil (0-100)"},
		func(c *Config) **int { return &c.Scan.FailUnder }, parseIntPtr, formatIntPtr, "int"),
	opt("waivers", "waivers", "", check.Text{
		EN: "waiver file: accepted risks, each with a statement and an expiry date",
		FR: "fichier de dérogations : risques acceptés, chacun avec une justification et une date de fin"},
		func(c *Config) *string { return &c.Waivers }, parseString, same, "string"),
	opt("history", "history", "", check.Text{
		EN: "SQLite file or postgres:// URL keeping every scan; the report then says what changed since the last one",
		FR: "fichier SQLite ou URL postgres:// qui garde chaque scan ; le rapport dit alors ce qui a changé depuis le dernier"},
		func(c *Config) *string { return &c.History }, parseString, same, "string"),
}

// OptionsFor returns the options named by their keys, in that order; it
// panics on a key that is not declared, a programming error caught by tests.
func OptionsFor(keys ...string) []Option {
	out := make([]Option, 0, len(keys))
	for _, k := range keys {
		o, ok := optionByKey(k)
		if !ok {
			panic("config: no option " + k)
		}
		out = append(out, o)
	}
	return out
}

func optionByKey(key string) (Option, bool) {
	for _, o := range Options {
		if o.Key == key {
			return o, true
		}
	}
	return Option{}, false
}

// ApplyFlags copies onto c the options whose flag was given (changed says
// which), as read into from, then validates c again: an error names the
// flag, not the key of the file.
func (c *Config) ApplyFlags(from *Config, opts []Option, changed func(flag string) bool) error {
	for _, o := range opts {
		if !changed(o.Flag) {
			continue
		}
		for _, k := range o.Clears {
			if changed(flagOf(k)) {
				return check.Errorf("--%s and --%s: give one of them", "--%s et --%s : donnez l'un des deux", o.Flag, flagOf(k))
			}
			if x, ok := optionByKey(k); ok {
				x.copy(c, &Config{})
			}
		}
		o.copy(c, from)
		if c.flags == nil {
			c.flags = map[string]string{}
		}
		c.flags[o.Key] = o.Flag
		delete(c.env, o.Key) // a flag's value is the user's own, not ${VAR}
		delete(c.lines, o.Key)
	}
	return c.Validate()
}

func flagOf(key string) string {
	o, _ := optionByKey(key)
	return o.Flag
}

// opt declares an option on a field of type T; clears names the keys it empties.
func opt[T any](key, flag, short string, usage check.Text, field func(*Config) *T,
	parse func(string) (T, error), format func(T) string, typ string, clears ...string) Option {
	return Option{Key: key, Flag: flag, Short: short, Usage: usage, Clears: clears,
		bind: func(c *Config) Value { return &value[T]{p: field(c), parse: parse, format: format, typ: typ} },
		copy: func(dst, src *Config) { *field(dst) = *field(src) }}
}

type value[T any] struct {
	p      *T
	parse  func(string) (T, error)
	format func(T) string
	typ    string
}

func (v *value[T]) String() string { return v.format(*v.p) }
func (v *value[T]) Type() string   { return v.typ }
func (v *value[T]) Set(s string) error {
	x, err := v.parse(s)
	if err != nil {
		return err
	}
	*v.p = x
	return nil
}

func parseString(s string) (string, error) { return s, nil }

func same(s string) string { return s }

func parseFloat(s string) (float64, error) { return strconv.ParseFloat(s, 64) }
func formatFloat(f float64) string         { return strconv.FormatFloat(f, 'g', -1, 64) }

func parseDuration(s string) (Duration, error) {
	d, err := time.ParseDuration(s)
	return Duration(d), err
}

func parseSeverity(s string) (*check.Severity, error) {
	sev, err := check.ParseSeverity(s)
	if err != nil {
		return nil, err
	}
	return &sev, nil
}

func formatSeverity(s *check.Severity) string {
	if s == nil {
		return ""
	}
	return s.String()
}

func parseIntPtr(s string) (*int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return nil, err
	}
	return &n, nil
}

func formatIntPtr(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}
