package tui

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/engine"
	"github.com/vigie-security/vigie/internal/scan"
)

// englishWords never occur in French text: one on a French screen is a
// string left untranslated.
var englishWords = strings.Fields(`the and with without found press findings finding targets target overall last
	help quit back open search status severity family sort worst done running write written saved save
	not stated yes never days storage entropy keys screens move first problems critical high medium low
	passwords contracts leads waived records samples rows share what why how fix next policy stop stopped
	stopping scanning nothing run report folder created missing specific present restated unread
	matches filters group grouped check checks count title left right up down more less until`)

var (
	// URLs, file names and flags (vigie-report.json, policy.yaml#users,
	// --report) are names, not text.
	urlRe  = regexp.MustCompile(`https?://\S+|\S*[./#]\pL\S*|--\S+`)
	wordRe = regexp.MustCompile(`\pL+`)
)

// englishIn lists the English words of a French screen. Reference titles
// (↳ lines: documents' own titles) are left out, as are URLs.
func englishIn(screen string) []string {
	bad := map[string]bool{}
	for _, w := range englishWords {
		bad[w] = true
	}
	var found []string
	for _, line := range strings.Split(screen, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "↳") {
			continue
		}
		for _, w := range wordRe.FindAllString(urlRe.ReplaceAllString(line, ""), -1) {
			if bad[strings.ToLower(w)] {
				found = append(found, w)
			}
		}
	}
	return found
}

// frenchScreens renders every screen and state a person meets, in French.
func frenchScreens(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	base := func() Model {
		m := New(Options{Lang: check.FR, Report: sampleReport(), Renderer: asciiRenderer(), Policies: whatIfPolicy(),
			Now: func() time.Time { return fixedTime }, Location: time.UTC, WaiverFile: filepath.Join(t.TempDir(), "w.yaml")})
		next, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		return next.(Model)
	}
	for _, sc := range screens {
		out[sc.name] = press(base(), sc.keys...).View()
	}
	m := press(base(), "f", "enter")
	for range 60 {
		m = press(m, "down")
	}
	out["DetailEnd"] = m.View()
	out["Waive"] = press(base(), "f", "enter", "w", "enter", "enter").View()
	out["FindingsNone"] = press(base(), "f", "V", "t", "t").View()
	out["Search"] = press(base(), "f", "/", "z", "z").View()
	out["MatrixRight"] = press(base(), "m", "l").View()
	// What-if: every field changed once, then saved.
	dir := t.TempDir()
	t.Chdir(dir)
	w := press(base(), "p")
	for range whatIfRows {
		w = press(w, "right", "down")
	}
	out["WhatIfChanged"] = press(w, "w").View()
	out["WhatIfSavedTwice"] = press(press(w, "w"), "w").View()
	// A configuration that does not read the waiver file: the form, then the finding waived.
	u := New(Options{Lang: check.FR, Report: sampleReport(), Renderer: asciiRenderer(), ConfigFile: "all.yaml", Now: func() time.Time { return fixedTime }})
	next, _ := u.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	u = press(next.(Model), "f", "enter", "w")
	out["WaiveUnread"] = u.View()
	out["WaivedUnread"] = press(press(u, "r", "a", "i", "s", "o", "n"), "enter", "enter").View()
	// Export: written, into a new folder; and refused.
	e := press(base(), "e")
	e.export.path.SetValue(filepath.Join(dir, "new", "r.json"))
	out["ExportCreated"] = pressAndRun(e, "enter").View()
	os.WriteFile(filepath.Join(dir, "file"), nil, 0o600)
	e.export.path.SetValue(filepath.Join(dir, "file", "r.json"))
	out["ExportRefused"] = pressAndRun(e, "enter").View()
	// The scan screen while scanning, stopped, failed.
	s := base()
	s.screen = screenScan
	s.ctx.newSession = noSession
	s.scan.byFamily = map[check.Family][2]int{check.FamilyWeb: {2, 3}, check.FamilyLeads: {1, 1}}
	s.scan.byStatus = map[check.Status]int{check.Fail: 3, check.Pass: 5}
	s.scan.last.Total, s.scan.last.Done = 5, 3
	s.scan.current = map[string]check.Family{"https://www.example.com/": check.FamilyWeb}
	s.scan.events = make(chan engine.Event)
	out["Scanning"] = s.View()
	s.scan.stopped = true
	out["Stopping"] = s.View()
	s.scan.events = nil
	out["Stopped"] = s.View()
	s.scan.stopped, s.scan.err = false, errors.New("vigie.yaml : aucune cible")
	out["Failed"] = s.View()
	// Nothing to show yet.
	for name, o := range map[string]Options{"Empty": {}, "EmptyDemo": {Demo: true, Session: noSession}, "EmptyConfig": {Session: noSession}} {
		o.Lang, o.Renderer = check.FR, asciiRenderer()
		m := New(o)
		for _, k := range []string{"d", "f", "m", "s", "e"} {
			out[name+"-"+k] = press(m, k).View()
		}
	}
	return out
}

// TestFrenchEverywhere: every screen in French, and not one English word.
func TestFrenchEverywhere(t *testing.T) {
	for name, v := range frenchScreens(t) {
		if words := englishIn(v); len(words) > 0 {
			t.Errorf("%s: English words %q in French:\n%s", name, words, v)
		}
	}
	// The list works: the English screens are caught.
	if words := englishIn(press(newTest(check.EN), "f").View()); len(words) < 5 {
		t.Errorf("the English word list misses the English list screen: %q", words)
	}
}

// noSession stands for a configured plan the test never runs.
func noSession() (scan.Session, error) { return scan.Session{}, nil }
