package pwpolicy

import (
	"errors"
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
		return nil, errReading(err)
	}
	defer f.Close()
	entries, err := f.ReadDir(maxDirFiles + 1)
	if err != nil && len(entries) == 0 && !errors.Is(err, io.EOF) {
		return nil, errReading(err)
	}
	if len(entries) > maxDirFiles {
		return nil, fileErr(dir, "more than %d files: give vigie the policy files themselves", "plus de %d fichiers : donnez à vigie les fichiers de politique eux-mêmes", maxDirFiles)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	return entries, nil
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
