package report_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// compileSchema compiles a JSON Schema from a document held in memory: no
// network, and no file other than the one given. setup, if any, configures
// the compiler first.
func compileSchema(t testing.TB, name string, doc []byte, setup ...func(*jsonschema.Compiler)) *jsonschema.Schema {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	c := jsonschema.NewCompiler()
	for _, f := range setup {
		f(c)
	}
	url := "mem:///" + name
	if err := c.AddResource(url, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return s
}

func testdataSchema(t testing.TB, file string) *jsonschema.Schema {
	t.Helper()
	doc, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	return compileSchema(t, file, doc)
}

// validate returns the schema's verdict on a JSON document.
func validate(t testing.TB, s *jsonschema.Schema, doc []byte) error {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	return s.Validate(v)
}
