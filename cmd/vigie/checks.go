package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/vigie-security/vigie/internal/catalog"
	"github.com/vigie-security/vigie/internal/check"
)

func newChecksCmd(e env) *cobra.Command {
	var format, lang string
	cmd := &cobra.Command{
		Use:   "checks [ID]",
		Short: "List every check with its severity and references; with an ID, one check whole",
		Long: `List every check vigie runs: ID, family, severity, title and references.
With a check ID (vigie checks WEB-HTTPS-001), print that check whole: what it looks at,
the risk, how to fix it, the grade it caps and its references with their links.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			l, err := langOf(lang, "", e.getenv)
			if err != nil {
				return err
			}
			metas := make([]check.Meta, 0)
			for _, c := range catalog.All() {
				metas = append(metas, c.Meta())
			}
			if len(args) == 1 {
				m, err := oneCheck(metas, args[0], l)
				if err != nil {
					return err
				}
				if format == "json" {
					enc := json.NewEncoder(e.stdout)
					enc.SetIndent("", "  ")
					enc.SetEscapeHTML(false)
					return enc.Encode(m)
				}
				if format != "table" {
					return usageText("--format: %q is not table or json", "--format : %q n'est ni table ni json", format)
				}
				printCheck(e.stdout, m, l)
				return nil
			}
			switch format {
			case "json":
				enc := json.NewEncoder(e.stdout)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(metas)
			case "table":
				for _, m := range metas {
					fmt.Fprintf(e.stdout, "%-14s %-9s %-9s %s\n", m.ID, m.Family, m.Severity.Label(l), m.Title.In(l))
					if m.CapOnFail != "" {
						fmt.Fprintf(e.stdout, "%-34s %s %s\n", "", map[check.Lang]string{check.EN: "caps the grade at", check.FR: "plafonne la note à"}[l], m.CapOnFail)
					}
					var refs []string
					for _, r := range m.References {
						refs = append(refs, r.In(l).Source)
					}
					fmt.Fprintf(e.stdout, "%-34s %s\n", "", strings.Join(refs, ", "))
				}
				return nil
			}
			return usageText("--format: %q is not table or json", "--format : %q n'est ni table ni json", format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "table or json")
	cmd.ValidArgsFunction = func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var ids []string
		for _, c := range catalog.All() {
			ids = append(ids, c.Meta().ID)
		}
		return ids, cobra.ShellCompDirectiveNoFileComp
	}
	cmd.Flags().StringVar(&lang, "lang", "", "fr or en (default: from the locale)")
	return cmd
}

// oneCheck finds the check an ID names, in any case; a wrong ID is a usage
// error that suggests the nearest ones.
func oneCheck(metas []check.Meta, id string, l check.Lang) (check.Meta, error) {
	var near []string
	for _, m := range metas {
		if strings.EqualFold(m.ID, id) {
			return m, nil
		}
		if strings.HasPrefix(m.ID, strings.ToUpper(id)) || strings.HasPrefix(strings.ToUpper(id), m.ID[:strings.LastIndex(m.ID, "-")]) {
			near = append(near, m.ID)
		}
	}
	if len(near) > 8 {
		near = near[:8]
	}
	hint := tr(l, " (vigie checks lists them)", " (vigie checks les liste)")
	if len(near) > 0 {
		hint = tr(l, "; did you mean ", " ; vouliez-vous dire ") + strings.Join(near, ", ") + tr(l, "?", " ?")
	}
	return check.Meta{}, usageErr("%s", fmt.Sprintf(tr(l, "no check %q%s", "aucun contrôle %q%s"), id, hint))
}

// printCheck writes one check whole, for a person.
func printCheck(w io.Writer, m check.Meta, l check.Lang) {
	fmt.Fprintf(w, "%s  %s\n%s: %s · %s: %s\n", m.ID, m.Title.In(l), tr(l, "family", "famille"), m.Family.Label(l),
		tr(l, "severity", "gravité"), m.Severity.Label(l))
	if m.CapOnFail != "" {
		fmt.Fprintf(w, "%s %s\n", tr(l, "caps the grade at", "plafonne la note à"), m.CapOnFail)
	}
	for _, part := range []struct {
		title check.Text
		body  check.Text
	}{
		{check.Text{EN: "What it checks", FR: "Ce qui est vérifié"}, m.Description},
		{check.Text{EN: "Risk", FR: "Risque"}, m.Risk},
		{check.Text{EN: "Remediation", FR: "Correction"}, m.Remediation},
	} {
		if body := part.body.In(l); body != "" {
			fmt.Fprintf(w, "\n%s\n  %s\n", part.title.In(l), strings.ReplaceAll(body, "\n", "\n  "))
		}
	}
	if len(m.References) > 0 {
		fmt.Fprintf(w, "\n%s\n", tr(l, "References", "Références"))
		for _, r := range m.References {
			r = r.In(l)
			line := "  " + r.Source
			if r.Title != "" {
				line += ": " + r.Title
			}
			if r.URL != "" {
				line += " <" + r.URL + ">"
			}
			fmt.Fprintln(w, line)
		}
	}
}
