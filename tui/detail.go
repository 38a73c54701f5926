package tui

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

// detailModel shows one finding: what was found, the evidence, why it
// matters and how to fix it, scrolled in a viewport.
type detailModel struct {
	ctx     *shared
	finding check.Finding
	vp      viewport.Model
	form    *waiveForm // open while a waiver is being written
}

func newDetailModel(ctx *shared, f check.Finding) detailModel {
	m := detailModel{ctx: ctx, finding: f, vp: viewport.New(ctx.width, max(ctx.height-2, 3))}
	m.vp.SetContent(m.content())
	return m
}

func (m *detailModel) resize() {
	if m.ctx == nil {
		return
	}
	m.vp.Width, m.vp.Height = m.ctx.width, max(m.ctx.height-2, 3)
	m.vp.SetContent(m.content())
}

func (m detailModel) update(msg tea.Msg) (detailModel, tea.Cmd) {
	if km, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(km, m.ctx.keys.Top):
			m.vp.GotoTop()
			return m, nil
		case key.Matches(km, m.ctx.keys.Bottom):
			m.vp.GotoBottom()
			return m, nil
		}
	}
	var cmd tea.Cmd
	m.vp, cmd = m.vp.Update(msg)
	return m, cmd
}

func (m detailModel) view(height int) string {
	if m.form != nil {
		form := m.form.view(m.ctx)
		m.vp.Height = max(height-lipgloss.Height(form), 1)
		return m.vp.View() + "\n" + form
	}
	m.vp.Height = height
	return m.vp.View()
}

// reload shows the finding as the report now has it (WAIVED after a waiver).
func (m *detailModel) reload() {
	if m.ctx.report == nil {
		return
	}
	for _, f := range m.ctx.report.Findings {
		if f.Fingerprint == m.finding.Fingerprint {
			m.finding = f
			break
		}
	}
	m.vp.SetContent(m.content())
}

// content is the finding as a person reads it, wrapped to the width.
func (m detailModel) content() string {
	l, s, f := m.ctx.lang, m.ctx.styles, m.finding
	width := max(m.ctx.width-2, 20)
	wrap := func(text string) string { return wrapTo(text, width) }
	section := func(title string) string { return "\n" + s.Header.Render(title) + "\n" }
	var b strings.Builder
	meta, hasMeta := check.Meta{}, false
	if m.ctx.report != nil {
		meta, hasMeta = m.ctx.report.Meta(f.CheckID)
	}
	title := f.CheckID
	if hasMeta {
		title += " — " + meta.Title.In(l)
	}
	b.WriteString(s.Title.Render(wrap(title)) + "\n")
	b.WriteString(fmt.Sprintf("%s · %s · %s\n", s.status(f.Status, f.Status.Label(l)), f.Severity.Label(l), familyName(l, f.Family)))
	b.WriteString(wrap(tr(l, "Target: ", "Cible : ")+f.Target) + "\n")
	if f.Waiver != nil {
		b.WriteString(s.Info.Render(wrap(fmt.Sprintf(tr(l, "Waived until %s (%s): %s — was %s", "Dérogé jusqu'au %s (%s) : %s — était %s"),
			f.Waiver.Expires.Format("2006-01-02"), f.Waiver.Source, f.Waiver.Statement, f.Waiver.Was.Label(l)))) + "\n")
		if m.ctx.waiversUnread { // every waiver shown comes from the file the configuration does not read
			b.WriteString(s.Bad.Render(wrap(m.ctx.waiversUnreadNote())) + "\n")
		}
	}
	b.WriteString(section(tr(l, "What was found", "Ce qui a été trouvé")))
	b.WriteString(wrap(f.Message.In(l)) + "\n")
	if len(f.Evidence) > 0 {
		b.WriteString(section(tr(l, "Evidence", "Preuves")))
		keys := make([]string, 0, len(f.Evidence))
		for k := range f.Evidence {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool { return evidenceBefore(l, keys[i], keys[j]) })
		for _, k := range keys {
			b.WriteString(wrap(fmt.Sprintf(tr(l, "%s: %s", "%s : %s"), evidenceLabel(l, k), report.EvidenceEntry(k, f.Evidence[k], l))) + "\n")
		}
	}
	if hasMeta {
		b.WriteString(section(tr(l, "What is checked", "Ce qui est vérifié")))
		b.WriteString(wrap(meta.Description.In(l)) + "\n")
		b.WriteString(section(tr(l, "Why it matters", "Pourquoi c'est important")))
		b.WriteString(wrap(meta.Risk.In(l)) + "\n")
		// Each URL on a line of its own, unbroken: it is copied from here.
		for _, r := range meta.References {
			r = r.In(l)
			b.WriteString(wrap(fmt.Sprintf(tr(l, "↳ %s: %s", "↳ %s : %s"), r.Source, r.Title)) + "\n")
			if u := r.URL; u != "" {
				if len(u)+2 <= width {
					u = "  " + u
				}
				b.WriteString(wrap(u) + "\n")
			}
		}
		if len(meta.Frameworks) > 0 {
			var fw []string
			for name, controls := range meta.Frameworks {
				fw = append(fw, name+" "+strings.Join(controls, ", "))
			}
			sort.Strings(fw)
			b.WriteString(wrap(strings.Join(fw, " · ")) + "\n")
		}
		b.WriteString(section(tr(l, "How to fix it", "Comment corriger")))
		fix := meta.Remediation.In(l)
		b.WriteString(wrap(fix) + "\n")
		// The commands again, one a line, without their quotes: wrapped at
		// spaces only, so a selection copies them whole.
		for _, c := range codeSpans(fix) {
			b.WriteString(s.Info.Render(wrap("  "+c)) + "\n")
		}
	}
	return b.String()
}

// codeSpans are the `quoted` commands of a text.
func codeSpans(text string) []string {
	parts := strings.Split(text, "`")
	var out []string
	for i := 1; i < len(parts)-1; i += 2 {
		if c := strings.TrimSpace(parts[i]); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// evidenceFirst are the keys a person reads first: how many records, what
// share, what they look like (masked), which they are.
var evidenceFirst = []string{"records", "share_percent", "masked_samples", "record_keys"}

// evidenceBefore orders evidence: those keys first, then by label.
func evidenceBefore(l check.Lang, a, b string) bool {
	ra, rb := slices.Index(evidenceFirst, a), slices.Index(evidenceFirst, b)
	switch {
	case ra >= 0 && rb >= 0:
		return ra < rb
	case ra >= 0 || rb >= 0:
		return ra >= 0
	}
	return evidenceLabel(l, a) < evidenceLabel(l, b)
}
