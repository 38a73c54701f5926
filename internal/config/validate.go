package config

import (
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

var (
	durationType  = reflect.TypeOf(Duration(0))
	webTargetType = reflect.TypeOf(WebTarget{})
	reservedType  = reflect.TypeOf(Reserved{})
)

func typeOf(v any) reflect.Type { return reflect.TypeOf(v) }

func at(file string, n *yaml.Node, key string, format string, args ...any) error {
	where := fmt.Sprintf("%s:%d:%d", file, n.Line, n.Column)
	if key != "" {
		where += ": " + key
	}
	return fmt.Errorf("%s: %s", where, fmt.Sprintf(format, args...))
}

// validateNode walks n against type t so that unknown keys and wrong types
// are reported with their line before anything is decoded.
func validateNode(file string, n *yaml.Node, t reflect.Type, path string, fromEnv map[*yaml.Node]bool) error {
	if n.Kind == yaml.AliasNode {
		return at(file, n, path, "YAML aliases are not supported in vigie.yaml")
	}
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil // an empty value leaves the default
	}
	switch {
	case t == durationType:
		return expectScalar(file, n, path, "a duration such as 10s", fromEnv)
	case t == webTargetType && n.Kind == yaml.ScalarNode:
		return nil
	case t == reservedType:
		if n.Kind == yaml.MappingNode && len(n.Content) > 0 {
			return at(file, n.Content[0], path+"."+n.Content[0].Value,
				"the %s family is not available in this version of vigie; leave this section empty", path)
		}
		return nil
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return at(file, n, path, "expected a mapping of keys, got %s", describe(n, fromEnv))
		}
		fields := map[string]reflect.Type{}
		var names []string
		for i := range t.NumField() {
			tag := strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]
			if tag != "" && tag != "-" {
				fields[tag] = t.Field(i).Type
				names = append(names, tag)
			}
		}
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			kp := join(path, k.Value)
			ft, ok := fields[k.Value]
			if !ok {
				hint := ""
				if s := closest(k.Value, names); s != "" {
					hint = fmt.Sprintf(" (did you mean %q?)", s)
				}
				sort.Strings(names)
				return at(file, k, kp, "unknown key%s; known keys here: %s", hint, strings.Join(names, ", "))
			}
			if seen[k.Value] {
				return at(file, k, kp, "key appears twice")
			}
			seen[k.Value] = true
			if err := validateNode(file, v, ft, kp, fromEnv); err != nil {
				return err
			}
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			return at(file, n, path, "expected a list, got %s", describe(n, fromEnv))
		}
		for i, c := range n.Content {
			if err := validateNode(file, c, t.Elem(), fmt.Sprintf("%s[%d]", path, i), fromEnv); err != nil {
				return err
			}
		}
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			return at(file, n, path, "expected a mapping, got %s", describe(n, fromEnv))
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if err := validateNode(file, n.Content[i+1], t.Elem(), join(path, n.Content[i].Value), fromEnv); err != nil {
				return err
			}
		}
	case reflect.Int:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
			return at(file, n, path, "expected a whole number, got %s", describe(n, fromEnv))
		}
	case reflect.Float64:
		if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
			return at(file, n, path, "expected a number, got %s", describe(n, fromEnv))
		}
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			return at(file, n, path, "expected true or false, got %s", describe(n, fromEnv))
		}
	case reflect.String:
		return expectScalar(file, n, path, "a string", fromEnv)
	}
	return nil
}

func expectScalar(file string, n *yaml.Node, path, what string, fromEnv map[*yaml.Node]bool) error {
	if n.Kind != yaml.ScalarNode {
		return at(file, n, path, "expected %s, got %s", what, describe(n, fromEnv))
	}
	return nil
}

// describe names a value for an error; values from the environment may be
// secrets and are never echoed.
func describe(n *yaml.Node, fromEnv map[*yaml.Node]bool) string {
	if fromEnv[n] {
		return "a value from the environment"
	}
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	return fmt.Sprintf("%q", n.Value)
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// closest suggests the known key a typo most likely meant.
func closest(typo string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if d := distance(typo, k); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

var envRef = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)\}`)

// expandEnv replaces ${VAR} in every scalar; a missing variable is an error.
func expandEnv(file string, n *yaml.Node, getenv func(string) string, fromEnv map[*yaml.Node]bool) error {
	if n.Kind == yaml.ScalarNode {
		if envRef.MatchString(n.Value) {
			fromEnv[n] = true
		}
		var missing string
		n.Value = envRef.ReplaceAllStringFunc(n.Value, func(ref string) string {
			name := envRef.FindStringSubmatch(ref)[1]
			v := getenv(name)
			if v == "" && missing == "" {
				missing = name
			}
			return v
		})
		if missing != "" {
			return at(file, n, "", "environment variable %s is not set", missing)
		}
		return nil
	}
	for _, c := range n.Content {
		if err := expandEnv(file, c, getenv, fromEnv); err != nil {
			return err
		}
	}
	return nil
}

// Formats lists the report formats the config accepts: the writers' own list.
var Formats = report.Formats

func (c Config) check() error {
	if c.Version != 1 {
		return fmt.Errorf("version: %d is not supported (this vigie reads version 1)", c.Version)
	}
	if c.Lang != "" {
		if _, err := check.ParseLang(c.Lang); err != nil {
			return fmt.Errorf("lang: %v", err)
		}
	}
	if c.Scan.Concurrency < 1 {
		return fmt.Errorf("scan.concurrency: must be at least 1, got %d", c.Scan.Concurrency)
	}
	if c.Scan.Rate < 0 {
		return fmt.Errorf("scan.rate: must be 0 (unlimited) or more, got %v", c.Scan.Rate)
	}
	if c.Scan.Timeout <= 0 {
		return fmt.Errorf("scan.timeout: must be positive")
	}
	if c.Scan.FailOn != "" {
		if _, err := check.ParseSeverity(c.Scan.FailOn); err != nil {
			return fmt.Errorf("scan.fail_on: %v", err)
		}
	}
	if u := c.Scan.FailUnder; u != nil && (*u < 0 || *u > 100) {
		return fmt.Errorf("scan.fail_under: must be between 0 and 100, got %d", *u)
	}
	if !contains(Formats, c.Output.Format) {
		return fmt.Errorf("output.format: %q is not one of %s", c.Output.Format, strings.Join(Formats, ", "))
	}
	if r := c.Web.MaxRedirects; r != nil && (*r < 0 || *r > 50) {
		return fmt.Errorf("web.max_redirects: must be between 0 and 50, got %d", *r)
	}
	for i, t := range c.Web.Targets {
		if t.URL == "" && t.HTTPSURL == "" && t.HTTPURL == "" {
			return fmt.Errorf("line %d: web.targets[%d]: needs url, or http_url and https_url", t.Line, i)
		}
		if t.URL != "" && (t.HTTPURL != "" || t.HTTPSURL != "") {
			return fmt.Errorf("line %d: web.targets[%d]: give either url or http_url/https_url, not both", t.Line, i)
		}
		if t.URL == "" && (t.HTTPURL == "" || t.HTTPSURL == "") {
			return fmt.Errorf("line %d: web.targets[%d]: http_url and https_url go together", t.Line, i)
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, k := range list {
		if k == s {
			return true
		}
	}
	return false
}
