package pwpolicy

import (
	"bufio"
	"bytes"
	"fmt"
	"path"
	"strings"
)

// pamLine is one line of a pam.d file: "type control module args…", or an
// include (control include/substack, or Debian's "@include file").
type pamLine struct {
	file    string
	line    int
	typ     string // auth, account, password, session; "@include" for Debian's form
	control string
	module  string // pam_unix.so, or the included file
	args    []string
}

var pamTypes = map[string]bool{"auth": true, "account": true, "password": true, "session": true}

// isPAM tells whether data looks like a pam.d file: a module line naming
// a .so, or an include.
func isPAM(data []byte) bool {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, maxLine)
	for n := 0; sc.Scan() && n < 200; n++ {
		f := strings.Fields(sc.Text())
		if len(f) >= 2 && f[0] == "@include" {
			return true
		}
		if len(f) >= 3 && pamTypes[strings.ToLower(strings.TrimPrefix(f[0], "-"))] &&
			(strings.HasSuffix(f[len(f)-1], ".so") || strings.Contains(sc.Text(), ".so ") || f[1] == "include" || f[1] == "substack") {
			return true
		}
	}
	return false
}

// parsePAM reads a pam.d file's lines (pam.conf(5)): comments, "\"
// continuations, a leading "-" (module may be absent), bracketed controls.
func parsePAM(name string, data []byte) ([]pamLine, error) {
	var out []pamLine
	pending, start := "", 0
	err := eachLine(name, data, func(line int, s string) error {
		if pending == "" {
			start = line
		}
		if strings.HasSuffix(s, "\\") {
			pending += strings.TrimSuffix(s, "\\") + " "
			return nil
		}
		s, pending = pending+s, ""
		if i := strings.IndexByte(s, '#'); i >= 0 {
			s = s[:i]
		}
		f := strings.Fields(s)
		if len(f) == 0 {
			return nil
		}
		at := fmt.Sprintf("%s:%d", name, start)
		l := pamLine{file: name, line: start}
		if f[0] == "@include" {
			if len(f) != 2 {
				return fileErr(at, "@include takes one file name", "@include prend un seul nom de fichier")
			}
			l.typ, l.module = "@include", f[1]
			out = append(out, l)
			return nil
		}
		typ := strings.ToLower(strings.TrimPrefix(f[0], "-"))
		if !pamTypes[typ] {
			return fileErr(at, "%s is not a PAM type (auth, account, password or session)", "%s n'est pas un type PAM (auth, account, password ou session)", quoteShort(f[0]))
		}
		rest := strings.Join(f[1:], " ")
		control := ""
		if strings.HasPrefix(rest, "[") {
			end := strings.IndexByte(rest, ']')
			if end < 0 {
				return fileErr(at, "control %s has no closing ]", "le contrôle %s n'a pas de ] fermant", quoteShort(rest))
			}
			control, rest = rest[:end+1], rest[end+1:]
		} else if c, r, ok := strings.Cut(rest, " "); ok {
			control, rest = c, r
		} else {
			control, rest = rest, ""
		}
		mf := strings.Fields(rest)
		if len(mf) == 0 {
			return fileErr(at, "expected type control module [arguments], the module is missing", "attendu : type contrôle module [arguments], le module manque")
		}
		l.typ, l.control, l.module, l.args = typ, control, mf[0], mf[1:]
		out = append(out, l)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (l pamLine) at() string { return fmt.Sprintf("%s:%d", l.file, l.line) }

// includes reports the file a line includes, if it does.
func (l pamLine) includes() (string, bool) {
	if l.typ == "@include" || l.control == "include" || l.control == "substack" {
		return path.Base(l.module), true
	}
	return "", false
}

// moduleName is the module without its directory: pam_unix.so.
func (l pamLine) moduleName() string { return path.Base(l.module) }

// arg returns the value of key=value among the arguments, and whether the
// key (or the bare flag) is there.
func (l pamLine) arg(key string) (string, bool) {
	for _, a := range l.args {
		if k, v, ok := strings.Cut(a, "="); ok && k == key {
			return v, true
		} else if !ok && a == key {
			return "", true
		}
	}
	return "", false
}
