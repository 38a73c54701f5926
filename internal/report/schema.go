package report

import _ "embed"

// JSONSchema is the JSON Schema (draft 2020-12) of the JSON report, for
// readers who validate what they load (a `vigie schema` command prints it).
// A test validates the golden report against it, so the two cannot drift.
//
//go:embed schema/report.schema.json
var JSONSchema []byte
