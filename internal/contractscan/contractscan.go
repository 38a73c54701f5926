// Package contractscan turns the contracts section of a configuration into
// engine units: one per document, one per inventory row, one for the
// contracts folder. Documents are extracted and analysed once, whichever
// unit needs them first.
package contractscan

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/vigie-security/vigie/checks/contracts"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/contractdoc"
	"github.com/vigie-security/vigie/internal/engine"
	"github.com/vigie-security/vigie/internal/inventory"
)

// MaxDocuments bounds how many documents a folder walk may add.
const MaxDocuments = 20000

// Source is what to check.
type Source struct {
	Inventory string
	Folder    string
	Sheet     string
	Columns   map[string]string
	Documents []string // files or directories
	// Root, when set, is the directory the paths above are read from;
	// reports still name files as written (the demo's files live in a
	// temporary directory but are reported as demo/…).
	Root string
}

// Plan is a resolved source: the inventory read, the documents listed.
type Plan struct {
	Inventory string
	Folder    string
	Rows      []contracts.Processor
	Docs      []string            // every document to analyse, once each
	refs      map[int][]string    // row index → resolved contract paths
	owners    map[string][]string // document → processor names
	inFolder  []string            // documents found in Folder
	Limits    contractdoc.Limits
	cache     *cache
	root      string
}

// real is where a reported path is read from.
func (p *Plan) real(path string) string {
	if p.root == "" || filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(p.root, path)
}

// shown is how a path read from disk is reported.
func (p *Plan) shown(real string) string {
	if p.root == "" {
		return real
	}
	if rel, err := filepath.Rel(p.root, real); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return real
}

func (p *Plan) exists(path string) bool {
	_, err := os.Stat(p.real(path))
	return err == nil
}

func (p *Plan) walk(dir string) ([]string, error) {
	files, err := walk(p.real(dir))
	for i := range files {
		files[i] = p.shown(files[i])
	}
	return files, err
}

// Prepare reads the inventory and lists the documents. A bad inventory
// stops here, with its file and line; a bad document only fails its unit.
func Prepare(src Source) (*Plan, error) {
	p := &Plan{Inventory: src.Inventory, Folder: src.Folder, refs: map[int][]string{}, owners: map[string][]string{}, Limits: contractdoc.DefaultLimits(), root: src.Root}
	seen := map[string]bool{}
	addDoc := func(path string) {
		path = filepath.Clean(path)
		if !seen[path] {
			seen[path] = true
			p.Docs = append(p.Docs, path)
		}
	}
	if src.Folder != "" {
		files, err := p.walk(src.Folder)
		if err != nil {
			return nil, check.Errorf("contracts.folder %s: %v", "contracts.folder %s : %v", src.Folder, err)
		}
		p.inFolder = files
	}
	if src.Inventory != "" {
		rows, err := inventory.Load(p.real(src.Inventory), inventory.Options{Columns: src.Columns, Sheet: src.Sheet})
		if err != nil {
			return nil, err
		}
		for i := range rows {
			rows[i].Inventory = src.Inventory
		}
		p.Rows = rows
		base := src.Folder
		if base == "" {
			base = filepath.Dir(src.Inventory)
		}
		byName := map[string][]string{}
		for _, f := range p.inFolder {
			byName[strings.ToLower(filepath.Base(f))] = append(byName[strings.ToLower(filepath.Base(f))], f)
		}
		for i, r := range rows {
			for _, c := range r.Contracts {
				path := c
				if !filepath.IsAbs(path) {
					path = filepath.Join(base, c)
				}
				// A bare file name may sit in a subfolder of the contracts folder.
				exists := p.exists(path)
				if !exists {
					if found := byName[strings.ToLower(filepath.Base(c))]; len(found) == 1 {
						path, exists = found[0], true // found by the walk: on disk
					}
				}
				path = filepath.Clean(path)
				p.refs[i] = append(p.refs[i], path)
				p.owners[path] = append(p.owners[path], r.Name)
				if exists {
					addDoc(path)
				}
			}
		}
	}
	for _, f := range p.inFolder {
		addDoc(f)
	}
	for _, d := range src.Documents {
		if st, err := os.Stat(p.real(d)); err == nil && st.IsDir() {
			files, err := p.walk(d)
			if err != nil {
				return nil, check.Errorf("%s: %v", "%s : %v", d, err)
			}
			if len(files) == 0 {
				return nil, check.Errorf("%s: no contract documents (%s) in this directory", "%s : aucun document contractuel (%s) dans ce dossier",
					d, strings.Join(contractdoc.Formats, " "))
			}
			for _, f := range files {
				addDoc(f)
			}
			continue
		}
		// A file named on purpose that is not there is a usage mistake, said
		// before the scan; an unreadable one fails in its own unit, with its reason.
		if _, err := os.Lstat(p.real(d)); errors.Is(err, fs.ErrNotExist) {
			return nil, check.Errorf("%s: no such file", "%s : fichier introuvable", d)
		}
		addDoc(d)
	}
	p.cache = &cache{m: map[string]*entry{}, lim: p.Limits, real: p.real}
	return p, nil
}

// walk lists the contract documents under dir, hidden entries skipped.
func walk(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if strings.HasPrefix(d.Name(), ".") && path != dir {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && contractdoc.Supported(path) {
			if len(out) == MaxDocuments {
				return check.Errorf("more than %d documents", "plus de %d documents", MaxDocuments)
			}
			out = append(out, filepath.Clean(path))
		}
		return nil
	})
	if err != nil {
		return nil, check.FileReason(err)
	}
	sort.Strings(out)
	return out, nil
}

// Size is how many units the plan makes.
func (p *Plan) Size() int {
	n := len(p.Docs) + len(p.Rows)
	if p.Folder != "" && p.Inventory != "" {
		n++
	}
	return n
}

// Units are the engine's work: documents, then inventory rows, then the
// folder. now is "today" for dates in the inventory.
func (p *Plan) Units(now time.Time) []engine.Unit {
	var units []engine.Unit
	docChecks := contracts.DocumentChecks()
	for _, d := range p.Docs {
		units = append(units, engine.Unit{Family: check.FamilyContracts, Target: d, Checks: docChecks,
			Collect: func(ctx context.Context, _ engine.Pacer) (any, error) {
				ev := p.cache.get(ctx, d)
				ev.Processors = p.owners[d]
				return ev, nil
			}})
	}
	invChecks := contracts.InventoryChecks()
	for i, r := range p.Rows {
		units = append(units, engine.Unit{Family: check.FamilyContracts, Target: r.TargetName(), Checks: invChecks,
			Collect: func(ctx context.Context, _ engine.Pacer) (any, error) {
				r := r
				r.AsOf, r.Docs = now, nil
				for _, path := range p.refs[i] {
					ref := contracts.DocRef{Path: path}
					if p.exists(path) {
						ref.Exists = true
						ref.Analysis = p.cache.get(ctx, path).Analysis
					}
					r.Docs = append(r.Docs, ref)
				}
				return r, nil
			}})
	}
	if p.Folder != "" && p.Inventory != "" {
		units = append(units, engine.Unit{Family: check.FamilyContracts, Target: p.Folder, Checks: contracts.FolderChecks(),
			Collect: func(context.Context, engine.Pacer) (any, error) {
				f := contracts.Folder{Dir: p.Folder, Inventory: p.Inventory, Files: len(p.inFolder)}
				for _, d := range p.inFolder {
					if len(p.owners[d]) == 0 {
						f.Unreferenced = append(f.Unreferenced, d)
					}
				}
				return f, nil
			}})
	}
	return units
}

// cache extracts and analyses each document once; the units of the
// processors that share a contract wait for the first.
type cache struct {
	mu   sync.Mutex
	m    map[string]*entry
	lim  contractdoc.Limits
	real func(string) string
}

type entry struct {
	once sync.Once
	ev   contracts.Evidence
}

func (c *cache) get(ctx context.Context, path string) contracts.Evidence {
	c.mu.Lock()
	e, ok := c.m[path]
	if !ok {
		e = &entry{}
		c.m[path] = e
	}
	c.mu.Unlock()
	e.once.Do(func() {
		e.ev = Analyse(ctx, c.real(path), c.lim)
		e.ev.Target = path
	})
	return e.ev
}

// Analyse extracts and analyses one document; a failure is kept on the
// evidence, for CTR-DOC-001 to report.
func Analyse(ctx context.Context, path string, lim contractdoc.Limits) contracts.Evidence {
	ev := contracts.Evidence{Target: path, Format: strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")}
	doc, err := contractdoc.Extract(ctx, path, lim)
	if doc.Format != "" {
		ev.Format, ev.Pages = doc.Format, doc.Pages
	}
	switch {
	case errors.Is(err, contractdoc.ErrNoText):
		ev.NoText = true
	case err != nil:
		// The extractor's error is said in each language (check.InLang).
		msg := check.Textf("could not read the document: %s", "document illisible : %s", err)
		ev.Problem = &msg
	default:
		a := contracts.Analyze(doc)
		ev.Analysis = &a
	}
	return ev
}
