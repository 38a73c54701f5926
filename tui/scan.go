package tui

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/progress"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/engine"
	"github.com/vigie-security/vigie/internal/scan"
)

// scanModel runs a scan as commands: the engine's events arrive on a
// channel one message at a time, so the screen shows progress as it
// happens; stop cancels the scan, which keeps what finished.
type scanModel struct {
	ctx      *shared
	cancel   context.CancelFunc
	events   chan engine.Event
	done     chan scanDoneMsg
	progress progress.Model
	spin     spinner.Model
	last     engine.Progress
	byStatus map[check.Status]int
	byFamily map[check.Family][2]int // done, started
	current  map[string]check.Family // targets being collected
	err      error
	stopped  bool
}

type scanEventMsg engine.Event

type scanDoneMsg struct {
	result  scan.Result
	session *scan.Session // nil when it could not be made
	err     error
}

type scanTickMsg spinner.TickMsg

func newScanModel(ctx *shared) scanModel {
	p := progress.New(progress.WithoutPercentage(), progress.WithWidth(40))
	sp := spinner.New(spinner.WithSpinner(spinner.Line))
	return scanModel{ctx: ctx, progress: p, spin: sp}
}

func (m scanModel) running() bool { return m.events != nil }

// start launches a scan; the returned command delivers the first event.
// The session is made in the scan's goroutine: a plan may read files, and
// the interface's loop never waits on a file.
func (m *scanModel) start() tea.Cmd {
	if m.running() || m.ctx.newSession == nil {
		return nil
	}
	m.err, m.stopped = nil, false
	ctx, cancel := context.WithCancel(context.Background())
	events := make(chan engine.Event, 256)
	done := make(chan scanDoneMsg, 1)
	m.cancel, m.events, m.done = cancel, events, done
	m.byStatus, m.byFamily, m.current = map[check.Status]int{}, map[check.Family][2]int{}, map[string]check.Family{}
	m.last = engine.Progress{}
	makeSession, waiverFile, now := m.ctx.newSession, m.ctx.waiverFile, m.ctx.now
	go func() {
		defer close(events)
		sess, err := makeSession()
		if err != nil {
			done <- scanDoneMsg{err: err}
			return
		}
		sess.WaiverFile, sess.WaiversMayBeMissing = waiverFile, true
		if sess.Now == nil {
			sess.Now = now
		}
		res, err := sess.Run(ctx, func(e engine.Event) {
			if e.Kind == engine.ScanDone {
				return // the report comes back from Run
			}
			select {
			case events <- e:
			case <-ctx.Done():
			}
		})
		done <- scanDoneMsg{result: res, session: &sess, err: err}
	}()
	return tea.Batch(waitEvent(events, done), func() tea.Msg { return scanTickMsg(m.spin.Tick().(spinner.TickMsg)) })
}

// waitEvent delivers the next event, or the end of the scan.
func waitEvent(events chan engine.Event, done chan scanDoneMsg) tea.Cmd {
	return func() tea.Msg {
		if e, ok := <-events; ok {
			return scanEventMsg(e)
		}
		return <-done
	}
}

// stop cancels a running scan: the engine finishes no new target, and the
// report keeps the ones that were done.
func (m *scanModel) stop() {
	if m.cancel != nil {
		m.cancel()
		m.stopped = true
	}
}

// update handles scan messages; done is true when a scan has just ended.
func (m scanModel) update(msg tea.Msg) (scanModel, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case scanTickMsg:
		if !m.running() {
			return m, nil, false
		}
		var cmd tea.Cmd
		m.spin, cmd = m.spin.Update(spinner.TickMsg(msg))
		return m, func() tea.Msg {
			if t, ok := cmd().(spinner.TickMsg); ok {
				return scanTickMsg(t)
			}
			return nil
		}, false
	case scanEventMsg:
		e := engine.Event(msg)
		// A finding carries no progress: only unit events move the bar and
		// the family lines, so both count the same units.
		switch e.Kind {
		case engine.UnitStarted:
			m.last.Total = e.Progress.Total
			m.current[e.Progress.Target] = e.Progress.Family
			c := m.byFamily[e.Progress.Family]
			c[1]++
			m.byFamily[e.Progress.Family] = c
		case engine.FindingReady:
			m.byStatus[e.Finding.Status]++
		case engine.UnitDone:
			m.last.Total = e.Progress.Total
			delete(m.current, e.Progress.Target)
			c := m.byFamily[e.Progress.Family]
			c[0]++
			m.byFamily[e.Progress.Family] = c
			m.last.Done++
		}
		return m, m.next(), false
	case scanDoneMsg:
		if m.cancel != nil {
			m.cancel()
		}
		m.cancel, m.events, m.done = nil, nil, nil
		m.err = msg.err
		if m.stopped && errors.Is(msg.err, context.Canceled) {
			m.err = nil // the person stopped it: "stopped" says so, once
		}
		if msg.result.Base.ScanID != "" {
			m.ctx.session = msg.session
			base, shown := msg.result.Base, msg.result.Report
			m.ctx.base, m.ctx.report = &base, &shown
			m.ctx.source = "" // what is shown is this session's scan now
		}
		return m, nil, true
	}
	return m, nil, false
}

// next waits for the following event, or the end.
func (m scanModel) next() tea.Cmd {
	if m.events == nil {
		return nil
	}
	return waitEvent(m.events, m.done)
}

func (m scanModel) view() string {
	l, s := m.ctx.lang, m.ctx.styles
	var b strings.Builder
	switch {
	case m.err != nil && !m.running():
		b.WriteString(s.Bad.Render(wrapTo(tr(l, "The scan could not run: ", "Le scan n'a pas pu s'exécuter : ")+m.err.Error(), max(m.ctx.width-2, 20))))
		b.WriteString("\n")
		if m.last.Total == 0 {
			return b.String()
		}
	case m.ctx.newSession == nil:
		return "\n" + wrapTo(tr(l, "Nothing to scan: open vigie with a configuration (vigie tui --config vigie.yaml).",
			"Rien à scanner : ouvrez vigie avec une configuration (vigie tui --config vigie.yaml)."), max(m.ctx.width-2, 20))
	case !m.running() && m.last.Total == 0:
		return "\n" + tr(l, "Press r to scan the configured targets.", "Appuyez sur r pour scanner les cibles configurées.")
	}
	total := max(m.last.Total, 1)
	frac := float64(m.last.Done) / float64(total)
	var state string
	switch {
	case m.running() && m.stopped:
		state = m.spin.View() + " " + tr(l, "stopping…", "arrêt…")
	case m.running():
		state = m.spin.View() + " " + tr(l, "scanning — esc stops and keeps what finished", "scan en cours — échap arrête et garde ce qui est fini")
	case m.stopped:
		state = tr(l, "stopped: the report keeps the targets that finished", "arrêté : le rapport garde les cibles terminées")
	default:
		state = tr(l, "done", "terminé")
	}
	b.WriteString(truncate(state, m.ctx.width) + "\n\n")
	m.progress.Width = max(min(m.ctx.width-16, 60), 10)
	b.WriteString(fmt.Sprintf("%s %d/%d\n\n", m.progress.ViewAs(frac), m.last.Done, m.last.Total))
	b.WriteString(s.Header.Render(tr(l, "Families", "Familles")) + "\n")
	for _, f := range check.Families {
		c, ok := m.byFamily[f]
		if !ok {
			continue
		}
		done := fmt.Sprintf(tr(l, "%d done", "%d terminées"), c[0])
		if c[0] == 1 && l == check.FR {
			done = "1 terminée"
		}
		line := fmt.Sprintf("  %s %s", pad(familyName(l, f), 13), done)
		if running := c[1] - c[0]; running > 0 {
			line += fmt.Sprintf(tr(l, " · %d running", " · %d en cours"), running)
		}
		b.WriteString(line + "\n")
	}
	b.WriteString("\n" + s.Header.Render(tr(l, "Findings so far", "Constats jusqu'ici")) + "\n  ")
	var parts []string
	for _, st := range check.Statuses {
		if n := m.byStatus[st]; n > 0 {
			parts = append(parts, s.status(st, fmt.Sprintf("%s %d", st.Label(l), n)))
		}
	}
	b.WriteString(strings.Join(parts, "  ") + "\n")
	if len(m.current) > 0 {
		b.WriteString("\n" + s.Header.Render(tr(l, "In progress", "En cours")) + "\n")
		var names []string
		for t := range m.current {
			names = append(names, t)
		}
		sort.Strings(names)
		for i, t := range names {
			if i == 5 {
				b.WriteString(fmt.Sprintf("  … +%d\n", len(names)-5))
				break
			}
			b.WriteString("  " + tail(t, m.ctx.width-4) + "\n")
		}
	}
	return b.String()
}
