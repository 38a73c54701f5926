package pwpolicy

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/internal/check"
)

// maxDirFiles bounds the entries of one directory (and of its pam.d):
// enough for a copy of /etc.
const maxDirFiles = 1024

type srcFile struct {
	path string
	data []byte
}

// linuxSet is a directory's Linux files that together make a policy:
// pwquality.conf, login.defs, faillock.conf, the pam.d stacks that use
// them, and authselect's choice of stack.
type linuxSet struct {
	dir      string
	confs    map[string]srcFile // by base name
	dropins  []srcFile          // pwquality.conf.d/*.conf, read after pwquality.conf
	pam      map[string]srcFile // pam.d files by name, authselect's active ones in place
	selected check.Text         // why authselect's stacks are judged, when it names a profile
	notes    []check.Text
}

var linuxConfs = []string{"pwquality.conf", "login.defs", "faillock.conf"}

// readIf reads path if it exists; a missing file is no error.
func readIf(path string) (*srcFile, error) {
	data, err := readBounded(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &srcFile{path: path, data: data}, nil
}

// findLinux gathers dir's Linux files; used names the top-level files it took.
func findLinux(dir string, top []os.DirEntry) (linuxSet, map[string]bool, error) {
	s := linuxSet{dir: dir, confs: map[string]srcFile{}, pam: map[string]srcFile{}}
	used := map[string]bool{}
	for _, c := range linuxConfs {
		for _, p := range []string{filepath.Join(dir, c), filepath.Join(dir, "security", c)} {
			f, err := readIf(p)
			if err != nil {
				return s, nil, err
			}
			if f != nil {
				s.confs[c] = *f
				used[c] = true
				break
			}
		}
	}
	for _, d := range []string{filepath.Join(dir, "security", "pwquality.conf.d"), filepath.Join(dir, "pwquality.conf.d")} {
		if st, err := os.Stat(d); err != nil || !st.IsDir() {
			continue
		}
		entries, err := readDirBounded(d)
		if err != nil {
			return s, nil, err
		}
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".conf") || !regular(d, e) {
				continue
			}
			f, err := readIf(filepath.Join(d, e.Name()))
			if err != nil {
				return s, nil, err
			}
			if f != nil {
				s.dropins = append(s.dropins, *f)
			}
		}
		break
	}
	pamDir := filepath.Join(dir, "pam.d")
	if st, err := os.Stat(pamDir); err == nil && st.IsDir() {
		entries, err := readDirBounded(pamDir)
		if err != nil {
			return s, nil, err
		}
		for _, e := range entries {
			if !regular(pamDir, e) {
				continue
			}
			f, err := readIf(filepath.Join(pamDir, e.Name()))
			if err != nil {
				return s, nil, err
			}
			if f != nil {
				s.pam[e.Name()] = *f
			}
		}
	} else {
		for _, e := range top {
			if used[e.Name()] || !regular(dir, e) {
				continue
			}
			f, err := readIf(filepath.Join(dir, e.Name()))
			if err != nil {
				return s, nil, err
			}
			if f != nil && !strings.HasSuffix(e.Name(), ".tf") && isPAM(f.data) {
				s.pam[e.Name()] = *f
				used[e.Name()] = true
			}
		}
	}
	if err := s.readAuthselect(used); err != nil {
		return s, nil, err
	}
	return s, used, nil
}

func regular(dir string, e os.DirEntry) bool {
	st, err := os.Stat(filepath.Join(dir, e.Name()))
	return err == nil && st.Mode().IsRegular()
}

func readDirBounded(dir string) ([]os.DirEntry, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("reading password policy: %w", err)
	}
	defer f.Close()
	entries, err := f.ReadDir(maxDirFiles + 1)
	if err != nil && len(entries) == 0 && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("reading password policy: %w", err)
	}
	if len(entries) > maxDirFiles {
		return nil, fmt.Errorf("%s: more than %d files: give vigie the policy files themselves", dir, maxDirFiles)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	return entries, nil
}

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
	sc := bufio.NewScanner(bytes.NewReader(conf.data))
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if profile == "" {
			profile = l
		} else {
			features[l] = true
		}
	}
	if profile == "" {
		return fmt.Errorf("%s:1: authselect.conf names no profile", conf.path)
	}
	var names []string
	for f := range features {
		names = append(names, f)
	}
	sort.Strings(names)
	from := "pam.d"
	for _, stack := range []string{"system-auth", "password-auth"} {
		if f, _ := readIf(filepath.Join(base, stack)); f != nil && base != s.dir {
			s.pam[stack], from = *f, "authselect/"
		} else if f, _ := readIf(filepath.Join(base, filepath.FromSlash(profile), stack)); f != nil && strings.HasPrefix(profile, "custom/") {
			s.pam[stack] = srcFile{path: f.path, data: authselectTemplate(f.data, features)}
			from = "the profile's templates, with its features"
		}
	}
	s.selected = check.Textf("authselect.conf names profile %s (features: %s): its system-auth and password-auth, read from %s, are the active stacks",
		"authselect.conf nomme le profil %s (fonctions : %s) : ses system-auth et password-auth, lus dans %s, sont les piles actives",
		profile, strings.Join(names, ", "), from)
	return nil
}

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

// policies judges each chosen stack with the directory's conf files, or
// the conf files alone when there is no stack.
func (s linuxSet) policies() ([]password.Policy, error) {
	es := s.entries()
	if len(es) == 0 {
		if len(s.confs) == 0 && len(s.dropins) == 0 {
			return nil, nil
		}
		p := password.Policy{Name: "linux", Format: "linux-pam"}
		var q quality
		if ok, err := s.pwqualityConf(&q); err != nil {
			return nil, err
		} else if ok {
			q.apply(&p, "")
		}
		for _, c := range []string{"login.defs", "faillock.conf"} {
			if f, ok := s.confs[c]; ok {
				if err := applyLinux(f.path, c, f.data, &p); err != nil {
					return nil, err
				}
			}
		}
		return []password.Policy{p}, nil
	}
	var out []password.Policy
	for _, e := range es {
		p, err := s.judge(e)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// pwqualityConf reads pwquality.conf, then its drop-ins, into q, and
// tells whether there was any.
func (s linuxSet) pwqualityConf(q *quality) (bool, error) {
	files := s.dropins
	if f, ok := s.confs["pwquality.conf"]; ok {
		files = append([]srcFile{f}, files...)
	}
	for _, f := range files {
		if err := kvLines(f.path, f.data, func(line int, k, v string) error { return q.set(f.path, line, k, v) }); err != nil {
			return false, err
		}
	}
	return len(files) > 0, nil
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
			return nil, fmt.Errorf("%s: includes %s nested more than %d deep, or in a loop (%s)", l.at(), inc, maxIncludeDepth, strings.Join(append(chain, inc), " → "))
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
