package scan

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/config"
)

// namedPath is an input file or folder the config names, and the key that names it.
type namedPath struct{ key, path string }

// namedPaths lists the inputs cfg names, in the file's order of sections.
func namedPaths(cfg config.Config) []namedPath {
	var out []namedPath
	add := func(key, path string) {
		if path != "" {
			out = append(out, namedPath{key, path})
		}
	}
	add("waivers", cfg.Waivers)
	add("web.ca_file", cfg.Web.CAFile)
	for i, f := range cfg.Password.Policies {
		add(fmt.Sprintf("password.policies[%d]", i), f)
	}
	for i, h := range cfg.Password.Hashes {
		add(fmt.Sprintf("password.hashes[%d].file", i), h.File)
	}
	c := cfg.Contracts
	add("contracts.inventory", c.Inventory)
	add("contracts.folder", c.Folder)
	for i, d := range c.Documents {
		add(fmt.Sprintf("contracts.documents[%d]", i), d)
	}
	for i, src := range cfg.Leads.Sources {
		add(fmt.Sprintf("leads.sources[%d].path", i), src.Path)
	}
	return out
}

// missing tells every input the config names that is not there, at once
// and each at its line, before any is read: a scan's paths are typed by
// hand, and one error a run would take as many runs as typos. A waiver file
// the session may create is not required.
func (s *Session) missing() error {
	var errs config.Errors
	for _, n := range s.Plan.named {
		if n.key == "waivers" && (s.WaiversMayBeMissing || n.path != s.WaiverFile) {
			continue
		}
		if _, err := os.Stat(n.path); errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, s.Plan.at(n.key, check.Errorf("%s: no such file or folder", "%s : fichier ou dossier introuvable", n.path)))
		}
	}
	return errs.OrNil()
}
