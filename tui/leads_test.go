package tui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/engine"
	"github.com/vigie-security/vigie/internal/leadscan"
	"github.com/vigie-security/vigie/internal/report"
)

// seededLeads are the personal values of the seeded lead file: none may
// appear on any screen.
var seededLeads = []string{
	"jeanne.secret@gmail.com", "jeanne.secret", "secret@gmail", "06 12 34 56 78", "0612345678", "612345678",
	"4970 1012 3456 7893", "4970101234567893", "FR76 3000 6000 0112 3456 7890 189", "FR7630006000011234567890189",
	"1 85 05 78 006 084 91", "185057800608491", "diabète", "Lévêque", "azerty123", "5f4dcc3b5aa765d61d8327deb882cf99",
}

// leadReport scans a seeded CRM export through the engine, as a scan does.
func leadReport(t *testing.T, path string) *report.Report {
	t.Helper()
	csv := "Email,Phone,Last Name,Create Date,Notes,Password,Lead Source\n" +
		"jeanne.secret@gmail.com,06 12 34 56 78,Lévêque,2019-01-01,\"diabète, carte 4970 1012 3456 7893, IBAN FR76 3000 6000 0112 3456 7890 189, NIR 1 85 05 78 006 084 91\",azerty123,Partenaire LinkedIn\n" +
		"paul@free.fr,0612345678,Lévêque,2019-01-01,diabète,5f4dcc3b5aa765d61d8327deb882cf99,web\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	plan, err := leadscan.Prepare(leadscan.Source{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	e, err := engine.New(engine.WithTimeout(30*time.Second), engine.WithClock(func() time.Time { return fixedTime }))
	if err != nil {
		t.Fatal(err)
	}
	r, err := e.Run(context.Background(), plan.Units(fixedTime), nil)
	if err != nil {
		t.Fatal(err)
	}
	return &r
}

// Every screen showing the seeded lead base, every finding's detail
// scrolled whole, in both languages: the leads family is there, its
// evidence is counts and masked samples, and no seeded value appears.
func TestLeadScreensShowNoPersonalValue(t *testing.T) {
	r := leadReport(t, filepath.Join(t.TempDir(), "crm-export.csv"))
	var shown []string
	for _, lang := range []check.Lang{check.EN, check.FR} {
		m := New(Options{Lang: lang, Report: r, Renderer: asciiRenderer(), Location: time.UTC})
		next, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		m = next.(Model)
		dash := m.View()
		if !strings.Contains(dash, tr(lang, "leads", "prospects")) || !strings.Contains(dash, "crm-export.csv") {
			t.Errorf("the dashboard lists the leads family and its file:\n%s", dash)
		}
		shown = append(shown, dash)
		m = press(m, "enter") // the leads family's findings
		if m.screen != screenFindings || len(m.findings.rows) == 0 {
			t.Fatalf("enter on the leads family opens its findings:\n%s", m.View())
		}
		shown = append(shown, m.View(), press(m, "c").View(), press(m, "T").View())
		m = press(m, "T") // every status
		for i := range m.findings.rows {
			m.findings.cursor = i
			d := m.open(m.findings.selected())
			shown = append(shown, d.detail.content())
		}
	}
	all := strings.Join(shown, "\n")
	for _, v := range seededLeads {
		if strings.Contains(all, v) {
			i := strings.Index(all, v)
			t.Errorf("%q shown: …%s…", v, all[max(0, i-80):min(len(all), i+80)])
		}
	}
	for _, want := range []string{"j***@g***.com", "4970 **** **** 7893", "masked samples", "exemples masqués", "LEAD-SEN-", "records"} {
		if !strings.Contains(all, want) {
			t.Errorf("the lead findings' evidence lacks %q", want)
		}
	}
}

// The leads family on the dashboard, its findings and a finding's
// evidence (counts, keys, masked samples), at both sizes and in both
// languages: testdata/TestGoldenLeads/*.golden (-update).
func TestGoldenLeads(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir()) // the file's name, as it is shown, is the same on every run
	r := leadReport(t, "crm-export.csv")
	t.Chdir(wd) // the goldens are here
	for _, sc := range []struct {
		name string
		keys []string
	}{{"Dashboard", nil}, {"Findings", []string{"enter"}}, {"Detail", []string{"enter", "enter"}}} {
		for _, lang := range []check.Lang{check.EN, check.FR} {
			for _, size := range [][2]int{{80, 24}, {120, 40}} {
				t.Run(fmt.Sprintf("%s-%s-%dx%d", sc.name, lang, size[0], size[1]), func(t *testing.T) {
					golden.RequireEqual(t, finalScreen(t, Options{Lang: lang, Report: r}, size[0], size[1], sc.keys...))
				})
			}
		}
	}
}
