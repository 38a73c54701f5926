package scan

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/contractdoc"
)

// Input is a file a command reads, named so that a report path equal to it
// can be refused: -o keep.yaml must not replace the configuration it came
// from, nor a lead export, a contract or the history.
type Input struct {
	Path string
	What check.Text // "the configuration file", for the error
}

// Kinds of input, as the refusal names them.
var (
	InputConfig  = check.Text{EN: "the configuration file", FR: "le fichier de configuration"}
	InputTargets = check.Text{EN: "the targets file", FR: "le fichier des cibles"}
	InputShard   = check.Text{EN: "one of the reports the merge reads", FR: "l'un des rapports que la fusion lit"}
	inputWaivers = check.Text{EN: "the waiver file", FR: "le fichier des dérogations"}
	inputHistory = check.Text{EN: "the history", FR: "l'historique"}
	inputPolicy  = check.Text{EN: "a password policy", FR: "une politique de mots de passe"}
	inputHashes  = check.Text{EN: "a stored-password file", FR: "un fichier de mots de passe stockés"}
	inputCA      = check.Text{EN: "the CA file", FR: "le fichier des autorités"}
	inputInvent  = check.Text{EN: "the processor inventory", FR: "l'inventaire des sous-traitants"}
	inputDoc     = check.Text{EN: "a contract document", FR: "un document contractuel"}
	inputLeads   = check.Text{EN: "a lead source", FR: "une source de prospects"}
)

// HistoryInputs are the files of a history: SQLite keeps its journal
// beside the database, and would replay a write-ahead log over a report
// written in the database's place.
func HistoryInputs(path string) []Input {
	if path == "" || isDSN(path) {
		return nil
	}
	var in []Input
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		in = append(in, Input{Path: path + suffix, What: inputHistory})
	}
	return in
}

// inputs are every file the session reads: the plan's (once prepared, the
// documents found in the contract folders too), the waivers, the history
// and what the caller named. Preparing the plan turns its lead sources
// into prepared tables: either is read.
func (s *Session) inputs() []Input {
	p := s.Plan
	in := append([]Input(nil), s.Inputs...)
	add := func(what check.Text, paths ...string) {
		for _, path := range paths {
			if path != "" && !isDSN(path) {
				in = append(in, Input{Path: path, What: what})
			}
		}
	}
	add(inputWaivers, s.WaiverFile)
	in = append(in, HistoryInputs(s.History)...)
	add(inputPolicy, p.Policies...)
	for _, h := range p.Hashes {
		add(inputHashes, h.File)
	}
	add(inputCA, p.CAFile)
	if cs := p.ContractSource; cs != nil && cs.Root == "" { // the demo's files live in a folder of their own
		add(inputInvent, cs.Inventory)
		add(inputDoc, cs.Documents...)
		if p.Contracts != nil {
			add(inputDoc, p.Contracts.Docs...)
		}
	}
	for _, l := range p.LeadSources { // before Prepare
		add(inputLeads, l.Source.Path)
	}
	for _, l := range p.Leads { // after: a file's target is its path, with "#table" when one was chosen
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

// documentFolders are the folders the contracts family reads every
// document of: a report written there in a document format would be read
// as a contract by the next scan.
func (p Plan) documentFolders() []string {
	cs := p.ContractSource
	if cs == nil || cs.Root != "" {
		return nil
	}
	var dirs []string
	if cs.Folder != "" {
		dirs = append(dirs, cs.Folder) // walked: each document in it is checked
	}
	for _, d := range cs.Documents {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			dirs = append(dirs, d)
		}
	}
	return dirs
}

// CheckNotInputs refuses an output that is one of the files the session
// reads, or a document-format file in a folder the contracts family reads:
// the TUI's export asks it before writing, as Prepare asks it of -o.
func (s *Session) CheckNotInputs(outs ...Output) error {
	if err := checkNotInputs(outs, s.inputs()); err != nil {
		return err
	}
	return checkNotInFolders(outs, s.Plan.documentFolders())
}

// checkNotInFolders refuses a report in a document format inside a folder
// whose documents the scan reads.
func checkNotInFolders(outs []Output, dirs []string) error {
	for _, o := range outs {
		if o.Path == "" || !contractdoc.Supported(o.Path) {
			continue
		}
		out := canonical(o.Path)
		for _, d := range dirs {
			if rel, err := filepath.Rel(canonical(d), out); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				return check.Errorf("report file %s: it is inside %s, whose documents the contracts family reads: the next scan would read the report as a contract; write it elsewhere",
					"fichier de rapport %s : il est dans %s, dont la famille des contrats lit les documents : la prochaine analyse lirait le rapport comme un contrat ; écrivez-le ailleurs",
					o.Path, d)
			}
		}
	}
	return nil
}

// checkNotInputs refuses an output path that is one of the inputs, through
// a symbolic or hard link too.
func checkNotInputs(outs []Output, in []Input) error {
	for _, o := range outs {
		if o.Path == "" {
			continue
		}
		st, err := os.Stat(o.Path)
		out := canonical(o.Path)
		for _, i := range in {
			if same(st, err, out, i.Path) {
				return check.Errorf("report file %s: it is %s (%s): the report would replace it; name another file",
					"fichier de rapport %s : c'est %s (%s) : le rapport écraserait ce fichier ; nommez un autre fichier",
					o.Path, i.What, i.Path)
			}
		}
	}
	return nil
}

// SamePath tells whether a and b name one file: the same file when both
// exist, else the same absolute path once the folders' links are resolved.
func SamePath(a, b string) bool {
	st, err := os.Stat(a)
	return same(st, err, canonical(a), b)
}

// same is SamePath with a's stat and canonical path already taken: an
// output is compared with every input.
func same(a os.FileInfo, aErr error, aPath, b string) bool {
	if aErr == nil {
		if sb, err := os.Stat(b); err == nil {
			return os.SameFile(a, sb)
		}
	}
	return aPath == canonical(b)
}

func canonical(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	dir, base := filepath.Split(abs)
	if d, err := filepath.EvalSymlinks(dir); err == nil {
		return filepath.Join(d, base)
	}
	return abs
}

// isDSN: a database reached over the network, not a file.
func isDSN(p string) bool { return strings.Contains(p, "://") }
