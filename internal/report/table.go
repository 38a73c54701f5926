package report

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/score"
)

// Table writes the report for a person at a terminal: one block per target,
// the points each finding cost, the scores, and how to fix what failed.
type Table struct{ Options }

const (
	colStatus = 7
	colSev    = 9
	colID     = 14
	colPoints = 6
	colFamily = 13 // "mots de passe"
	indent    = 2
)

func (t Table) Write(_ context.Context, out io.Writer, r Report) error {
	w := bufio.NewWriter(out)
	width := t.Width
	if width <= 0 {
		width = 100
	}
	l := t.Lang
	p := printer{w: w, width: width, color: t.Color}

	p.line(fmt.Sprintf("vigie %s · %s %s · %s", r.Tool.Version, tr(l, "scan", "scan"), short(r.ScanID),
		r.StartedAt.UTC().Format("2006-01-02 15:04 MST")))
	if r.Interrupted {
		p.line(p.paint(red, tr(l, "Scan interrupted: the report holds only the targets that finished.",
			"Scan interrompu : le rapport ne contient que les cibles terminées.")))
	}
	scores := map[string]score.Target{}
	for _, s := range r.Scores.Targets {
		scores[string(s.Family)+"\x00"+s.Target] = s
	}
	msgCol := indent + colStatus + 1 + colSev + 1 + colID + 1 + colPoints + 2
	findings := targetFindings(r)
	for i, tg := range r.Targets {
		k := string(tg.Family) + "\x00" + tg.Name
		p.line("")
		s, scored := scores[k]
		head := fmt.Sprintf("%s  [%s]", tg.Name, tg.Family.Label(l))
		grade := tr(l, "not finished", "non terminé")
		if scored {
			grade = resultLabel(l, s.Result)
			if s.Observatory != nil {
				grade += fmt.Sprintf("  (Observatory %d %s)", s.Observatory.Score, s.Observatory.Grade)
			}
		}
		p.line(p.paint(bold, fit(head, width-utf8.RuneCountInString(grade)-2)) + "  " + p.gradeColor(s.Grade, grade))
		points := map[string]float64{}
		for _, d := range s.Deductions {
			points[d.CheckID] = d.Points
		}
		for f := range findings(i, k) {
			pts := ""
			if v, ok := points[f.CheckID]; ok {
				pts = check.SignedDecimal(l, -v, 1)
			}
			left := strings.Repeat(" ", indent) +
				p.paint(statusColor(f.Status), pad(f.Status.Label(l), colStatus)) + " " +
				pad(f.Severity.Label(l), colSev) + " " + pad(f.CheckID, colID) + " " + padLeft(pts, colPoints) + "  "
			p.wrapped(left, msgCol, f.Message.In(l))
		}
		if scored && s.Lowered() {
			p.line(strings.Repeat(" ", indent) + p.paint(yellow, fmt.Sprintf(tr(l, "Grade capped at %s by %s.", "Note plafonnée à %s par %s."), s.Cap.Grade, s.Cap.CheckID)))
		}
	}
	findings(len(r.Targets), "") // releases the stream

	if mx := ContractMatrix(r); len(mx.Rows) > 0 {
		p.matrix(l, mx)
	}

	p.line("")
	p.line(p.paint(bold, tr(l, "SCORES", "SCORES")))
	for _, f := range r.Scores.Families {
		p.line(fmt.Sprintf("  %s %s%s", pad(f.Family.Label(l), colFamily), p.gradeColor(f.Grade, resultLabel(l, f.Result)), capNote(l, f.Result)))
	}
	p.line(fmt.Sprintf("  %s %s%s", pad(tr(l, "overall", "global"), colFamily), p.gradeColor(r.Scores.Overall.Grade, resultLabel(l, r.Scores.Overall)), capNote(l, r.Scores.Overall)))

	if c := r.Changes; c != nil {
		p.line("")
		p.line(p.paint(bold, tr(l, "SINCE THE LAST SCAN", "DEPUIS LE DERNIER SCAN")) + fmt.Sprintf(" (%s, %d/100)", c.SinceTime.UTC().Format("2006-01-02 15:04"), c.PreviousScore))
		p.line("  " + Count(l, len(c.New), check.Text{EN: "%d new failure", FR: "%d nouvel échec"}, check.Text{EN: "%d new failures", FR: "%d nouveaux échecs"}) +
			", " + Count(l, len(c.Fixed), check.Text{EN: "%d fixed", FR: "%d corrigé"}, check.Text{EN: "%d fixed", FR: "%d corrigés"}) +
			", " + fmt.Sprintf(tr(l, "%d still failing", "%d toujours en échec"), c.StillFailing))
		for _, ch := range c.New {
			p.wrapped("  "+p.paint(red, "+ ")+pad(ch.CheckID, colID)+" ", indent+2+colID+1, ch.Target)
		}
		for _, ch := range c.Fixed {
			p.wrapped("  "+p.paint(green, "- ")+pad(ch.CheckID, colID)+" ", indent+2+colID+1, ch.Target)
		}
	}
	p.fixes(l, r)

	c := r.Counts()
	var parts []string
	for _, st := range check.Statuses {
		if c[st] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", st.Label(l), c[st]))
		}
	}
	foot := targetCount(l, len(r.Targets))
	finished := 0
	for _, tg := range r.Targets {
		if tg.Completed {
			finished++
		}
	}
	if finished < len(r.Targets) {
		foot += Count(l, finished, check.Text{EN: " (%d finished)", FR: " (%d terminée)"}, check.Text{EN: " (%d finished)", FR: " (%d terminées)"})
	}
	p.line("")
	p.line(strings.Join(append([]string{foot}, parts...), " · "))
	return w.Flush()
}

// targetFindings gives, for the ith target of r (key k), its findings. A
// report's findings come target by target in its targets' order, as the
// engine and the merge lay them out: they are then read as one stream, not
// held (a large scan's are on disk). Should they not, they are gathered by
// target first. Called with i past the last target, it ends the stream.
func targetFindings(r Report) func(i int, k string) iter.Seq[check.Finding] {
	key := func(f check.Finding) string { return string(f.Family) + "\x00" + f.Target }
	first := map[string]int{}
	for i, tg := range r.Targets {
		if k := string(tg.Family) + "\x00" + tg.Name; !hasKey(first, k) {
			first[k] = i
		}
	}
	inOrder, last := true, 0
	for f := range r.Verdicts() {
		i, ok := first[key(f)]
		if !ok || i < last {
			inOrder = false
			break
		}
		last = i
	}
	if !inOrder {
		byTarget := map[string][]check.Finding{}
		for f := range r.Verdicts() {
			byTarget[key(f)] = append(byTarget[key(f)], f)
		}
		return func(i int, k string) iter.Seq[check.Finding] {
			fs := byTarget[k]
			delete(byTarget, k) // a target named twice lists its findings once
			return slices.Values(fs)
		}
	}
	next, stop := iter.Pull(r.Verdicts())
	f, more := next()
	return func(i int, k string) iter.Seq[check.Finding] {
		if i >= len(r.Targets) {
			stop()
		}
		return func(yield func(check.Finding) bool) {
			for more && first[key(f)] == i {
				if !yield(f) {
					return
				}
				f, more = next()
			}
		}
	}
}

func hasKey(m map[string]int, k string) bool { _, ok := m[k]; return ok }

// fixes lists, once per failing check, what to do about it.
func (p *printer) fixes(l check.Lang, r Report) {
	seen := map[string]bool{}
	var ids []string
	for f := range r.Verdicts() {
		if (f.Status == check.Fail || f.Status == check.Warn) && !seen[f.CheckID] {
			seen[f.CheckID] = true
			ids = append(ids, f.CheckID)
		}
	}
	if len(ids) == 0 {
		return
	}
	p.line("")
	p.line(p.paint(bold, tr(l, "HOW TO FIX", "COMMENT CORRIGER")))
	for _, id := range ids {
		m, ok := r.Meta(id)
		if !ok {
			continue
		}
		p.wrapped("  "+pad(id, colID)+" ", indent+colID+1, m.Title.In(l))
		p.wrapped(strings.Repeat(" ", indent+colID+1), indent+colID+1, m.Remediation.In(l))
		if len(m.References) > 0 {
			r := m.References[0].In(l)
			p.wrapped(strings.Repeat(" ", indent+colID+1), indent+colID+1, "↳ "+r.Source+tr(l, ": ", " : ")+r.URL)
		}
	}
}

func resultLabel(l check.Lang, r score.Result) string {
	if !r.Scored {
		return tr(l, "no score", "pas de note")
	}
	return fmt.Sprintf("%3d/100  %s", r.Score, r.Grade)
}

// capNote names the cap of r when it lowered the score.
func capNote(l check.Lang, r score.Result) string {
	if !r.Lowered() {
		return ""
	}
	c := r.Cap
	if c.Target != "" {
		return fmt.Sprintf(tr(l, "  (capped at %s by %s on %s)", "  (plafonné à %s par %s sur %s)"), c.Grade, c.CheckID, c.Target)
	}
	return fmt.Sprintf(tr(l, "  (capped at %s by %s)", "  (plafonné à %s par %s)"), c.Grade, c.CheckID)
}

func tr(l check.Lang, en, fr string) string { return check.Text{EN: en, FR: fr}.In(l) }

func short(id string) string {
	if len(id) > 8 {
		return id[:8]
	}
	return id
}
