// Package contractdoc extracts the text of contract documents (.txt, .md,
// .html, .docx, .odt, .pdf) into blocks the contracts analyser reads. Every
// extraction is bounded: file size, decompressed size and entry count for
// zip-based formats, page count, and time. A bad file fails alone, with an
// error naming the file and the problem.
package contractdoc

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/vigie-security/vigie/checks/contracts"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/textenc"
)

// Limits bound one extraction.
type Limits struct {
	MaxFile     int64         // bytes on disk
	MaxInflated int64         // bytes decompressed from one document (zip entries, PDF streams)
	MaxStream   int64         // bytes one PDF page's content stream or font map inflates to
	MaxRatio    int64         // decompressed/compressed ratio above which an entry is a zip bomb
	MaxEntries  int           // entries in a zip-based document
	MaxPages    int           // PDF pages read
	Timeout     time.Duration // wall time for one document
}

// DefaultLimits fit real contracts (a few hundred KB to a few MB) with room.
func DefaultLimits() Limits {
	return Limits{MaxFile: 32 << 20, MaxInflated: 64 << 20, MaxStream: 2 << 20, MaxRatio: 200, MaxEntries: 5000, MaxPages: 500, Timeout: 30 * time.Second}
}

// ErrNoText: the document has no text layer (a scanned PDF), which is not
// the same as a contract with no clauses.
var ErrNoText = check.Errorf("no text layer: the document looks scanned; run OCR on it or provide the text version",
	"pas de couche texte : le document semble numérisé ; passez-le à l'OCR ou fournissez sa version texte")

// ErrFormat: the file's extension is not a contract format vigie reads.
var ErrFormat = check.Errorf("unsupported format (want .txt, .md, .html, .docx, .odt or .pdf)",
	"format non pris en charge (formats lus : .txt, .md, .html, .docx, .odt ou .pdf)")

// Formats lists the extensions vigie reads, for directory walks.
var Formats = []string{".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".odt", ".pdf"}

// Supported reports whether path has an extension vigie reads.
func Supported(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	for _, f := range Formats {
		if ext == f {
			return true
		}
	}
	return false
}

// Extract reads the document at path. Errors name the file, and are said
// in English and French (check.InLang).
func Extract(ctx context.Context, path string, lim Limits) (contracts.Document, error) {
	doc, err := extract(ctx, path, lim)
	if err != nil {
		return contracts.Document{Name: path}, check.Errorf("%s: %v", "%s : %v", path, err)
	}
	doc.Name = path
	return doc, nil
}

func extract(ctx context.Context, path string, lim Limits) (contracts.Document, error) {
	if !Supported(path) {
		return contracts.Document{}, ErrFormat
	}
	ctx, cancel := context.WithTimeout(ctx, lim.Timeout)
	defer cancel()
	type out struct {
		doc contracts.Document
		err error
	}
	done := make(chan out, 1)
	// Opening runs under the deadline too (a hung network mount blocks in
	// stat or open). The parsers cannot be interrupted mid-page; the file
	// is bounded, so a parser still running after the deadline ends on its
	// own.
	go func() {
		var o out
		defer func() {
			if r := recover(); r != nil {
				o = out{err: check.Errorf("corrupt document: %v", "document corrompu : %v", r)}
			}
			done <- o
		}()
		o.doc, o.err = openAndParse(ctx, path, lim)
	}()
	stopped := func() error {
		return check.Errorf("extraction stopped after %s: %v", "extraction arrêtée après %s : %v", lim.Timeout, ctx.Err())
	}
	select {
	case o := <-done:
		if o.err != nil && ctx.Err() != nil {
			return contracts.Document{}, stopped() // the parser saw the deadline first: say it as the deadline
		}
		if o.err == nil && blank(o.doc) {
			if o.doc.Format == "pdf" {
				return o.doc, ErrNoText
			}
			return o.doc, check.Errorf("the document holds no text", "le document ne contient aucun texte")
		}
		return o.doc, o.err
	case <-ctx.Done():
		return contracts.Document{}, stopped()
	}
}

// openAndParse reads only regular files: opening a named pipe waits for a
// writer, and a device or a socket never ends. The mode is checked before
// opening, and the opened file is checked to be the one that was looked at.
func openAndParse(ctx context.Context, path string, lim Limits) (contracts.Document, error) {
	st, err := os.Stat(path)
	if err != nil {
		return contracts.Document{}, check.Errorf("cannot open: %v", "ouverture impossible : %v", check.FileReason(err))
	}
	if err := regular(st); err != nil {
		return contracts.Document{}, err
	}
	f, err := openNonBlocking(path)
	if err != nil {
		return contracts.Document{}, check.Errorf("cannot open: %v", "ouverture impossible : %v", check.FileReason(err))
	}
	defer f.Close()
	fst, err := f.Stat()
	if err != nil {
		return contracts.Document{}, check.Errorf("cannot read: %v", "lecture impossible : %v", check.FileReason(err))
	}
	// The same file is the same kind of file: only its size can have changed.
	if !os.SameFile(st, fst) {
		return contracts.Document{}, check.Errorf("the file was replaced while being opened: not read",
			"le fichier a été remplacé pendant son ouverture : non lu")
	}
	if fst.Size() > lim.MaxFile {
		return contracts.Document{}, check.Errorf("file is %d bytes, over the %d-byte limit",
			"le fichier fait %d octets, au-delà de la limite de %d octets", fst.Size(), lim.MaxFile)
	}
	return parse(ctx, f, fst.Size(), strings.ToLower(filepath.Ext(path)), lim)
}

// ErrNotRegular: a named pipe, device or socket, which vigie does not open.
var ErrNotRegular = check.Errorf("not a regular file: not read, since reading it could block forever",
	"pas un fichier ordinaire : non lu, car sa lecture pourrait bloquer indéfiniment")

func regular(st os.FileInfo) error {
	m := st.Mode()
	switch {
	case m.IsDir():
		return check.Errorf("is a directory", "est un dossier")
	case m.IsRegular():
		return nil
	case m&os.ModeNamedPipe != 0:
		return notRegular(check.Text{EN: "a named pipe (FIFO)", FR: "un tube nommé (FIFO)"})
	case m&os.ModeSocket != 0:
		return notRegular(check.Text{EN: "a socket", FR: "une socket"})
	case m&os.ModeDevice != 0:
		return notRegular(check.Text{EN: "a device", FR: "un périphérique"})
	}
	return notRegular(check.Text{EN: "a special file", FR: "un fichier spécial"})
}

func notRegular(kind check.Text) error {
	return check.Errorf("%s, %v", "%s, %v", kind, ErrNotRegular)
}

func parse(ctx context.Context, f *os.File, size int64, ext string, lim Limits) (contracts.Document, error) {
	switch ext {
	case ".txt":
		b, err := io.ReadAll(io.LimitReader(f, lim.MaxFile))
		return contracts.Document{Format: "txt", Blocks: textBlocks(textenc.Decode(b), 0)}, err
	case ".md", ".markdown":
		b, err := io.ReadAll(io.LimitReader(f, lim.MaxFile))
		return contracts.Document{Format: "md", Blocks: markdownBlocks(textenc.Decode(b))}, err
	case ".html", ".htm":
		blocks, err := htmlBlocks(io.LimitReader(f, lim.MaxFile))
		return contracts.Document{Format: "html", Blocks: blocks}, err
	case ".docx":
		blocks, err := docxBlocks(f, size, lim)
		return contracts.Document{Format: "docx", Blocks: blocks}, err
	case ".odt":
		blocks, err := odtBlocks(f, size, lim)
		return contracts.Document{Format: "odt", Blocks: blocks}, err
	case ".pdf":
		return pdfDocument(ctx, f, size, lim)
	}
	return contracts.Document{}, ErrFormat
}

func blank(d contracts.Document) bool {
	for _, b := range d.Blocks {
		if strings.TrimSpace(b.Text) != "" {
			return false
		}
	}
	return true
}
