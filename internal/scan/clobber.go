package scan

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
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
	InputShard   = check.Text{EN: "a shard report", FR: "un rapport de part"}
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
// and what the caller named. Preparing the plan consumes its lead sources:
// Prepare asks before and after.
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

// checkNotInputs refuses an output path that is one of the inputs, through
// a symbolic or hard link too.
func checkNotInputs(outs []Output, in []Input) error {
	for _, o := range outs {
		if o.Path == "" {
			continue
		}
		for _, i := range in {
			if SamePath(o.Path, i.Path) {
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
	if sa, err := os.Stat(a); err == nil {
		if sb, err := os.Stat(b); err == nil {
			return os.SameFile(sa, sb)
		}
	}
	return canonical(a) == canonical(b)
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
