package tui

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/contractdoc"
	"github.com/vigie-security/vigie/internal/scan"
)

// exportGuard refuses an export onto a file the scans read, as the CLI
// refuses such a -o: a CSV written over the history or a lead export loses
// it. Taken on the interface's loop, checked in the write's command.
type exportGuard struct {
	session    *scan.Session                // the last scan's; nil before one
	newSession func() (scan.Session, error) // the next scan's, when none ran yet
	waiverFile string
	configFile string
}

func (ctx *shared) exportGuard() exportGuard {
	g := exportGuard{session: ctx.session, waiverFile: ctx.waiverFile, configFile: ctx.configFile}
	if !ctx.demo { // the demo's files live in a temporary folder of their own
		g.newSession = ctx.newSession
	}
	return g
}

// Kinds of input, said as the CLI says them (internal/scan keeps most of
// its own unexported).
var (
	inputWaivers = check.Text{EN: "the waiver file", FR: "le fichier des dérogations"}
	inputPolicy  = check.Text{EN: "a password policy", FR: "une politique de mots de passe"}
	inputHashes  = check.Text{EN: "a stored-password file", FR: "un fichier de mots de passe stockés"}
	inputCA      = check.Text{EN: "the CA file", FR: "le fichier des autorités"}
	inputInvent  = check.Text{EN: "the processor inventory", FR: "l'inventaire des sous-traitants"}
	inputDoc     = check.Text{EN: "a contract document", FR: "un document contractuel"}
	inputLeads   = check.Text{EN: "a lead source", FR: "une source de prospects"}
)

// refuse says why path must not be written, or nil.
func (g exportGuard) refuse(path string) error {
	var sess scan.Session
	switch {
	case g.session != nil:
		sess = *g.session
	case g.newSession != nil:
		s, err := g.newSession()
		if err != nil { // the inputs are unknown: writing could replace one
			return check.Errorf("the files the scan reads cannot be listed (%v): nothing written", "les fichiers que l'analyse lit ne peuvent être listés (%v) : rien n'est écrit", err)
		}
		sess = s
	}
	sess.WaiverFile = g.waiverFile
	for _, in := range exportInputs(sess, g.configFile) {
		if scan.SamePath(path, in.Path) {
			return check.Errorf("%s is %s (%s): the export would replace it; name another file",
				"%s est %s (%s) : l'export l'écraserait ; nommez un autre fichier", path, in.What, in.Path)
		}
	}
	if contractdoc.Supported(path) {
		for _, d := range documentFolders(sess.Plan) {
			if inside(path, d) {
				return check.Errorf("%s is inside %s, whose documents the contracts family reads: the next scan would read the export as a contract; write it elsewhere",
					"%s est dans %s, dont la famille des contrats lit les documents : la prochaine analyse lirait l'export comme un contrat ; écrivez-le ailleurs", path, d)
			}
		}
	}
	return nil
}

// exportInputs are the files a scan of sess reads, as the session lists
// them for -o: the plan's before Prepare (sources) and after (prepared
// tables, documents found), the waivers, the history and its journals,
// and the configuration.
func exportInputs(sess scan.Session, configFile string) []scan.Input {
	p := sess.Plan
	in := append([]scan.Input(nil), sess.Inputs...)
	add := func(what check.Text, paths ...string) {
		for _, path := range paths {
			if path != "" && !strings.Contains(path, "://") { // a DSN is no file
				in = append(in, scan.Input{Path: path, What: what})
			}
		}
	}
	add(scan.InputConfig, configFile, p.ConfigFile)
	add(inputWaivers, sess.WaiverFile)
	in = append(in, scan.HistoryInputs(sess.History)...)
	add(inputPolicy, p.Policies...)
	for _, h := range p.Hashes {
		add(inputHashes, h.File)
	}
	add(inputCA, p.CAFile)
	if cs := p.ContractSource; cs != nil && cs.Root == "" {
		add(inputInvent, cs.Inventory)
		add(inputDoc, cs.Documents...)
		if p.Contracts != nil {
			add(inputDoc, p.Contracts.Docs...)
		}
	}
	for _, l := range p.LeadSources {
		add(inputLeads, l.Source.Path)
	}
	for _, l := range p.Leads {
		switch l.Format {
		case "csv":
			add(inputLeads, l.Target)
		case "xlsx", "sqlite": // "#table" or "#sheet" when one was chosen
			add(inputLeads, l.Target)
			if i := strings.LastIndexByte(l.Target, '#'); i > 0 {
				add(inputLeads, l.Target[:i])
			}
		}
	}
	return in
}

// documentFolders are the folders whose every document the contracts
// family reads.
func documentFolders(p scan.Plan) []string {
	cs := p.ContractSource
	if cs == nil || cs.Root != "" {
		return nil
	}
	var dirs []string
	if cs.Folder != "" {
		dirs = append(dirs, cs.Folder)
	}
	for _, d := range cs.Documents {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			dirs = append(dirs, d)
		}
	}
	return dirs
}

// inside tells whether path is in dir or below, links resolved.
func inside(path, dir string) bool {
	rel, err := filepath.Rel(resolved(dir), resolved(path))
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// resolved is p absolute, its links followed (a write through a link
// replaces the link's target); for a file not there yet, its folder's.
func resolved(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	if d, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(d, filepath.Base(abs))
	}
	return abs
}
