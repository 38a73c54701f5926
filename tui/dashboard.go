package tui

import (
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/score"
)

// dashboardView: the overall score, a card per family, the targets with
// their grades, when the scan ran and, with history, what changed.
func dashboardView(ctx *shared, scanning bool) string {
	l, s := ctx.lang, ctx.styles
	r := ctx.report
	if r == nil {
		msg := tr(l, "No scan yet. Press r to run one.", "Aucun scan pour l'instant. Appuyez sur r pour en lancer un.")
		if ctx.demo {
			msg = tr(l, "No configuration here. Press r to scan the built-in demo (sites on 127.0.0.1, password policies, contracts), or write a configuration with vigie init.",
				"Pas de configuration ici. Appuyez sur r pour scanner la démo intégrée (sites sur 127.0.0.1, politiques de mot de passe, contrats), ou écrivez une configuration avec vigie init.")
		}
		if !ctx.canScan {
			msg = tr(l, "Nothing to scan here: write a configuration with vigie init and open it with vigie tui -c vigie.yaml, or try vigie demo.",
				"Rien à scanner ici : écrivez une configuration avec vigie init et ouvrez-la avec vigie tui -c vigie.yaml, ou essayez vigie demo.")
		}
		if scanning {
			msg = tr(l, "The first scan is running: press s to watch it.", "Le premier scan est en cours : appuyez sur s pour le suivre.")
		}
		return "\n" + msg
	}
	var b strings.Builder
	overall := r.Scores.Overall
	head := fmt.Sprintf("%s %s", tr(l, "Overall", "Global"), resultText(l, overall))
	b.WriteString(s.Title.Render(s.grade(overall.Grade, head)))
	if overall.Cap != nil {
		b.WriteString(s.Muted.Render(fmt.Sprintf("  (%s %s %s)", tr(l, "capped by", "plafonné par"), overall.Cap.CheckID, overall.Cap.Target)))
	}
	b.WriteString("\n")
	when := r.FinishedAt
	if when.IsZero() {
		when = r.StartedAt
	}
	line := fmt.Sprintf("%s %s", tr(l, "Last scan:", "Dernier scan :"), when.In(ctx.loc).Format("2006-01-02 15:04"))
	if r.Interrupted {
		line += " · " + tr(l, "interrupted, partial", "interrompu, partiel")
	}
	if c := r.Changes; c != nil {
		line += fmt.Sprintf(" · %s %d/100 → %d/100, %d %s, %d %s", tr(l, "before:", "avant :"), c.PreviousScore, overall.Score,
			len(c.New), tr(l, "new", "nouveaux"), len(c.Fixed), tr(l, "fixed", "corrigés"))
	}
	b.WriteString(s.Muted.Render(line) + "\n\n")

	counts := map[check.Family]map[check.Severity]int{}
	for _, f := range r.Findings {
		if f.Status != check.Fail && f.Status != check.Error && f.Status != check.Warn {
			continue
		}
		if counts[f.Family] == nil {
			counts[f.Family] = map[check.Severity]int{}
		}
		counts[f.Family][f.Severity]++
	}
	var cards []string
	width := 0
	for _, fam := range r.Scores.Families {
		c := familyCard(ctx, fam, counts[fam.Family])
		cards, width = append(cards, c), width+lipgloss.Width(c)
	}
	switch {
	case len(cards) == 0:
	case width <= ctx.width:
		b.WriteString(lipgloss.JoinHorizontal(lipgloss.Top, cards...) + "\n")
	default:
		// Too narrow for the cards side by side: one line per family, so
		// the targets stay on screen.
		for _, fam := range r.Scores.Families {
			b.WriteString(familyLine(ctx, fam, counts[fam.Family]) + "\n")
		}
		b.WriteString("\n")
	}

	b.WriteString(s.Header.Render(tr(l, "Targets", "Cibles")) + "\n")
	for _, t := range worstTargets(r.Scores.Targets) {
		name := fmt.Sprintf("%-10s %s", t.Family, t.Target)
		b.WriteString(fmt.Sprintf("  %s  %s\n", s.grade(t.Grade, fmt.Sprintf("%-11s", resultText(l, t.Result))), truncate(name, ctx.width-17)))
	}
	return b.String()
}

func resultText(l check.Lang, r score.Result) string {
	if !r.Scored {
		return tr(l, "no score", "pas de note")
	}
	return fmt.Sprintf("%3d/100 %-2s", r.Score, r.Grade)
}

func familyCard(ctx *shared, fam score.Family, bySev map[check.Severity]int) string {
	l, s := ctx.lang, ctx.styles
	lines := []string{
		s.Title.Render(string(fam.Family)),
		s.grade(fam.Grade, resultText(l, fam.Result)),
		plural(l, fam.Targets, "target", "cible"),
		severityCounts(l, bySev),
	}
	return s.Card.Render(strings.Join(lines, "\n"))
}

// familyLine is a family on one line, for narrow terminals.
func familyLine(ctx *shared, fam score.Family, bySev map[check.Severity]int) string {
	l, s := ctx.lang, ctx.styles
	return fmt.Sprintf("%s %s  %-11s %s", s.Title.Render(fmt.Sprintf("%-10s", fam.Family)), s.grade(fam.Grade, resultText(l, fam.Result)),
		plural(l, fam.Targets, "target", "cible"), severityCounts(l, bySev))
}

// severityCounts is "critical 1 · high 3", problems only.
func severityCounts(l check.Lang, bySev map[check.Severity]int) string {
	var parts []string
	for _, sev := range []check.Severity{check.Critical, check.High, check.Medium, check.Low} {
		if n := bySev[sev]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", sev.Label(l), n))
		}
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

// truncate cuts s to n runes with an ellipsis.
func truncate(s string, n int) string {
	if n <= 0 {
		return ""
	}
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	if n == 1 {
		return "…"
	}
	return string(r[:n-1]) + "…"
}

// plural writes "1 target", "2 targets" (the same rule in French).
func plural(l check.Lang, n int, en, fr string) string {
	w := tr(l, en, fr)
	if n != 1 {
		w += "s"
	}
	return fmt.Sprintf("%d %s", n, w)
}
