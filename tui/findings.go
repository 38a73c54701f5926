package tui

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/vigie-security/vigie/internal/check"
)

// Status filters, in the order "t" cycles them: problems first, since that
// is what a person opens the list for.
var statusFilters = []struct {
	keep func(check.Status) bool
	en   string
	fr   string
}{
	{func(s check.Status) bool { return s == check.Fail || s == check.Error || s == check.Warn }, "problems", "problèmes"},
	{func(s check.Status) bool { return s == check.Fail }, "FAIL", "ÉCHEC"},
	{func(s check.Status) bool { return s == check.Warn }, "WARN", "ALERTE"},
	{func(s check.Status) bool { return s == check.Error }, "ERROR", "ERREUR"},
	{func(s check.Status) bool { return s == check.Waived }, "WAIVED", "DÉROGÉ"},
	{func(s check.Status) bool { return s == check.Skipped }, "SKIPPED", "IGNORÉ"},
	{func(s check.Status) bool { return s == check.Pass }, "PASS", "OK"},
	{func(check.Status) bool { return true }, "all", "tous"},
}

const allStatuses = 7 // index of "all" in statusFilters

var sortNames = [][2]string{{"worst first", "les pires d'abord"}, {"target", "cible"}, {"check", "contrôle"}}

// group is one check's findings under the filters, for the grouped view.
type group struct {
	checkID  string
	worst    check.Status
	severity check.Severity
	count    int
}

// findingsModel is the list of findings: filtered, sorted, searched, or
// grouped by check. The filtered order is computed when a filter changes,
// and only the rows on screen are drawn, so ten thousand findings scroll
// at once.
type findingsModel struct {
	ctx      *shared
	rows     []int // indexes into report.Findings, in display order
	groups   []group
	cursor   int
	offset   int
	status   int            // index into statusFilters
	minSev   check.Severity // severity at or above
	family   int            // 0 = all, else index+1 into check.Families
	sortBy   int
	grouped  bool   // one line per check
	target   string // opened from the dashboard on one target
	checkID  string // opened from a group
	inGroup  bool   // checkID was set from the grouped view: esc goes back to it
	search   textinput.Model
	searchOn bool
	// widths of the target and check columns, from the longest names
	targetW, checkW int
	// common is the folder every listed target starts with (demo/): left
	// out of the column when the names do not fit, so their ends show.
	common string
}

func newFindingsModel(ctx *shared) findingsModel {
	ti := textinput.New()
	ti.Prompt = "/ "
	ti.CharLimit = 200
	return findingsModel{ctx: ctx, search: ti, minSev: check.Info}
}

func (m findingsModel) typing() bool { return m.searchOn }

// drill shows one family's findings, or one target's, as opened from the
// dashboard; other filters go back to their defaults.
func (m *findingsModel) drill(it dashItem) {
	m.status, m.minSev, m.grouped, m.checkID, m.inGroup, m.cursor, m.offset = 0, check.Info, false, "", false, 0, 0
	m.search.SetValue("")
	m.family, m.target = 0, it.target
	for i, f := range check.Families {
		if f == it.family {
			m.family = i + 1
		}
	}
	m.refresh()
	if len(m.rows) == 0 { // nothing wrong there: show what was checked
		m.status = allStatuses
		m.refresh()
	}
}

// back undoes the last drill; it reports false when there was none left,
// and esc then leaves the list.
func (m *findingsModel) back() bool {
	switch {
	case m.checkID != "" && m.inGroup:
		m.checkID, m.inGroup, m.grouped = "", false, true
	case m.target != "" || m.checkID != "":
		m.target, m.checkID, m.family = "", "", 0
		m.refresh()
		return false
	default:
		return false
	}
	m.cursor, m.offset = 0, 0
	m.refresh()
	return true
}

// refresh recomputes the rows after the report or a filter changed.
func (m *findingsModel) refresh() {
	m.rows, m.groups = m.rows[:0], m.groups[:0]
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
		if m.family > 0 && f.Family != check.Families[m.family-1] || m.target != "" && f.Target != m.target || m.checkID != "" && f.CheckID != m.checkID {
			continue
		}
		if q != "" && !strings.Contains(strings.ToLower(f.Target), q) && !strings.Contains(strings.ToLower(f.CheckID), q) &&
			!strings.Contains(titles[f.CheckID], q) && !strings.Contains(strings.ToLower(f.Message.In(m.ctx.lang)), q) {
			continue
		}
		m.rows = append(m.rows, i)
	}
	fs := r.Findings
	// Ranks computed once a row, not once a comparison: ten thousand rows
	// sort within a frame.
	type row struct {
		i, rank int
		sev     check.Severity
	}
	keyed := make([]row, len(m.rows))
	for k, i := range m.rows {
		keyed[k] = row{i, statusRank(fs[i].Status), fs[i].Severity}
	}
	by := map[int]func(a, b row) int{
		0: func(a, b row) int {
			if a.rank != b.rank {
				return a.rank - b.rank
			}
			if a.sev != b.sev {
				return int(b.sev) - int(a.sev)
			}
			return strings.Compare(fs[a.i].Target, fs[b.i].Target)
		},
		1: func(a, b row) int {
			if c := strings.Compare(fs[a.i].Target, fs[b.i].Target); c != 0 {
				return c
			}
			return strings.Compare(fs[a.i].CheckID, fs[b.i].CheckID)
		},
		2: func(a, b row) int {
			if c := strings.Compare(fs[a.i].CheckID, fs[b.i].CheckID); c != 0 {
				return c
			}
			return strings.Compare(fs[a.i].Target, fs[b.i].Target)
		},
	}[m.sortBy]
	slices.SortStableFunc(keyed, by)
	for k, kr := range keyed {
		m.rows[k] = kr.i
	}
	m.targetW, m.checkW, m.common = 0, 0, ""
	byCheck := map[string]int{}
	for k, i := range m.rows {
		f := fs[i]
		if k == 0 {
			m.common = f.Target[:strings.LastIndex(f.Target, "/")+1]
		}
		for !strings.HasPrefix(f.Target, m.common) {
			m.common = m.common[:strings.LastIndex(m.common[:len(m.common)-1], "/")+1]
		}
		m.targetW, m.checkW = max(m.targetW, utf8.RuneCountInString(f.Target)), max(m.checkW, len(f.CheckID))
		g, ok := byCheck[f.CheckID]
		if !ok {
			g = len(m.groups)
			byCheck[f.CheckID] = g
			m.groups = append(m.groups, group{checkID: f.CheckID, worst: f.Status, severity: f.Severity})
		}
		if statusRank(f.Status) < statusRank(m.groups[g].worst) {
			m.groups[g].worst = f.Status
		}
		m.groups[g].count++
	}
	sort.SliceStable(m.groups, func(i, j int) bool {
		a, b := m.groups[i], m.groups[j]
		if ra, rb := statusRank(a.worst), statusRank(b.worst); ra != rb {
			return ra < rb
		}
		if a.severity != b.severity {
			return a.severity > b.severity
		}
		return a.checkID < b.checkID
	})
	m.cursor = min(m.cursor, max(m.length()-1, 0))
	m.offset = min(m.offset, m.cursor)
}

// length is the number of lines the cursor moves over.
func (m findingsModel) length() int {
	if m.grouped {
		return len(m.groups)
	}
	return len(m.rows)
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
	if m.ctx.report == nil || m.grouped || m.cursor >= len(m.rows) {
		return check.Finding{}, false
	}
	return m.ctx.report.Findings[m.rows[m.cursor]], true
}

// openGroup lists the findings of the check under the cursor.
func (m *findingsModel) openGroup() {
	if !m.grouped || m.cursor >= len(m.groups) {
		return
	}
	m.checkID, m.inGroup, m.grouped, m.cursor, m.offset = m.groups[m.cursor].checkID, true, false, 0, 0
	m.refresh()
}

// cycle moves i by d within n values, both ways round.
func cycle(i, d, n int) int { return ((i+d)%n + n) % n }

func (m findingsModel) update(msg tea.Msg, visible int) (findingsModel, tea.Cmd) {
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
	k, last := m.ctx.keys, max(m.length()-1, 0)
	page := max(visible, 1)
	d := 1
	if km.Type == tea.KeyRunes && len(km.Runes) == 1 && km.Runes[0] >= 'A' && km.Runes[0] <= 'Z' {
		d = -1 // a capital letter cycles its filter backwards
	}
	switch {
	case key.Matches(km, k.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(km, k.Down):
		m.cursor = min(m.cursor+1, last)
	case key.Matches(km, k.PageUp):
		m.cursor = max(m.cursor-page, 0)
	case key.Matches(km, k.PageDown):
		m.cursor = min(m.cursor+page, last)
	case key.Matches(km, k.Top):
		m.cursor = 0
	case key.Matches(km, k.Bottom):
		m.cursor = last
	case key.Matches(km, k.Search):
		m.searchOn = true
		return m, m.search.Focus()
	case key.Matches(km, k.Status):
		m.status = cycle(m.status, d, len(statusFilters))
		m.refresh()
	case key.Matches(km, k.Severity):
		m.minSev = check.Severity(cycle(int(m.minSev), d, int(check.Critical)+1))
		m.refresh()
	case key.Matches(km, k.Family):
		m.family = cycle(m.family, d, len(check.Families)+1)
		m.refresh()
	case key.Matches(km, k.Sort):
		m.sortBy = cycle(m.sortBy, d, len(sortNames))
		m.refresh()
	case key.Matches(km, k.Group):
		m.grouped, m.checkID, m.inGroup, m.cursor, m.offset = !m.grouped, "", false, 0, 0
		m.refresh()
	}
	m.offset = keepVisible(m.cursor, m.offset, page)
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

// headLines is the lines above the rows: filters, drill, search, header.
func (m findingsModel) headLines() int {
	n := 2
	if m.target != "" || m.checkID != "" {
		n++
	}
	if m.searchOn || m.search.Value() != "" {
		n++
	}
	return n
}

// view draws the filter line, the header and the rows that fit.
func (m findingsModel) view(height int) string {
	l, s, w := m.ctx.lang, m.ctx.styles, m.ctx.width
	if m.ctx.report == nil {
		return "\n" + tr(l, "No report yet: run a scan (r).", "Pas encore de rapport : lancez un scan (r).")
	}
	var b strings.Builder
	fam := tr(l, "all", "toutes")
	if m.family > 0 {
		fam = familyName(l, check.Families[m.family-1])
	}
	sf := statusFilters[m.status]
	order := tr(l, sortNames[m.sortBy][0], sortNames[m.sortBy][1])
	if m.grouped {
		order = tr(l, "grouped by check", "groupés par contrôle")
	}
	// The count first: a narrow screen cuts the end of the line.
	filters := fmt.Sprintf("%d/%d · %s %s · %s ≥ %s · %s %s · %s", len(m.rows), len(m.ctx.report.Findings),
		tr(l, "status", "statut"), tr(l, sf.en, sf.fr), tr(l, "severity", "gravité"), m.minSev.Label(l),
		tr(l, "family", "famille"), fam, order)
	b.WriteString(s.Muted.Render(truncate(filters, w)) + "\n")
	if m.target != "" || m.checkID != "" {
		what := tr(l, "Target: ", "Cible : ") + m.target
		if m.checkID != "" {
			what = tr(l, "Check: ", "Contrôle : ") + m.checkID
		}
		back := tr(l, "  (esc: back)", "  (échap : retour)")
		b.WriteString(s.Info.Render(tail(what, w-len([]rune(back)))) + s.Muted.Render(back) + "\n")
	}
	if m.searchOn || m.search.Value() != "" {
		b.WriteString(m.search.View() + "\n")
	}
	visible := max(height-m.headLines(), 1)
	offset := keepVisible(m.cursor, m.offset, visible) // the screen may be shorter than update assumed
	if m.grouped {
		return b.String() + m.groupView(offset, visible)
	}
	colCheck := min(max(m.checkW, 8), 14)
	fixed := 7 + 1 + 8 + 1 + colCheck + 1 + 1
	colTarget := min(max(m.targetW, 6), max((w-fixed)*40/100, 12)) // the message gets the larger share
	colMsg := max(w-fixed-colTarget, 10)
	targetHead, cut := tr(l, "TARGET", "CIBLE"), ""
	if m.targetW > colTarget && m.common != "" {
		targetHead, cut = truncate(targetHead+" "+m.common+"…", colTarget), m.common
	}
	header := fmt.Sprintf("%s %s %s %s %s", pad(tr(l, "STATUS", "STATUT"), 7), pad(tr(l, "SEV", "GRAV"), 8), pad(tr(l, "CHECK", "CONTRÔLE"), colCheck),
		pad(targetHead, colTarget), tr(l, "MESSAGE", "MESSAGE"))
	b.WriteString(s.Header.Render(truncate(header, w)) + "\n")
	if len(m.rows) == 0 {
		b.WriteString(s.Muted.Render(tr(l, "  nothing matches these filters", "  rien ne correspond à ces filtres")))
		return b.String()
	}
	fs := m.ctx.report.Findings
	for i := offset; i < len(m.rows) && i < offset+visible; i++ {
		f := fs[m.rows[i]]
		status := pad(truncate(f.Status.Label(l), 7), 7)
		rest := " " + pad(truncate(f.Severity.Label(l), 8), 8) + " " + pad(truncate(f.CheckID, colCheck), colCheck) + " " +
			pad(tail(strings.TrimPrefix(f.Target, cut), colTarget), colTarget) + " " + truncate(oneLine(f.Message.In(l)), colMsg)
		if i == m.cursor {
			b.WriteString(s.Selected.Render(status+rest) + "\n")
			continue
		}
		b.WriteString(s.status(f.Status, status) + rest + "\n")
	}
	return b.String()
}

// groupView is one line per check: its worst status, how many findings,
// its title; enter lists them.
func (m findingsModel) groupView(offset, visible int) string {
	l, s, w := m.ctx.lang, m.ctx.styles, m.ctx.width
	var b strings.Builder
	colCheck := min(max(m.checkW, 8), 14)
	header := fmt.Sprintf("%s %s %s %s %s", pad(tr(l, "STATUS", "STATUT"), 7), pad(tr(l, "SEV", "GRAV"), 8), pad(tr(l, "CHECK", "CONTRÔLE"), colCheck),
		pad(tr(l, "COUNT", "NOMBRE"), 6), tr(l, "TITLE", "TITRE"))
	b.WriteString(s.Header.Render(truncate(header, w)) + "\n")
	if len(m.groups) == 0 {
		b.WriteString(s.Muted.Render(tr(l, "  nothing matches these filters", "  rien ne correspond à ces filtres")))
		return b.String()
	}
	for i := offset; i < len(m.groups) && i < offset+visible; i++ {
		g := m.groups[i]
		title := g.checkID
		if meta, ok := m.ctx.report.Meta(g.checkID); ok {
			title = meta.Title.In(l)
		}
		status := pad(truncate(g.worst.Label(l), 7), 7)
		rest := " " + pad(truncate(g.severity.Label(l), 8), 8) + " " + pad(truncate(g.checkID, colCheck), colCheck) + " " +
			pad(fmt.Sprint(g.count), 6) + " " + truncate(title, max(w-7-8-colCheck-6-4, 10))
		if i == m.cursor {
			b.WriteString(s.Selected.Render(status+rest) + "\n")
			continue
		}
		b.WriteString(s.status(g.worst, status) + rest + "\n")
	}
	return b.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
