package pwpolicy

import (
	"encoding/json"
	"errors"
	"reflect"
	"regexp"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

// jsonText is a JSON decoder's error in both languages: encoding/json
// speaks English only, and its syntax and type errors are the ones a
// hand-edited export meets.
func jsonText(err error) check.Text {
	t := check.Text{EN: err.Error(), FR: "JSON illisible : " + err.Error()}
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &te):
		t.FR = "JSON : " + jsonValueFR(te.Value) + " là où " + jsonTypeFR(te.Type) + " est attendu"
		if te.Field != "" {
			t.FR += " (" + te.Field + ")"
		}
	case errors.As(err, &se):
		if m := badChar.FindStringSubmatch(se.Error()); m != nil {
			t.FR = "JSON mal formé : caractère " + m[1] + " inattendu " + syntaxWhereFR(m[2])
		} else if se.Error() == "unexpected end of JSON input" {
			t.FR = "JSON incomplet : le fichier s'arrête avant la fin du document"
		}
	}
	return t
}

var (
	badChar   = regexp.MustCompile(`^invalid character ('.+'|U\+[0-9A-F]+) (.+)$`)
	inLiteral = regexp.MustCompile(`^in literal (\w+) \(expecting ('.+')\)$`)
)

// syntaxWhereFR is the place encoding/json names after a bad character.
func syntaxWhereFR(en string) string {
	if m := inLiteral.FindStringSubmatch(en); m != nil {
		return "dans le littéral " + m[1] + " (" + m[2] + " attendu)"
	}
	where := map[string]string{
		"looking for beginning of value":             "là où une valeur devait commencer",
		"looking for beginning of object key string": "là où une clé d'objet devait commencer",
		"after object key":                           "après une clé d'objet",
		"after object key:value pair":                "après une paire clé:valeur",
		"after array element":                        "après un élément de tableau",
		"in string literal":                          "dans une chaîne",
		"in string escape code":                      "dans une séquence d'échappement",
		`in \u hexadecimal character escape`:         `dans un échappement \u hexadécimal`,
		"in numeric literal":                         "dans un nombre",
		"after decimal point in numeric literal":     "après le point décimal d'un nombre",
		"in exponent of numeric literal":             "dans l'exposant d'un nombre",
		"after top-level value":                      "après la valeur principale",
	}
	if fr, ok := where[en]; ok {
		return fr
	}
	return "(" + en + ")"
}

// jsonValueFR is what encoding/json found: "string", "number 9.2e18"…
func jsonValueFR(v string) string {
	if n, ok := strings.CutPrefix(v, "number "); ok {
		return "le nombre " + n
	}
	if fr, ok := map[string]string{"string": "une chaîne", "number": "un nombre", "bool": "un booléen",
		"array": "un tableau", "object": "un objet"}[v]; ok {
		return fr
	}
	return v
}

// jsonTypeFR is the Go type a value was read into, as a reader says it.
func jsonTypeFR(t reflect.Type) string {
	if t == nil {
		return "une autre valeur"
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "un nombre entier"
	case reflect.Float32, reflect.Float64:
		return "un nombre"
	case reflect.Bool:
		return "true ou false"
	case reflect.String:
		return "une chaîne"
	case reflect.Slice, reflect.Array:
		return "une liste"
	case reflect.Map, reflect.Struct:
		return "un objet"
	}
	return "une autre valeur"
}
