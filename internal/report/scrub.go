package report

import (
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/score"
)

// Scrubber cleans every string a finding carries before any writer, the
// history or the TUI sees it: secret values are masked (Mask, from the
// config's ${VAR} values) and terminal controls taken from hostile names
// (a processor called "\x1b]0;pwned\a", a file named with a carriage return)
// are replaced, so no output can be steered by what was scanned.
type Scrubber struct {
	Mask func(string) string // nil: no secrets to mask
}

// Clean returns s with its secrets masked and its control characters replaced
// by U+FFFD. Tabs and line breaks are kept: evidence sentences may hold them,
// and every writer lays them out itself.
func (sc Scrubber) Clean(s string) string {
	if sc.Mask != nil {
		s = sc.Mask(s)
	}
	if !hasControl(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if isControl(r) {
			r = utf8.RuneError
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Finding returns f with every string cleaned; f itself is not changed.
func (sc Scrubber) Finding(f check.Finding) check.Finding {
	f.Target = sc.Clean(f.Target)
	f.Message = check.Text{EN: sc.Clean(f.Message.EN), FR: sc.Clean(f.Message.FR)}
	if f.Evidence != nil {
		if v, changed := sc.value(reflect.ValueOf(f.Evidence)); changed {
			f.Evidence = v.Interface().(map[string]any)
		}
	}
	if f.Waiver != nil {
		w := *f.Waiver
		w.Statement, w.Source = sc.Clean(w.Statement), sc.Clean(w.Source)
		f.Waiver = &w
	}
	return f
}

// Report cleans every finding and target name of r in place. Findings are
// replaced, never edited through shared maps, so a caller's copies are safe.
func (sc Scrubber) Report(r *Report) {
	for i := range r.Findings {
		r.Findings[i] = sc.Finding(r.Findings[i])
	}
	sc.Head(r)
}

// Head cleans all of r but its findings: target names and scores (a scan
// scrubs each unit's findings as it ends).
func (sc Scrubber) Head(r *Report) {
	for i := range r.Targets {
		r.Targets[i].Name = sc.Clean(r.Targets[i].Name)
	}
	for i := range r.Scores.Targets {
		r.Scores.Targets[i].Target = sc.Clean(r.Scores.Targets[i].Target)
		sc.cap(&r.Scores.Targets[i].Result)
	}
	for i := range r.Scores.Families {
		sc.cap(&r.Scores.Families[i].Result)
	}
	sc.cap(&r.Scores.Overall)
}

// cap cleans the target a grade cap names; the Cap is replaced, not edited,
// since copies of the summary share it.
func (sc Scrubber) cap(r *score.Result) {
	if r.Cap != nil {
		c := *r.Cap
		c.Target = sc.Clean(c.Target)
		r.Cap = &c
	}
}

// value cleans the strings inside an evidence value. It copies only what
// changes, so clean evidence (nearly all of it) costs a walk and no allocation.
func (sc Scrubber) value(v reflect.Value) (reflect.Value, bool) {
	switch v.Kind() {
	case reflect.String:
		if s := sc.Clean(v.String()); s != v.String() {
			out := reflect.New(v.Type()).Elem()
			out.SetString(s)
			return out, true
		}
	case reflect.Interface, reflect.Pointer:
		if v.IsNil() {
			return v, false
		}
		inner, changed := sc.value(v.Elem())
		if !changed {
			return v, false
		}
		if v.Kind() == reflect.Pointer {
			p := reflect.New(v.Elem().Type())
			p.Elem().Set(inner)
			return p, true
		}
		out := reflect.New(v.Type()).Elem()
		out.Set(inner)
		return out, true
	case reflect.Slice, reflect.Array:
		var out reflect.Value
		for i := 0; i < v.Len(); i++ {
			e, changed := sc.value(v.Index(i))
			if !changed {
				continue
			}
			if !out.IsValid() {
				out = copyOf(v)
			}
			out.Index(i).Set(e)
		}
		if out.IsValid() {
			return out, true
		}
	case reflect.Map:
		var out reflect.Value
		it := v.MapRange()
		for it.Next() {
			e, changed := sc.value(it.Value())
			k, kchanged := sc.value(it.Key())
			if !changed && !kchanged {
				continue
			}
			if !out.IsValid() {
				out = reflect.MakeMapWithSize(v.Type(), v.Len())
				for _, key := range v.MapKeys() {
					out.SetMapIndex(key, v.MapIndex(key))
				}
			}
			if kchanged {
				out.SetMapIndex(it.Key(), reflect.Value{})
			}
			out.SetMapIndex(k, e)
		}
		if out.IsValid() {
			return out, true
		}
	case reflect.Struct:
		var out reflect.Value
		for i := 0; i < v.NumField(); i++ {
			if !v.Type().Field(i).IsExported() {
				continue
			}
			e, changed := sc.value(v.Field(i))
			if !changed {
				continue
			}
			if !out.IsValid() {
				out = reflect.New(v.Type()).Elem()
				out.Set(v)
			}
			out.Field(i).Set(e)
		}
		if out.IsValid() {
			return out, true
		}
	}
	return v, false
}

func copyOf(v reflect.Value) reflect.Value {
	if v.Kind() == reflect.Array {
		out := reflect.New(v.Type()).Elem()
		out.Set(v)
		return out
	}
	out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
	reflect.Copy(out, v)
	return out
}

// hasControl is the fast path: most strings hold no byte that could be a
// control character, and need no rune decoding.
func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x20 && c != '\t' && c != '\n', c == 0x7f:
			return true
		case c == 0xc2 || c == 0xe2: // lead bytes of C1 controls and bidi overrides
			r, _ := utf8.DecodeRuneInString(s[i:])
			if isControl(r) {
				return true
			}
		}
	}
	return false
}

// isControl: C0 and C1 controls (ESC starts a terminal sequence, CR rewrites
// a line) and the bidirectional overrides that make text read otherwise
// than it is (CVE-2021-42574).
func isControl(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}
