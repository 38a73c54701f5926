package pwpolicy

import (
	"bytes"
	"path/filepath"
	"sort"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

// readAuthselect reads authselect.conf: its first line names the profile,
// the next ones the enabled features. The profile's system-auth and
// password-auth (generated in authselect/, or a custom profile's
// templates resolved for those features) replace pam.d's, which on a
// real system are links to them.
func (s *linuxSet) readAuthselect(used map[string]bool) error {
	var conf *srcFile
	var base string
	for _, b := range []string{filepath.Join(s.dir, "authselect"), s.dir} {
		f, err := readIf(filepath.Join(b, "authselect.conf"))
		if err != nil {
			return err
		}
		if f != nil {
			conf, base = f, b
			break
		}
	}
	if conf == nil {
		return nil
	}
	used["authselect.conf"] = true
	profile, features := "", map[string]bool{}
	err := eachLine(conf.path, conf.data, func(_ int, l string) error {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			return nil
		}
		if profile == "" {
			profile = l
		} else {
			features[l] = true
		}
		return nil
	})
	if err != nil {
		return err
	}
	if profile == "" {
		return lineErr(conf.path, 1, "authselect.conf names no profile", "authselect.conf ne nomme aucun profil")
	}
	if strings.Contains(profile, "..") || strings.HasPrefix(profile, "/") {
		return fileErr(conf.path, "profile %s is not a profile name (sssd, custom/NAME…)", "le profil %s n'est pas un nom de profil (sssd, custom/NOM…)", quoteShort(profile))
	}
	var names []string
	for f := range features {
		names = append(names, f)
	}
	sort.Strings(names)
	from := "pam.d"
	for _, stack := range []string{"system-auth", "password-auth"} {
		generated, err := readIf(filepath.Join(base, stack))
		if err != nil {
			return err
		}
		if generated != nil && base != s.dir {
			s.pam[stack], from = *generated, "authselect/"
			continue
		}
		if !strings.HasPrefix(profile, "custom/") {
			continue // a built-in profile's templates live in /usr/share/authselect
		}
		tmpl, err := readIf(filepath.Join(base, filepath.FromSlash(profile), stack))
		if err != nil {
			return err
		}
		if tmpl != nil {
			s.pam[stack] = srcFile{path: tmpl.path, data: authselectTemplate(tmpl.data, features)}
			from = "the profile's templates, with its features"
		}
	}
	s.selected = check.Textf("authselect.conf names profile %s (features: %s): its system-auth and password-auth, read from %s, are the active stacks",
		"authselect.conf nomme le profil %s (fonctions : %s) : ses system-auth et password-auth, lus dans %s, sont les piles actives",
		profile, strings.Join(names, ", "), from)
	return nil
}

// authselectTemplate resolves an authselect profile file's conditionals
// for the enabled features: {include if "f"} and {exclude if "f"} at the
// end of a line, {if "f":a|b} inside one; "not" negates.
func authselectTemplate(data []byte, features map[string]bool) []byte {
	var out bytes.Buffer
	for _, line := range strings.SplitAfter(string(data), "\n") {
		keep := true
		for {
			i := strings.Index(line, "{")
			j := strings.Index(line[max(i, 0):], "}")
			if i < 0 || j < 0 {
				break
			}
			expr, repl := line[i+1:i+j], ""
			switch {
			case strings.HasPrefix(expr, "include if "):
				keep = keep && cond(strings.TrimPrefix(expr, "include if "), features)
			case strings.HasPrefix(expr, "exclude if "):
				keep = keep && !cond(strings.TrimPrefix(expr, "exclude if "), features)
			case strings.HasPrefix(expr, "if "):
				c, text, _ := strings.Cut(strings.TrimPrefix(expr, "if "), ":")
				yes, no, _ := strings.Cut(text, "|")
				repl = no
				if cond(c, features) {
					repl = yes
				}
			}
			line = line[:i] + repl + line[i+j+1:]
		}
		if keep {
			out.WriteString(line)
		}
	}
	return out.Bytes()
}

// cond evaluates `"feature"`, `not "feature"`, and "a" or/and "b" chains.
func cond(c string, features map[string]bool) bool {
	c = strings.TrimSpace(c)
	if a, b, ok := strings.Cut(c, " or "); ok {
		return cond(a, features) || cond(b, features)
	}
	if a, b, ok := strings.Cut(c, " and "); ok {
		return cond(a, features) && cond(b, features)
	}
	if rest, ok := strings.CutPrefix(c, "not "); ok {
		return !cond(rest, features)
	}
	return features[strings.Trim(c, `"`)]
}
