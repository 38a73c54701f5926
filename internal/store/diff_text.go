package store

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

// DiffListMax is how many lines each list of WriteDiff shows before it
// says how many more there are: a cron mail must stay readable when a
// thousand sites break at once.
var DiffListMax = 100

// WriteDiff writes c as plain text in lang, for a terminal or a cron mail:
// no colour, no control character, lines under 100 columns but for long
// targets and titles.
func WriteDiff(w io.Writer, c Comparison, l check.Lang) error {
	b := bufio.NewWriter(w)
	tr := func(en, fr string) string { return check.Text{EN: en, FR: fr}.In(l) }
	clean := report.Scrubber{}.Clean
	fmt.Fprintf(b, "%s %s → %s\n", tr("vigie diff:", "vigie diff :"), scanLabel(c.From, l), scanLabel(c.To, l))
	if c.From.Demo != c.To.Demo {
		fmt.Fprintln(b, tr("Note: one of these scans is a demo, the other is not.", "Attention : l'un de ces scans est une démo, l'autre non."))
	}

	fmt.Fprintf(b, "\n%s\n", tr("Scores", "Scores"))
	fmt.Fprintf(b, "  %-14s %s\n", tr("overall", "global"), scoreLine(c.Overall, l))
	for _, m := range c.Families {
		fmt.Fprintf(b, "  %-14s %s\n", familyName(m.Family, l), scoreLine(m, l))
	}

	// what names a moved finding: a fix by the title it now meets, any
	// other by its own message (the title says what passing looks like).
	what := func(m Move) string {
		if m.After == check.Pass {
			return m.Title.In(l)
		}
		if msg := m.Message.In(l); msg != "" && m.Message != notKept {
			return msg
		}
		if m.Title.In(l) == "" {
			return ""
		}
		return report.NotMet(m.Title).In(l)
	}
	list := func(title check.Text, moves []Move, line func(Move) string) {
		if len(moves) == 0 {
			return
		}
		fmt.Fprintf(b, "\n%s (%d)\n", title.In(l), len(moves))
		for i, m := range moves {
			if i == DiffListMax {
				fmt.Fprintf(b, "  %s\n", check.Textf("… and %d more", "… et %d de plus", len(moves)-i).In(l))
				break
			}
			fmt.Fprintf(b, "  %s  %s  %s\n", line(m), m.CheckID, clean(m.Target))
			if t := what(m); t != "" {
				fmt.Fprintf(b, "      %s\n", clean(t))
			}
		}
	}
	status := func(s check.Status) string {
		if s == "" {
			return tr("not checked", "non vérifié")
		}
		return s.Label(l)
	}
	sev := func(m Move) string {
		if m.SeverityBefore != m.Severity {
			return m.SeverityBefore.Label(l) + " → " + m.Severity.Label(l)
		}
		return m.Severity.Label(l)
	}
	move := func(m Move) string { return pad(status(m.Before)+" → "+status(m.After), 22) + "  " + pad(sev(m), 10) }
	list(check.Text{EN: "New failures", FR: "Nouveaux échecs"}, c.New, move)
	list(check.Text{EN: "Fixed", FR: "Corrigés"}, c.Fixed, move)
	list(check.Text{EN: "Changed", FR: "Modifiés"}, c.Changed, move)
	list(check.Text{EN: "Failing before, not checked now", FR: "En échec avant, non vérifiés maintenant"}, c.Gone, move)

	if len(c.New)+len(c.Fixed)+len(c.Changed)+len(c.Gone) == 0 {
		fmt.Fprintf(b, "\n%s\n", tr("No finding moved.", "Aucun constat n'a changé."))
	}
	fmt.Fprintf(b, "\n%s\n", check.Textf("Still failing, unchanged: %d", "Toujours en échec, sans changement : %d", c.StillFailing).In(l))
	return b.Flush()
}

func scanLabel(s Scan, l check.Lang) string {
	out := s.ID + " (" + s.StartedAt.UTC().Format("2006-01-02 15:04") + " UTC"
	if s.Demo {
		out += ", " + check.Text{EN: "demo", FR: "démo"}.In(l)
	}
	if s.Interrupted {
		out += ", " + check.Text{EN: "interrupted", FR: "interrompu"}.In(l)
	}
	return report.Scrubber{}.Clean(out) + ")"
}

func scoreLine(m ScoreMove, l check.Lang) string {
	p := func(x Points) string {
		if !x.Scored {
			return fmt.Sprintf("%3s %-2s", "–", "")
		}
		return fmt.Sprintf("%3d %-2s", x.Score, x.Grade)
	}
	line := p(m.Before) + "  →  " + p(m.After)
	switch d := m.Delta(); {
	case m.Before.Scored && m.After.Scored && d == 0:
		line += "   ="
	case m.Before.Scored && m.After.Scored:
		line += fmt.Sprintf("  %+d", d)
	case m.After.Scored:
		line += "   " + check.Text{EN: "new", FR: "nouveau"}.In(l)
	case m.Before.Scored:
		line += "   " + check.Text{EN: "not scored now", FR: "plus noté"}.In(l)
	}
	return strings.TrimRight(line, " ")
}

func familyName(f check.Family, l check.Lang) string {
	return report.Scrubber{}.Clean(f.Label(l))
}

// pad fills s with spaces to n characters (not bytes: É is one column).
func pad(s string, n int) string {
	if c := utf8.RuneCountInString(s); c < n {
		return s + strings.Repeat(" ", n-c)
	}
	return s
}
