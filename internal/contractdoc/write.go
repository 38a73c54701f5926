package contractdoc

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// The writers below make small but valid DOCX, ODT and PDF files from
// paragraphs: the demo ships its contracts in every format vigie reads,
// and the tests read back what they wrote.

func escapeXML(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// WriteAs writes paragraphs in the format of a file extension: .docx,
// .odt, .pdf, .html, or plain text (.txt, .md).
func WriteAs(ext string, w io.Writer, paras []string) error {
	switch strings.ToLower(ext) {
	case ".docx":
		return WriteDOCX(w, paras)
	case ".odt":
		return WriteODT(w, paras)
	case ".pdf":
		return WritePDF(w, paras)
	case ".html", ".htm":
		var b strings.Builder
		b.WriteString("<!DOCTYPE html>\n<html><body>\n")
		for _, p := range paras {
			b.WriteString("<p>" + escapeXML(p) + "</p>\n")
		}
		b.WriteString("</body></html>\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	_, err := io.WriteString(w, strings.Join(paras, "\n\n")+"\n")
	return err
}

// WriteDOCX writes paragraphs as a Word document.
func WriteDOCX(w io.Writer, paras []string) error {
	var body strings.Builder
	for _, p := range paras {
		fmt.Fprintf(&body, `<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>`, escapeXML(p))
	}
	return writeZip(w, []zipFile{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`, true},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`, true},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="` + nsWord + `"><w:body>` + body.String() + `</w:body></w:document>`, true},
	})
}

// WriteODT writes paragraphs as an OpenDocument text.
func WriteODT(w io.Writer, paras []string) error {
	var body strings.Builder
	for _, p := range paras {
		fmt.Fprintf(&body, `<text:p>%s</text:p>`, escapeXML(p))
	}
	return writeZip(w, []zipFile{
		{"mimetype", "application/vnd.oasis.opendocument.text", false}, // first and stored, as the format requires
		{"META-INF/manifest.xml", `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`, true},
		{"content.xml", `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="` + nsODT + `" office:version="1.2"><office:body><office:text>` + body.String() + `</office:text></office:body></office:document-content>`, true},
	})
}

type zipFile struct {
	name, body string
	deflate    bool
}

func writeZip(w io.Writer, files []zipFile) error {
	zw := zip.NewWriter(w)
	for _, f := range files {
		h := &zip.FileHeader{Name: f.name, Method: zip.Store}
		if f.deflate {
			h.Method = zip.Deflate
		}
		fw, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(fw, f.body); err != nil {
			return err
		}
	}
	return zw.Close()
}

// WritePDF writes paragraphs as a PDF with a text layer (Helvetica,
// WinAnsi), wrapped at 90 characters, 50 lines a page.
func WritePDF(w io.Writer, paras []string) error {
	var pages [][]string
	var page []string
	add := func(line string) {
		if len(page) == 50 {
			pages, page = append(pages, page), nil
		}
		page = append(page, line)
	}
	for _, p := range paras {
		for _, l := range wrap(p, 90) {
			add(l)
		}
		add("")
	}
	pages = append(pages, page)
	enc := charmap.Windows1252.NewEncoder()
	streams := make([]string, len(pages))
	for i, lines := range pages {
		var s strings.Builder
		for j, l := range lines {
			if l == "" {
				continue // a blank line: the paragraph ends
			}
			fmt.Fprintf(&s, "BT /F1 10 Tf 50 %d Td (%s) Tj ET\n", 780-j*15, pdfString(enc, l))
		}
		streams[i] = s.String()
	}
	return writePDFStreams(w, streams)
}

// pdfString is s as a PDF literal string in WinAnsi.
func pdfString(enc *encoding.Encoder, s string) string {
	raw, err := enc.String(s)
	if err != nil {
		raw = s
	}
	return strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`).Replace(raw)
}

// writePDFStreams writes a PDF with one page per content stream, in
// Helvetica (WinAnsi) as /F1.
func writePDFStreams(w io.Writer, streams []string) error {
	var b bytes.Buffer
	var offsets []int
	obj := func(body string) {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offsets), body)
	}
	b.WriteString("%PDF-1.4\n")
	n := len(streams)
	kids := make([]string, n)
	for i := range streams {
		kids[i] = fmt.Sprintf("%d 0 R", 4+2*i)
	}
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), n))
	obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	for i, s := range streams {
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", 5+2*i))
		obj(fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", len(s), s))
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	_, err := w.Write(b.Bytes())
	return err
}

func wrap(p string, width int) []string {
	var lines []string
	var cur strings.Builder
	for _, word := range strings.Fields(p) {
		if cur.Len() > 0 && cur.Len()+1+len(word) > width {
			lines = append(lines, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(word)
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}
