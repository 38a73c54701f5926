package web

import (
	"reflect"
	"testing"
)

// A page parsed once by ReadContent reads, and is judged, as one parsed by
// each check.
func TestReadContent(t *testing.T) {
	e := good()
	e.HTTPS.Body = []byte(`<html><script src="https://cdn.example.com/a.js"></script>
<form action="/login" method="post"><input type="password" name="pw"></form><a href="/contact">contact</a></html>`)
	parsed := e
	parsed.HTTPS.ReadContent()
	if got, want := parsed.HTTPS.Content(), ParsePage(e.HTTPS.Body, e.HTTPS.FinalURL()); !reflect.DeepEqual(got, want) || len(got.Forms) != 1 {
		t.Fatalf("content %+v, want %+v", got, want)
	}
	for name, fn := range map[string]func(Evidence) map[string]any{
		"sri":   func(e Evidence) map[string]any { return evalSRI(e).Evidence },
		"forms": func(e Evidence) map[string]any { return evalFormAction(e).Evidence },
	} {
		if a, b := fn(e), fn(parsed); !reflect.DeepEqual(a, b) {
			t.Errorf("%s: parsed once %v, each time %v", name, b, a)
		}
	}
}
