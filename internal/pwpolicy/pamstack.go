package pwpolicy

import (
	"sort"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

// entry is one PAM stack judged as a policy.
type entry struct {
	label string
	files []string
	why   check.Text
}

var stackFamilies = [][]string{{"system-auth", "password-auth"}, {"common-auth", "common-password", "common-account"}}

// entries chooses the stacks to judge and says why: authselect's when it
// names a profile, else the ones sshd and login include, else the
// distribution's shared stacks, else every file with auth or password lines.
func (s linuxSet) entries() []entry {
	out := s.chosen()
	// Say which known stacks were left out, so the choice is never silent.
	judged := map[string]bool{}
	for _, e := range out {
		for _, f := range e.files {
			s.reach(f, judged)
		}
	}
	var left []string
	for n := range s.pam {
		if !judged[n] && (n == "sshd" || n == "login" || strings.HasPrefix(n, "common-") || strings.HasSuffix(n, "-auth") || strings.HasSuffix(n, "-tcb")) {
			left = append(left, n)
		}
	}
	sort.Strings(left)
	if len(left) > 0 {
		for i := range out {
			out[i].why = check.Textf("%s; not judged: %s", "%s ; non jugés : %s", out[i].why, strings.Join(left, ", "))
		}
	}
	return out
}

// reach marks name and every file it includes, however deep.
func (s linuxSet) reach(name string, seen map[string]bool) {
	f, ok := s.pam[name]
	if !ok || seen[name] || len(seen) > maxDirFiles {
		return
	}
	seen[name] = true
	lines, _ := parsePAM(f.path, f.data) // errors are reported when the stack is judged
	for _, l := range lines {
		if inc, ok := l.includes(); ok {
			s.reach(inc, seen)
		}
	}
}

func (s linuxSet) chosen() []entry {
	var out []entry
	each := func(names []string, why func(string) check.Text) {
		for _, n := range names {
			if _, ok := s.pam[n]; ok {
				out = append(out, entry{label: n, files: []string{n}, why: why(n)})
			}
		}
	}
	if s.selected.EN != "" {
		each(stackFamilies[0], func(string) check.Text { return s.selected })
		if len(out) > 0 {
			return out
		}
	}
	each([]string{"sshd", "login"}, func(n string) check.Text {
		return check.Textf("pam.d/%s is judged: people log in through it, with what it includes", "pam.d/%s est jugé : on se connecte par lui, avec ce qu'il inclut", n)
	})
	if len(out) > 0 {
		return out
	}
	each(stackFamilies[0], func(n string) check.Text {
		return check.Textf("pam.d/%s is judged: no authselect.conf, sshd or login names the active stack", "pam.d/%s est jugé : aucun authselect.conf, sshd ni login ne nomme la pile active", n)
	})
	if len(out) > 0 {
		return out
	}
	var common []string
	for _, n := range stackFamilies[1] {
		if _, ok := s.pam[n]; ok {
			common = append(common, n)
		}
	}
	if len(common) > 0 {
		return []entry{{label: "common", files: common, why: check.Textf("pam.d/%s are judged together (Debian's shared stack): no sshd or login names the active stack",
			"pam.d/%s sont jugés ensemble (pile partagée de Debian) : aucun sshd ni login ne nomme la pile active", strings.Join(common, ", "))}}
	}
	var rest []string
	for n, f := range s.pam {
		if hasAuthOrPassword(f.data) {
			rest = append(rest, n)
		}
	}
	sort.Strings(rest)
	each(rest, func(n string) check.Text {
		return check.Textf("pam.d/%s is judged on its own: no known stack (authselect, sshd, login, system-auth, common-*) is in the directory",
			"pam.d/%s est jugé seul : aucune pile connue (authselect, sshd, login, system-auth, common-*) n'est dans le répertoire", n)
	})
	return out
}

func hasAuthOrPassword(data []byte) bool {
	lines, err := parsePAM("", data)
	if err != nil {
		return true // judged, so that the error is reported
	}
	for _, l := range lines {
		if l.typ == "auth" || l.typ == "password" {
			return true
		}
	}
	return false
}

// maxIncludeDepth bounds include and substack chains.
const maxIncludeDepth = 8

// expand returns a file's lines with its includes followed. An include
// of type T takes only the T lines of the included file (pam.conf(5));
// Debian's @include takes them all.
func (s linuxSet) expand(name, only string, chain []string, missing *[]check.Text) ([]pamLine, error) {
	f := s.pam[name]
	lines, err := parsePAM(f.path, f.data)
	if err != nil {
		return nil, err
	}
	var out []pamLine
	for _, l := range lines {
		if only != "" && l.typ != "@include" && l.typ != only {
			continue
		}
		inc, ok := l.includes()
		if !ok {
			out = append(out, l)
			continue
		}
		if len(chain) >= maxIncludeDepth || contains(chain, inc) {
			return nil, fileErr(l.at(), "includes %s nested more than %d deep, or in a loop (%s)",
				"inclusions de %s imbriquées sur plus de %d niveaux, ou en boucle (%s)", inc, maxIncludeDepth, strings.Join(append(chain, inc), " → "))
		}
		if _, ok := s.pam[inc]; !ok {
			*missing = append(*missing, check.Textf("%s includes %s, which is not in the directory: its lines are not judged",
				"%s inclut %s, absent du répertoire : ses lignes ne sont pas jugées", l.at(), inc))
			continue
		}
		t := only
		if l.typ != "@include" {
			t = l.typ
		}
		sub, err := s.expand(inc, t, append(chain, inc), missing)
		if err != nil {
			return nil, err
		}
		out = append(out, sub...)
	}
	return out, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
