package tui

import (
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/score"
)

// dashItem is one line a person can open: a family (target "") or a target.
type dashItem struct {
	family check.Family
	target string
}

// dashboardModel: the overall score, a line per family, the targets worst
// first; the cursor moves over families and targets, enter opens the
// findings of the one under it, and the targets scroll.
type dashboardModel struct {
	ctx    *shared
	items  []dashItem
	fams   int // the first fams items are families
	cursor int
	offset int // first target shown
}

func newDashboardModel(ctx *shared) dashboardModel {
	d := dashboardModel{ctx: ctx}
	d.refresh()
	return d
}

// refresh rebuilds the lines after the report changed.
func (d *dashboardModel) refresh() {
	d.items, d.fams = d.items[:0], 0
	if r := d.ctx.report; r != nil {
		for _, f := range r.Scores.Families {
			d.items = append(d.items, dashItem{family: f.Family})
		}
		d.fams = len(d.items)
		for _, t := range worstTargets(r.Scores.Targets) {
			d.items = append(d.items, dashItem{family: t.Family, target: t.Target})
		}
	}
	d.cursor = min(d.cursor, max(len(d.items)-1, 0))
}

func (d dashboardModel) selected() (dashItem, bool) {
	if d.cursor >= len(d.items) {
		return dashItem{}, false
	}
	return d.items[d.cursor], true
}

func (d dashboardModel) update(msg tea.KeyMsg, height int) dashboardModel {
	k, last := d.ctx.keys, max(len(d.items)-1, 0)
	page := max(d.targetRows(height), 1)
	switch {
	case key.Matches(msg, k.Up):
		d.cursor = max(d.cursor-1, 0)
	case key.Matches(msg, k.Down):
		d.cursor = min(d.cursor+1, last)
	case key.Matches(msg, k.PageUp):
		d.cursor = max(d.cursor-page, 0)
	case key.Matches(msg, k.PageDown):
		d.cursor = min(d.cursor+page, last)
	case key.Matches(msg, k.Top):
		d.cursor = 0
	case key.Matches(msg, k.Bottom):
		d.cursor = last
	}
	return d
}

// headLines is what stands above the targets: score, last scan, blank,
// the families' header, their lines, blank, the targets' header.
func (d dashboardModel) headLines() int { return 6 + d.fams }

// targetRows is how many targets fit under the head.
func (d dashboardModel) targetRows(height int) int { return max(height-d.headLines(), 1) }

func (d dashboardModel) view(height int, scanning bool) string {
	ctx := d.ctx
	l, s := ctx.lang, ctx.styles
	r := ctx.report
	if r == nil {
		msg := tr(l, "No scan yet. Press r to run one.", "Aucun scan pour l'instant. Appuyez sur r pour en lancer un.")
		if ctx.demo {
			msg = tr(l, "No configuration here. Press r to scan the built-in demo (sites on 127.0.0.1, password policies, contracts, lead files), or write a configuration with vigie init.",
				"Pas de configuration ici. Appuyez sur r pour scanner la démo intégrée (sites sur 127.0.0.1, politiques de mot de passe, contrats, fichiers de prospects), ou écrivez une configuration avec vigie init.")
		}
		if ctx.newSession == nil {
			msg = tr(l, "Nothing to scan here: write a configuration with vigie init and open it with vigie tui -c vigie.yaml, open a saved report with vigie tui --report FILE, or try vigie demo.",
				"Rien à scanner ici : écrivez une configuration avec vigie init et ouvrez-la avec vigie tui -c vigie.yaml, ouvrez un rapport enregistré avec vigie tui --report FICHIER, ou essayez vigie demo.")
		}
		if scanning {
			msg = tr(l, "The first scan is running: press s to watch it.", "Le premier scan est en cours : appuyez sur s pour le suivre.")
		}
		return "\n" + wrapTo(msg, max(ctx.width-2, 20))
	}
	w := ctx.width
	var b strings.Builder
	overall := r.Scores.Overall
	head := fmt.Sprintf("%s %s", tr(l, "Overall", "Global"), resultText(l, overall))
	b.WriteString(s.Title.Render(s.grade(overall.Grade, head)))
	if overall.Lowered() {
		cap := fmt.Sprintf("  (%s %s %s)", tr(l, "capped by", "plafonné par"), overall.Cap.CheckID, overall.Cap.Target)
		b.WriteString(s.Muted.Render(truncate(cap, w-lipgloss.Width(head))))
	}
	b.WriteString("\n")
	when := r.FinishedAt
	if when.IsZero() {
		when = r.StartedAt
	}
	line := fmt.Sprintf("%s %s", tr(l, "Last scan:", "Dernier scan :"), when.In(ctx.loc).Format("2006-01-02 15:04"))
	if ctx.source != "" {
		line += " · " + ctx.source
	}
	if r.Interrupted {
		line += " · " + tr(l, "interrupted, partial", "interrompu, partiel")
	}
	if c := r.Changes; c != nil {
		line += fmt.Sprintf(" · %s %d/100 → %d/100, %d %s, %d %s", tr(l, "before:", "avant :"), c.PreviousScore, overall.Score,
			len(c.New), tr(l, "new", "nouveaux"), len(c.Fixed), tr(l, "fixed", "corrigés"))
	}
	b.WriteString(s.Muted.Render(truncate(line, w)) + "\n\n")

	counts := problemCounts(r.Findings)
	famW := 0
	for _, f := range r.Scores.Families {
		famW = max(famW, len([]rune(familyName(l, f.Family))))
	}
	b.WriteString(s.Header.Render(tr(l, "Families", "Familles")) + "\n")
	for i, fam := range r.Scores.Families {
		b.WriteString(d.rowStyled(i, familyLine(ctx, fam, counts[fam.Family], famW, true), familyLine(ctx, fam, counts[fam.Family], famW, false)) + "\n")
	}
	rows := d.targetRows(height)
	offset := keepVisible(max(d.cursor-d.fams, 0), d.offset, rows)
	targets := len(d.items) - d.fams
	hdr := tr(l, "Targets", "Cibles")
	if targets > rows {
		hdr += fmt.Sprintf(" %d–%d/%d", offset+1, min(offset+rows, targets), targets)
	}
	b.WriteString("\n" + s.Header.Render(hdr) + s.Muted.Render(truncate(tr(l, "  ↑↓ move · enter opens its findings", "  ↑↓ déplace · entrée ouvre ses constats"), w-len([]rune(hdr)))) + "\n")
	byName := map[dashItem]score.Target{}
	for _, t := range r.Scores.Targets {
		byName[dashItem{t.Family, t.Target}] = t
	}
	for i := d.fams + offset; i < len(d.items) && i < d.fams+offset+rows; i++ {
		t := byName[d.items[i]]
		res := s.grade(t.Grade, pad(resultText(l, t.Result), 11))
		name := pad(familyName(l, t.Family), famW) + "  " + tail(t.Target, w-4-11-2-famW-2)
		b.WriteString(d.rowStyled(i, res+"  "+name, pad(resultText(l, t.Result), 11)+"  "+name) + "\n")
	}
	return b.String()
}

// rowStyled marks the line under the cursor (› and reverse video: the mark
// reads without colour too).
func (d dashboardModel) rowStyled(i int, styled, plain string) string {
	if i == d.cursor {
		return d.ctx.styles.Selected.Render("› " + plain)
	}
	return "  " + styled
}

// problemCounts counts FAIL, ERROR and WARN by family and severity.
func problemCounts(fs []check.Finding) map[check.Family]map[check.Severity]int {
	counts := map[check.Family]map[check.Severity]int{}
	for _, f := range fs {
		if f.Status != check.Fail && f.Status != check.Error && f.Status != check.Warn {
			continue
		}
		if counts[f.Family] == nil {
			counts[f.Family] = map[check.Severity]int{}
		}
		counts[f.Family][f.Severity]++
	}
	return counts
}

func resultText(l check.Lang, r score.Result) string {
	if !r.Scored {
		return tr(l, "no score", "pas de note")
	}
	return fmt.Sprintf("%3d/100 %-2s", r.Score, r.Grade)
}

// familyLine is a family on one line: name, score, targets, problems;
// coloured, or plain for the line under the cursor.
func familyLine(ctx *shared, fam score.Family, bySev map[check.Severity]int, nameW int, colour bool) string {
	l, s := ctx.lang, ctx.styles
	name, res := pad(familyName(l, fam.Family), nameW), pad(resultText(l, fam.Result), 11)
	room := ctx.width - 2 - nameW - 1 - 11 - 2
	targets := pad(check.Count(fam.Targets, check.Text{EN: "%d target", FR: "%d cible"}, check.Text{EN: "%d targets", FR: "%d cibles"}).In(l), 11) + " "
	// At 80 columns every count must show: short severity names, then
	// without the number of targets (the list below has them).
	rest := targets + severityCounts(l, bySev, false)
	for _, try := range []string{targets + severityCounts(l, bySev, true), severityCounts(l, bySev, true)} {
		if len([]rune(rest)) <= room {
			break
		}
		rest = try
	}
	rest = truncate(rest, room)
	if colour {
		name, res = s.Title.Render(name), s.grade(fam.Grade, res)
	}
	return name + " " + res + "  " + rest
}

// severityCounts is "critical 1 · high 3", problems only; short, it is
// "crit. 1, high 3".
func severityCounts(l check.Lang, bySev map[check.Severity]int, short bool) string {
	var parts []string
	for _, sev := range []check.Severity{check.Critical, check.High, check.Medium, check.Low} {
		if n := bySev[sev]; n > 0 {
			name := sev.Label(l)
			if short {
				name = shortSeverity(l, sev)
			}
			parts = append(parts, fmt.Sprintf("%s %d", name, n))
		}
	}
	if short && len(parts) > 0 {
		return strings.Join(parts, ", ")
	}
	if len(parts) == 0 {
		return tr(l, "no problem", "aucun problème")
	}
	return strings.Join(parts, " · ")
}

// worstTargets orders targets worst score first (unscored last).
func worstTargets(ts []score.Target) []score.Target {
	out := append([]score.Target(nil), ts...)
	rank := func(t score.Target) int {
		if !t.Scored {
			return 1000
		}
		return t.Score
	}
	sort.SliceStable(out, func(i, j int) bool { return rank(out[i]) < rank(out[j]) })
	return out
}

// shortSeverity is a severity's name cut for narrow lines.
func shortSeverity(l check.Lang, sev check.Severity) string {
	switch sev {
	case check.Critical:
		return tr(l, "crit.", "crit.")
	case check.Medium:
		return tr(l, "med.", "moy.")
	}
	return sev.Label(l)
}
