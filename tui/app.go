package tui

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/scan"
)

// Options say what the interface starts with.
type Options struct {
	Lang check.Lang
	// Session makes the session of one scan (plan, history, thresholds);
	// nil when there is nothing to scan (a report given alone). It is
	// called when a scan starts, off the interface's loop: building a plan
	// may read files.
	Session func() (scan.Session, error)
	// Report is shown at start; nil until a scan ends.
	Report *report.Report
	// AutoScan starts a scan at once (the demo).
	AutoScan bool
	// Renderer draws the styles; nil for standard output's. Tests pass one
	// with a fixed colour profile.
	Renderer *lipgloss.Renderer
	Version  string
	Now      func() time.Time
	// Location shows times; nil for the local time zone.
	Location *time.Location
	// WaiverFile is where waivers are written (the config's waivers:); ""
	// when the configuration names none: DefaultWaiverFile, which the
	// configuration's scans then do not read.
	WaiverFile string
	// ConfigFile is the configuration the interface was opened with; ""
	// for none. An export never replaces it, and the waiver form says when
	// it does not read the waiver file.
	ConfigFile string
	// Policies are the password policies the what-if screen starts from.
	Policies []password.Evidence
	// Demo: the plan is the built-in demo, offered because nothing is configured.
	Demo bool
	// ReportSource says where Report was read from ("history vigie.db",
	// "report.json"); the dashboard shows it beside the scan's date.
	ReportSource string
	// ReportFile is the JSON report opened (vigie tui --report), "" for
	// none: an export never replaces it.
	ReportFile string
}

type screen int

const (
	screenDashboard screen = iota
	screenScan
	screenFindings
	screenDetail
	screenMatrix
	screenExport
	screenWhatIf
)

// shared is what every screen reads: one place, passed by pointer.
type shared struct {
	lang          check.Lang
	width, height int
	styles        styles
	keys          keyMap
	report        *report.Report // what is shown: the scan's report with waivers applied
	base          *report.Report // the scan's own report
	waiverFile    string
	configFile    string
	reportFile    string
	waiversUnread bool                         // configFile has no waivers: key, so its scans never read waiverFile
	newSession    func() (scan.Session, error) // nil when there is nothing to scan
	demo          bool                         // the plan is the built-in demo
	session       *scan.Session                // the last scan's: its waivers are applied again after a waiver is written
	version       string
	now           func() time.Time
	loc           *time.Location
	source        string // where the report shown was read from; "" for a scan of this session
}

// Model is the root model.
type Model struct {
	ctx      *shared
	screen   screen
	help     help.Model
	fullHelp bool
	dash     dashboardModel
	scan     scanModel
	findings findingsModel
	matrix   matrixModel
	detail   detailModel
	export   exportModel
	whatIf   whatIfModel
	autoScan bool
	from     screen // where the detail was opened from
}

// New builds the root model.
func New(o Options) Model {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Location == nil {
		o.Location = time.Local
	}
	ctx := &shared{lang: o.Lang, width: 80, height: 24, styles: newStyles(o.Renderer), keys: newKeys(o.Lang),
		version: o.Version, now: o.Now, loc: o.Location, waiverFile: o.WaiverFile, source: o.ReportSource,
		configFile: o.ConfigFile, reportFile: o.ReportFile, newSession: o.Session}
	if ctx.waiverFile == "" {
		ctx.waiverFile = DefaultWaiverFile
		ctx.waiversUnread = o.ConfigFile != ""
	}
	ctx.demo = o.Demo
	startErr := ctx.setReport(o.Report)
	h := help.New()
	h.Styles.ShortKey, h.Styles.FullKey = ctx.styles.Key, ctx.styles.Key
	h.Styles.ShortDesc, h.Styles.FullDesc = ctx.styles.Muted, ctx.styles.Muted

	m := Model{ctx: ctx, help: h, dash: newDashboardModel(ctx), scan: newScanModel(ctx), findings: newFindingsModel(ctx), matrix: newMatrixModel(ctx),
		autoScan: o.AutoScan, export: newExportModel(ctx), whatIf: newWhatIfModel(ctx, o.Policies)}
	if startErr != nil {
		m.scan.err = startErr
	}
	m.findings.refresh()
	return m
}

// DefaultWaiverFile is used when the configuration names none.
const DefaultWaiverFile = "vigie-waivers.yaml"

func (m Model) Init() tea.Cmd {
	if m.autoScan {
		return func() tea.Msg { return startScanMsg{} }
	}
	return nil
}

type startScanMsg struct{}

// Update routes messages: the window and scan events to whom they concern,
// global keys first unless a screen is taking text.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.ctx.width, m.ctx.height = msg.Width, msg.Height

		m.detail.resize()
		return m, nil
	case exportDoneMsg:
		m.export = m.export.finished(msg)
		return m, nil
	case startScanMsg:
		m.screen = screenScan
		cmd := m.scan.start()
		return m, cmd
	case scanEventMsg, scanDoneMsg, scanTickMsg:
		var cmd tea.Cmd
		var done bool
		m.scan, cmd, done = m.scan.update(msg)
		if done {
			m.matrix.refresh()
			m.findings.refresh()
			m.dash.refresh()
			// A finished scan opens its results; a stopped one stays on the
			// scan screen, which says what was kept.
			if m.screen == screenScan && !m.scan.stopped && m.scan.err == nil {
				m.screen = screenDashboard
			}
		}
		return m, cmd
	case tea.KeyMsg:
		// Screens taking text get every key but ctrl+c.
		switch {
		case msg.Type == tea.KeyCtrlC && m.scan.running():
			// ctrl+c during a scan stops it and keeps what finished, like esc;
			// a second ctrl+c quits.
			if !m.scan.stopped {
				m.scan.stop()
				m.screen = screenScan
				return m, nil
			}
			return m, tea.Quit
		case msg.Type == tea.KeyCtrlC:
			return m, tea.Quit
		case m.screen == screenFindings && m.findings.typing():
			var cmd tea.Cmd
			m.findings, cmd = m.findings.update(msg, m.bodyHeight()-m.findings.headLines())
			return m, cmd
		case m.screen == screenDetail && m.detail.form != nil:
			done, cmd := m.detail.form.update(m.ctx, m.detail.finding, msg)
			if done {
				m.detail.form = nil
				m.findings.refresh()
				m.matrix.refresh()
				m.dash.refresh()
				m.detail.reload()
			}
			return m, cmd
		case m.fullHelp:
			// The help covers the screen: ? or esc closes it, q still quits.
			switch {
			case key.Matches(msg, m.ctx.keys.Help), msg.Type == tea.KeyEsc:
				m.fullHelp = false
			case key.Matches(msg, m.ctx.keys.Quit):
				m.scan.stop()
				return m, tea.Quit
			}
			return m, nil
		case m.screen == screenExport:
			if msg.Type == tea.KeyEsc {
				m.screen = screenDashboard
				return m, nil
			}
			var cmd tea.Cmd
			m.export, cmd = m.export.update(msg)
			return m, cmd
		}
		k := m.ctx.keys
		switch {
		case key.Matches(msg, k.Quit):
			m.scan.stop()
			return m, tea.Quit
		case key.Matches(msg, k.Help):
			m.fullHelp = true
			return m, nil
		case key.Matches(msg, k.Run) && m.screen != screenDetail:
			if m.scan.running() || m.ctx.newSession == nil {
				return m, nil
			}
			return m, func() tea.Msg { return startScanMsg{} }
		case key.Matches(msg, k.Dashboard):
			m.screen = screenDashboard
			return m, nil
		case key.Matches(msg, k.Scan):
			m.screen = screenScan
			return m, nil
		case key.Matches(msg, k.Findings):
			m.screen = screenFindings
			return m, nil
		case key.Matches(msg, k.Matrix):
			m.screen = screenMatrix
			return m, nil
		case key.Matches(msg, k.Export):
			m.screen = screenExport
			return m, m.export.focus()
		case key.Matches(msg, k.WhatIf):
			m.screen = screenWhatIf
			return m, nil
		}
		switch m.screen {
		case screenDashboard:
			if key.Matches(msg, k.Enter) {
				if it, ok := m.dash.selected(); ok {
					m.findings.drill(it)
					m.screen = screenFindings
				}
				return m, nil
			}
			m.dash = m.dash.update(msg, m.bodyHeight())
		case screenScan:
			if key.Matches(msg, k.Stop) {
				m.scan.stop()
			}
		case screenFindings:
			switch {
			case key.Matches(msg, k.Enter) && m.findings.grouped:
				m.findings.openGroup()
				return m, nil
			case key.Matches(msg, k.Enter):
				return m.open(m.findings.selected()), nil
			case key.Matches(msg, k.Back):
				if !m.findings.back() {
					m.screen = screenDashboard
				}
				return m, nil
			}
			var cmd tea.Cmd
			m.findings, cmd = m.findings.update(msg, m.bodyHeight()-m.findings.headLines())
			return m, cmd
		case screenWhatIf:
			m.whatIf = m.whatIf.update(msg)
			return m, nil
		case screenMatrix:
			if key.Matches(msg, k.Enter) {
				return m.open(m.matrix.selected()), nil
			}
			if key.Matches(msg, k.Back) {
				m.screen = screenDashboard
				return m, nil
			}
			var cmd tea.Cmd
			m.matrix, cmd = m.matrix.update(msg)
			return m, cmd
		case screenDetail:
			if key.Matches(msg, k.Back) {
				m.screen = m.from
				return m, nil
			}
			if key.Matches(msg, k.Waive) && m.detail.finding.Status != check.Pass {
				m.detail.form = newWaiveForm(m.ctx)
				return m, nil
			}
			var cmd tea.Cmd
			m.detail, cmd = m.detail.update(msg)
			return m, cmd
		}
	}
	return m, nil
}

// open shows a finding's detail; esc comes back to the current screen.
func (m Model) open(f check.Finding, ok bool) Model {
	if ok {
		m.detail, m.from, m.screen = newDetailModel(m.ctx, f), m.screen, screenDetail
	}
	return m
}

// View draws the current screen between a title bar and the help line.
func (m Model) View() string {
	s := m.ctx.styles
	var body string
	switch m.screen {
	case screenDashboard:
		body = m.dash.view(m.bodyHeight(), m.scan.running())
	case screenScan:
		body = m.scan.view()
	case screenFindings:
		body = m.findings.view(m.bodyHeight())
	case screenDetail:
		body = m.detail.view(m.bodyHeight())
	case screenMatrix:
		body = m.matrix.view(m.bodyHeight())
	case screenExport:
		body = m.export.view()
	case screenWhatIf:
		body = m.whatIf.view()
	}
	if m.fullHelp {
		body = helpView(m.ctx)
	}
	title := s.Bar.Render(m.title())
	// The line keeps ? and q: the screen's own keys go first when it is narrow.
	keys := m.ctx.keys.shortHelp(m.screen)
	helpView := m.help.ShortHelpView(keys)
	for len(keys) > 2 && lipgloss.Width(helpView) > m.ctx.width {
		keys = append(keys[:len(keys)-3], keys[len(keys)-2:]...)
		helpView = m.help.ShortHelpView(keys)
	}
	// No screen may spill past the terminal: lines are cut at its width.
	clip := s.r.NewStyle().MaxWidth(m.ctx.width)
	title, helpView = clip.Render(title), clip.Render(helpView)
	body = clip.Render(fitHeight(body, m.ctx.height-lipgloss.Height(title)-lipgloss.Height(helpView)))
	return lipgloss.JoinVertical(lipgloss.Left, title, body, helpView)
}

func (m Model) title() string {
	l := m.ctx.lang
	name := map[screen]string{
		screenDashboard: tr(l, "Dashboard", "Tableau de bord"), screenScan: tr(l, "Scan", "Scan"),
		screenFindings: tr(l, "Findings", "Constats"), screenDetail: tr(l, "Finding", "Constat"),
		screenMatrix: tr(l, "Contracts matrix", "Matrice des contrats"), screenExport: tr(l, "Export", "Export"),
		screenWhatIf: tr(l, "Password what-if", "Simulateur de mot de passe"),
	}[m.screen]
	if m.fullHelp {
		name = tr(l, "Keys", "Touches")
	}
	t := "vigie · " + name
	if m.scan.running() {
		t += " · " + tr(l, "scanning…", "scan en cours…")
	}
	return t
}

// bodyHeight is what is left between the title and the help line.
func (m Model) bodyHeight() int { return max(m.ctx.height-2, 3) }

// fitHeight pads or cuts a block to n lines, so the help stays at the bottom.
func fitHeight(s string, n int) string {
	if n < 1 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	for len(lines) < n {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}
