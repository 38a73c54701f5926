package config

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/vigie-security/vigie/internal/check"
)

var (
	durationType  = reflect.TypeOf(Duration(0))
	severityType  = reflect.TypeOf(check.Severity(0))
	webTargetType = reflect.TypeOf(WebTarget{})
	headersType   = reflect.TypeOf(map[string]Secret{})
)

func typeOf(v any) reflect.Type { return reflect.TypeOf(v) }

// at is an error at n's line and column, said in both languages (en and fr
// formats; Text arguments are put in each).
func at(file string, n *yaml.Node, key string, en, fr string, args ...any) error {
	where := fmt.Sprintf("%s:%d:%d", file, n.Line, n.Column)
	if key != "" {
		where += ": " + key
	}
	return posError{position{n.Line, n.Column}, check.Prefixed{Prefix: where + ": ", Err: check.Errorf(en, fr, args...)}}
}

// position is where a value was written, for errors found after decoding
// to be listed in file order with the walker's.
type position struct{ line, col int }

// posError is an error at a position of the file; its text already names it.
type posError struct {
	pos position
	err error
}

func (e posError) Error() string          { return e.err.Error() }
func (e posError) In(l check.Lang) string { return check.InLang(e.err, l) }
func (e posError) Unwrap() error          { return e.err }

// fail is an error about the value n (not its key), which decoding then
// skips: the checks made after decoding still run on the rest of the file.
func (w *walker) fail(n *yaml.Node, key string, en, fr string, args ...any) error {
	w.bad = append(w.bad, n)
	return at(w.file, n, key, en, fr, args...)
}

// dropBad empties the values the walker reported, so that decoding keeps
// their defaults instead of failing on the first of them.
func (w *walker) dropBad() {
	for _, n := range w.bad {
		*n = yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Line: n.Line, Column: n.Column}
	}
}

// walker checks a document against a type before anything is decoded, so
// that unknown keys and wrong types are reported with their line. It also
// notes, per key path, the line and the raw text of values that came from
// the environment, for the checks made after decoding.
type walker struct {
	file  string
	raw   map[*yaml.Node]string // scalar → its text before ${VAR} expansion
	env   map[string]string     // key path → raw text, for values from the environment
	paths map[*yaml.Node]string // scalar from the environment → its key path
	lines map[string]position   // key path → where its value is
	bad   []*yaml.Node          // values found wrong, left out of decoding
}

func newWalker(file string, raw map[*yaml.Node]string) *walker {
	return &walker{file: file, raw: raw, env: map[string]string{}, paths: map[*yaml.Node]string{}, lines: map[string]position{}}
}

func (w *walker) validate(n *yaml.Node, t reflect.Type, path string) error {
	file := w.file
	if n.Kind == yaml.AliasNode {
		return w.fail(n, path, "YAML aliases are not supported in vigie.yaml", "les alias YAML ne sont pas acceptés dans vigie.yaml")
	}
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	w.lines[path] = position{n.Line, n.Column}
	if r, ok := w.raw[n]; ok {
		w.env[path], w.paths[n] = r, path
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil // an empty value leaves the default
	}
	switch {
	case t == durationType:
		if err := w.expectScalar(n, path, check.Text{EN: "a duration such as 10s", FR: "une durée comme 10s"}); err != nil {
			return err
		}
		// Parsed here, where the raw text is known: the error never shows a value from the environment.
		if _, err := time.ParseDuration(n.Value); err != nil {
			return w.fail(n, path, "%s is not a duration (e.g. 10s, 1m)", "%s n'est pas une durée (ex. 10s, 1m)", describe(n, w.raw))
		}
		return nil
	case t == severityType:
		if err := w.expectScalar(n, path, check.Text{EN: "a severity", FR: "une gravité"}); err != nil {
			return err
		}
		if _, err := check.ParseSeverity(n.Value); err != nil {
			names := make([]string, len(check.Severities))
			for i, s := range check.Severities {
				names[i] = s.String()
			}
			hint := check.Text{}
			if _, fromEnv := w.raw[n]; !fromEnv {
				hint = check.DidYouMean(strings.ToLower(n.Value), names)
			}
			return w.fail(n, path, "%s is not a severity%s; one of %s", "%s n'est pas une gravité%s ; l'une de %s", describe(n, w.raw), hint, strings.Join(names, ", "))
		}
		return nil
	case t == webTargetType && n.Kind == yaml.ScalarNode:
		return nil
	case t == headersType:
		if err := w.validateHeaders(n, path); err != nil {
			return err
		}
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return w.fail(n, path, "expected a mapping of keys, got %s", "attendu : des clés et leurs valeurs, trouvé %s", describe(n, w.raw))
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
		var errs Errors
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			kp := join(path, w.keyText(k))
			ft, ok := fields[k.Value]
			if !ok {
				hint := check.Text{}
				if _, fromEnv := w.raw[k]; !fromEnv {
					hint = check.DidYouMean(k.Value, names)
				}
				sorted := slices.Sorted(slices.Values(names))
				errs = append(errs, at(file, k, kp, "unknown key%s; known keys here: %s", "clé inconnue%s ; clés connues ici : %s", hint, strings.Join(sorted, ", ")))
				continue
			}
			if seen[k.Value] {
				errs = append(errs, at(file, k, kp, "key appears twice", "clé donnée deux fois"))
				continue
			}
			seen[k.Value] = true
			errs = errs.add(w.validate(v, ft, kp))
		}
		return errs.OrNil()
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			return w.fail(n, path, "expected a list, got %s", "attendu : une liste, trouvé %s", describe(n, w.raw))
		}
		var errs Errors
		for i, c := range n.Content {
			errs = errs.add(w.validate(c, t.Elem(), fmt.Sprintf("%s[%d]", path, i)))
		}
		return errs.OrNil()
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			return w.fail(n, path, "expected a mapping, got %s", "attendu : des clés et leurs valeurs, trouvé %s", describe(n, w.raw))
		}
		var errs Errors
		for i := 0; i+1 < len(n.Content); i += 2 {
			errs = errs.add(w.validate(n.Content[i+1], t.Elem(), join(path, w.keyText(n.Content[i]))))
		}
		return errs.OrNil()
	case reflect.Int:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
			return w.fail(n, path, "expected a whole number, got %s", "attendu : un nombre entier, trouvé %s", describe(n, w.raw))
		}
	case reflect.Float64:
		if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
			return w.fail(n, path, "expected a number, got %s", "attendu : un nombre, trouvé %s", describe(n, w.raw))
		}
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			return w.fail(n, path, "expected true or false, got %s", "attendu : true ou false, trouvé %s", describe(n, w.raw))
		}
	case reflect.String:
		return w.expectScalar(n, path, check.Text{EN: "a string", FR: "du texte"})
	}
	return nil
}

// keyText is a mapping key as written: a key from ${VAR} is shown unexpanded.
func (w *walker) keyText(k *yaml.Node) string {
	if r, ok := w.raw[k]; ok {
		return r
	}
	return k.Value
}

func (w *walker) expectScalar(n *yaml.Node, path string, what check.Text) error {
	if n.Kind != yaml.ScalarNode {
		return w.fail(n, path, "expected %s, got %s", "attendu : %s, trouvé %s", what, describe(n, w.raw))
	}
	return nil
}

// describe names a value for an error; values from the environment may be
// secrets and are never echoed.
func describe(n *yaml.Node, raw map[*yaml.Node]string) check.Text {
	if _, ok := raw[n]; ok {
		return check.Text{EN: "a value from the environment", FR: "une valeur de l'environnement"}
	}
	switch n.Kind {
	case yaml.MappingNode:
		return check.Text{EN: "a mapping", FR: "des clés et leurs valeurs"}
	case yaml.SequenceNode:
		return check.Text{EN: "a list", FR: "une liste"}
	}
	q := fmt.Sprintf("%q", n.Value)
	return check.Text{EN: q, FR: q}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

var envRef = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)\}`)

// expandEnv replaces ${VAR} in every scalar; a missing variable is an error.
// raw keeps each changed scalar's text as written, and secrets every value
// taken from the environment, by scalar, for the masker.
func expandEnv(file string, n *yaml.Node, getenv func(string) string, raw map[*yaml.Node]string, secrets map[*yaml.Node][]string) error {
	if n.Kind == yaml.ScalarNode {
		if !envRef.MatchString(n.Value) {
			return nil
		}
		raw[n] = n.Value
		var missing string
		n.Value = envRef.ReplaceAllStringFunc(n.Value, func(ref string) string {
			name := envRef.FindStringSubmatch(ref)[1]
			v := getenv(name)
			if v == "" && missing == "" {
				missing = name
			}
			secrets[n] = append(secrets[n], v)
			return v
		})
		if missing != "" {
			return at(file, n, "", "environment variable %s is not set", "la variable d'environnement %s n'est pas définie", missing)
		}
		return nil
	}
	for _, c := range n.Content {
		if err := expandEnv(file, c, getenv, raw, secrets); err != nil {
			return err
		}
	}
	return nil
}
