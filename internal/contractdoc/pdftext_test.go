package contractdoc

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/checks/contracts"
)

// A table of delays whose content stream gives the first column, then the
// second (as generators often do): read line by line, each delay stays with
// its own row, and no two runs are glued into one number.
func TestPDFTableIsReadLineByLine(t *testing.T) {
	stream := "BT /F1 10 Tf 50 700 Td (Le Prestataire notifie au Client toute violation de donn\xe9es) Tj 0 -15 Td (dans un d\xe9lai de) Tj 0 -15 Td (Il r\xe9pond aux demandes des personnes dans un d\xe9lai de) Tj ET\n" +
		"BT /F1 10 Tf 400 685 Td (48 heures.) Tj 0 -15 Td (10 jours ouvr\xe9s.) Tj ET\n"
	path := writeFile(t, "delais.pdf", func(w *bytes.Buffer) error { return writePDFStreams(w, []string{stream}) })
	doc, err := Extract(context.Background(), path, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, b := range doc.Blocks {
		all = append(all, b.Text)
	}
	text := strings.Join(all, "\n")
	for _, want := range []string{"dans un délai de 48 heures.", "dans un délai de 10 jours ouvrés."} {
		if !strings.Contains(text, want) {
			t.Errorf("%q not in the text read:\n%s", want, text)
		}
	}
	if strings.Contains(text, "heures.10") || strings.Contains(text, "4810") {
		t.Errorf("two runs glued together:\n%s", text)
	}
	r, _ := contracts.Analyze(doc).Result("A28-33-breach-deadline")
	if r.Level != contracts.Specific || !strings.Contains(r.Why.EN, "48 hours") {
		t.Errorf("breach deadline = %s (%s) from %q, want specific at 48 hours", r.Level, r.Why.EN, r.Sentence)
	}
}

// Runs that follow each other on a line without a move between them (a
// kerned word, a font change) are one piece of text; a TJ gap as wide as a
// word space is a space.
func TestPDFRunsOnALine(t *testing.T) {
	stream := "BT /F1 10 Tf 50 700 Td (sous-trai) Tj (tant ) Tj [(ult) 30 (\xe9rieur) -250 (autoris\xe9)] TJ 200 0 Td (par \xe9crit) Tj ET\n"
	path := writeFile(t, "runs.pdf", func(w *bytes.Buffer) error { return writePDFStreams(w, []string{stream}) })
	doc, err := Extract(context.Background(), path, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Blocks) != 1 || doc.Blocks[0].Text != "sous-traitant ultérieur autorisé par écrit" {
		t.Errorf("blocks = %+v", doc.Blocks)
	}
}
