package contractdoc

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vigie-security/vigie/checks/contracts"
)

var sample = []string{
	"Contrat de sous-traitance",
	"Le Prestataire notifie au Client toute violation de données à caractère personnel dans un délai maximum de 24 heures.",
	"The Customer shall have no right to audit the Supplier (Art. 28).",
}

func writeFile(t *testing.T, name string, fn func(*bytes.Buffer) error) string {
	t.Helper()
	var b bytes.Buffer
	if err := fn(&b); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func text(b string) func(*bytes.Buffer) error {
	return func(w *bytes.Buffer) error { _, err := w.WriteString(b); return err }
}

// Every format yields the same paragraphs, accents intact, and the
// analysis finds the same things in each.
func TestEveryFormat(t *testing.T) {
	joined := strings.Join(sample, "\n\n")
	files := map[string]func(*bytes.Buffer) error{
		"c.txt":  text(joined),
		"c.md":   text("# " + sample[0] + "\n\n**" + sample[1] + "**\n\n" + sample[2] + "\n"),
		"c.html": text("<html><head><title>x</title><script>audit()</script></head><body><h1>" + sample[0] + "</h1><p>" + strings.ReplaceAll(sample[1], "à", "&agrave;") + "</p><div>" + sample[2] + "</div></body></html>"),
		"c.docx": func(w *bytes.Buffer) error { return WriteDOCX(w, sample) },
		"c.odt":  func(w *bytes.Buffer) error { return WriteODT(w, sample) },
		"c.pdf":  func(w *bytes.Buffer) error { return WritePDF(w, sample) },
	}
	for name, fn := range files {
		t.Run(name, func(t *testing.T) {
			doc, err := Extract(context.Background(), writeFile(t, name, fn), DefaultLimits())
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range doc.Blocks {
				got = append(got, b.Text)
			}
			if strings.Join(got, "|") != strings.Join(sample, "|") {
				t.Errorf("blocks = %q", got)
			}
			if name == "c.pdf" && (doc.Pages != 1 || doc.Blocks[0].Page != 1) {
				t.Errorf("pdf pages = %d, block page %d", doc.Pages, doc.Blocks[0].Page)
			}
			a := contracts.Analyze(doc)
			if r, _ := a.Result("A28-33-breach-deadline"); r.Level != contracts.Specific {
				t.Errorf("deadline = %s", r.Level)
			}
			if r, _ := a.Result("A28-3h-audits-information"); r.Level != contracts.Missing || !r.Rejected {
				t.Errorf("negated audit = %s rejected %v", r.Level, r.Rejected)
			}
		})
	}
}

func TestPDFPagesAreLocated(t *testing.T) {
	paras := make([]string, 40)
	for i := range paras {
		paras[i] = "Filler paragraph number " + string(rune('A'+i%26)) + " about nothing in particular."
	}
	paras = append(paras, "The Processor shall notify the Controller of any personal data breach within 48 hours.")
	doc, err := Extract(context.Background(), writeFile(t, "long.pdf", func(w *bytes.Buffer) error { return WritePDF(w, paras) }), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	r, _ := contracts.Analyze(doc).Result("A28-33-breach-deadline")
	if r.Location == nil || r.Location.Page != 2 {
		t.Errorf("deadline found at %+v, want page 2", r.Location)
	}
}

func TestScannedPDFIsNotAContractWithoutClauses(t *testing.T) {
	// A page with an image and no text operators: what a scanner produces.
	_, err := Extract(context.Background(), writeFile(t, "scan.pdf", func(w *bytes.Buffer) error { return WritePDF(w, nil) }), DefaultLimits())
	if !errors.Is(err, ErrNoText) || !strings.Contains(err.Error(), "scan.pdf") || !strings.Contains(err.Error(), "OCR") {
		t.Errorf("scanned PDF: %v", err)
	}
}

func zipWith(entries map[string][]byte) func(*bytes.Buffer) error {
	return func(w *bytes.Buffer) error {
		zw := zip.NewWriter(w)
		for name, body := range entries {
			f, err := zw.Create(name)
			if err != nil {
				return err
			}
			if _, err := f.Write(body); err != nil {
				return err
			}
		}
		return zw.Close()
	}
}

func TestBadFilesFailAloneWithAReason(t *testing.T) {
	bomb := bytes.Repeat([]byte("A"), 100<<20) // 100 MiB of one letter deflates to about 100 KB
	lying := zipWith(map[string][]byte{"word/document.xml": bytes.Repeat([]byte("<w:p>"), 1<<20)})
	cases := map[string]struct {
		name string
		fn   func(*bytes.Buffer) error
		lim  func(*Limits)
		want string
	}{
		"zip bomb":        {"bomb.docx", zipWith(map[string][]byte{"word/document.xml": bomb}), nil, "zip bomb refused"},
		"inflates beyond": {"big.docx", lying, func(l *Limits) { l.MaxInflated = 1 << 20; l.MaxRatio = 1 << 30 }, "zip bomb refused"},
		"not a zip":       {"x.docx", text("PK but not really"), nil, "not a valid zip"},
		"missing part":    {"x.odt", zipWith(map[string][]byte{"mimetype": []byte("x")}), nil, "content.xml is missing"},
		"broken xml":      {"x.docx", zipWith(map[string][]byte{"word/document.xml": []byte("<w:document><w:p>")}), nil, "corrupt document"},
		"mismatched xml":  {"x.docx", zipWith(map[string][]byte{"word/document.xml": []byte(`<w:document xmlns:w="` + nsWord + `"><w:p><w:t>x</w:t></w:document>`)}), nil, "corrupt document"},
		"not a pdf":       {"x.pdf", text("%PDF-1.4 garbage"), nil, "corrupt PDF"},
		"too big":         {"x.txt", text(strings.Repeat("a", 2048)), func(l *Limits) { l.MaxFile = 1024 }, "over the 1024-byte limit"},
		"too many pages":  {"x.pdf", func(w *bytes.Buffer) error { return WritePDF(w, make([]string, 60)) }, func(l *Limits) { l.MaxPages = 1 }, "over the 1-page limit"},
		"format":          {"x.rtf", text("{\\rtf1}"), nil, "unsupported format"},
		"empty":           {"x.txt", text("  \n\n "), nil, "holds no text"},
		"too many parts": {"x.docx", zipWith(map[string][]byte{"a": nil, "b": nil, "c": nil, "word/document.xml": []byte("<x/>")}),
			func(l *Limits) { l.MaxEntries = 2 }, "entries, over the 2 limit"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			lim := DefaultLimits()
			if tc.lim != nil {
				tc.lim(&lim)
			}
			path := writeFile(t, tc.name, tc.fn)
			_, err := Extract(context.Background(), path, lim)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), path) {
				t.Errorf("error %v, want it to start with the path and say %q", err, tc.want)
			}
		})
	}
}

func TestExtractionIsTimeBounded(t *testing.T) {
	lim := DefaultLimits()
	lim.Timeout = time.Nanosecond
	p := writeFile(t, "x.pdf", func(w *bytes.Buffer) error { return WritePDF(w, sample) })
	if _, err := Extract(context.Background(), p, lim); err == nil || !strings.Contains(err.Error(), "stopped after") {
		t.Errorf("deadline: %v", err)
	}
}

func TestMissingFile(t *testing.T) {
	_, err := Extract(context.Background(), filepath.Join(t.TempDir(), "nope.pdf"), DefaultLimits())
	if err == nil || !strings.Contains(err.Error(), "nope.pdf: cannot open") || strings.Count(err.Error(), "nope.pdf") != 1 {
		t.Errorf("missing file: %v", err)
	}
}

func FuzzExtractDOCX(f *testing.F) {
	var b bytes.Buffer
	if err := WriteDOCX(&b, sample); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(t.TempDir(), "f.docx")
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		_, _ = Extract(context.Background(), p, DefaultLimits()) // must not panic or hang
	})
}

func FuzzExtractPDF(f *testing.F) {
	var b bytes.Buffer
	if err := WritePDF(&b, sample); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(t.TempDir(), "f.pdf")
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		lim := DefaultLimits()
		lim.Timeout = 2 * time.Second
		_, _ = Extract(context.Background(), p, lim)
	})
}

func FuzzExtractHTML(f *testing.F) {
	f.Add([]byte("<html><body><p>" + strings.Join(sample, "</p><p>") + "</p></body></html>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(t.TempDir(), "f.html")
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		_, _ = Extract(context.Background(), p, DefaultLimits())
	})
}

// Namespaces are matched by what the document binds them to, whatever the
// prefix, a default namespace included.
func TestOfficeNamespaces(t *testing.T) {
	for name, xml := range map[string]string{
		"prefix w":   `<w:document xmlns:w="` + nsWord + `"><w:body><w:p><w:r><w:t>Hello</w:t><w:tab/><w:t>world</w:t></w:r></w:p></w:body></w:document>`,
		"prefix x":   `<x:document xmlns:x="` + nsWord + `"><x:body><x:p><x:r><x:t>Hello</x:t><x:tab/><x:t>world</x:t></x:r></x:p></x:body></x:document>`,
		"default ns": `<document xmlns="` + nsWord + `"><body><p><r><t>Hello</t><tab/><t>world</t></r></p></body></document>`,
	} {
		path := writeFile(t, "x.docx", zipWith(map[string][]byte{"word/document.xml": []byte(xml)}))
		doc, err := Extract(context.Background(), path, DefaultLimits())
		if err != nil || len(doc.Blocks) != 1 || doc.Blocks[0].Text != "Hello world" {
			t.Errorf("%s: %+v, %v; want one block \"Hello world\"", name, doc.Blocks, err)
		}
	}
	other := `<w:document xmlns:w="urn:other"><w:p><w:t>Hidden</w:t></w:p></w:document>`
	path := writeFile(t, "x.docx", zipWith(map[string][]byte{"word/document.xml": []byte(other)}))
	if doc, err := Extract(context.Background(), path, DefaultLimits()); err == nil {
		t.Errorf("elements of another namespace read as text: %+v", doc.Blocks)
	}
}
