package check

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Severity orders how much a failed check matters.
type Severity int

const (
	Info Severity = iota
	Low
	Medium
	High
	Critical
)

var severityNames = [...]string{"info", "low", "medium", "high", "critical"}

// Severities lists every severity from lowest to highest.
var Severities = []Severity{Info, Low, Medium, High, Critical}

func (s Severity) String() string {
	if s.Valid() {
		return severityNames[s]
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// Valid reports whether s is one of the known severities.
func (s Severity) Valid() bool { return s >= Info && s <= Critical }

// ParseSeverity reads a severity name, case-insensitively.
func ParseSeverity(s string) (Severity, error) {
	l := strings.ToLower(strings.TrimSpace(s))
	for i, n := range severityNames {
		if n == l {
			return Severity(i), nil
		}
	}
	if near := Closest(l, severityNames[:]); near != "" {
		return 0, Errorf("unknown severity %q (did you mean %s? want one of %s)", "gravité inconnue %q (vouliez-vous dire %s ? valeurs possibles : %s)", s, near, strings.Join(severityNames[:], ", "))
	}
	return 0, Errorf("unknown severity %q (want one of %s)", "gravité inconnue %q (valeurs possibles : %s)", s, strings.Join(severityNames[:], ", "))
}

// Label is the severity as shown to a person.
func (s Severity) Label(lang Lang) string {
	fr := [...]string{"info", "faible", "moyenne", "haute", "critique"}
	if !s.Valid() {
		return s.String()
	}
	if lang == FR {
		return fr[s]
	}
	return severityNames[s]
}

func (s Severity) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// MarshalText and UnmarshalText let YAML (and any text format) read and
// write a severity by its name: the config parses it once, with the file's line.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// SeverityFlag is an optional severity on the command line (pflag.Value):
// nil until the flag is given.
type SeverityFlag struct{ P **Severity }

func (f SeverityFlag) String() string {
	if f.P == nil || *f.P == nil {
		return ""
	}
	return (*f.P).String()
}

func (f SeverityFlag) Set(v string) error {
	s, err := ParseSeverity(v)
	if err != nil {
		return err
	}
	*f.P = &s
	return nil
}

func (f SeverityFlag) Type() string { return "severity" }

func (s *Severity) UnmarshalJSON(b []byte) error {
	var str string
	if err := json.Unmarshal(b, &str); err != nil {
		return err
	}
	v, err := ParseSeverity(str)
	*s = v
	return err
}
