package report

import (
	"context"
	"encoding/json"
	"io"
)

// JSON writes the report as indented JSON (see the README for the fields).
// Texts carry both languages: {"en": …, "fr": …}.
type JSON struct{}

func (JSON) Write(_ context.Context, w io.Writer, r Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
