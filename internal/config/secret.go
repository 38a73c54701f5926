package config

import "encoding/json"

// Secret is a value that must never be printed: formatting, JSON and YAML
// all show it masked. Value returns the real thing for the one place that sends it.
type Secret string

const masked = "***"

func (s Secret) Value() string                { return string(s) }
func (s Secret) String() string               { return masked }
func (s Secret) GoString() string             { return masked }
func (s Secret) MarshalJSON() ([]byte, error) { return json.Marshal(masked) }
func (s Secret) MarshalYAML() (any, error)    { return masked, nil }
