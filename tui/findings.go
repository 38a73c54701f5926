package tui

import (
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/vigie-security/vigie/internal/check"
)

// Status filters, in the order "t" cycles them: problems first, since that
// is what a person opens the list for.
var statusFilters = []struct {
	key  string
	keep func(check.Status) bool
	en   string
	fr   string
}{
	{"problems", func(s check.Status) bool { return s == check.Fail || s == check.Error || s == check.Warn }, "problems", "problèmes"},
	{"fail", func(s check.Status) bool { return s == check.Fail }, "FAIL", "ÉCHEC"},
	{"warn", func(s check.Status) bool { return s == check.Warn }, "WARN", "ALERTE"},
	{"error", func(s check.Status) bool { return s == check.Error }, "ERROR", "ERREUR"},
	{"waived", func(s check.Status) bool { return s == check.Waived }, "WAIVED", "DÉROGÉ"},
	{"pass", func(s check.Status) bool { return s == check.Pass }, "PASS", "OK"},
	{"all", func(check.Status) bool { return true }, "all", "tous"},
}

var sortNames = [][2]string{{"worst first", "les pires d'abord"}, {"target", "cible"}, {"check", "contrôle"}}

// findingsModel is the list of findings: filtered, sorted, searched. The
// filtered order is computed when a filter changes, and only the rows on
// screen are drawn, so ten thousand findings scroll at once.
type findingsModel struct {
	ctx      *shared
	rows     []int // indexes into report.Findings, in display order
	cursor   int
	offset   int
	status   int            // index into statusFilters
	minSev   check.Severity // severity at or above
	family   int            // 0 = all, else index+1 into check.Families
	sortBy   int
	search   textinput.Model
	searchOn bool
}

func newFindingsModel(ctx *shared) findingsModel {
	ti := textinput.New()
	ti.Prompt = "/ "
	ti.CharLimit = 200
	return findingsModel{ctx: ctx, search: ti, minSev: check.Info}
}

func (m findingsModel) typing() bool { return m.searchOn }

// refresh recomputes the rows after the report or a filter changed.
func (m *findingsModel) refresh() {
	m.rows = m.rows[:0]
	r := m.ctx.report
	if r == nil {
		m.cursor, m.offset = 0, 0
		return
	}
	keep := statusFilters[m.status].keep
	q := strings.ToLower(strings.TrimSpace(m.search.Value()))
	titles := map[string]string{}
	for _, meta := range r.Checks {
		titles[meta.ID] = strings.ToLower(meta.Title.In(m.ctx.lang))
	}
	for i, f := range r.Findings {
		if !keep(f.Status) || f.Severity < m.minSev {
			continue
		}
		if m.family > 0 && f.Family != check.Families[m.family-1] {
			continue
		}
		if q != "" && !strings.Contains(strings.ToLower(f.Target), q) && !strings.Contains(strings.ToLower(f.CheckID), q) &&
			!strings.Contains(titles[f.CheckID], q) && !strings.Contains(strings.ToLower(f.Message.In(m.ctx.lang)), q) {
			continue
		}
		m.rows = append(m.rows, i)
	}
	fs := r.Findings
	less := map[int]func(a, b check.Finding) bool{
		0: func(a, b check.Finding) bool {
			if ra, rb := statusRank(a.Status), statusRank(b.Status); ra != rb {
				return ra < rb
			}
			if a.Severity != b.Severity {
				return a.Severity > b.Severity
			}
			return a.Target < b.Target
		},
		1: func(a, b check.Finding) bool {
			if a.Target != b.Target {
				return a.Target < b.Target
			}
			return a.CheckID < b.CheckID
		},
		2: func(a, b check.Finding) bool {
			if a.CheckID != b.CheckID {
				return a.CheckID < b.CheckID
			}
			return a.Target < b.Target
		},
	}[m.sortBy]
	sort.SliceStable(m.rows, func(i, j int) bool { return less(fs[m.rows[i]], fs[m.rows[j]]) })
	m.cursor = min(m.cursor, max(len(m.rows)-1, 0))
	m.offset = min(m.offset, m.cursor)
}

func statusRank(s check.Status) int {
	for i, st := range check.Statuses {
		if st == s {
			return i
		}
	}
	return len(check.Statuses)
}

// selected is the finding under the cursor.
func (m findingsModel) selected() (check.Finding, bool) {
	if m.ctx.report == nil || m.cursor >= len(m.rows) {
		return check.Finding{}, false
	}
	return m.ctx.report.Findings[m.rows[m.cursor]], true
}

func (m findingsModel) update(msg tea.Msg) (findingsModel, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	if m.searchOn {
		switch km.Type {
		case tea.KeyEnter, tea.KeyEsc:
			m.searchOn = false
			m.search.Blur()
			if km.Type == tea.KeyEsc {
				m.search.SetValue("")
			}
			m.refresh()
			return m, nil
		}
		var cmd tea.Cmd
		m.search, cmd = m.search.Update(msg)
		m.refresh() // results follow the typing
		return m, cmd
	}
	k := m.ctx.keys
	page := max(m.ctx.height-6, 1)
	switch {
	case key.Matches(km, k.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(km, k.Down):
		m.cursor = min(m.cursor+1, max(len(m.rows)-1, 0))
	case key.Matches(km, k.PageUp):
		m.cursor = max(m.cursor-page, 0)
	case key.Matches(km, k.PageDown):
		m.cursor = min(m.cursor+page, max(len(m.rows)-1, 0))
	case key.Matches(km, k.Top):
		m.cursor = 0
	case key.Matches(km, k.Bottom):
		m.cursor = max(len(m.rows)-1, 0)
	case key.Matches(km, k.Search):
		m.searchOn = true
		return m, m.search.Focus()
	case key.Matches(km, k.Status):
		m.status = (m.status + 1) % len(statusFilters)
		m.refresh()
	case key.Matches(km, k.Severity):
		m.minSev = (m.minSev + 1) % (check.Critical + 1)
		m.refresh()
	case key.Matches(km, k.Family):
		m.family = (m.family + 1) % (len(check.Families) + 1)
		m.refresh()
	case key.Matches(km, k.Sort):
		m.sortBy = (m.sortBy + 1) % len(sortNames)
		m.refresh()
	}
	m.offset = keepVisible(m.cursor, m.offset, max(m.ctx.height-5, 1))
	return m, nil
}

// keepVisible scrolls as little as possible to keep the cursor on screen.
func keepVisible(cursor, offset, visible int) int {
	if cursor < offset {
		return cursor
	}
	if cursor >= offset+visible {
		return cursor - visible + 1
	}
	return offset
}

// view draws the filter line, the header and the rows that fit.
func (m findingsModel) view(height int) string {
	l, s := m.ctx.lang, m.ctx.styles
	if m.ctx.report == nil {
		return "\n" + tr(l, "No report yet: run a scan (r).", "Pas encore de rapport : lancez un scan (r).")
	}
	var b strings.Builder
	fam := tr(l, "all", "toutes")
	if m.family > 0 {
		fam = string(check.Families[m.family-1])
	}
	sf := statusFilters[m.status]
	filters := fmt.Sprintf("%s %s · %s ≥ %s · %s %s · %s %s · %d/%d",
		tr(l, "status", "statut"), tr(l, sf.en, sf.fr), tr(l, "severity", "gravité"), m.minSev.Label(l),
		tr(l, "family", "famille"), fam, tr(l, "sort", "tri"), tr(l, sortNames[m.sortBy][0], sortNames[m.sortBy][1]),
		len(m.rows), len(m.ctx.report.Findings))
	b.WriteString(s.Muted.Render(truncate(filters, m.ctx.width)) + "\n")
	if m.searchOn || m.search.Value() != "" {
		b.WriteString(m.search.View() + "\n")
		height--
	}
	w := m.ctx.width
	colTarget := max((w-34)/3, 10)
	colMsg := max(w-34-colTarget, 10)
	header := fmt.Sprintf("%-7s %-8s %-14s %-*s %s", tr(l, "STATUS", "STATUT"), tr(l, "SEV", "GRAV"), tr(l, "CHECK", "CONTRÔLE"),
		colTarget, tr(l, "TARGET", "CIBLE"), tr(l, "MESSAGE", "MESSAGE"))
	b.WriteString(s.Header.Render(truncate(header, w)) + "\n")
	visible := max(height-2, 1)
	offset := keepVisible(m.cursor, m.offset, visible) // the screen may be shorter than update assumed
	if len(m.rows) == 0 {
		b.WriteString(s.Muted.Render(tr(l, "  nothing matches these filters", "  rien ne correspond à ces filtres")))
		return b.String()
	}
	fs := m.ctx.report.Findings
	for i := offset; i < len(m.rows) && i < offset+visible; i++ {
		f := fs[m.rows[i]]
		status := fmt.Sprintf("%-7s", truncate(f.Status.Label(l), 7))
		rest := fmt.Sprintf(" %-8s %-14s %-*s %s", truncate(f.Severity.Label(l), 8), truncate(f.CheckID, 14), colTarget,
			truncate(f.Target, colTarget), truncate(oneLine(f.Message.In(l)), colMsg))
		if i == m.cursor {
			b.WriteString(s.Selected.Render(status+rest) + "\n")
			continue
		}
		b.WriteString(s.status(f.Status, status) + rest + "\n")
	}
	return b.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
