package report

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"unicode"

	"github.com/vigie-security/vigie/internal/check"
)

// Markdown writes a summary for a ticket or a merge request: the overall
// score, the family scores, then what failed grouped by severity (worst
// first) with the remediation, each list capped with a count of the rest.
// Every text from the scan is escaped, so a hostile target name can neither
// break a table nor inject HTML.
type Markdown struct {
	Options
	MaxRows int // rows per list; 0 means 50
}

const mdCellRunes = 300

func (m Markdown) Write(ctx context.Context, out io.Writer, r Report) error {
	l, limit := m.Lang, m.MaxRows
	if limit <= 0 {
		limit = 50
	}
	w := bufio.NewWriterSize(out, 64<<10)
	fmt.Fprintf(w, "# vigie — %s %s\n\n", tr(l, "score", "note"), mdResult(l, r.Scores.Overall.Scored, r.Scores.Overall.Score, string(r.Scores.Overall.Grade)))
	fmt.Fprintf(w, "%s %s · %s %s · %s · vigie %s\n", tr(l, "Scan", "Scan"), mdInline(r.ScanID),
		tr(l, "started", "commencé le"), r.StartedAt.UTC().Format("2006-01-02 15:04 MST"), targetCount(l, len(r.Targets)), mdInline(r.Tool.Version))
	if r.Interrupted {
		fmt.Fprintf(w, "\n> **%s**\n", tr(l, "Scan interrupted: the report holds only the targets that finished.",
			"Scan interrompu : le rapport ne contient que les cibles terminées."))
	}
	fmt.Fprintf(w, "\n## %s\n\n| %s | %s | %s |\n|---|---:|---:|\n", tr(l, "Scores by family", "Notes par famille"),
		tr(l, "Family", "Famille"), tr(l, "Targets", "Cibles"), tr(l, "Score", "Note"))
	for _, f := range r.Scores.Families {
		fmt.Fprintf(w, "| %s | %d | %s |\n", mdInline(f.Family.Label(l)), f.Targets, mdResult(l, f.Scored, f.Score, string(f.Grade)))
	}
	c := r.Counts()
	fmt.Fprintf(w, "\n%s\n", mdCounts(l, c))
	mdChanges(w, l, r)

	bySev := map[check.Severity][]check.Finding{}
	total := map[check.Severity]int{} // FAIL and WARN findings by severity
	var errs, waived []check.Finding
	for i, f := range r.NumberedVerdicts() {
		if i%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		switch f.Status {
		case check.Fail, check.Warn:
			total[f.Severity]++
			// The kept part is capped: a report of any size is laid out from limit findings a section.
			if len(bySev[f.Severity]) <= limit {
				bySev[f.Severity] = append(bySev[f.Severity], f)
			}
		case check.Error:
			if len(errs) <= limit {
				errs = append(errs, f)
			}
		case check.Waived:
			if len(waived) <= limit {
				waived = append(waived, f)
			}
		}
	}
	if c[check.Fail]+c[check.Warn] > 0 {
		fmt.Fprintf(w, "\n## %s (%d)\n", tr(l, "To fix", "À corriger"), c[check.Fail]+c[check.Warn])
	}
	for i := len(check.Severities) - 1; i >= 0; i-- {
		s := check.Severities[i]
		if len(bySev[s]) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n### %s (%d)\n\n| %s | %s | %s | %s | %s |\n|---|---|---|---|---|\n", mdInline(capFirst(s.Label(l))), total[s],
			tr(l, "Status", "Statut"), tr(l, "Target", "Cible"), tr(l, "Check", "Contrôle"), tr(l, "Finding", "Constat"), tr(l, "Remediation", "Correction"))
		for _, f := range bySev[s][:min(limit, len(bySev[s]))] {
			meta, _ := r.Meta(f.CheckID)
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n", f.Status.Label(l), mdCell(f.Target), mdInline(f.CheckID)+" "+mdTrusted(meta.Title.In(l)),
				mdCell(f.Message.In(l)), mdTrusted(meta.Remediation.In(l)))
		}
		mdMore(w, l, total[s]-limit)
	}
	if len(errs) > 0 {
		fmt.Fprintf(w, "\n## %s (%d)\n\n| %s | %s | %s |\n|---|---|---|\n", tr(l, "Could not be checked", "Non vérifiés"), c[check.Error],
			tr(l, "Target", "Cible"), tr(l, "Check", "Contrôle"), tr(l, "Reason", "Raison"))
		for _, f := range errs[:min(limit, len(errs))] {
			fmt.Fprintf(w, "| %s | %s | %s |\n", mdCell(f.Target), mdCell(f.CheckID), mdCell(f.Message.In(l)))
		}
		mdMore(w, l, c[check.Error]-limit)
	}
	if len(waived) > 0 {
		fmt.Fprintf(w, "\n## %s (%d)\n\n| %s | %s | %s | %s |\n|---|---|---|---|\n", tr(l, "Accepted risks", "Risques acceptés"), c[check.Waived],
			tr(l, "Target", "Cible"), tr(l, "Check", "Contrôle"), tr(l, "Statement", "Justification"), tr(l, "Until", "Jusqu'au"))
		for _, f := range waived[:min(limit, len(waived))] {
			statement, until := "", ""
			if f.Waiver != nil {
				statement, until = f.Waiver.Statement, f.Waiver.Expires.UTC().Format("2006-01-02")
			}
			fmt.Fprintf(w, "| %s | %s | %s | %s |\n", mdCell(f.Target), mdInline(f.CheckID), mdCell(statement), until)
		}
		mdMore(w, l, c[check.Waived]-limit)
	}
	return w.Flush()
}

// mdChanges is the move since the previous scan, when history is kept.
func mdChanges(w *bufio.Writer, l check.Lang, r Report) {
	ch := r.Changes
	if ch == nil {
		return
	}
	fmt.Fprintf(w, "\n%s\n", fmt.Sprintf(tr(l, "Since scan %s of %s: score %d → %d, %s, %s, %d still failing.",
		"Depuis le scan %s du %s : note %d → %d, %s, %s, %d toujours en échec."),
		mdInline(short(ch.Since)), ch.SinceTime.UTC().Format("2006-01-02"), ch.PreviousScore, r.Scores.Overall.Score,
		Count(l, len(ch.New), check.Text{EN: "%d new", FR: "%d nouveau"}, check.Text{EN: "%d new", FR: "%d nouveaux"}),
		Count(l, len(ch.Fixed), check.Text{EN: "%d fixed", FR: "%d corrigé"}, check.Text{EN: "%d fixed", FR: "%d corrigés"}), ch.StillFailing))
}

func mdCell(s string) string { return mdInline(mdCut(s, mdCellRunes)) }

func mdResult(l check.Lang, scored bool, score int, grade string) string {
	if !scored {
		return tr(l, "no score", "pas de note")
	}
	return fmt.Sprintf("%d/100 (%s)", score, mdInline(grade))
}

func mdMore(w *bufio.Writer, l check.Lang, more int) {
	if more > 0 {
		fmt.Fprintf(w, "\n%s\n", fmt.Sprintf(tr(l, "… and %d more", "… et %d de plus"), more))
	}
}

func mdCounts(l check.Lang, c map[check.Status]int) string {
	s := ""
	for _, st := range check.Statuses {
		if s != "" {
			s += " · "
		}
		s += fmt.Sprintf("%s %d", st.Label(l), c[st])
	}
	return s
}

func capFirst(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}
