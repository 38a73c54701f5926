package htmlreport

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

func TestBrowserNotFound(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	t.Setenv("VIGIE_CHROME", "")
	for _, l := range check.Langs {
		err := PDF{HTML: Writer{Lang: l}}.Write(context.Background(), &bytes.Buffer{}, rich(t))
		var nf *BrowserNotFound
		if !errors.As(err, &nf) {
			t.Fatalf("%s: error %v, want BrowserNotFound", l, err)
		}
		for _, want := range append(Browsers, "$VIGIE_CHROME", "VIGIE_CHROME", "apt-get install chromium") {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("%s: %q does not name %s", l, err, want)
			}
		}
	}
	t.Setenv("VIGIE_CHROME", "/no/such/chrome")
	if _, err := (PDF{}).Browser(); err == nil || !strings.Contains(err.Error(), "$VIGIE_CHROME=/no/such/chrome") {
		t.Errorf("a wrong VIGIE_CHROME: %v", err)
	}
	if _, err := (PDF{Chrome: "/opt/none/chrome", HTML: Writer{Lang: check.FR}}).Browser(); err == nil ||
		!strings.Contains(err.Error(), "/opt/none/chrome") || !strings.Contains(err.Error(), "aucun Chrome") {
		t.Errorf("a wrong configured browser: %v", err)
	}
}

// browserAndPoppler skips the test when the machine cannot print or read PDFs.
func browserAndPoppler(t *testing.T) PDF {
	t.Helper()
	p := PDF{HTML: writer(check.EN)}
	if _, err := p.Browser(); err != nil {
		t.Skipf("no browser to print with (%v); .ci/run installs Debian's chromium", err)
	}
	for _, tool := range []string{"pdftotext", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed (Debian: poppler-utils)", tool)
		}
	}
	return p
}

func TestPDF(t *testing.T) {
	p := browserAndPoppler(t)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // the browser profile goes there, and must be gone after
	r := rich(t)
	// One language: a print takes seconds, and TestSections holds both.
	for _, l := range []check.Lang{check.EN} {
		p.HTML = writer(l)
		var b bytes.Buffer
		if err := p.Write(context.Background(), &b, r); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(t.TempDir(), "report."+string(l)+".pdf")
		if err := os.WriteFile(file, b.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		info, err := exec.Command("pdfinfo", file).Output()
		if err != nil {
			t.Fatalf("pdfinfo: %v", err)
		}
		m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(info)
		if m == nil {
			t.Fatalf("pdfinfo gives no page count:\n%s", info)
		}
		pages, _ := strconv.Atoi(string(m[1]))
		if pages < 5 {
			t.Errorf("%s: %d pages", l, pages)
		}
		text, err := exec.Command("pdftotext", file, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		o := r.Scores.Overall
		want := map[check.Lang][]string{
			check.EN: {fmt.Sprintf("Overall grade %s · %d/100", o.Grade, o.Score), "Executive summary", "Score and how to raise it", "Since the previous scan",
				"Web sites", "Passwords", "Processor contracts", "Article 28 matrix", "Appendix A: method", "Appendix B: checks that ran"},
			check.FR: {fmt.Sprintf("Note globale %s · %d/100", o.Grade, o.Score), "Synthèse", "Score et comment le relever", "Depuis le scan précédent",
				"Sites web", "Mots de passe", "Contrats de sous-traitance", "Matrice article 28", "Annexe A : méthode", "Annexe B : contrôles exécutés"},
		}[l]
		for _, s := range want {
			if !bytes.Contains(text, []byte(s)) {
				t.Errorf("%s: the PDF text lacks %q", l, s)
			}
		}
		// A client copies a reference's address from the PDF: none may be
		// broken across lines (pdftotext also drops a hyphen a line ends on).
		for _, m := range r.Checks {
			for _, ref := range m.References {
				if ref.URL != "" && !bytes.Contains(text, []byte(ref.URL)) {
					t.Errorf("%s: %s's reference %s is not whole in the PDF text", l, m.ID, ref.URL)
				}
			}
		}
		for i := 1; i <= pages; i++ {
			pg, err := exec.Command("pdftotext", "-f", strconv.Itoa(i), "-l", strconv.Itoa(i), file, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			// The footer alone (organisation, page number) does not make a page.
			body := strings.TrimSpace(strings.ReplaceAll(string(pg), "\f", ""))
			if lines := strings.Count(body, "\n"); lines < 3 {
				t.Errorf("%s: page %d of %d is blank: %q", l, i, pages, body)
			}
		}
	}
	left, _ := filepath.Glob(filepath.Join(tmp, "vigie-chrome-*"))
	if len(left) > 0 {
		t.Errorf("browser profiles left behind: %v", left)
	}
}

func TestPDFTimeout(t *testing.T) {
	p := browserAndPoppler(t)
	p.Timeout = 50 * time.Millisecond
	err := p.Write(context.Background(), &bytes.Buffer{}, rich(t))
	if err == nil || !strings.Contains(err.Error(), "did not print within 50ms") {
		t.Errorf("timeout error = %v", err)
	}
}
