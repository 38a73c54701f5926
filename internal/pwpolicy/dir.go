package pwpolicy

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/internal/check"
)

// loadDir reads a directory: its Linux files (pwquality.conf, login.defs,
// faillock.conf, pam.d, authselect) as one set judged per PAM stack, and
// every other file on its own, so an AWS export and an LDIF side by side
// are two policies. Beside a pam.d directory (a copy of /etc), only files
// named like exports (.json, .ldif, .txt, .tf, .tsv, .inf, .yaml) are
// read. Files in no format vigie reads are skipped; a directory with none
// at all is an error.
func loadDir(dir string) ([]password.Policy, error) {
	top, err := readDirBounded(dir)
	if err != nil {
		return nil, err
	}
	set, used, err := findLinux(dir, top)
	if err != nil {
		return nil, err
	}
	out, err := set.policies()
	if err != nil {
		return nil, err
	}
	_, statErr := os.Stat(filepath.Join(dir, "pam.d"))
	system := statErr == nil // a copy of /etc: its other files are system files, not exports
	for _, e := range top {
		if used[e.Name()] || !regular(dir, e) || system && !exportExt[strings.ToLower(filepath.Ext(e.Name()))] {
			continue
		}
		path := filepath.Join(dir, e.Name())
		data, err := readBounded(path)
		if err != nil {
			return nil, err
		}
		ps, err := parseFormat(path, data)
		if errors.Is(err, errNoFormat) {
			continue
		}
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			p.Name = e.Name() + ":" + p.Name
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil, fileErr(dir, "a directory, but no file in it is in a password-policy format vigie reads (%s)",
			"un dossier, mais aucun de ses fichiers n'est dans un format de politique de mots de passe que vigie lit (%s)", formats)
	}
	return unique(out), nil
}

// exportExt are the extensions of exports read beside a pam.d directory.
var exportExt = map[string]bool{".json": true, ".ldif": true, ".txt": true, ".tf": true, ".tsv": true, ".inf": true, ".yaml": true, ".yml": true}

// unique makes policy names distinct: each is a target of its own.
func unique(ps []password.Policy) []password.Policy {
	seen := map[string]int{}
	for i := range ps {
		n := ps[i].Name
		if seen[n]++; seen[n] > 1 {
			ps[i].Name = fmt.Sprintf("%s-%d", n, seen[n])
		}
	}
	return ps
}

// parsePAMFile judges one pam.d file given alone; what it includes cannot
// be followed, and the policy says so.
func parsePAMFile(name string, data []byte) ([]password.Policy, error) {
	base := filepath.Base(name)
	s := linuxSet{pam: map[string]srcFile{base: {path: name, data: data}}, confs: map[string]srcFile{}}
	if !hasAuthOrPassword(data) {
		return nil, fileErr(name, "a pam.d file without auth or password lines: nothing about passwords to judge",
			"un fichier pam.d sans ligne auth ni password : rien à juger sur les mots de passe")
	}
	p, err := s.judge(entry{label: strings.TrimSuffix(base, ".pam"), files: []string{base}, why: checkTextAlone(base)})
	if err != nil {
		return nil, err
	}
	return []password.Policy{p}, nil
}

func checkTextAlone(base string) check.Text {
	return check.Textf("%s is judged alone: give vigie its directory to follow includes and read pwquality.conf, faillock.conf and login.defs",
		"%s est jugé seul : donnez à vigie son répertoire pour suivre les inclusions et lire pwquality.conf, faillock.conf et login.defs", base)
}
