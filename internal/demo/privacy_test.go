package demo

import (
	"bytes"
	"context"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"database/sql"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"html"
	"index/suffixarray"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/report/formats"
	htmlreport "github.com/vigie-security/vigie/internal/report/html"
	"github.com/vigie-security/vigie/internal/score"
	"github.com/vigie-security/vigie/internal/store"
)

// TestReportsShowNoLeadValue renders the demo's report in every format and
// language and looks, in each, for every personal value the demo planted:
// the lead sources' cells (read back from the files the scan read), the
// numbers inside them, names, and the other fictitious people of the demo
// (the exposed leads.csv, the users export). None may appear, as written,
// without its spaces, behind an encoding (JSON, HTML, XML, Markdown, URL
// escapes), cut across lines, or as its MD5, SHA-1 or SHA-256. vigie
// diff's text and JSON are read too.
func TestReportsShowNoLeadValue(t *testing.T) {
	lab, rep := runDemo(t, time.Now())
	seeds := plantedValues(t, lab.files)
	if len(seeds) < 300 {
		t.Fatalf("only %d seeded values read back: the demo's sources changed?", len(seeds))
	}
	for _, name := range formats.Names {
		for _, lang := range check.Langs {
			r := rep
			if name == "pdf" {
				if lang != check.EN || testing.Short() {
					continue // a print takes seconds; the HTML it prints is checked in both languages
				}
				r = leadsOnly(rep) // fewer pages to print
			}
			t.Run(name+"/"+string(lang), func(t *testing.T) {
				noSeed(t, name, lang, render(t, name, lang, r), seeds)
			})
		}
	}
	// vigie diff, text and JSON, from an empty scan: every finding is new.
	c := store.Compare(report.Report{}, rep)
	for _, lang := range check.Langs {
		var b bytes.Buffer
		if err := store.WriteDiff(&b, c, lang); err != nil {
			t.Fatal(err)
		}
		noSeed(t, "diff", lang, b.String(), seeds)
	}
	js, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	noSeed(t, "diff json", check.EN, string(js), seeds)
}

// noSeed fails for each seed out shows; out must show the lead sources
// (so a report that left them out does not pass).
func noSeed(t *testing.T, name string, lang check.Lang, out string, seeds []string) {
	t.Helper()
	if !strings.Contains(out, path.Base(LeadsExport)) {
		t.Errorf("%s report (%s) does not show the lead sources", name, lang)
	}
	v := viewsOf(out)
	for _, s := range seeds {
		if where := v.find(s); where != "" {
			t.Errorf("%s report (%s) shows the planted value %q: …%s…", name, lang, s, where)
		}
	}
}

// leadsOnly is the report of the lead sources alone, scored again.
func leadsOnly(rep report.Report) report.Report {
	r := rep
	r.Findings, r.Targets, r.Checks = nil, nil, nil
	for _, f := range rep.Findings {
		if f.Family == check.FamilyLeads {
			r.Findings = append(r.Findings, f)
		}
	}
	for _, tg := range rep.Targets {
		if tg.Family == check.FamilyLeads {
			r.Targets = append(r.Targets, tg)
		}
	}
	for _, m := range rep.Checks {
		if m.Family == check.FamilyLeads {
			r.Checks = append(r.Checks, m)
		}
	}
	r.Scores = score.Compute(r.Findings, r.Meta)
	return r
}

// render writes the report in one format; a PDF is read back as text.
func render(t *testing.T, name string, lang check.Lang, rep report.Report) string {
	t.Helper()
	w, err := formats.For(name, formats.Options{Options: report.Options{Lang: lang}})
	if err != nil {
		t.Fatal(err)
	}
	if name == "pdf" {
		if _, err := (htmlreport.PDF{}).Browser(); err != nil {
			t.Skipf("no browser to print the PDF (%v); the HTML it prints is checked", err)
		}
		if _, err := exec.LookPath("pdftotext"); err != nil {
			t.Skip("pdftotext not installed (Debian: poppler-utils); the HTML the PDF prints is checked")
		}
		t.Setenv("TMPDIR", t.TempDir()) // the browser's profile
	}
	var b bytes.Buffer
	if err := w.Write(context.Background(), &b, rep); err != nil {
		t.Fatal(err)
	}
	if name != "pdf" {
		return b.String()
	}
	file := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(file, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(text)
}

// views are a rendered report as written and decoded (HTML entities,
// Markdown escapes, JSON strings, XML text), lower-cased, each also with
// no white space, so a value cut across lines is found whole again;
// indexed, for some 400 values are looked for in each.
type views struct{ plain, squeezed []*suffixarray.Index }

func viewsOf(out string) views {
	var v views
	seen := map[string]bool{}
	for _, s := range []string{out, html.UnescapeString(out), mdUnescape(out), jsonStrings(out), xmlText(out)} {
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		v.plain = append(v.plain, suffixarray.New([]byte(strings.ToLower(s))))
		v.squeezed = append(v.squeezed, suffixarray.New([]byte(strings.ToLower(squeeze(s)))))
	}
	return v
}

// find returns where seed s shows in the views, or "".
func (v views) find(s string) string {
	at := func(ix []*suffixarray.Index, n string) string {
		for _, x := range ix {
			if hit := x.Lookup([]byte(n), 1); len(hit) > 0 {
				b := x.Bytes()
				return string(b[max(0, hit[0]-60):min(len(b), hit[0]+len(n)+60)])
			}
		}
		return ""
	}
	needles := []string{s, jsonEscape(s), url.QueryEscape(s), url.PathEscape(s)}
	for _, v := range []string{s, strings.ToLower(s)} { // "never a hash" of a value either
		m, s1, s256 := md5.Sum([]byte(v)), sha1.Sum([]byte(v)), sha256.Sum256([]byte(v))
		needles = append(needles, hex.EncodeToString(m[:]), hex.EncodeToString(s1[:]), hex.EncodeToString(s256[:]))
	}
	for _, n := range needles {
		if where := at(v.plain, strings.ToLower(n)); where != "" {
			return where
		}
	}
	// Printed without its spaces, or wrapped.
	if n := strings.ToLower(squeeze(s)); len([]rune(n)) >= 10 {
		return at(v.squeezed, n)
	}
	return ""
}

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func jsonEscape(s string) string {
	b, _ := json.Marshal(s)
	return string(b[1 : len(b)-1])
}

var mdEscape = regexp.MustCompile(`\\([[:punct:]])`)

func mdUnescape(s string) string { return mdEscape.ReplaceAllString(s, "$1") }

// jsonStrings is every string of a JSON document (keys too), decoded; ""
// for a document that is not JSON.
func jsonStrings(s string) string {
	var v any
	if json.Unmarshal([]byte(s), &v) != nil {
		return ""
	}
	var b strings.Builder
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			b.WriteString(x + "\n")
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for k, e := range x {
				b.WriteString(k + "\n")
				walk(e)
			}
		}
	}
	walk(v)
	return b.String()
}

// xmlText is the character data and attribute values of an XML document,
// decoded; "" for one that is not XML.
func xmlText(s string) string {
	if !strings.HasPrefix(strings.TrimSpace(s), "<?xml") {
		return ""
	}
	var b strings.Builder
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		tok, err := d.Token()
		if err != nil {
			return b.String()
		}
		switch x := tok.(type) {
		case xml.CharData:
			b.Write(x)
			b.WriteByte('\n')
		case xml.StartElement:
			for _, a := range x.Attr {
				b.WriteString(a.Value + "\n")
			}
		}
	}
}

// minSeed: shorter cells (a CVV, "oui") say nothing about a person alone
// and would match innocent text.
const minSeed = 6

// plantedValues reads back every personal cell of the demo's lead sources,
// adds the names as people write them, the numbers inside notes, and the
// fictitious people of the rest of the demo.
func plantedValues(t *testing.T, root string) []string {
	t.Helper()
	seen := map[string]bool{}
	var out []string
	add := func(v string) {
		v = strings.TrimSpace(v)
		if len([]rune(v)) >= minSeed && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	addCell := func(v string) {
		add(v)
		if r := []rune(v); len(r) > 24 { // a note cut short by a writer
			add(string(r[:20]))
		}
		for _, n := range numberIn.FindAllString(v, -1) {
			add(n)
		}
		if strings.HasPrefix(v, "+33 ") { // the national form of the number
			add("0" + strings.TrimPrefix(v, "+33 "))
		}
	}
	person := func(first, last string) {
		add(first + " " + last)
		add(last + " " + first)
		add(last)
	}

	f, err := os.Open(filepath.Join(root, filepath.FromSlash(LeadsExport)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows[1:] {
		for i, cell := range row {
			// A cell past the header's (the ragged row) is the note's tail.
			if i >= len(hubspotColumns) || hubspotColumns[i].personal {
				addCell(cell)
			}
		}
		person(row[1], row[2])
	}

	db, err := sql.Open("sqlite", "file:"+filepath.Join(root, filepath.FromSlash(LeadsBase))+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rs, err := db.Query(`SELECT * FROM ` + LeadsTable)
	if err != nil {
		t.Fatal(err)
	}
	defer rs.Close()
	cols, _ := rs.Columns()
	personal := map[string]bool{}
	for _, c := range crmColumns {
		personal[c.label] = c.personal
	}
	for rs.Next() {
		cells := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range cells {
			ptrs[i] = &cells[i]
		}
		if err := rs.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		byName := map[string]string{}
		for i, c := range cols {
			byName[c] = cells[i].String
			if personal[c] {
				addCell(cells[i].String)
			}
		}
		person(byName["prénom"], byName["nom"])
	}
	if err := rs.Err(); err != nil {
		t.Fatal(err)
	}

	// The web demo's exposed leads.csv and the audited users export.
	for _, file := range []string{fakeCSV, string(usersHashes)} {
		for _, line := range strings.Split(file, "\n")[1:] { // under the header
			for _, cell := range strings.Split(line, ";") {
				addCell(cell)
			}
		}
	}
	return out
}

// numberIn finds digit runs grouped by spaces or dashes (cards, NIRs,
// phones) and IBANs inside a cell.
var numberIn = regexp.MustCompile(`[A-Z]{2}\d{2}(?: ?[0-9A-Z]{4}){3,7}(?: ?[0-9A-Z]{1,3})?|\d(?:[ -]?\d){8,18}`)
