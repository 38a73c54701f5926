package contracts

import (
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

// Evidence is one contract document and what it says, element by element.
type Evidence struct {
	Target     string    // the file
	Format     string    // txt, md, html, docx, odt, pdf
	Pages      int       // PDF pages
	Processors []string  // processors the inventory links the document to
	Analysis   *Analysis // nil when the document could not be read
	Problem    *check.Text
	NoText     bool // a scanned PDF: readable, but without a text layer
}

func (e Evidence) TargetName() string { return e.Target }

// Tri is yes, no, or not stated.
type Tri int

const (
	Unknown Tri = iota
	No
	Yes
)

// Document is a contract file an inventory row names, as found on disk.
type DocRef struct {
	Path     string    // as resolved
	Exists   bool      // found on disk
	Analysis *Analysis // nil when missing or unreadable
}

// Processor is one row of a processor inventory.
type Processor struct {
	Inventory      string // file, for messages
	Row            int    // 1-based line or row of the inventory
	Name           string
	Service        string
	DataCategories []string
	DataSubjects   []string
	Contracts      []string // as written in the inventory
	Signed         Tri
	SignedOn       *time.Time
	Start, End     *time.Time
	Review         *time.Time
	Countries      []string
	Mechanism      string
	SubProcessors  []string
	HasContact     bool // the contact itself is personal data and is not kept
	// Problems are cells that could not be read, by field: checks that need
	// the field report them instead of guessing.
	Problems map[string]string
	Docs     []DocRef
	AsOf     time.Time // "today", fixed by the collector so checks stay pure
}

// TargetName: the inventory and the processor, stable across row moves.
func (p Processor) TargetName() string { return p.Inventory + "#" + p.Name }

// Folder is a contracts folder compared with the inventory that should
// reference every document in it.
type Folder struct {
	Dir          string
	Inventory    string
	Files        int
	Unreferenced []string
}

func (f Folder) TargetName() string { return f.Dir }
